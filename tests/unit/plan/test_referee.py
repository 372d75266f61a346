"""The referee: one input, one verdict for the day, over synthetic histories."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from itb_tui.core.history.records import MonthHistory, PainLog, RunDecision
from itb_tui.core.plan.red_flags import FlagChange, RedFlagState
from itb_tui.core.plan.referee import (
    RulesInput,
    decide,
    override_question,
    plan_ahead,
    resumable_routines,
)
from itb_tui.core.plan.verdict import ITEM_STATUSES, RULES
from tests.factories import (
    LIBRARY,
    MON,
    PROGRAM,
    at,
    day,
    ready_by,
    run,
    settings,
)
from tests.unit.plan.helpers import FIRST_WEEK, verdict


def test_every_line_has_a_status_a_rule_and_its_article() -> None:
    found = verdict(day(2), FIRST_WEEK[:1])
    assert found.items
    for line in found.items:
        assert line.rule in RULES, line
        assert line.status in ITEM_STATUSES
    assert found.run.rule in RULES and found.run.article == "001"


def test_the_day_after_a_run_is_rest_and_names_the_run() -> None:
    found = verdict(day(1), FIRST_WEEK[:1])
    assert found.run.status == "rest"
    assert found.run.minutes == (0, 0)
    assert found.run.rule == "run-alternate-days"
    assert "rest day after Monday's run" in found.run.reason


def test_a_run_due_gives_its_week_and_minutes() -> None:
    found = verdict(day(2), FIRST_WEEK[:1])
    assert (found.run.status, found.run.week) == ("optional", 1)
    assert found.run.minutes == PROGRAM.return_to_running.week(1).minutes


def test_running_is_locked_before_the_checks_are_met() -> None:
    inp = RulesInput(PROGRAM, LIBRARY, settings(), MonthHistory(), at(MON, 7))
    found = decide(inp)
    assert (found.run.status, found.run.rule, found.run.week) == ("locked", "readiness", None)
    assert not found.ready


def test_a_standing_red_flag_holds_the_run_and_is_listed_with_its_date() -> None:
    flag = PROGRAM.red_flags[0].id
    flags = RedFlagState([FlagChange(flag, at(day(1), 9), True)])
    found = verdict(day(2), FIRST_WEEK[:1], flags=flags)
    assert (found.run.status, found.run.rule) == ("held", "red-flag")
    assert [(f.id, f.ticked.date()) for f in found.red_flags] == [(flag, day(1))]


def test_a_pause_is_the_run_status() -> None:
    pause = RunDecision(at(day(1), 7), "pause", note="physio")
    found = verdict(day(2), FIRST_WEEK[:1], decisions=[pause])
    assert (found.run.status, found.run.rule, found.run.article) == ("paused", "paused-by-hand", "")


def test_an_unsettled_morning_holds_the_run_with_the_check_in_rule() -> None:
    worse = PainLog(at(day(2), 7), 2, "morning", compared="worse")
    found = verdict(day(2), FIRST_WEEK[:1], [worse], hour=9)
    assert (found.run.status, found.run.rule) == ("held", "morning-check-in")
    assert found.held and all(line.reason for line in found.held)
    assert found.checkin.status == "done"


def test_the_calendar_plans_nothing_held_today() -> None:
    worse = PainLog(at(day(2), 7), 2, "morning", compared="worse")
    sessions, ready_logs = ready_by(MON)
    history = MonthHistory([*sessions, *FIRST_WEEK[:1]], [*ready_logs, worse])
    inp = RulesInput(PROGRAM, LIBRARY, settings(), history, at(day(2), 9))
    held_today = {line.routine_id for line in decide(inp).held}
    assert "run" in held_today
    planned_today = {line.routine_id for when, line in plan_ahead(inp, 7) if when == day(2)}
    assert not held_today & planned_today


def test_the_input_is_a_value_and_the_verdict_depends_only_on_it() -> None:
    sessions, logs = ready_by(MON)
    inp = RulesInput(PROGRAM, LIBRARY, settings(), MonthHistory(sessions, logs), at(MON, 7))
    assert decide(inp).run == decide(inp).run
    later = inp.at(datetime.combine(day(1), at(MON, 7).timetz()))
    assert later.today == day(1) and inp.today == MON


def test_a_run_anyway_is_read_back_into_the_verdict() -> None:
    asked = "Today is a rest day after Monday's run. Run anyway?"
    anyway = replace(run(day(1)), override=asked)
    found = verdict(day(1), [*FIRST_WEEK[:1], anyway], hour=20)
    assert found.run.status == "done"
    assert found.run.reason.endswith(f"Run anyway, asked: {asked}")


def test_a_run_anyway_resumes_only_after_the_same_question_while_it_is_asked() -> None:
    """A run started anyway and cut off resumes as the run a yes allows, at the week's target;
    after a red flag, high pain, another question or no question at all, it does not."""
    rest_day = verdict(day(1), FIRST_WEEK[:1])
    asked = override_question(rest_day)
    assert asked == "Today is a rest day after Monday's run. Run anyway?"
    offered = resumable_routines(rest_day, PROGRAM, LIBRARY, asked)
    run_week = PROGRAM.return_to_running.week(1)
    assert offered["run"].items[0].duration_s == run_week.minutes[1] * 60
    assert "run" not in resumable_routines(rest_day, PROGRAM, LIBRARY)  # never asked
    other = "Today is a rest day after Sunday's run. Run anyway?"
    assert "run" not in resumable_routines(rest_day, PROGRAM, LIBRARY, other)
    flag = PROGRAM.red_flags[0].id
    flagged = verdict(
        day(1), FIRST_WEEK[:1], flags=RedFlagState([FlagChange(flag, at(day(1), 6), True)])
    )
    assert "run" not in resumable_routines(flagged, PROGRAM, LIBRARY, asked)
    hurting = verdict(day(1), FIRST_WEEK[:1], [PainLog(at(day(1), 6), 7, "daily")])
    assert hurting.run.rule == "high-pain"
    assert "run" not in resumable_routines(hurting, PROGRAM, LIBRARY, asked)


def test_years_of_history_give_the_verdict_of_the_recent_months() -> None:
    """The input picks out what the rules read once, so a verdict costs the same after years."""
    from datetime import timedelta

    from tests.factories import session

    old = [session("daily-stretch", MON - timedelta(days=n)) for n in range(120, 800, 3)]
    sessions, logs = ready_by(MON)
    whole = MonthHistory([*old, *sessions, *FIRST_WEEK[:1]], logs)
    recent = MonthHistory([*sessions, *FIRST_WEEK[:1]], logs)
    inp = RulesInput(PROGRAM, LIBRARY, settings(), whole, at(day(2), 7))
    assert len(inp.recent.sessions) < len(old)
    months = {(s.started_at.year, s.started_at.month) for s in inp.recent.sessions}
    assert months == {(2026, 6), (2026, 7), (2026, 11)}  # the last three with anything in them
    assert decide(inp) == decide(inp.at(inp.now, recent))
