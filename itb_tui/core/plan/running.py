"""Return to running: whether running has started, the run week, and today's run.

A run is a SessionRecord with ``routine == "run"`` (RUN_ROUTINE). Its running time is the sum
of its ExerciseResult values in unit "seconds" (the session's duration when there are none);
pain during it goes in ``pain_spikes``, pain afterwards in ``pain_after`` or in pain logs.

Rules (001's return-to-running section and warning signs unless marked):
  * Running starts at the first kept run made while every readiness check was met just
    before it, or today when every check is met now. The "running now?" answer never starts
    it: someone still running gets 001's phase-1 advice and the same checks.
  * Once started it stays started (001: warning signs mean "reduce load, not necessarily
    start over"): a day without a pain log or a low daily score does not stop it. Only
    repeated signs do: ``repeated_weeks_to_phase_one`` run weeks in a row with pain or a
    warning sign send the user back to phase 1, and the checks must be met again.
  * Every kept run counts, completed or stopped early: for the week's pain, the rest day
    after a run and the weekly count. To move on, a week needs at least 2 runs in full: not
    stopped, and as long as the week's lower target or the most the single-run guard let the
    plan give that day (run_walk.in_full), as a guided run is complete only at its planned
    minutes; a run logged or imported has no plan of its own to be measured against.
    Runs in full count by day (run_walk.run_days): at most one a day, and in weeks that
    alternate days none the day after one counted (001: "alternate days only").
  * Run weeks are ISO weeks (Monday to Sunday); the week running started is run week 1.
    At the end of each week the stage moves:
      - back one week (never below 1) after a step-back sign that week
        (plan_signs.step_back_signs; a sign this week steps back at once);
      - nowhere ("hold") after pain during strength work that week (001 lists it as a sign;
        the program's advice is to hold running at its level until it is pain-free);
      - nowhere after any other pain in a run, a morning after a run above the band or worse
        than the last morning before it, a daily log above the band that week, mornings
        averaging higher than the week before (Silbernagel et al., 2007), a run far over the
        week's target (``over_target_pct``), or fewer than 2 runs in full;
      - on one week otherwise (001: "if Week 1 was pain-free");
      - back one week for each ``gap_weeks_step_back`` weeks in a row without any run.
  * Today: no run for ``settle_days`` after pain built up during a run; a rest day after any
    run in weeks that alternate days; rest once the week's runs are done. From the last
    table week on, the week may hold at most ``max_weekly_increase_pct`` % more minutes than
    the last week (001: "no more than 10% per week"), and today's run is cut to fit.

Decisions by hand (RunDecision, recorded from the return-to-running screen):
  * A set week becomes the stage from its day: the week's runs and signs before it no longer
    count, and at the end of that week the rules above move on from it. Pain in a run that
    week, before it or after, still makes the week painful: it repeats and counts toward
    phase 1. Without a named clinician, a week above the rules' week is not kept within
    SIGN_DAYS of a sign, after the rules stepped back or held, or after pain in a run this
    week or the week before (run_walk.held_back). While running has not started, a set week
    starts it only when the user confirmed that their physio cleared them (``cleared``);
    without that it changes nothing.
  * A pause means no run is planned (no stage) until a later resume or set week; the walk
    goes on underneath, so runs logged anyway and weeks without a run count as usual.
  * A decision counts from its day; one dated after today is left out. refusal() refuses
    to record one dated in the future, a week outside the program's run table, and a set
    week before running has started without the physio's clearance.
  * A standing red flag holds running whatever was decided.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from itb_tui.core.content.library import Library
from itb_tui.core.content.program import Program
from itb_tui.core.dates import day_text, local_date
from itb_tui.core.history.records import PainLog, RunDecision, SessionRecord, in_order_made
from itb_tui.core.plan.red_flags import held_by_red_flags
from itb_tui.core.plan.run_today import MIN_RUN_MINUTES, RunStage, run_stage
from itb_tui.core.plan.run_walk import MIN_RUNS_TO_PROGRESS, SIGN_DAYS, run_minutes
from itb_tui.core.plan.signs import Found, step_back_signs, strength_pain_signs
from itb_tui.core.plan.weeks import (
    RUN_ROUTINE,
    Readiness,
    kept_sessions,
    readiness,
    readiness_before,
)
from itb_tui.core.store.settings import Settings
from itb_tui.core.text import shown_note

__all__ = [  # the stage and its helpers live in run_today.py and run_walk.py
    "MIN_RUNS_TO_PROGRESS",
    "MIN_RUN_MINUTES",
    "SIGN_DAYS",
    "RunAccess",
    "RunStage",
    "refusal",
    "run_access",
    "run_minutes",
    "run_stage",
]


@dataclass(frozen=True)
class RunAccess:
    """Whether running has started; ``stage`` is None while it has not."""

    stage: RunStage | None
    started: date | None
    evidence: str
    phase_one: str = ""  # why repeated signs sent the user back to phase 1, if they did
    decision: RunDecision | None = None  # the last decision by hand up to today
    paused: bool = False  # that decision paused running: ``stage`` is None
    rules_week: int | None = None  # the run week the rules give (under a pause too)
    clearance: RunDecision | None = None  # running started on a named clinician's clearance


RED_FLAG_HOLDS = "A red flag stands: runs are held until it is unticked."


def held_by_red_flag(access: RunAccess) -> RunAccess:
    """``access`` (worked out without the red flags) while a red flag stands: no run is
    planned at all, whatever was decided by hand (run_access with a flag in ``ready``)."""
    return RunAccess(None, None, RED_FLAG_HOLDS, decision=access.decision)


def run_access(
    program: Program,
    settings: Settings,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    today: date,
    library: Library,
    *,
    ready: Readiness | None = None,
    decisions: Iterable[RunDecision] = (),
) -> RunAccess:
    """Whether running has started, and its stage (see the module docstring).

    A caller that has worked out today's ``ready`` for the same history passes it in; when
    it carries a standing red flag (red_flag_state.with_red_flags), no run is planned at all,
    whatever ``decisions`` (the run-week decisions by hand) say.
    """
    decided = sorted(decisions, key=in_order_made)  # one dated ahead counts too
    last = decided[-1] if decided else None
    if ready is not None and held_by_red_flags(ready):
        return RunAccess(None, None, RED_FLAG_HOLDS, decision=last)
    history = (list(sessions), list(pain_logs))
    access = _unpaused(program, settings, library, history, today, ready, decided)
    week = access.stage.week if access.stage is not None else None
    access = replace(access, decision=last, rules_week=week)
    if last is None or last.decision != "pause":  # a resume or a set week ends a pause
        return access
    note = f" ({shown_note(last.note)})" if last.note else ""
    text = f"Running paused by you on {day_text(local_date(last.at))}{note}: no run is planned."
    return replace(access, stage=None, evidence=text, paused=True)


def _first_start(
    program: Program,
    settings: Settings,
    library: Library,
    history: tuple[list[SessionRecord], list[PainLog]],
    candidates: list[SessionRecord],
    cleared: datetime | None,
) -> datetime | None:
    """When running started: the first run made while every check was met just before it,
    or the clearance, whichever came first (None: neither)."""
    sessions, logs = history
    for run in candidates:
        if cleared is not None and run.started_at >= cleared:
            break
        if readiness_before(program, settings, sessions, logs, run.started_at, library).ready:
            return run.started_at
    return cleared


def kept_runs(sessions: list[SessionRecord], today: date) -> list[SessionRecord]:
    """The runs kept up to ``today``, oldest first."""
    return [s for s in kept_sessions(sessions, today) if s.routine == RUN_ROUTINE]


def _started(stage: RunStage, start: datetime, clearance: RunDecision | None) -> RunAccess:
    began = local_date(start)
    if clearance is not None and start == clearance.at:
        text = f"Running started on {clearance.clinician}'s clearance, {day_text(began)}."
        return RunAccess(stage, began, text, clearance=clearance)
    return RunAccess(stage, began, f"Running started on {day_text(began)}.")


def _from_history(
    program: Program,
    settings: Settings,
    library: Library,
    history: tuple[list[SessionRecord], list[PainLog]],
    today: date,
    set_weeks: list[RunDecision],
) -> tuple[RunAccess | None, str]:
    """(the access running started with, '') from the history; (None, why repeated signs sent
    the user back to phase 1, or '') when it has not started or stands sent back."""
    sessions, logs = history
    runs = kept_runs(sessions, today)
    holds = strength_pain_signs(program, sessions, library, today, logs)
    since, phase_one = date.min, ""
    while True:
        after = [d for d in set_weeks if local_date(d.at) >= since]
        clearance = next((d for d in after if d.cleared and d.clinician), None)
        candidates = [r for r in runs if local_date(r.started_at) >= since]
        cleared = clearance.at if clearance is not None else None
        start = _first_start(program, settings, library, history, candidates, cleared)
        if start is None:
            return None, phase_one
        stage = run_stage(
            program,
            [r for r in candidates if r.started_at >= start],
            logs,
            today,
            hold_signs=holds + _earlier_signs(program, runs, logs, start, today),
            set_weeks=[d for d in after if d.at >= start],
        )
        if stage.phase_one_from is None:
            return _started(stage, start, clearance), ""
        since, phase_one = stage.phase_one_from, stage.evidence


def _earlier_signs(
    program: Program,
    runs: list[SessionRecord],
    logs: list[PainLog],
    start: datetime | None,
    today: date,
) -> list[Found]:
    """The warning signs of the runs before ``start`` (None: every run), which a return to
    phase 1 left behind: each still holds the next move on while under SIGN_DAYS old (001: a
    sign means reduce load, whatever came between)."""
    before = [r for r in runs if start is None or r.started_at < start]
    return step_back_signs(program, before, logs, today) if before else []


def _unpaused(
    program: Program,
    settings: Settings,
    library: Library,
    history: tuple[list[SessionRecord], list[PainLog]],
    today: date,
    ready: Readiness | None,
    decided: list[RunDecision],
) -> RunAccess:
    """run_access without the pauses: from the first run made ready, or a week set on a named
    clinician's clearance, whichever came first; again after each return to phase 1."""
    sessions, logs = history
    set_weeks = [d for d in decided if d.week is not None]
    access, phase_one = _from_history(program, settings, library, history, today, set_weeks)
    if access is not None:
        return access
    if ready is None:
        ready = readiness(program, settings, sessions, logs, today, library)
    if ready.ready:
        holds = strength_pain_signs(program, sessions, library, today, logs)
        todays = [d for d in set_weeks if local_date(d.at) == today]
        holds += _earlier_signs(program, kept_runs(sessions, today), logs, None, today)
        stage = run_stage(program, [], logs, today, hold_signs=holds, set_weeks=todays)
        return RunAccess(stage, today, "Every check is met: running can start.")
    return RunAccess(None, None, "Running starts when every check is met.", phase_one)


def refusal(program: Program, access: RunAccess, decision: RunDecision, now: datetime) -> str:
    """Why ``decision`` cannot be recorded given today's ``access``; '' when it can."""
    if decision.at > now:
        return "A decision cannot be dated in the future."
    weeks = len(program.return_to_running.weeks)
    if decision.week is not None and not 1 <= decision.week <= weeks:
        return f"Run week {decision.week} is not in the program's run table (weeks 1-{weeks})."
    if decision.week is not None and not decision.clinician:
        if access.started is None:
            return "Running has not started: a week can be set once a clinician has cleared you."
        why = access.stage.held_back if access.stage is not None else ""
        rules = access.rules_week or 1
        if decision.week > rules and why:
            return (
                f"After {why}, a week above week {rules} needs the name of the clinician who "
                "cleared you."
            )
    if decision.decision == "pause" and access.paused:
        return "Running is already paused."
    if decision.decision == "resume" and not access.paused:
        return "Running is not paused."
    return ""
