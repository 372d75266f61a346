"""The coach: runs the optional rep pacer beside the engine and decides what to announce.

The session screen hands every engine action's cues to ``Coach.after`` and gets back one
``Announcement``: whether to ring, whether to flash, and the phrase to speak. Nothing here
touches a terminal or a speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from itb_tui.core.clock import Clock
from itb_tui.core.session.actions import SessionAction
from itb_tui.core.session.cue_text import CueTracker, TrackerCue, TrackerKind, spoken_all
from itb_tui.core.session.engine import Cue, CueKind, Phase, SessionEngine
from itb_tui.core.session.pacer import PacerCue, RepPacer
from itb_tui.core.session.progress_file import save_due

ALERT_CUES = frozenset(
    {CueKind.COUNTDOWN, CueKind.GO, CueKind.WORK_END, CueKind.SWITCH_SIDES, CueKind.REST_OVER}
)


@dataclass(frozen=True)
class Announcement:
    """What the user should notice after one engine action or tick."""

    alert: bool  # ring the bell and flash
    phrase: str | None  # what a voice would say
    save: bool  # save the progress now (see progress_file.save_due)


class Coach:
    """Owns the pacer of the rep set in hand and the cue tracker of the session."""

    def __init__(self, engine: SessionEngine, clock: Clock, *, pacer: bool = False) -> None:
        self.engine = engine
        self.clock = clock
        self.use_pacer = pacer
        self.pacer: RepPacer | None = None
        self._pacer_step = -1
        self.tracker = CueTracker()

    def _sync_pacer(self) -> None:
        engine, exercise = self.engine, self.engine.exercise
        pacing = (
            self.use_pacer
            and engine.phase is Phase.WORK
            and exercise is not None
            and exercise.paceable
        )
        if not pacing:
            self.pacer, self._pacer_step = None, -1
            return
        if self._pacer_step != engine.index:
            assert exercise is not None and exercise.tempo is not None and exercise.reps
            self.pacer = RepPacer(exercise.tempo, exercise.reps[1], self.clock)
            self.pacer.start()
            self._pacer_step = engine.index

    def after(self, cues: Sequence[Cue], action: SessionAction | None = None) -> Announcement:
        """Advance the pacer, collect tracker cues, and say what the user should notice after
        ``cues`` (and the key's ``action`` that gave them, if any)."""
        found: list[Cue | PacerCue | TrackerCue] = list(cues)
        phases: list[PacerCue] = []
        self._sync_pacer()
        if self.pacer is not None and not self.engine.paused:
            for cue in self.pacer.tick():  # the rep count first, the next phase after the news
                (found if cue.kind == "rep" else phases).append(cue)
            self.engine.reps = self.pacer.completed
            if self.pacer.finished:
                found.extend(self.engine.done())
                self._sync_pacer()
        found.extend(self.tracker.update(self.engine))
        found.extend(phases)
        alert = any(
            (isinstance(c, Cue) and c.kind in ALERT_CUES)
            or isinstance(c, PacerCue)
            or (isinstance(c, TrackerCue) and c.kind is TrackerKind.TEN_SECONDS)
            for c in found
        )
        return Announcement(alert, spoken_all(found, self.engine), save_due(found, action))

    @property
    def pacing(self) -> bool:
        return self.pacer is not None

    def next_wake(self) -> float | None:
        """Seconds until the pacer's next phase, when it is running."""
        if self.pacer is None or not self.pacer.running:
            return None
        return self.pacer.seconds_left()

    def wake_in(self) -> float | None:
        """Seconds until what is shown changes by itself: the next whole second of a running
        countdown, or the pacer's next phase; None when nothing will."""
        engine = self.engine
        pacer = self.next_wake()
        delays = [pacer] if pacer is not None else []
        if engine.counting_down and not engine.paused:
            remaining = engine.remaining()
            delays.append(remaining - (engine.shown_seconds() - 1) if remaining > 0 else 0.0)
        return min(delays, default=None)

    def toggle_pause(self) -> None:
        """Space: pause the pacer on a paced set, else the engine's countdown."""
        if self.pacer is not None:
            if self.pacer.paused:
                self.pacer.resume()
            else:
                self.pacer.pause()
            self.engine.paused = self.pacer.paused
            return
        self.engine.toggle_pause()

    def finish_set(self) -> list[Cue]:
        """Enter: on a paced set, record the reps actually done and end the set."""
        if self.pacer is not None:
            self.engine.reps = self.pacer.stop_early()
            self.engine.paused = False
        return self.engine.done()

    def status(self) -> str:
        """'Rep 4 of 20 - HOLD' for the screen, or '' without a pacer."""
        if self.pacer is None:
            return ""
        if self.pacer.paused:
            return f"Pacer paused at rep {self.pacer.rep} of {self.pacer.target}"
        return f"Rep {self.pacer.rep} of {self.pacer.target} - {self.pacer.phase.upper()}"
