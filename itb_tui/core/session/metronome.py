"""The optional metronome of the guided run: a tick each step at the cadence set in Settings.

001's form tip: shorten the stride 5-10 %, with a metronome set 5-10 % above your own cadence,
working towards 170-180 steps a minute. Off by default; it ticks only while the run's timer
counts down (not in its intro, a pause or the rating after it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from itb_tui.core.session.steps import Phase

if TYPE_CHECKING:
    from itb_tui.core.session.engine import SessionEngine

RUN_ROUTINE = "run"  # as core/plan/weeks.py
CHOICES = (150, 155, 160, 165, 170, 175, 180, 185)  # steps a minute offered in Settings
RANGE = (120, 220)  # what settings.toml may hold


def beat_s(cadence: int) -> float:
    """Seconds between ticks at ``cadence`` steps a minute."""
    return 60 / cadence


def ticking(engine: SessionEngine, cadence: int | None) -> bool:
    """Whether the metronome ticks now: set, a guided run, its timer counting down, not
    paused."""
    return bool(
        cadence
        and engine.routine.id == RUN_ROUTINE
        and engine.phase is Phase.WORK
        and engine.counting_down
        and not engine.paused
    )
