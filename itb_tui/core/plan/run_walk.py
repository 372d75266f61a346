"""The run weeks, walked one ISO week at a time from the first run or week set by hand.

The rules are those of running.py's docstring (001's return-to-running weeks and warning
signs): a week steps back, holds, repeats or moves on; a week set by hand starts from its day,
capped at the rules' week while held back unless a named clinician cleared it; painful weeks
count on across set weeks, and ``repeated_weeks_to_phase_one`` of them send the user back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from itb_tui.core.content.program import Program, RunWeek
from itb_tui.core.dates import day_text, local_date, week_monday
from itb_tui.core.history.records import PainLog, RunDecision, SessionRecord, rose, score_text
from itb_tui.core.plan.signs import Found
from itb_tui.core.plan.weeks import AFTER_RUN_FROM, DAILY_CONTEXTS

MIN_RUNS_TO_PROGRESS = 2
# A warning sign holds the run week for this long: no week above the rules' by hand without a
# clinician's clearance (001: warning signs mean "reduce load").
SIGN_DAYS = 14
WEEK = timedelta(days=7)


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


def in_week(day: date, monday: date) -> bool:
    return monday <= day < monday + WEEK


def _week_pain(
    program: Program, runs: list[SessionRecord], logs: list[PainLog], monday: date
) -> str | None:
    """The first pain of a run week, described, or None when the week was pain-free: pain in
    or after a run, a morning after a run above the band or worse than the last morning before
    it (morning_after_run), or in a week with a kept run any daily log above the band (001:
    daily life pain-free). Pain logged during or after a run counts in a week without a kept
    run too: a run discarded keeps its pain as such logs (kept_pain.py)."""
    band = program.acceptable_morning_pain
    mornings = sorted((p for p in logs if p.context == "morning"), key=lambda p: p.at)
    for run in runs:
        when = day_text(local_date(run.started_at))
        if run.pain_spikes:
            return f"pain during the run on {when}"
        if run.pain_after and run.pain_after > band:
            pain = score_text(run.pain_after, run.pain_after_knees)
            return f"pain {pain} after the run on {when}"
        morning = morning_after_run(band, run, mornings)
        if morning:
            return f"{morning} the morning after the run on {when}"
    for log in logs:
        if not in_week(local_date(log.at), monday):
            continue
        in_run = log.context in ("during-run", "after-run")
        daily = bool(runs) and log.context in DAILY_CONTEXTS and log.score > band
        if (in_run and log.score > 0) or daily:
            return f"pain {log.score}/10 {log.context} on {day_text(local_date(log.at))}"
    return None


def morning_after_run(band: int, run: SessionRecord, mornings: list[PainLog]) -> str:
    """How the first morning check-in 2 h or more after ``run`` was unsettled: above the band,
    or worse than the last morning before the run (the answer "worse", or a knee scored
    higher); '' when settled or not given (Silbernagel et al., 2007: the next morning
    decides). ``mornings``: the morning check-ins, oldest first."""
    before = [p for p in mornings if p.at < run.started_at]
    first = next((p for p in mornings if p.at >= run.ended_at + AFTER_RUN_FROM), None)
    if first is None:
        return ""
    score = score_text(first.score, first.knees)
    if first.score > band:
        return f"pain {score}, above the limit of {band}/10,"
    if first.compared == "worse" or (before and rose(before[-1].scores(), first.scores())):
        return f"pain {score}, worse than before the run,"
    return ""


def mornings_rose(program: Program, logs: list[PainLog], monday: date) -> str:
    """The week's mean morning score above the week before's, described ('' otherwise): the
    pain-monitoring model's week-to-week rule (Silbernagel et al., 2007)."""
    means = []
    mornings = [p for p in logs if p.context == "morning"]
    for start in (monday - WEEK, monday):
        scores = [p.score for p in mornings if in_week(local_date(p.at), start)]
        means.append(sum(scores) / len(scores) if scores else None)
    before, now = means
    if before is None or now is None or now <= before:
        return ""
    return f"mornings averaged {now:.1f}/10, up from {before:.1f}/10 the week before"


def over_target(program: Program, runs: list[SessionRecord], target: RunWeek) -> list[str]:
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
class WeekState:
    """The stage after one ISO week; ``painful`` when pain or a sign made it so."""

    level: int
    verdict: str
    evidence: str
    painful: bool


def _sign_week(level: int, week_signs: list[Found]) -> WeekState | None:
    """A step back after a step-back sign, a hold after pain during strength work; else None."""
    steps = [f for f in week_signs if f.sign.id != "pain-during-strength"]
    if steps:
        new = max(1, level - 1)
        text = f"{steps[0].sign.name}: {steps[0].evidence}. Back one week to week {new}, "
        return WeekState(new, "step-back", text + "not to the start.", True)
    if week_signs:
        text = f"{week_signs[0].sign.name}: {week_signs[0].evidence}. Hold at week {level}."
        return WeekState(level, "hold", text, True)
    return None


def in_full(program: Program, run: SessionRecord, runs: list[SessionRecord], low: int) -> bool:
    """``run`` is one of the week's runs: not stopped, and at least ``low`` minutes (the week's
    lower target) or the most the single-run guard let the plan give that day. A guided run
    is complete only at the minutes planned; one logged or imported has no plan of its own,
    so three runs of 3 minutes are not a week of runs (001: in week 1 "each run: 10-15
    minutes", then "extend to 20 minutes if Week 1 was pain-free")."""
    if not run.completed:
        return False
    minutes = run_minutes(run)
    if minutes >= low:
        return True
    from itb_tui.core.plan.single_run import single_run_cap

    limit = single_run_cap(program, runs, local_date(run.started_at)).limit
    return limit is not None and minutes >= limit[1]


def run_days(runs: list[SessionRecord], alternate_days: bool) -> list[SessionRecord]:
    """The runs that count as the week's runs: at most one a day and, in a week that
    alternates days, none the day after a run counted (greedy from the first). 001: weeks 1-2
    "alternate days only", week 3 "3 runs per week": two runs on one day are one day's
    running, and a run the day after another skips the rest day between them."""
    counted: list[SessionRecord] = []
    last: date | None = None
    for run in sorted(runs, key=lambda r: r.started_at):
        day = local_date(run.started_at)
        if last is not None and (day - last).days < (2 if alternate_days else 1):
            continue
        counted.append(run)
        last = day
    return counted


def _runs_week(
    program: Program,
    level: int,
    monday: date,
    week_runs: list[SessionRecord],
    logs: list[PainLog],
    every_run: list[SessionRecord],
) -> WeekState:
    """Repeat after pain, a run far over target or too few runs in full (``in_full``, over
    ``every_run`` kept); else move on. A week with pain in a run but no kept run is painful
    and still a gap."""
    pain = _week_pain(program, week_runs, logs, monday)
    if pain:
        text = f"Week {level} was not pain-free ({pain}): repeat week {level}."
        return WeekState(level, "repeat" if week_runs else "gap", text, True)
    rising = mornings_rose(program, logs, monday) if week_runs else ""
    if rising:
        text = f"In week {level} the {rising}: repeat week {level}."
        return WeekState(level, "repeat", text, False)
    over = over_target(program, week_runs, program.return_to_running.week(level))
    if over:
        text = f"In week {level} {over[0]}: repeat week {level} and keep to its target."
        return WeekState(level, "repeat", text, False)
    target = program.return_to_running.week(level)
    full = [r for r in week_runs if in_full(program, r, every_run, target.minutes[0])]
    completed = run_days(full, target.alternate_days)
    if len(completed) < MIN_RUNS_TO_PROGRESS:
        count = f"{len(completed)} run{'' if len(completed) == 1 else 's'} in full"
        apart = " a rest day apart" if target.alternate_days else " on days of their own"
        if len(completed) == len(full):
            apart = ""
        text = f"Only {count}{apart} in the week of {day_text(monday)}: repeat week {level}."
        return WeekState(level, "repeat" if week_runs else "gap", text, False)
    text = f"Week {level} was pain-free ({len(completed)} runs): on to week {level + 1}."
    return WeekState(level + 1, "progress", text, False)


def _next_week(
    program: Program,
    level: int,
    monday: date,
    runs: list[SessionRecord],
    signs: list[Found],
    logs: list[PainLog],
    since: date | None = None,
) -> WeekState:
    """The stage after the ISO week starting ``monday``, counting only from ``since``; pain
    in a run before ``since`` that week still makes the week painful (it repeats), and a sign
    before it still holds the week while it is recent (_after_recent_sign)."""
    earlier, every_sign, every_run = None, signs, runs
    if since is not None:  # a week set by hand that day: what came before no longer counts
        week_runs = [r for r in runs if in_week(local_date(r.started_at), monday)]
        earlier = _week_pain(program, week_runs, logs, monday)
        runs = [r for r in runs if local_date(r.started_at) >= since]
        signs = [f for f in signs if f.on >= since]
        logs = [p for p in logs if local_date(p.at) >= since]
    by_signs = _sign_week(level, [f for f in signs if in_week(f.on, monday)])
    if by_signs is not None:
        return by_signs
    week_runs = [r for r in runs if in_week(local_date(r.started_at), monday)]
    state = _runs_week(program, level, monday, week_runs, logs, every_run)
    if earlier and not state.painful:  # a week set by hand does not erase the week's pain
        text = f"Week {level} was not pain-free ({earlier}): repeat week {level}."
        state = WeekState(level, "gap" if state.verdict == "gap" else "repeat", text, True)
    return _after_recent_sign(state, level, every_sign, monday + WEEK)


def _after_recent_sign(
    state: WeekState, level: int, signs: list[Found], next_monday: date
) -> WeekState:
    """A week that would move on holds instead while a warning sign is under SIGN_DAYS old on
    the Monday it would move on (001: a sign means reduce load; the week after a sign that
    goes well is not yet proof the knee has settled)."""
    recent = [f for f in signs if 0 < (next_monday - f.on).days <= SIGN_DAYS]
    if state.verdict != "progress" or not recent:
        return state
    sign = recent[-1]
    text = (
        f"{sign.sign.name} on {day_text(sign.on)}, under {SIGN_DAYS} days ago: "
        f"hold at week {level}."
    )
    return WeekState(level, "hold", text, False)


def set_in_week(set_weeks: Sequence[RunDecision], monday: date) -> RunDecision | None:
    """The last week set by hand in the ISO week starting ``monday``."""
    return next((d for d in reversed(set_weeks) if in_week(local_date(d.at), monday)), None)


def recent_run_pain(
    program: Program, runs: list[SessionRecord], logs: list[PainLog], day: date
) -> str:
    """Pain in a run (as _week_pain reads a week) in the ISO week of ``day`` up to ``day`` or
    in the week before, described; '' when none. The rules repeat such a week (001: on to the
    next week only "if Week 1 was pain-free"). ``runs`` and ``logs``: those made so far."""
    this_monday = week_monday(day)
    logs = [p for p in logs if local_date(p.at) <= day]
    for monday in (this_monday, this_monday - WEEK):
        week_runs = [
            r
            for r in runs
            if in_week(local_date(r.started_at), monday) and local_date(r.started_at) <= day
        ]
        pain = _week_pain(program, week_runs, logs, monday)
        if pain:
            return pain
    return ""


def held_back(before: WeekState, signs: Sequence[Found], day: date, pain: str = "") -> str:
    """Why the run week may not be set above the rules' week on ``day`` without a clinician's
    clearance: a warning sign in the last SIGN_DAYS days, ``pain`` in a run this week or the
    week before (recent_run_pain), or the rules stepped back or held (pain in a run or a sign
    in the week before); '' when it may."""
    recent = [f for f in signs if 0 <= (day - f.on).days < SIGN_DAYS]
    if recent:
        return f"{recent[-1].sign.name.lower()} on {day_text(recent[-1].on)}"
    if pain:
        return pain
    if before.verdict in ("step-back", "hold") or before.painful:
        return "the rules stepped back or held after pain"
    return ""


def _set_state(
    decision: RunDecision, before: WeekState, signs: Sequence[Found], pain: str = ""
) -> WeekState:
    """The week set by hand: at most the rules' week when held back (``pain``: in a run
    before it, recent_run_pain), unless a clinician named in the decision cleared it."""
    day = local_date(decision.at)
    week = decision.week or 1
    if decision.clinician:
        text = f"Run week {week}, set on {decision.clinician}'s clearance, {day_text(day)}."
        return WeekState(week, "set", text, False)
    rules = min(before.level, decision.rules_week or before.level)
    why = held_back(before, signs, day, pain)
    if week > rules and why:
        text = (
            f"Run week {week} was set on {day_text(day)}, but after {why} a higher week needs "
            f"the clearance of a named clinician: week {rules}."
        )
        return WeekState(rules, "set", text, before.painful)
    return WeekState(week, "set", f"Run week {week}, set by you on {day_text(day)}.", False)


def first_day(runs: list[SessionRecord], set_weeks: Sequence[RunDecision]) -> date | None:
    """The day of the first run or week set by hand (None: neither)."""
    days = [local_date(r.started_at) for r in runs[:1]] + [local_date(d.at) for d in set_weeks]
    return min(days, default=None)


def walk(
    program: Program,
    runs: list[SessionRecord],
    signs: list[Found],
    logs: list[PainLog],
    this_monday: date,
    set_weeks: Sequence[RunDecision] = (),
) -> tuple[WeekState, date | None]:
    """The stage at ``this_monday`` week by week from the first run or week set by hand, and
    the Monday repeated signs sent the user back to phase 1 (None if they did not)."""
    rtr = program.return_to_running
    state = WeekState(1, "start", "No runs yet: start with week 1.", False)
    first = first_day(runs, set_weeks)
    if first is None:
        return state, None
    state = WeekState(1, "start", "First week of running: week 1.", False)
    monday = week_monday(first)
    painful = empty = 0
    while monday < this_monday:
        setting = set_in_week(set_weeks, monday)
        since = None if setting is None else local_date(setting.at)
        if setting is not None:  # pain counts on across it: repeated signs still send back
            pain = _pain_before(program, runs, logs, setting)
            state, empty = _set_state(setting, state, signs, pain), 0
        state = _next_week(program, state.level, monday, runs, signs, logs, since)
        painful = painful + 1 if state.painful else (painful if state.verdict == "gap" else 0)
        empty = empty + 1 if state.verdict == "gap" else 0
        if empty and empty % rtr.gap_weeks_step_back == 0:
            new = max(1, state.level - 1)
            text = f"{empty} weeks without a run: back one week to week {new}."
            state = WeekState(new, "step-back", text, False)
        monday += WEEK
        if painful >= rtr.repeated_weeks_to_phase_one:
            text = (
                f"{painful} run weeks in a row with pain or a warning sign (last: "
                f"{state.evidence}) Go back to settling the pain, and look through the red "
                "flags (f): the checks must be met again before the next run."
            )
            return WeekState(state.level, "phase-one", text, True), monday
    setting = set_in_week(set_weeks, this_monday)
    if setting is None:
        return state, None
    return _set_state(setting, state, signs, _pain_before(program, runs, logs, setting)), None


def _pain_before(
    program: Program, runs: list[SessionRecord], logs: list[PainLog], decision: RunDecision
) -> str:
    """recent_run_pain as it stood when ``decision`` was made."""
    made = [r for r in runs if r.started_at < decision.at]
    return recent_run_pain(
        program, made, [p for p in logs if p.at <= decision.at], local_date(decision.at)
    )
