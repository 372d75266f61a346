"""Clocks: a monotonic clock for countdowns and wall time for records, real or fake."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    """What the core needs to know about time."""

    def now(self) -> float:
        """Monotonic seconds: only differences mean anything."""
        ...

    def wall(self) -> datetime:
        """The current local time, offset-aware, for timestamps in records."""
        ...


class MonotonicClock:
    """The real clock: ``time.monotonic`` for countdowns, the local time for records."""

    def now(self) -> float:
        return time.monotonic()

    def wall(self) -> datetime:
        return datetime.now(UTC).astimezone().replace(microsecond=0)


class FakeClock:
    """A clock that moves only when told to, for tests and screenshots."""

    def __init__(self, start: datetime | None = None) -> None:
        self._offset = 0.0
        self._start = start or datetime(2026, 11, 23, 7, 30, tzinfo=timezone(timedelta(hours=1)))

    def now(self) -> float:
        return 1000.0 + self._offset

    def wall(self) -> datetime:
        return (self._start + timedelta(seconds=self._offset)).replace(microsecond=0)

    def advance(self, seconds: float) -> None:
        """Move time forward by ``seconds``."""
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._offset += seconds
