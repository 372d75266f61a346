"""Return to running: which run week the user is at, and what today's run should be.

A run is a SessionRecord with ``routine == "run"`` (RUN_ROUTINE). Its running time is the sum
of its ExerciseResult values in unit "seconds" (the session's duration when there are none);
pain during it goes in ``pain_spikes``, pain afterwards in ``pain_after`` or in "during-run" /
"after-run" pain logs.

Run weeks are ISO weeks (Monday to Sunday); the week of the first completed run is run week 1.
At the end of each ISO week the stage moves:
  * back one week (never below 1, never back to the start) if a step-back warning sign
    occurred that week (plan_signs.STEP_BACK_SIGNS) - a sign this week steps back at once;
  * on one week if the week had at least 2 completed runs and no pain at all
    (no spike, pain_after 0 or unrated, no during/after-run pain log above 0);
  * otherwise it stays (pain without a warning sign, too few runs, or no runs at all).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from itb_tui.core.history import PainLog, SessionRecord
from itb_tui.core.plan import RUN_ROUTINE, day_text, done_sessions, local_date, week_monday
from itb_tui.core.plan_signs import Found, step_back_signs
from itb_tui.core.program import Program, RunWeek

MIN_RUNS_TO_PROGRESS = 2
# After pain that built up during a run: no run until this many days have passed.
SETTLE_DAYS = 3
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class RunStage:
    """Where the user is in the return to running, and what today holds."""

    week: int  # run week, 1 upwards; past the last table row that row's target applies
    target: RunWeek
    last_week: str  # "start" | "progress" | "repeat" | "step-back"
    evidence: str  # why the stage is at this week
    signs: list[Found]  # step-back signs of this week and last
    runs_this_week: int
    minutes_this_week: int
    ran_today: bool
    rest_today: bool
    today_text: str  # the run to do today, or why today is a rest day
    hills_and_track: bool
    max_weekly_minutes: int | None  # from the last table week: last week's minutes + max %


def run_minutes(run: SessionRecord) -> int:
    """Minutes of running in a run session."""
    seconds = sum(
        value
        for result in run.exercises
        if result.unit == "seconds"
        for values in result.done.values()
        for value in values
    )
    return round((seconds or run.duration_s) / 60)


def _in_week(day: date, monday: date) -> bool:
    return monday <= day < monday + WEEK


def _week_pain(runs: list[SessionRecord], logs: list[PainLog], monday: date) -> str | None:
    """The first pain of a run week, described, or None when the week was pain-free."""
    for run in runs:
        when = day_text(local_date(run.started_at))
        if run.pain_spikes:
            return f"pain during the run on {when}"
        if run.pain_after:
            return f"pain {run.pain_after}/10 after the run on {when}"
    for log in logs:
        in_run = log.context in ("during-run", "after-run")
        if in_run and log.score > 0 and _in_week(local_date(log.at), monday):
            return f"pain {log.score}/10 {log.context} on {day_text(local_date(log.at))}"
    return None


def _next_week(
    level: int, monday: date, runs: list[SessionRecord], signs: list[Found], logs: list[PainLog]
) -> tuple[int, str, str]:
    """The stage after the ISO week starting ``monday``: (week, verdict, evidence)."""
    week_signs = [f for f in signs if _in_week(f.on, monday)]
    if week_signs:
        new = max(1, level - 1)
        first = week_signs[0]
        text = (
            f"{first.sign.name}: {first.evidence}. Back one week to week {new}, not to the start."
        )
        return new, "step-back", text
    week_runs = [r for r in runs if _in_week(local_date(r.started_at), monday)]
    pain = _week_pain(week_runs, logs, monday)
    if pain:
        return level, "repeat", f"Week {level} was not pain-free ({pain}): repeat week {level}."
    if len(week_runs) < MIN_RUNS_TO_PROGRESS:
        count = f"{len(week_runs)} run{'' if len(week_runs) == 1 else 's'}"
        text = f"Only {count} in the week of {day_text(monday)}: repeat week {level}."
        return level, "repeat", text
    text = f"Week {level} was pain-free ({len(week_runs)} runs): on to week {level + 1}."
    return level + 1, "progress", text


def _today_text(stage_week: int, target: RunWeek, runs_this_week: int, cap: int | None) -> str:
    low, high = target.minutes
    text = f"Run week {stage_week}: {low}-{high} min easy"
    if target.has_long_run and runs_this_week == target.runs_per_week - 1:
        long_low, long_high = target.long_run_minutes
        text += f"; if the week has been pain-free, make this one {long_low}-{long_high} min"
    if cap is not None:
        text += f"; at most {cap} min in total this week"
    return f"{text} (run {runs_this_week + 1} of {target.runs_per_week} this week)."


def _today(
    today: date, runs: list[SessionRecord], signs: list[Found], target: RunWeek, week_runs: int
) -> tuple[bool, str]:
    """(rest today, why) - or (False, "Run done...") after a run, (False, "") when one is due."""
    todays = [r for r in runs if local_date(r.started_at) == today]
    if todays:
        return False, f"Run done today: {sum(run_minutes(r) for r in todays)} min."
    for found in reversed(signs):
        if found.sign.id == "run-pain-worsens" and (today - found.on).days < SETTLE_DAYS:
            when = day_text(found.on)
            return True, f"Pain built up during a run on {when}: let it settle for a few days."
    if target.alternate_days and any(
        local_date(r.started_at) == today - timedelta(days=1) for r in runs
    ):
        return True, "You ran yesterday: run every other day."
    if week_runs >= target.runs_per_week:
        return True, f"{week_runs} of {target.runs_per_week} runs done this week."
    return False, ""


def run_stage(
    program: Program,
    run_sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    today: date,
) -> RunStage:
    """The run week the user is at today and today's run (see the module docstring)."""
    rtr = program.return_to_running
    all_runs = [s for s in run_sessions if s.routine == RUN_ROUTINE]
    runs = done_sessions(all_runs, today)
    logs = list(pain_logs)
    signs = step_back_signs(program, all_runs, logs, today)
    this_monday = week_monday(today)
    level, verdict, evidence = 1, "start", "No runs yet: start with week 1."
    if runs:
        monday = week_monday(local_date(runs[0].started_at))
        evidence = "First week of running: week 1."
        while monday < this_monday:
            level, verdict, evidence = _next_week(level, monday, runs, signs, logs)
            monday += WEEK
        now = [f for f in signs if f.on >= this_monday]
        if now:
            level = max(1, level - 1)
            verdict = "step-back"
            evidence = f"{now[0].sign.name}: {now[0].evidence}. Back one week to week {level}."
    target = rtr.week(level)
    week_runs = [r for r in runs if local_date(r.started_at) >= this_monday]
    last_week = [r for r in runs if _in_week(local_date(r.started_at), this_monday - WEEK)]
    cap = None
    if level >= len(rtr.weeks) and last_week:
        total = sum(run_minutes(r) for r in last_week)
        cap = total * (100 + rtr.max_weekly_increase_pct) // 100
    rest, today_text = _today(today, runs, signs, target, len(week_runs))
    if not rest and not today_text:
        today_text = _today_text(level, target, len(week_runs), cap)
    return RunStage(
        week=level,
        target=target,
        last_week=verdict,
        evidence=evidence,
        signs=[f for f in signs if f.on >= this_monday - WEEK],
        runs_this_week=len(week_runs),
        minutes_this_week=sum(run_minutes(r) for r in week_runs),
        ran_today=any(local_date(r.started_at) == today for r in runs),
        rest_today=rest,
        today_text=today_text,
        hills_and_track=level >= rtr.hills_and_track_from_week,
        max_weekly_minutes=cap,
    )
