"""The run week set by hand, paused and resumed: the rules go on from each decision."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from itb_tui.core.history.records import MonthHistory, RunDecision, SessionRecord
from itb_tui.core.plan.overview import build_overview
from itb_tui.core.plan.red_flags import FlagChange, RedFlagState, with_red_flags
from itb_tui.core.plan.running import refusal, run_access
from itb_tui.core.plan.today import today_plan
from itb_tui.core.plan.weeks import readiness
from itb_tui.core.report.ics import plan_calendar
from tests.factories import (
    LIBRARY,
    MON,
    PROGRAM,
    at,
    day,
    pain_free_week,
    ready_by,
    run,
    settings,
)
from tests.unit.plan.helpers import FIRST_WEEK, access


def decide(
    when: date, decision: str, week: int | None = None, *, hour: int = 7, cleared: bool = False
) -> RunDecision:
    return RunDecision(at(when, hour), decision, week, cleared=cleared, note="physio")


def week_on(today: date, runs: Sequence[SessionRecord], decisions: Sequence[RunDecision]) -> int:
    stage = access(today, runs, decisions).stage
    assert stage is not None
    return stage.week


def test_a_set_week_then_a_painful_week_steps_back_from_the_set_week() -> None:
    painful = [run(day(7)), run(day(9), spikes=("run", "run"))]  # pain built up: a step back
    set_three = [decide(day(7), "week", 3)]
    assert week_on(day(7), FIRST_WEEK, set_three) == 3
    stage = access(day(14), [*FIRST_WEEK, *painful], set_three).stage
    assert stage is not None and (stage.week, stage.last_week) == (2, "step-back")
    assert week_on(day(14), [*FIRST_WEEK, *painful], []) == 1  # without it: from week 2


def test_a_set_week_then_two_good_weeks_moves_on_from_it() -> None:
    # each run as long as the single-run guard lets the plan give it (10 % more each time)
    minutes = {7: 16, 9: 17, 11: 18, 14: 19, 16: 20, 18: 22}
    good = [*FIRST_WEEK, *(run(day(n), length) for n, length in minutes.items())]
    set_three = [decide(day(7), "week", 3)]
    assert week_on(day(14), good, set_three) == 4
    assert week_on(day(21), good, set_three) == 5
    assert week_on(day(21), good, []) == 4


def test_a_pause_plans_no_run_even_when_runs_are_logged_anyway() -> None:
    anyway = [*FIRST_WEEK, run(day(7)), run(day(9))]
    paused = access(day(10), anyway, [decide(day(7), "pause")])
    assert paused.stage is None and paused.paused
    assert paused.rules_week == 2  # the rules still walk underneath
    assert "paused by you on Mon 30 Nov (physio)" in paused.evidence
    items = today_plan(PROGRAM, settings(), [], [], day(10), LIBRARY, access=paused)
    assert not any(i.kind == "run" or i.routine_id == "pre-run" for i in items)


def test_a_resume_plans_runs_again_and_the_runs_in_the_pause_count() -> None:
    anyway = [*FIRST_WEEK, *pain_free_week(day(7))]
    decisions = [decide(day(7), "pause"), decide(day(10), "resume")]
    resumed = access(day(10), anyway, decisions)
    assert resumed.stage is not None and not resumed.paused
    assert resumed.decision is decisions[-1]
    assert week_on(day(14), anyway, decisions) == 3
    # A week set while paused ends the pause too.
    assert access(day(10), anyway, [decisions[0], decide(day(10), "week", 2)]).stage is not None


def test_a_decision_logged_late_counts_from_its_own_date() -> None:
    """Set on Tuesday, recorded after Wednesday's run: the week counts from Tuesday, and its
    two runs move it on. Pain in a run before it that week still repeats the week: setting a
    week by hand does not erase pain (001: on only "if Week 1 was pain-free")."""
    week_two = [run(day(7)), run(day(9)), run(day(11))]
    late = decide(day(8), "week", 2)  # dated before the last runs, given after them
    assert week_on(day(14), [*FIRST_WEEK, *week_two], [late]) == 3
    sore = [run(day(7), pain_after=3), *week_two[1:]]
    assert week_on(day(14), [*FIRST_WEEK, *sore], []) == 2  # the pain repeats the week
    assert week_on(day(14), [*FIRST_WEEK, *sore], [late]) == 2


def test_a_decision_in_the_future_is_refused_but_one_dated_ahead_counts() -> None:
    """A new decision is never dated ahead; one that was (the clock was ahead when it was
    made) is the user's decision all the same."""
    now = at(day(7), 9)
    tomorrow = decide(day(8), "week", 4)
    today = access(day(7), FIRST_WEEK)
    assert refusal(PROGRAM, today, tomorrow, now) == "A decision cannot be dated in the future."
    assert refusal(PROGRAM, today, decide(day(7), "week", 4, hour=8), now) == ""
    assert week_on(day(7), FIRST_WEEK, [tomorrow]) == 4


def test_a_week_beyond_the_run_table_is_refused_with_a_message() -> None:
    now = at(day(7), 9)
    today = access(day(7), FIRST_WEEK)
    weeks = len(PROGRAM.return_to_running.weeks)
    for week in (0, weeks + 1):
        text = refusal(PROGRAM, today, decide(day(7), "week", week), now)
        assert text == f"Run week {week} is not in the program's run table (weeks 1-{weeks})."
    assert refusal(PROGRAM, today, decide(day(7), "week", weeks), now) == ""


def test_before_running_starts_a_set_week_needs_the_named_clinician() -> None:
    today = day(-3)  # the checks are not met yet
    now = at(today, 9)
    plain, unnamed = decide(today, "week", 2), decide(today, "week", 2, cleared=True)
    cleared = replace(unnamed, clinician="Dr Lee")
    before = access(today)
    assert before.stage is None and before.started is None
    assert "clinician" in refusal(PROGRAM, before, plain, now)
    assert "clinician" in refusal(PROGRAM, before, unnamed, now)  # a yes alone is not enough
    assert refusal(PROGRAM, before, cleared, now) == ""
    assert access(today, decisions=[plain]).stage is None
    assert access(today, decisions=[unnamed]).stage is None
    started = access(today, decisions=[cleared])
    assert started.evidence == "Running started on Dr Lee's clearance, Fri 20 Nov."
    assert started.stage is not None and started.stage.week == 2 and started.started == today
    assert week_on(day(4), pain_free_week(today), [cleared]) == 3  # and the rules go on


def test_pause_and_resume_are_refused_when_they_change_nothing() -> None:
    now = at(day(7), 9)
    running = access(day(7), FIRST_WEEK)
    paused = access(day(7), FIRST_WEEK, [decide(day(7), "pause")])
    assert refusal(PROGRAM, running, decide(day(7), "resume", hour=8), now)
    assert refusal(PROGRAM, paused, decide(day(7), "pause", hour=8), now)
    assert refusal(PROGRAM, paused, decide(day(7), "resume", hour=8), now) == ""


def test_a_standing_red_flag_holds_running_whatever_was_decided() -> None:
    sessions, logs = ready_by(MON)
    every = [*sessions, *FIRST_WEEK]
    flags = RedFlagState([FlagChange(PROGRAM.red_flags[0].id, at(day(6)), ticked=True)])
    ready = with_red_flags(
        readiness(PROGRAM, settings(), every, logs, day(7), LIBRARY), PROGRAM, flags
    )
    for decisions in ([decide(day(7), "week", 3)], [decide(day(7), "resume")]):
        held = run_access(
            PROGRAM, settings(), every, logs, day(7), LIBRARY, ready=ready, decisions=decisions
        )
        assert held.stage is None and "red flag" in held.evidence


def _history(decisions: list[RunDecision]) -> MonthHistory:
    sessions, logs = ready_by(MON)
    return MonthHistory([*sessions, *FIRST_WEEK], logs, decisions)


def test_today_and_the_calendar_read_the_decisions_from_the_history() -> None:
    """Today (and `itb today`, which shows it) and the ICS calendar plan no run in a pause."""
    now = at(day(7), 9)
    for decisions, runs_planned in (([], True), ([decide(day(7), "pause")], False)):
        overview = build_overview(PROGRAM, settings(), LIBRARY, _history(decisions), now)
        assert (overview.stage is not None) is runs_planned
        assert any(i.kind == "run" for i in overview.items) is runs_planned
        calendar = plan_calendar(PROGRAM, settings(), LIBRARY, _history(decisions), now)
        assert ("Run (easy)" in calendar) is runs_planned
    set_three = build_overview(
        PROGRAM, settings(), LIBRARY, _history([decide(day(7), "week", 3)]), now
    )
    assert set_three.stage is not None and set_three.stage.week == 3


def test_today_says_why_no_run_is_planned_in_a_pause() -> None:
    paused = access(day(8), FIRST_WEEK, [decide(day(7), "pause")])
    items = today_plan(PROGRAM, settings(running=True), [], [], day(8), LIBRARY, access=paused)
    advice = [i for i in items if i.kind == "advice" and i.title == "Running paused"]
    assert [i.reason for i in advice] == [
        "Running paused by you on Mon 30 Nov (physio): no run is planned. w on Running resumes it."
    ]
    assert not any(i.title == "Still running" for i in items)
