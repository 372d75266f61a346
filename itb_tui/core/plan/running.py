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
    after a run and the weekly count. To move on, a week needs at least 2 completed runs.
  * Run weeks are ISO weeks (Monday to Sunday); the week running started is run week 1.
    At the end of each week the stage moves:
      - back one week (never below 1) after a step-back sign that week
        (plan_signs.step_back_signs; a sign this week steps back at once);
      - nowhere ("hold") after pain during strength work that week (001 lists it as a sign;
        the program's advice is to hold running at its level until it is pain-free);
      - nowhere after any other pain in a run, a run far over the week's target
        (``over_target_pct``), or fewer than 2 completed runs;
      - on one week otherwise (001: "if Week 1 was pain-free");
      - back one week for each ``gap_weeks_step_back`` weeks in a row without any run.
  * Today: no run for ``settle_days`` after pain built up during a run; a rest day after any
    run in weeks that alternate days; rest once the week's runs are done. From the last
    table week on, the week may hold at most ``max_weekly_increase_pct`` % more minutes than
    the last week (001: "no more than 10% per week"), and today's run is cut to fit.

Decisions by hand (RunDecision, recorded from the return-to-running screen):
  * A set week becomes the stage from its day: the week's runs, pain and signs before it no
    longer count, and at the end of that week the rules above move on from it. While running
    has not started, a set week starts it only when the user confirmed that their physio
    cleared them (``cleared``); without that it changes nothing.
  * A pause means no run is planned (no stage) until a later resume or set week; the walk
    goes on underneath, so runs logged anyway and weeks without a run count as usual.
  * A decision counts from its day; one dated after today is left out. refusal() refuses
    to record one dated in the future, a week outside the program's run table, and a set
    week before running has started without the physio's clearance.
  * A standing red flag holds running whatever was decided.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from itb_tui.core.content.library import Library
from itb_tui.core.content.program import Program, RunWeek
from itb_tui.core.dates import day_text, local_date, week_monday
from itb_tui.core.history.records import (
    PainLog,
    RunDecision,
    SessionRecord,
    in_order_made,
    score_text,
)
from itb_tui.core.plan.red_flags import held_by_red_flags
from itb_tui.core.plan.signs import Found, step_back_signs, strength_pain_signs
from itb_tui.core.plan.weeks import (
    RUN_ROUTINE,
    Readiness,
    kept_sessions,
    readiness,
    readiness_before,
)
from itb_tui.core.store.settings import Settings

MIN_RUNS_TO_PROGRESS = 2
WEEK = timedelta(days=7)


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
            pain = score_text(run.pain_after, run.pain_after_knees)
            return f"pain {pain} after the run on {when}"
    for log in logs:
        in_run = log.context in ("during-run", "after-run")
        if in_run and log.score > 0 and _in_week(local_date(log.at), monday):
            return f"pain {log.score}/10 {log.context} on {day_text(local_date(log.at))}"
    return None


def _over_target(program: Program, runs: list[SessionRecord], target: RunWeek) -> list[str]:
    """Runs far over the week's longest target (over_target_pct), described."""
    top = max(target.minutes[1], target.long_run_minutes[1])
    limit = top * (100 + program.return_to_running.over_target_pct) // 100
    return [
        f"the run on {day_text(local_date(r.started_at))} was {run_minutes(r)} min, "
        f"far over the {top} min at most of run week {target.week}"
        for r in runs
        if run_minutes(r) > limit
    ]


@dataclass(frozen=True)
class _Week:
    """The stage after one ISO week; ``painful`` when pain or a sign made it so."""

    level: int
    verdict: str
    evidence: str
    painful: bool


def _next_week(
    program: Program,
    level: int,
    monday: date,
    runs: list[SessionRecord],
    signs: list[Found],
    logs: list[PainLog],
    since: date | None = None,
) -> _Week:
    """The stage after the ISO week starting ``monday``, counting only from ``since``."""
    if since is not None:  # a week set by hand that day: what came before no longer counts
        runs = [r for r in runs if local_date(r.started_at) >= since]
        signs = [f for f in signs if f.on >= since]
        logs = [p for p in logs if local_date(p.at) >= since]
    week_signs = [f for f in signs if _in_week(f.on, monday)]
    steps = [f for f in week_signs if f.sign.id != "pain-during-strength"]
    if steps:
        new = max(1, level - 1)
        text = f"{steps[0].sign.name}: {steps[0].evidence}. Back one week to week {new}, "
        return _Week(new, "step-back", text + "not to the start.", True)
    if week_signs:
        text = f"{week_signs[0].sign.name}: {week_signs[0].evidence}. Hold at week {level}."
        return _Week(level, "hold", text, True)
    week_runs = [r for r in runs if _in_week(local_date(r.started_at), monday)]
    pain = _week_pain(week_runs, logs, monday)
    if pain:
        text = f"Week {level} was not pain-free ({pain}): repeat week {level}."
        return _Week(level, "repeat", text, True)
    over = _over_target(program, week_runs, program.return_to_running.week(level))
    if over:
        text = f"In week {level} {over[0]}: repeat week {level} and keep to its target."
        return _Week(level, "repeat", text, False)
    completed = [r for r in week_runs if r.completed]
    if len(completed) < MIN_RUNS_TO_PROGRESS:
        count = f"{len(completed)} completed run{'' if len(completed) == 1 else 's'}"
        text = f"Only {count} in the week of {day_text(monday)}: repeat week {level}."
        return _Week(level, "repeat" if week_runs else "gap", text, False)
    text = f"Week {level} was pain-free ({len(completed)} runs): on to week {level + 1}."
    return _Week(level + 1, "progress", text, False)


def _set_in_week(set_weeks: Sequence[RunDecision], monday: date) -> RunDecision | None:
    """The last week set by hand in the ISO week starting ``monday``."""
    return next((d for d in reversed(set_weeks) if _in_week(local_date(d.at), monday)), None)


def _set_state(decision: RunDecision) -> _Week:
    text = f"Run week {decision.week}, set by you on {day_text(local_date(decision.at))}."
    return _Week(decision.week or 1, "set", text, False)


def _first_day(runs: list[SessionRecord], set_weeks: Sequence[RunDecision]) -> date | None:
    """The day of the first run or week set by hand (None: neither)."""
    days = [local_date(r.started_at) for r in runs[:1]] + [local_date(d.at) for d in set_weeks]
    return min(days, default=None)


def _walk(
    program: Program,
    runs: list[SessionRecord],
    signs: list[Found],
    logs: list[PainLog],
    this_monday: date,
    set_weeks: Sequence[RunDecision] = (),
) -> tuple[_Week, date | None]:
    """The stage at ``this_monday`` week by week from the first run or week set by hand, and
    the Monday repeated signs sent the user back to phase 1 (None if they did not)."""
    rtr = program.return_to_running
    state = _Week(1, "start", "No runs yet: start with week 1.", False)
    first = _first_day(runs, set_weeks)
    if first is None:
        return state, None
    state = _Week(1, "start", "First week of running: week 1.", False)
    monday = week_monday(first)
    painful = empty = 0
    while monday < this_monday:
        setting = _set_in_week(set_weeks, monday)
        since = None if setting is None else local_date(setting.at)
        if setting is not None:
            state, painful, empty = _set_state(setting), 0, 0
        state = _next_week(program, state.level, monday, runs, signs, logs, since)
        painful = painful + 1 if state.painful else (painful if state.verdict == "gap" else 0)
        empty = empty + 1 if state.verdict == "gap" else 0
        if empty and empty % rtr.gap_weeks_step_back == 0:
            new = max(1, state.level - 1)
            text = f"{empty} weeks without a run: back one week to week {new}."
            state = _Week(new, "step-back", text, False)
        monday += WEEK
        if painful >= rtr.repeated_weeks_to_phase_one:
            text = (
                f"{painful} run weeks in a row with pain or a warning sign (last: "
                f"{state.evidence}) Go back to settling the pain, and look through the red "
                "flags (f): the checks must be met again before the next run."
            )
            return _Week(state.level, "phase-one", text, True), monday
    setting = _set_in_week(set_weeks, this_monday)
    return (state if setting is None else _set_state(setting)), None


def _cap(program: Program, level: int, runs: list[SessionRecord], this_monday: date) -> int | None:
    """From the last table week on: last week's minutes plus max_weekly_increase_pct."""
    rtr = program.return_to_running
    last_week = [r for r in runs if _in_week(local_date(r.started_at), this_monday - WEEK)]
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
    stage_week: int, target: RunWeek, runs_this_week: int, left: int, cap: int | None
) -> str:
    text = f"Run week {stage_week}: {_span(_fit(target.minutes, cap, left))} easy"
    if target.has_long_run and runs_this_week == target.runs_per_week - 1:
        long_run = _span(_fit(target.long_run_minutes, cap, left))
        text += f"; if the week has been pain-free, make this one {long_run}"
    if cap is not None:
        text += f"; at most {cap} min in total this week"
    return f"{text} (run {runs_this_week + 1} of {target.runs_per_week} this week)."


def _today(
    program: Program,
    today: date,
    runs: list[SessionRecord],
    signs: list[Found],
    target: RunWeek,
    week_runs: int,
) -> tuple[bool, str]:
    """(rest today, why) - or (False, "Run done...") after a run, (False, "") when one is due."""
    todays = [r for r in runs if local_date(r.started_at) == today]
    if todays:
        return False, f"Run done today: {sum(run_minutes(r) for r in todays)} min."
    settle = program.return_to_running.settle_days
    for found in reversed(signs):
        if found.sign.id == "run-pain-worsens" and (today - found.on).days < settle:
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
    *,
    strength_signs: Sequence[Found] = (),
    set_weeks: Sequence[RunDecision] = (),
) -> RunStage:
    """The run week today and today's run, counting from the first run given (see above).

    ``strength_signs`` are the pain-during-strength signs (plan_signs.strength_pain_signs);
    ``set_weeks`` the weeks set by hand since running started, oldest first.
    """
    rtr = program.return_to_running
    runs = [s for s in kept_sessions(run_sessions, today) if s.routine == RUN_ROUTINE]
    logs = list(pain_logs)
    signs = step_back_signs(program, runs, logs, today)
    this_monday = week_monday(today)
    first = week_monday(_first_day(runs, set_weeks) or today)
    holds = [f for f in strength_signs if f.on >= first]
    every = sorted([*signs, *holds], key=lambda f: f.at)
    state, phase_one = _walk(program, runs, every, logs, this_monday, set_weeks)
    level, verdict, evidence = state.level, state.verdict, state.evidence
    setting = _set_in_week(set_weeks, this_monday)
    since = this_monday if setting is None else local_date(setting.at)
    now = [f for f in signs if f.on >= since]
    if runs and now and phase_one is None:
        level = max(1, level - 1)
        verdict = "step-back"
        evidence = f"{now[0].sign.name}: {now[0].evidence}. Back one week to week {level}."
    held = [f for f in holds if f.on >= since]
    if held and not now:
        evidence = f"{held[0].sign.name}: {held[0].evidence}. Holding at week {level}."
    target = rtr.week(level)
    week_runs = [r for r in runs if local_date(r.started_at) >= this_monday]
    minutes_this_week = sum(run_minutes(r) for r in week_runs)
    cap = _cap(program, level, runs, this_monday)
    runs_left = max(1, target.runs_per_week - len(week_runs))
    left = max(0, (cap or 0) - minutes_this_week) // runs_left
    minutes = _fit(target.minutes, cap, left)
    rest, today_text = _today(program, today, runs, signs, target, len(week_runs))
    if not rest and not today_text:
        if minutes[1] <= 0:
            rest, today_text = True, f"This week's {cap} min are done: rest until Monday."
        else:
            today_text = _today_text(level, target, len(week_runs), left, cap)
    recent = [r for r in runs if local_date(r.started_at) >= this_monday - WEEK]
    return RunStage(
        week=level,
        target=target,
        last_week=verdict,
        evidence=evidence,
        signs=[f for f in signs if f.on >= this_monday - WEEK],
        runs_this_week=len(week_runs),
        minutes_this_week=minutes_this_week,
        ran_today=any(local_date(r.started_at) == today for r in runs),
        rest_today=rest,
        today_text=today_text,
        hills_and_track=level >= rtr.hills_and_track_from_week,
        max_weekly_minutes=cap,
        today_minutes=minutes,
        flags=_over_target(program, recent, target),
        phase_one_from=phase_one,
    )


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
        text = "A red flag stands: runs are held until it is unticked."
        return RunAccess(None, None, text, decision=last)
    history = (list(sessions), list(pain_logs))
    access = _unpaused(program, settings, library, history, today, ready, decided)
    week = access.stage.week if access.stage is not None else None
    access = replace(access, decision=last, rules_week=week)
    if last is None or last.decision != "pause":  # a resume or a set week ends a pause
        return access
    note = f" ({last.note})" if last.note else ""
    text = f"Running paused by you on {day_text(local_date(last.at))}{note}: no run is planned."
    return replace(access, stage=None, evidence=text, paused=True)


def _unpaused(
    program: Program,
    settings: Settings,
    library: Library,
    history: tuple[list[SessionRecord], list[PainLog]],
    today: date,
    ready: Readiness | None,
    decided: list[RunDecision],
) -> RunAccess:
    """run_access without the pauses: from the first run made ready, or a week set with the
    physio's clearance, whichever came first; again after each return to phase 1."""
    sessions, logs = history
    runs = [s for s in kept_sessions(sessions, today) if s.routine == RUN_ROUTINE]
    holds = strength_pain_signs(program, sessions, library, today)
    set_weeks = [d for d in decided if d.week is not None]
    since: date | None = None
    phase_one = ""
    while True:
        after = [d for d in set_weeks if since is None or local_date(d.at) >= since]
        cleared = next((d.at for d in after if d.cleared), None)
        candidates = [r for r in runs if since is None or local_date(r.started_at) >= since]
        start = next(
            (
                r.started_at
                for r in candidates
                if (cleared is None or r.started_at < cleared)
                and readiness_before(program, settings, sessions, logs, r.started_at, library).ready
            ),
            cleared,
        )
        if start is None:
            break
        stage = run_stage(
            program,
            [r for r in candidates if r.started_at >= start],
            logs,
            today,
            strength_signs=holds,
            set_weeks=[d for d in after if d.at >= start],
        )
        if stage.phase_one_from is None:
            began = local_date(start)
            return RunAccess(stage, began, f"Running started on {day_text(began)}.")
        since, phase_one = stage.phase_one_from, stage.evidence
    if ready is None:
        ready = readiness(program, settings, sessions, logs, today, library)
    if ready.ready:
        todays = [d for d in set_weeks if local_date(d.at) == today]
        stage = run_stage(program, [], logs, today, strength_signs=holds, set_weeks=todays)
        return RunAccess(stage, today, "Every check is met: running can start.")
    return RunAccess(None, None, "Running starts when every check is met.", phase_one)


def refusal(program: Program, access: RunAccess, decision: RunDecision, now: datetime) -> str:
    """Why ``decision`` cannot be recorded given today's ``access``; '' when it can."""
    if decision.at > now:
        return "A decision cannot be dated in the future."
    weeks = len(program.return_to_running.weeks)
    if decision.week is not None and not 1 <= decision.week <= weeks:
        return f"Run week {decision.week} is not in the program's run table (weeks 1-{weeks})."
    if decision.week is not None and access.started is None and not decision.cleared:
        return "Running has not started: a week can be set once your physio has cleared you."
    if decision.decision == "pause" and access.paused:
        return "Running is already paused."
    if decision.decision == "resume" and not access.paused:
        return "Running is not paused."
    return ""
