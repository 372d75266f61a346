"""The invariants about runs done outdoors (logged afterwards or imported from a watch's
file), checked with the others (catalogue.py)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from itb_tui.core.dates import local_date
from itb_tui.core.history.records import SessionRecord
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


def o3_pain_kept(sim: Simulation, given: SessionRecord, kept_id: str) -> list[str]:
    """O3: pain given with a run logged or imported is kept, also when the run was kept
    already (P1: every pain is an input the rules read): the run kept has a rating after it
    at least as high, pain during it at least as high, and the knee swollen when it was."""
    kept = next(s for s in sim.history.sessions if s.id == kept_id and s.routine == RUN_ROUTINE)

    def during(run: SessionRecord) -> int:
        return max((s.score or 0 for s in run.pain_spikes), default=-1)

    lost = []
    if given.pain_after is not None and (kept.pain_after or 0) < given.pain_after:
        lost.append(f"pain {given.pain_after}/10 after it (kept: {kept.pain_after})")
    if during(kept) < during(given):
        lost.append(f"pain {during(given)}/10 during it (kept: {during(kept)})")
    if given.swelling and not kept.swelling:
        lost.append("the knee swollen")
    return (
        [f"O3: the run at {kept.started_at:%a %d %b %H:%M} lost {', '.join(lost)}"] if lost else []
    )
