"""Today's run: the stage at this week, today's minutes within every cap, or why it is rest.

Rules of running.py's docstring ("Today"): no run for ``settle_days`` after pain built up
during a run; a rest day after any run in weeks that alternate days; rest once the week's
runs are done; from the last table week, at most ``max_weekly_increase_pct`` % more minutes a
week, and a remainder under MIN_RUN_MINUTES is rest, not a shorter run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from itb_tui.core.content.program import Program, RunWeek
from itb_tui.core.dates import day_text, local_date, week_monday, weekday_name
from itb_tui.core.history.records import PainLog, RunDecision, SessionRecord
from itb_tui.core.plan.run_walk import (
    SIGN_DAYS,
    WEEK,
    WeekState,
    first_day,
    held_back,
    in_week,
    over_target,
    recent_run_pain,
    run_minutes,
    set_in_week,
    walk,
)
from itb_tui.core.plan.signs import Found, step_back_signs
from itb_tui.core.plan.single_run import SingleRunCap, single_run_cap
from itb_tui.core.plan.weeks import RUN_ROUTINE, kept_sessions

# A run shorter than this is not worth its warm-up: a smaller remainder of the weekly cap is rest.
MIN_RUN_MINUTES = 10


@dataclass(frozen=True)
class RunStage:
    """Where the user is in the return to running, and what today holds."""

    week: int  # run week, 1 upwards; past the last table row that row's target applies
    target: RunWeek
    last_week: str  # "start" | "progress" | "repeat" | "hold" | "step-back"
    evidence: str  # why the stage is at this week
    signs: list[Found]  # step-back signs of this week and last
    runs_this_week: int
    minutes_this_week: int
    ran_today: bool
    rest_today: bool
    today_text: str  # the run to do today, or why today is a rest day
    hills_and_track: bool
    max_weekly_minutes: int | None  # from the last table week: last week's minutes + max %
    today_minutes: tuple[int, int] = (0, 0)  # today's run, cut to fit the weekly cap
    flags: list[str] = field(default_factory=list)  # runs far over target, this week and last
    phase_one_from: date | None = None  # the Monday repeated signs sent the user back
    rule: str = "run-week"  # the rule that decided today (verdict.RULES): a rest day's reason
    held_back: str = ""  # why a week above this one needs a clinician's clearance today


def _cap(program: Program, level: int, runs: list[SessionRecord], this_monday: date) -> int | None:
    """From the last table week on: last week's minutes plus max_weekly_increase_pct."""
    rtr = program.return_to_running
    last_week = [r for r in runs if in_week(local_date(r.started_at), this_monday - WEEK)]
    if level < len(rtr.weeks) or not last_week:
        return None
    return sum(run_minutes(r) for r in last_week) * (100 + rtr.max_weekly_increase_pct) // 100


def _fit(minutes: tuple[int, int], cap: int | None, left: int) -> tuple[int, int]:
    """A run's range cut so the week stays within ``cap`` with ``left`` minutes per run."""
    if cap is None:
        return minutes
    return min(minutes[0], left), min(minutes[1], left)


def _span(minutes: tuple[int, int]) -> str:
    low, high = minutes
    return f"{low}-{high} min" if low < high else f"{high} min"


def _today_text(
    stage_week: int,
    target: RunWeek,
    runs_this_week: int,
    left: int,
    cap: int | None,
    single: SingleRunCap,
) -> str:
    ranges = [_fit(target.minutes, cap, left)]
    text = f"Run week {stage_week}: {_span(single.cut(ranges[0]))} easy"
    if target.has_long_run and runs_this_week == target.runs_per_week - 1:
        ranges.append(_fit(target.long_run_minutes, cap, left))
        long_run = _span(single.cut(ranges[-1]))
        text += f"; if the week has been pain-free, make this one {long_run}"
    if cap is not None:
        text += f"; at most {cap} min in total this week"
    if single.reason(*ranges):
        text += f"; {single.reason(*ranges)}"
    return f"{text} (run {runs_this_week + 1} of {target.runs_per_week} this week)."


def _today(
    program: Program,
    today: date,
    runs: list[SessionRecord],
    signs: list[Found],
    target: RunWeek,
    week_runs: int,
) -> tuple[bool, str, str]:
    """(rest today, why, the rule) - (False, "Run done...", ...) after a run, (False, "", ...)
    when one is due."""
    todays = [r for r in runs if local_date(r.started_at) == today]
    if todays:
        minutes = sum(run_minutes(r) for r in todays)
        return False, f"Run done today: {minutes} min.", "run-done-today"
    settle = program.return_to_running.settle_days
    for found in reversed(signs):
        if found.sign.id == "run-pain-worsens" and (today - found.on).days < settle:
            when = day_text(found.on)
            text = f"Pain built up during a run on {when}: let it settle for a few days."
            return True, text, "run-settle"
    yesterday = today - timedelta(days=1)
    ran = [r for r in runs if local_date(r.started_at) == yesterday]
    if target.alternate_days and ran:
        text = f"Today is a rest day after {weekday_name(yesterday)}'s run: run every other day."
        return True, text, "run-alternate-days"
    if week_runs >= target.runs_per_week:
        text = f"{week_runs} of {target.runs_per_week} runs done this week."
        return True, text, "run-week-done"
    return False, "", "run-week"


def _this_week(state: WeekState, now: list[Found], held: list[Found]) -> WeekState:
    """The walk's week, stepped back at once by a sign this week (since a week set by hand),
    or held by pain during strength work."""
    if now:
        level = max(1, state.level - 1)
        text = f"{now[0].sign.name}: {now[0].evidence}. Back one week to week {level}."
        return WeekState(level, "step-back", text, True)
    if held:
        text = f"{held[0].sign.name}: {held[0].evidence}. Holding at week {state.level}."
        return WeekState(state.level, state.verdict, text, state.painful)
    return state


def _walked(
    program: Program,
    runs: list[SessionRecord],
    logs: list[PainLog],
    today: date,
    hold_signs: Sequence[Found],
    set_weeks: Sequence[RunDecision],
) -> tuple[WeekState, WeekState, date | None, list[Found], list[Found]]:
    """(this week, the walk's week before today's signs, the phase-1 Monday, the step-back
    signs, every sign and hold) for run_stage."""
    signs = step_back_signs(program, runs, logs, today)
    this_monday = week_monday(today)
    first = week_monday(first_day(runs, set_weeks) or today)
    # pain during strength work, and the signs of runs before a return to phase 1, from
    # SIGN_DAYS before the first run week on: they count in the walk's weeks, and one under
    # SIGN_DAYS old holds the first move on (run_walk)
    holds = [f for f in hold_signs if f.on >= first - timedelta(days=SIGN_DAYS) and f not in signs]
    every = sorted([*signs, *holds], key=lambda f: f.at)
    state, phase_one = walk(program, runs, every, logs, this_monday, set_weeks)
    setting = set_in_week(set_weeks, this_monday)
    since = this_monday if setting is None else local_date(setting.at)
    now = [f for f in signs if f.on >= since] if runs and phase_one is None else []
    week = _this_week(state, now, [f for f in holds if f.on >= since])
    return week, state, phase_one, signs, every


def _within_cap(
    level: int, target: RunWeek, week_runs: int, left: int, cap: int | None, single: SingleRunCap
) -> tuple[bool, str, str]:
    """(rest, why, rule) for a run otherwise due: rest when under MIN_RUN_MINUTES of the
    weekly cap are left; the single-run guard then cuts the run, never to a rest day."""
    minutes = _fit(target.minutes, cap, left)
    if minutes[1] >= MIN_RUN_MINUTES:
        return False, _today_text(level, target, week_runs, left, cap, single), "run-week"
    text = f"This week's {cap} min are done: rest until Monday."
    if minutes[1] > 0:
        text = (
            f"{minutes[1]} min of this week's {cap} min are left, less than a "
            f"{MIN_RUN_MINUTES} min run: rest until Monday."
        )
    return True, text, "run-weekly-cap"


def run_stage(
    program: Program,
    run_sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    today: date,
    *,
    hold_signs: Sequence[Found] = (),
    set_weeks: Sequence[RunDecision] = (),
) -> RunStage:
    """The run week today and today's run, counting from the first run given (see above).

    ``hold_signs`` are the pain-during-strength signs (signs.strength_pain_signs) and the
    signs of the runs before the first given (a return to phase 1 ended them), which hold a
    week rather than step it back; ``set_weeks`` the weeks set by hand since running started,
    oldest first.
    """
    rtr = program.return_to_running
    runs = [s for s in kept_sessions(run_sessions, today) if s.routine == RUN_ROUTINE]
    logs = list(pain_logs)
    week, state, phase_one, signs, every = _walked(
        program, runs, logs, today, hold_signs, set_weeks
    )
    this_monday = week_monday(today)
    level = week.level
    target = rtr.week(level)
    week_runs = [r for r in runs if local_date(r.started_at) >= this_monday]
    minutes_this_week = sum(run_minutes(r) for r in week_runs)
    cap = _cap(program, level, runs, this_monday)
    left = max(0, (cap or 0) - minutes_this_week) // max(1, target.runs_per_week - len(week_runs))
    single = single_run_cap(program, runs, today)  # the single-run spike guard
    rest, today_text, rule = _today(program, today, runs, signs, target, len(week_runs))
    if not rest and not today_text:
        rest, today_text, rule = _within_cap(level, target, len(week_runs), left, cap, single)
    recent = [r for r in runs if local_date(r.started_at) >= this_monday - WEEK]
    return RunStage(
        week=level,
        target=target,
        last_week=week.verdict,
        evidence=week.evidence,
        signs=[f for f in signs if f.on >= this_monday - WEEK],
        runs_this_week=len(week_runs),
        minutes_this_week=minutes_this_week,
        ran_today=bool(week_runs) and local_date(week_runs[-1].started_at) == today,
        rest_today=rest,
        today_text=today_text,
        hills_and_track=level >= rtr.hills_and_track_from_week,
        max_weekly_minutes=cap,
        today_minutes=single.cut(_fit(target.minutes, cap, left)),
        flags=over_target(program, recent, target),
        phase_one_from=phase_one,
        rule=rule,
        held_back=held_back(state, every, today, recent_run_pain(program, runs, logs, today)),
    )
