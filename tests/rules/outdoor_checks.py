"""The invariants about runs done outdoors (logged afterwards or imported from a watch's
file), checked with the others (catalogue.py)."""

from __future__ import annotations

from itertools import pairwise

from itb_tui.core.plan.weeks import RUN_ROUTINE

from .users import Simulation


def o1_one_outing(sim: Simulation) -> list[str]:
    """O1: one outing is one run: no two kept runs overlap in time (a run logged or imported
    twice, or the watch's file of a guided run, would count twice for the week)."""
    runs = sorted(
        (s for s in sim.history.sessions if s.routine == RUN_ROUTINE), key=lambda s: s.started_at
    )
    return [
        f"O1: the run at {later.started_at:%a %d %b %H:%M} ({later.source or 'guided'}) overlaps "
        f"the run at {run.started_at:%a %d %b %H:%M} ({run.source or 'guided'})"
        for run, later in pairwise(runs)
        if later.started_at < run.ended_at
    ]
