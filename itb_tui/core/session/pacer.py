"""An optional rep pacer: calls up / hold / down for each rep of a set with a tempo.

Like the session engine, all state is derived from the clock (elapsed = time run so far), never
from counting ticks, so a stalled event loop neither drifts nor floods: after a stall, ``tick()``
fires only the cues for where the set is *now*.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from itb_tui.core.clock import Clock
from itb_tui.core.content.library import Tempo

PhaseName = Literal["up", "hold", "down"]
PacerCueKind = Literal["up", "hold", "down", "rep"]
_EPSILON = 1e-9  # absorbs float error so an exact boundary belongs to the next phase


@dataclass(frozen=True)
class PacerCue:
    """A phase started (value: the rep it belongs to) or a rep was completed (value: reps done)."""

    kind: PacerCueKind
    value: int


@dataclass(frozen=True)
class _Position:
    completed: int
    phase_index: int
    left: float


class RepPacer:
    """Paces ``target`` reps at ``tempo``; zero-second phases (usually the hold) are skipped."""

    def __init__(self, tempo: Tempo, target: int, clock: Clock) -> None:
        if target < 1:
            raise ValueError("a paced set needs at least one rep")
        phases: list[tuple[PhaseName, int]] = [
            ("up", tempo.up),
            ("hold", tempo.hold),
            ("down", tempo.down),
        ]
        self.phases: tuple[tuple[PhaseName, int], ...] = tuple(p for p in phases if p[1] > 0)
        if not self.phases:
            raise ValueError("a tempo of 0 seconds cannot be paced")
        self.tempo = tempo
        self.target = target
        self.clock = clock
        self.rep_seconds = float(sum(seconds for _name, seconds in self.phases))
        self.started = False
        self.paused = False
        self.stopped = False
        self._run_before = 0.0  # seconds run before the latest (re)start
        self._since = 0.0  # clock time of the latest (re)start
        self._fired: tuple[int, int] | None = None  # (completed, phase index) already cued

    # -- state ----------------------------------------------------------------------------
    def elapsed(self) -> float:
        """Seconds the pacer has run, pauses excluded."""
        if not self.started or self.paused or self.stopped:
            return self._run_before
        return self._run_before + self.clock.now() - self._since

    def _position(self) -> _Position:
        elapsed = self.elapsed()
        completed = min(self.target, math.floor((elapsed + _EPSILON) / self.rep_seconds))
        if completed >= self.target:
            return _Position(self.target, len(self.phases) - 1, 0.0)
        within = elapsed - completed * self.rep_seconds
        end = 0.0
        for index, (_name, seconds) in enumerate(self.phases):
            end += seconds
            if within + _EPSILON < end:
                return _Position(completed, index, max(0.0, end - within))
        return _Position(completed, len(self.phases) - 1, 0.0)  # unreachable in practice

    @property
    def completed(self) -> int:
        """Reps finished so far."""
        return self._position().completed

    @property
    def rep(self) -> int:
        """The rep in hand, from 1 (the last rep once finished)."""
        return min(self.target, self._position().completed + 1)

    @property
    def phase(self) -> PhaseName:
        """The phase in hand ('up' before the start; the last phase once finished)."""
        return self.phases[self._position().phase_index][0]

    def seconds_left(self) -> float:
        """Seconds left in the current phase (0 once finished)."""
        return self._position().left

    @property
    def finished(self) -> bool:
        return self._position().completed >= self.target

    @property
    def running(self) -> bool:
        return self.started and not (self.paused or self.stopped or self.finished)

    # -- actions --------------------------------------------------------------------------
    def start(self) -> None:
        """Start from rep 1 (again, if it had run before); the next tick cues the first 'up'."""
        self.started, self.paused, self.stopped = True, False, False
        self._run_before, self._since = 0.0, self.clock.now()
        self._fired = None

    def pause(self) -> None:
        """Freeze where the set is; nothing is cued while paused."""
        if self.running:
            self._run_before = self.elapsed()
            self.paused = True

    def resume(self) -> None:
        """Continue exactly where the pause left off."""
        if self.started and self.paused and not self.stopped:
            self._since = self.clock.now()
            self.paused = False

    def stop_early(self) -> int:
        """Stop now; returns the reps actually completed (a rep in progress does not count)."""
        if self.started and not self.stopped:
            self._run_before = self.elapsed()
            self.stopped = True
        return self.completed

    def tick(self) -> list[PacerCue]:
        """Check the clock: cue a completed rep and the phase now in hand, each only once.

        After a stall that skipped phases or reps, only the latest rep count and the current
        phase are cued: no stale cues.
        """
        if not self.started or self.paused or self.stopped:
            return []
        position = self._position()
        now = (position.completed, position.phase_index)
        if now == self._fired:
            return []
        cues: list[PacerCue] = []
        if position.completed > (self._fired[0] if self._fired else 0):
            cues.append(PacerCue("rep", position.completed))
        if position.completed < self.target:
            name = self.phases[position.phase_index][0]
            cues.append(PacerCue(name, position.completed + 1))
        self._fired = now
        return cues
