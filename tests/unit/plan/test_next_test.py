"""The readiness test due next as a line of the day (core/plan/next_test.py), over synthetic
histories through the referee, as Home and ``itb today`` ask it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from itb_tui.core.history.records import MonthHistory, PainLog, RunDecision, SessionRecord
from itb_tui.core.plan.due import DUE, REST
from itb_tui.core.plan.next_test import DueTest, next_test
from itb_tui.core.plan.red_flags import FlagChange, RedFlagState
from itb_tui.core.plan.referee import RulesInput, decide, readiness_session
from itb_tui.core.plan.running import RunAccess
from itb_tui.core.plan.weeks import Check, Readiness
from tests.factories import (
    LIBRARY,
    PROGRAM,
    at,
    pain,
    pain_free,
    passed_tests,
    readiness_attempt,
    ready_by,
    run,
    settings,
    strength,
)
from tests.unit.plan.helpers import DAY  # after the tests' start

STARTED = settings(DAY - timedelta(weeks=5))  # 3 full weeks of rehab done


def due_on(
    sessions: list[SessionRecord],
    logs: list[PainLog],
    *,
    today: date = DAY,
    flags: RedFlagState | None = None,
    decisions: tuple[RunDecision, ...] = (),
    program: object = PROGRAM,
) -> DueTest | None:
    history = MonthHistory(sessions, logs, list(decisions))
    inp = RulesInput(program, LIBRARY, STARTED, history, at(today, 12))  # type: ignore[arg-type]
    verdict = decide(inp if flags is None else replace(inp, flags=flags))
    return verdict.overview.test_due


def test_every_other_check_met_names_the_first_test_the_r_screen_starts() -> None:
    sessions, logs = ready_by(DAY)
    found = due_on(sessions, logs)
    assert found is not None and found.status == DUE
    assert found.title == "Test: Side-lying hip abduction"
    assert found.reason == "Not tried yet (30 per side, no pain)."
    inp = RulesInput(PROGRAM, LIBRARY, STARTED, MonthHistory(sessions, logs), at(DAY, 12))
    routine = readiness_session(decide(inp), PROGRAM, LIBRARY)  # what Enter and t start
    assert routine is not None and routine.readiness_test == found.test


def test_no_line_while_another_check_is_not_met() -> None:
    sessions, logs = ready_by(DAY)
    assert due_on(sessions, logs[-3:]) is None  # 3 pain-free days of the 5 needed
    assert due_on(sessions[:1], logs) is None  # one strength session of the 3
    early = replace(PROGRAM, readiness=replace(PROGRAM.readiness, tests_from=DAY + timedelta(1)))
    assert due_on(sessions, logs, program=early) is None  # the tests do not gate yet


def test_the_next_test_follows_the_passes_and_an_expired_pass_is_named() -> None:
    sessions, logs = ready_by(DAY)
    abduction = readiness_attempt("hip-abduction", DAY - timedelta(days=1), left=30, right=30)
    found = due_on([*sessions, abduction], logs)
    assert found is not None and found.title == "Test: Single-leg squat"
    old = readiness_attempt("hip-abduction", DAY - timedelta(days=20), left=30, right=30)
    expired = due_on([*sessions, old], logs)
    assert expired is not None and expired.title == "Test: Side-lying hip abduction"
    assert expired.reason.startswith("L 30 / R 30, passed 20 days ago; a pass stands 14 days")


def test_a_failed_test_waiting_to_be_tried_again_says_when() -> None:
    sessions, logs = ready_by(DAY)
    tried = [
        readiness_attempt(test, DAY - timedelta(days=1), left=reps, right=reps, minutes=mins)
        for test, reps, mins in (("hip-abduction", 20, 0), ("single-leg-squat", 5, 0))
    ]
    walk = readiness_attempt("walk", DAY - timedelta(days=1), minutes=10)
    found = due_on([*sessions, *tried, walk], logs)
    assert found is not None and found.status == REST
    assert found.title == "Next test: Side-lying hip abduction"
    assert "try again in 2 days" in found.reason


def test_a_red_flag_makes_it_wait_and_says_why() -> None:
    sessions, logs = ready_by(DAY)
    flag = RedFlagState([FlagChange(PROGRAM.red_flags[0].id, at(DAY, 7), True)])
    flagged = due_on(sessions, logs, flags=flag)
    assert flagged is not None and flagged.status == REST
    assert flagged.title == "Test waits: a red flag"
    assert flagged.reason.startswith("Side-lying hip abduction waits: a red flag stands. See a")


def test_high_pain_makes_it_wait_and_says_until_when() -> None:
    """Pain of 8/10 breaks the pain-free days too: the line stays, since the tests were all
    that was left just before it, and says until when it waits."""
    sessions, logs = ready_by(DAY)
    sore = due_on(sessions, [*logs, pain(DAY, 8, hour=9)])
    assert sore is not None and sore.status == REST
    assert sore.title == "Test waits: pain 8/10"
    assert sore.reason == (
        "Side-lying hip abduction waits: pain 8/10 in a pain log on Mon 14 Dec holds "
        "weight-bearing work. No test until a lower score, then 5 pain-free days in a row: "
        "Sat 19 Dec at the earliest."
    )
    yesterday = due_on(sessions, [*logs, pain(DAY - timedelta(days=1), 8, hour=21)])
    assert yesterday is not None and "Fri 18 Dec at the earliest" in yesterday.reason
    lower = due_on(sessions, [*logs, pain(DAY, 8, hour=9), pain(DAY, 3, hour=10)])
    assert lower is None  # a lower score: no hold, and the pain-free days are not met


def test_high_pain_after_strength_work_waits_without_a_date() -> None:
    """Rated 8/10 after hip strength: the strength check is broken too, so no day is promised."""
    sessions, logs = ready_by(DAY)
    sore_session = strength(DAY, pain_after=8, hour=9)
    sore = due_on([*sessions, sore_session], logs)
    assert sore is not None and sore.title == "Test waits: pain 8/10"
    assert sore.reason.startswith("Side-lying hip abduction waits: pain 8/10 after Hip strength")
    assert sore.reason.endswith("then 5 pain-free days in a row.")


def test_high_pain_before_the_tests_were_next_shows_no_line() -> None:
    sessions, logs = ready_by(DAY)
    assert due_on(sessions, [*logs[-3:], pain(DAY, 8, hour=9)]) is None  # 3 pain-free days
    checks = [Check("Brisk walk", False, "not tried", "walk")]
    assert next_test(Readiness(checks, "walk"), RunAccess(None, None, "")) == DueTest(
        "walk", "Brisk walk", DUE, "Not tried."
    )


def test_no_line_once_every_test_passes_or_running_has_started() -> None:
    sessions, logs = ready_by(DAY)
    assert due_on([*sessions, *passed_tests(DAY - timedelta(days=1))], logs) is None
    cleared = RunDecision(at(DAY, 7), "set", 1, cleared=True, clinician="Dr Lee")
    assert due_on(sessions, logs, decisions=(cleared,)) is None
    paused = RunDecision(at(DAY, 7), "pause")
    assert due_on(sessions, logs, decisions=(paused,)) is None


def test_running_started_before_the_tests_keeps_no_line_even_under_a_red_flag() -> None:
    start = DAY - timedelta(days=10)  # before the shipped tests_from: no test was needed
    before, _logs = ready_by(start)
    recent, _logs = ready_by(DAY)  # every check but the tests met today too
    runs = [run(start + timedelta(days=n), 15) for n in (0, 2, 4)]
    sessions, logs = [*before, *recent, *runs], pain_free(DAY - timedelta(days=1), 17)
    assert due_on(sessions, logs) is None
    flag = RedFlagState([FlagChange(PROGRAM.red_flags[0].id, at(DAY, 7), True)])
    assert due_on(sessions, logs, flags=flag) is None  # a flag holds the runs, not the start
    assert due_on([*before, *recent], logs, flags=flag) is not None  # not started: it waits


def test_itb_today_says_the_same_line_in_every_format() -> None:
    import json

    from itb_tui.core.shell.today_line import render, summarize

    sessions, logs = ready_by(DAY)

    def shown(form: str, flags: RedFlagState | None = None, more: tuple[PainLog, ...] = ()) -> str:
        history = MonthHistory(sessions, [*logs, *more])
        inp = RulesInput(PROGRAM, LIBRARY, STARTED, history, at(DAY, 12))
        summary = summarize(decide(inp if flags is None else replace(inp, flags=flags)))
        return render(summary, form)

    assert shown("line").endswith(", Test: Side-lying hip abduction")
    text = shown("text")
    assert "  [ ] Test: Side-lying hip abduction. Not tried yet (30 per side, no pain)." in text
    data = json.loads(shown("json"))
    assert data["anything_due"] is True
    assert data["test_due"] == {
        "id": "hip-abduction",
        "name": "Side-lying hip abduction",
        "status": "due",
        "title": "Test: Side-lying hip abduction",
        "reason": "Not tried yet (30 per side, no pain).",
        "rule": "readiness",
        "article": "001",
    }
    flag = RedFlagState([FlagChange(PROGRAM.red_flags[0].id, at(DAY, 7), True)])
    assert "Test" not in shown("line", flag)  # it waits: not due
    assert "  --- Test waits: a red flag. Side-lying hip abduction waits" in shown("text", flag)
    assert json.loads(shown("json", flag))["test_due"]["status"] == "rest"
    sore = (pain(DAY, 8, hour=9),)
    assert "Test" not in shown("line", more=sore)
    assert "  --- Test waits: pain 8/10. Side-lying hip abduction waits: pain 8/10" in shown(
        "text", more=sore
    )
    waits = json.loads(shown("json", more=sore))["test_due"]
    assert (waits["status"], waits["title"]) == ("rest", "Test waits: pain 8/10")
    assert waits["reason"].endswith("Sat 19 Dec at the earliest.")
