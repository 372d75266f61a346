"""The countdown of one step, read from an injected clock.

Time left is always ``deadline - clock.now()``; nothing counts ticks, so a stalled event loop
never makes a countdown drift.
"""

from __future__ import annotations

import math

from itb_tui.core.clock import Clock

COUNTDOWN_FROM = 3


def whole_seconds(left: float) -> int:
    """The whole seconds to display: 0.2 s left still shows 1."""
    return math.ceil(left - 1e-9)


class StepTimer:
    """Counts one step down; paused, it keeps the time that was left."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.paused = False
        self.length = 0.0  # the full length, adjustments included
        self._deadline = 0.0
        self._left_at_pause = 0.0
        self._cued: set[int] = set()

    def start(self, seconds: int) -> None:
        """Count ``seconds`` down from now (0: the step does not count down)."""
        self.paused = False
        self._cued = set()
        self.length = float(seconds)
        self._deadline = self.clock.now() + seconds
        self._left_at_pause = float(seconds)

    def remaining(self) -> float:
        if self.paused:
            return self._left_at_pause
        return max(0.0, self._deadline - self.clock.now())

    def toggle_pause(self) -> None:
        if self.paused:
            self._deadline = self.clock.now() + self._left_at_pause
        else:
            self._left_at_pause = self.remaining()
        self.paused = not self.paused

    def extend(self, seconds: float) -> None:
        """``seconds`` more (less, when negative), never below one second left; a 3-2-1 number
        now ahead again is cued again."""
        delta = max(seconds, 1.0 - self.remaining())
        self.length += delta
        self._deadline += delta
        self._left_at_pause += delta
        self._cued = {n for n in self._cued if n > whole_seconds(self.remaining())}

    def check(self) -> tuple[int | None, bool]:
        """(The 3-2-1 number due now, once each, else None; whether the time is up)."""
        left = self._deadline - self.clock.now()
        shown = whole_seconds(left)
        if 1 <= shown <= COUNTDOWN_FROM and shown not in self._cued:
            self._cued.update(range(shown, COUNTDOWN_FROM + 1))
            return shown, left <= 0
        return None, left <= 0
