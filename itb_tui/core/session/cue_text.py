"""Short spoken phrases for cues: never one every second, only at the moments that matter.

``spoken()`` turns a session ``Cue``, a ``PacerCue`` or a ``TrackerCue`` into a phrase (or None
for cues that stay silent). ``CueTracker`` adds the two cues the engine does not fire itself,
without touching it: ANNOUNCE on entering a step and TEN_SECONDS near the end of a long hold.

Per tick, the caller forwards every cue from ``engine.tick()`` (and from actions), then the
tracker's, and speaks ``spoken_all(...)`` as one utterance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from itb_tui.core.content.library import Exercise
from itb_tui.core.history.records import BOTH
from itb_tui.core.session.engine import Cue, CueKind, Phase, SessionEngine, Step
from itb_tui.core.session.pacer import PacerCue
from itb_tui.core.session.timer import COUNTDOWN_FROM

TEN_SECONDS = 10
TEN_SECONDS_MIN_HOLD = 20  # only holds of at least this many seconds get the warning
TEN_SECONDS_LATE = 2  # after a stall, still warn down to 8 s left; later is stale, so skipped


class TrackerKind(StrEnum):
    ANNOUNCE = "announce"  # a step was entered
    TEN_SECONDS = "ten_seconds"  # 10 s left on a hold of 20 s or more


@dataclass(frozen=True)
class TrackerCue:
    """A cue from ``CueTracker``; ``index`` is the engine step it belongs to."""

    kind: TrackerKind
    index: int


class CueTracker:
    """Watches the engine on each tick; ANNOUNCE once per step entry, TEN_SECONDS once per step."""

    def __init__(self) -> None:
        self._index: int | None = None
        self._warned = False

    def update(self, engine: SessionEngine) -> list[TrackerCue]:
        cues: list[TrackerCue] = []
        if engine.index != self._index:
            self._index = engine.index
            self._warned = False
            cues.append(TrackerCue(TrackerKind.ANNOUNCE, engine.index))
        if not self._warned and _is_long_hold(engine) and not engine.paused:
            shown = engine.shown_seconds()
            if shown <= TEN_SECONDS:
                self._warned = True  # once per step, even if skipped as stale
                if shown >= max(TEN_SECONDS - TEN_SECONDS_LATE, COUNTDOWN_FROM + 1):
                    cues.append(TrackerCue(TrackerKind.TEN_SECONDS, engine.index))
        return cues


def _is_long_hold(engine: SessionEngine) -> bool:
    exercise = engine.exercise
    return (
        engine.phase is Phase.WORK
        and exercise is not None
        and exercise.timed
        and engine.total_seconds() >= TEN_SECONDS_MIN_HOLD
    )


def _lower_name(name: str) -> str:
    """'Glute bridge' -> 'glute bridge'; an acronym such as 'TFL release' is kept."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _amount(exercise: Exercise) -> str:
    """'15 to 20 reps', '15 reps', '60 seconds'."""
    if exercise.timed:
        return f"{exercise.duration_s or 0} seconds"
    low, high = exercise.reps or (0, 0)
    count = f"{low} to {high}" if low != high else f"{low}"
    return f"{count} {exercise.unit}"


def set_announcement(exercise: Exercise, step: Step) -> str:
    """'Clamshells, left side, set 2 of 3, 15 to 20 reps'."""
    parts = [exercise.name]
    if step.side != BOTH:
        parts.append(f"{step.side} side")
    if exercise.sets > 1:
        parts.append(f"set {step.set_no} of {exercise.sets}")
    parts.append(_amount(exercise))
    return ", ".join(parts)


def _announce(engine: SessionEngine, index: int) -> str | None:
    """What to say on entering step ``index``; lead-ins and switches speak through other cues."""
    if not 0 <= index < len(engine.steps):
        return None
    step = engine.steps[index]
    if step.phase is Phase.INTRO:
        name = engine.routine.items[step.item].name
        return name if index == 0 else f"next: {_lower_name(name)}"
    if step.phase is Phase.REST:
        return f"rest {step.seconds} seconds"
    if step.phase is Phase.PAIN:
        return "done"
    before = engine.steps[index - 1].phase if index > 0 else None
    first_of_set = step.phase is Phase.READY or (
        step.phase is Phase.WORK and before not in (Phase.READY, Phase.SWITCH)
    )
    if first_of_set:
        return set_announcement(engine.routine.items[step.item], step)
    return None


def spoken(cue: Cue | PacerCue | TrackerCue, engine: SessionEngine) -> str | None:
    """The phrase for one cue, or None when it stays silent."""
    if isinstance(cue, PacerCue):
        return str(cue.value) if cue.kind == "rep" else cue.kind
    if isinstance(cue, TrackerCue):
        if cue.kind is TrackerKind.TEN_SECONDS:
            return f"{TEN_SECONDS} seconds"
        return _announce(engine, cue.index)
    if cue.kind is CueKind.COUNTDOWN:
        return str(cue.value)
    if cue.kind is CueKind.GO:
        return "go"
    if cue.kind is CueKind.SWITCH_SIDES:
        return f"switch sides, {cue.side} leg"
    return None  # WORK_END, REST_OVER, SAVED: the next step's announcement says what comes


def spoken_all(cues: Sequence[Cue | PacerCue | TrackerCue], engine: SessionEngine) -> str | None:
    """All of one tick's phrases as a single utterance ('1. go'), or None if all are silent."""
    phrases = [phrase for cue in cues if (phrase := spoken(cue, engine))]
    return ". ".join(phrases) if phrases else None
