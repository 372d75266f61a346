"""Today's plan: each routine due, done, on a rest day or optional, with the reason.

Rules (program weeks count from settings.program_start; no start date, or one in the future,
counts as week 1):
  * rolling and stretch routines of the current phases: once a day, done after a session of
    that routine today;
  * mobility routines of the current phases: optional extras;
  * strength: the phase's strength routine, from its first week on (its advice is to keep it
    up for good, so it stays after the phase ends), and whenever running: 001 asks for three
    sessions a week with a day between them, read as at most 3 days in any 7 and never two
    days in a row. Any strength-category routine counts, and so does one stopped early with
    at least one set done (the muscles did work); one stopped before any set does not. A
    short session (short_session.py) is partial: it is never one of the 3 and never makes
    the next day a rest day, but the line says it was done;
  * recovery (ice) in the current phases: optional, after any activity;
  * once running has started (plan_running.run_access): the pre-run routine, the run
    (routine_id RUN_ROUTINE, kind "run", not a library routine) and the post-run routine;
    never while a red flag stands (red_flag_state.held_by_red_flags, through run_access);
  * while the first phase is current: its advice lines and the cross-training options;
  * while the user says they are still running but running has not started: 001's phase-1
    advice for runners (still_running_advice), and no run; after repeated signs sent the
    user back to phase 1: why, and the first phase's advice.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from datetime import date, timedelta

from itb_tui.core.content.library import Library, Routine
from itb_tui.core.content.program import Phase, Program
from itb_tui.core.dates import day_text, days_back, local_date
from itb_tui.core.history.records import PainLog, SessionRecord
from itb_tui.core.plan.due import DONE, DUE, OPTIONAL, REST, DueItem
from itb_tui.core.plan.running import RunAccess, run_access
from itb_tui.core.plan.weeks import (
    RUN_ROUTINE,
    STRENGTH,
    STRENGTH_PER_WEEK,
    STRENGTH_WINDOW_DAYS,
    Readiness,
    current_phases,
    done_sessions,
    kept_sessions,
    program_week,
    routines_in,
)
from itb_tui.core.store.settings import Settings

CATEGORY_ORDER = ("rolling", "stretch", "strength", "mobility", "recovery")


def strength_days(
    sessions: Iterable[SessionRecord], library: Library, today: date, *, short: bool = False
) -> set[date]:
    """Days with strength work: a completed session, or a stopped one with a set done; with
    ``short``, the days of short sessions with a set done instead (partial, never counted)."""
    strength = routines_in(library, STRENGTH)
    return {
        local_date(s.started_at)
        for s in kept_sessions(sessions, today)
        if s.routine in strength
        and bool(s.short_minutes) == short
        and (s.completed or s.exercises_done() > 0)
    }


def strength_item(
    routine: Routine, days: set[date], today: date, short_days: Set[date] = frozenset()
) -> DueItem:
    """The strength session: 3 days in any 7 days in a row at most, never two in a row."""
    first = days_back(today, STRENGTH_WINDOW_DAYS)
    window = sorted(day for day in days if first <= day <= today)
    text = f"Strength: {len(window)} of {STRENGTH_PER_WEEK} in the last 7 days"
    if today in days:
        return DueItem(routine.id, routine.name, f"{text}; done today", DONE)
    if today in short_days:
        reason = f"{text}; a short session done today, which is not counted as one of them"
        return DueItem(routine.id, routine.name, reason, DONE)
    if len(window) >= STRENGTH_PER_WEEK:
        free = window[-STRENGTH_PER_WEEK] + timedelta(days=STRENGTH_WINDOW_DAYS)
        return DueItem(routine.id, routine.name, f"{text}; rest until {day_text(free)}", REST)
    if today - timedelta(days=1) in days:
        return DueItem(routine.id, routine.name, f"{text}; done yesterday, so rest today", REST)
    return DueItem(routine.id, routine.name, f"{text}; due today", DUE)


def _routines(
    program: Program, phases: list[Phase], week: int, running: bool, library: Library
) -> list[Routine]:
    """The phase routines for today, in rolling, stretch, strength, mobility, recovery order."""
    ids = [rid for phase in phases for rid in phase.routines]
    strength = routines_in(library, STRENGTH)
    for phase in program.phases:
        if running or week >= phase.weeks[0]:
            ids += [rid for rid in phase.routines if rid in strength]
    found = {rid: library.routines[rid] for rid in ids if rid in library.routines}
    kept = [r for r in found.values() if r.category in CATEGORY_ORDER]
    return sorted(kept, key=lambda r: CATEGORY_ORDER.index(r.category))


def _routine_item(
    routine: Routine, done_today: set[str], days: tuple[set[date], set[date]], today: date
) -> DueItem:
    if routine.category == STRENGTH:
        return strength_item(routine, days[0], today, days[1])
    if routine.id in done_today:
        return DueItem(routine.id, routine.name, "Done today", DONE)
    if routine.category == "mobility":
        return DueItem(routine.id, routine.name, f"Optional extra: {routine.summary}", OPTIONAL)
    if routine.category == "recovery":
        return DueItem(routine.id, routine.name, f"After any activity: {routine.summary}", OPTIONAL)
    return DueItem(routine.id, routine.name, "Once a day: not done yet today", DUE)


def _run_line(
    settings: Settings, today: date, access: RunAccess, runs_today: list[SessionRecord]
) -> DueItem:
    """The run: done, rest or due (optional while the user does not say they run). A run
    today started after the question on a rest or held day says so: never silent."""
    stage, started = access.stage, access.started
    assert stage is not None
    if stage.ran_today:
        status = DONE
    elif stage.rest_today:
        status = REST
    else:
        status = DUE if settings.running else OPTIONAL
    reason = stage.today_text
    clearance = access.clearance
    if clearance is not None and started is not None:  # never "you meet the checks" then
        reason = f"Started on {clearance.clinician}'s clearance, {day_text(started)}. {reason}"
    elif not settings.running and started == today and not stage.ran_today:
        reason = f"You meet the checks to start running again. {reason}"
    asked = [s.override for s in runs_today if s.override]
    if asked:
        reason = f"{reason} Run anyway, asked: {asked[-1]}"
    return DueItem(RUN_ROUTINE, "Run", reason, status, "run")


def _pre_run(pre: Routine, todays: list[SessionRecord], status: str) -> list[DueItem]:
    if any(s.routine == pre.id for s in todays):
        return [DueItem(pre.id, pre.name, "Done today", DONE)]
    if status in (DUE, OPTIONAL):
        return [DueItem(pre.id, pre.name, f"Before today's run: {pre.summary}", status)]
    return []


def _post_run(
    post: Routine, runs_today: list[SessionRecord], todays: list[SessionRecord], run: DueItem
) -> list[DueItem]:
    """After a run today (a kept run stopped early counts, though it is not "done"): due until
    done after it; before the run, as the run is."""
    if run.status == DONE and runs_today:
        end = max(s.ended_at for s in runs_today)
        if any(s.routine == post.id and s.started_at >= end for s in todays):
            return [DueItem(post.id, post.name, "Done after today's run", DONE)]
        return [DueItem(post.id, post.name, f"After your run: {post.summary}", DUE)]
    if run.status in (DUE, OPTIONAL):
        return [DueItem(post.id, post.name, f"After today's run: {post.summary}", run.status)]
    return []


def _run_items(
    program: Program,
    settings: Settings,
    sessions: list[SessionRecord],
    today: date,
    library: Library,
    access: RunAccess,
) -> list[DueItem]:
    """Pre-run routine, the run and the post-run routine."""
    rtr = program.return_to_running
    runs_today = [
        s for s in sessions if s.routine == RUN_ROUTINE and local_date(s.started_at) == today
    ]
    run = _run_line(settings, today, access, runs_today)
    todays = [s for s in done_sessions(sessions, today) if local_date(s.started_at) == today]
    pre = library.routines.get(rtr.pre_run_routine)
    post = library.routines.get(rtr.post_run_routine)
    items = _pre_run(pre, todays, run.status) if pre is not None else []
    items.append(run)
    if post is not None:
        items += _post_run(post, runs_today, todays, run)
    return items


def _advice_items(title: str, lines: Iterable[str]) -> list[DueItem]:
    return [DueItem("", title, line, OPTIONAL, "advice") for line in lines]


def _advice(phase: Phase, program: Program) -> list[DueItem]:
    items = _advice_items(phase.name, phase.advice)
    if program.cross_training:
        options = "; ".join(option.rstrip(".") for option in program.cross_training)
        items.append(
            DueItem("", "Cross-training", f"Instead of running: {options}.", OPTIONAL, "advice")
        )
    return items


def _running_advice(
    program: Program, settings: Settings, access: RunAccess, first_phase_shown: bool
) -> list[DueItem]:
    """Why no run is planned: paused, back to phase 1 after repeated signs, or still running."""
    if access.stage is not None:
        return []
    if access.paused:  # by the user's own decision: the return-to-running screen resumes it
        return _advice_items("Running paused", [f"{access.evidence} w on Running resumes it."])
    items: list[DueItem] = []
    if access.phase_one:
        items += _advice_items("Back to settling the pain", [access.phase_one])
        if program.phases and not first_phase_shown:
            items += _advice(program.phases[0], program)
    if settings.running:
        lines = program.return_to_running.still_running_advice
        items += _advice_items("Still running", lines)
    return items


def today_plan(
    program: Program,
    settings: Settings,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    today: date,
    library: Library,
    *,
    ready: Readiness | None = None,
    access: RunAccess | None = None,
) -> list[DueItem]:
    """Today's plan: routines, then the run items, then advice (see the module docstring).

    A caller that has already worked out ``ready`` and ``access`` for the same history
    passes them in, so they are not computed twice.
    """
    sessions, pain_logs = list(sessions), list(pain_logs)
    if access is None:  # run_access works out ``ready`` itself when it is not given
        access = run_access(program, settings, sessions, pain_logs, today, library, ready=ready)
    start = settings.program_start
    week = program_week(start, today) if start is not None and start <= today else 1
    phases = current_phases(program, week)
    running = settings.running or access.stage is not None
    done = done_sessions(sessions, today)
    done_today = {s.routine for s in done if local_date(s.started_at) == today}
    days = (
        strength_days(sessions, library, today),
        strength_days(sessions, library, today, short=True),
    )
    items = [
        _routine_item(routine, done_today, days, today)
        for routine in _routines(program, phases, week, running, library)
    ]
    if access.stage is not None:
        run_items = _run_items(program, settings, sessions, today, library, access)
        replaced = {item.routine_id for item in run_items}
        items = [item for item in items if item.routine_id not in replaced] + run_items
    first_shown = bool(program.phases) and program.phases[0] in phases
    if first_shown:
        items += _advice(program.phases[0], program)
    return items + _running_advice(program, settings, access, first_shown)
