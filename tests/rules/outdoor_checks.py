"""The invariants about runs done outdoors (logged afterwards or imported from a watch's
file), checked with the others (catalogue.py)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from itb_tui.core.dates import local_date
from itb_tui.core.plan.run_walk import MIN_RUNS_TO_PROGRESS, run_minutes
from itb_tui.core.plan.weeks import RUN_ROUTINE

from .surfaces import Look
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


def o2_no_faster_week(sim: Simulation, look: Look, before: int | None) -> list[str]:
    """O2: a run done outdoors never moves the week on faster than guided runs would: on the
    Monday the run week rises (no decision by hand in the week before), the week before held
    at least 2 runs each run in full, not stopped and at least the week's lower target long,
    as a guided run is complete only at its planned minutes, on days of their own and, in a
    week that alternates days, a rest day apart (001: "alternate days only"; the week's runs,
    then on only if the week was pain-free)."""
    stage = look.overview.stage
    today = look.today
    if stage is None or before is None or stage.week <= before or today.weekday() != 0:
        return []
    since = today - timedelta(days=7)
    if any(local_date(d.at) >= since for d in sim.history.run_decisions):
        return []
    low = sim.program.return_to_running.week(before).minutes[0]
    runs = [
        s
        for s in sim.history.sessions
        if s.routine == RUN_ROUTINE and since <= local_date(s.started_at) < today
    ]
    gap = 2 if sim.program.return_to_running.week(before).alternate_days else 1
    days = sorted({local_date(s.started_at) for s in runs if s.completed and run_minutes(s) >= low})
    counted: list[date] = []
    for run_day in days:
        if not counted or (run_day - counted[-1]).days >= gap:
            counted.append(run_day)
    if len(counted) >= MIN_RUNS_TO_PROGRESS:
        return []
    said = ", ".join(f"{run_minutes(s)} min {s.source or 'guided'}" for s in runs)
    return [
        f"O2: run week {before} -> {stage.week} after a week of {len(counted)} run day(s) "
        f"{gap} days apart or more, each with a run of {low} min or more ({said})"
    ]
