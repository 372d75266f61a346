"""Readiness tests (core/plan/readiness_tests.py): each rule over a synthetic history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from itb_tui.core.history.records import (
    HISTORY_SCHEMA,
    LIMP_SCHEMA,
    TESTS_SCHEMA,
    MonthHistory,
    RunDecision,
)
from itb_tui.core.plan.kept_pain import kept_pain_logs
from itb_tui.core.plan.readiness_tests import (
    EXPIRED,
    FAILED,
    LOCKED,
    PASSED,
    UNTRIED,
    ReadinessState,
    attempt_result,
    next_due,
    readiness_states,
    routine_for,
)
from itb_tui.core.plan.weeks import readiness
from tests.factories import (
    LIBRARY,
    at,
    pain_free,
    passed_tests,
    readiness_attempt,
    ready_by,
    run,
    settings,
    shipped_program,
)
from tests.unit.plan.helpers import DAY

PROGRAM = shipped_program()


def state(test_id: str, *attempts: object, today: date = DAY, program=PROGRAM) -> ReadinessState:
    states = readiness_states(program, LIBRARY, attempts, today)  # type: ignore[arg-type]
    return next(s for s in states if s.test.id == test_id)


def squat(left: int = 10, right: int = 10, days_ago: int = 0, **kw: object) -> object:
    return readiness_attempt(
        "single-leg-squat", DAY - timedelta(days=days_ago), left=left, right=right, **kw
    )


def test_an_attempt_at_the_target_without_pain_passes() -> None:
    found = state("single-leg-squat", squat(10, 10))
    assert found.status == PASSED
    assert found.line.startswith("Single-leg squat: L 10 / R 10, passed today")


def test_a_side_short_of_its_target_fails() -> None:
    found = state("single-leg-squat", squat(10, 9))
    assert found.status == FAILED
    assert "R 9 of 10" in found.evidence


def test_a_pain_spike_fails_however_many_reps() -> None:
    found = state("single-leg-squat", squat(12, 12, spikes=["one-legged-squat"]))
    assert found.status == FAILED and found.problems == ("pain during it",)


def test_a_rating_above_the_band_fails_and_within_it_passes() -> None:
    assert state("single-leg-squat", squat(pain_after=1)).status == FAILED
    assert state("single-leg-squat", squat(pain_after=None)).status == FAILED
    band = replace(PROGRAM, acceptable_morning_pain=2)
    assert state("single-leg-squat", squat(pain_after=2), program=band).status == PASSED


def test_the_weaker_side_under_85_percent_of_the_stronger_fails() -> None:
    found = state("single-leg-squat", squat(10, 12))  # 83 %
    assert found.status == FAILED
    assert "(L 83 % of R, need 85 %)" in found.evidence
    assert state("single-leg-squat", squat(11, 12)).status == PASSED  # 91 %


def test_a_failed_test_waits_before_a_retry_and_names_what_to_work_on() -> None:
    found = state("single-leg-squat", squat(10, 7, days_ago=1))
    assert found.line.startswith(
        "Single-leg squat: L 10 / R 7, failed yesterday (R 7 of 10); try again in 2 days"
    )
    assert "Work on: Single-leg box squat" in found.evidence
    assert not found.startable and found.retry_in == 2
    assert state("single-leg-squat", squat(10, 7, days_ago=3)).startable


def test_a_pass_expires_after_its_valid_days() -> None:
    valid = PROGRAM.readiness_tests[1].valid_days
    assert state("single-leg-squat", squat(days_ago=valid)).status == PASSED
    found = state("single-leg-squat", squat(days_ago=valid + 1))
    assert found.status == EXPIRED and found.startable


def test_the_latest_attempt_decides() -> None:
    assert state("single-leg-squat", squat(days_ago=2), squat(5, 5)).status == FAILED
    assert state("single-leg-squat", squat(5, 5, days_ago=4), squat()).status == PASSED


def test_hops_are_locked_until_the_others_pass() -> None:
    abduction = readiness_attempt("hip-abduction", DAY, left=30, right=30)
    walk = readiness_attempt("walk", DAY, minutes=15)
    locked = state("hops", squat(), walk)
    assert locked.status == LOCKED and not locked.startable
    assert locked.evidence == "locked until Side-lying hip abduction pass"
    alone = state("hops").evidence
    assert alone == "locked until Side-lying hip abduction, Single-leg squat and Brisk walk pass"
    assert state("hops", squat(), abduction, walk).status == UNTRIED
    turned_off = replace(PROGRAM.readiness_tests[0], enabled=False)
    off = replace(PROGRAM, readiness_tests=(turned_off, *PROGRAM.readiness_tests[1:]))
    assert state("hops", squat(), walk, program=off).status == UNTRIED  # it is not waited for


def test_the_walk_passes_on_its_minutes_without_a_side_ratio() -> None:
    assert state("walk", readiness_attempt("walk", DAY, minutes=15)).status == PASSED
    short = state("walk", readiness_attempt("walk", DAY, minutes=14))
    assert short.status == FAILED and short.evidence.startswith("14 min, failed today (14 of 15")
    spiked = readiness_attempt("walk", DAY, minutes=30, spikes=["brisk-walk"])
    assert state("walk", spiked).problems == ("pain during it",)


def test_next_due_skips_passed_locked_and_waiting_tests() -> None:
    states = readiness_states(PROGRAM, LIBRARY, [squat()], DAY)
    assert [s.status for s in states] == [UNTRIED, PASSED, UNTRIED, LOCKED]
    found = next_due(states)
    assert found is not None and found.test.id == "hip-abduction"
    waiting = readiness_states(PROGRAM, LIBRARY, [squat(5, 5, days_ago=1)], DAY)
    assert next_due(waiting[1:]) is not None and next_due(waiting[1:2]) is None


def test_the_test_routine_is_one_set_per_side_at_the_target() -> None:
    routine = routine_for(PROGRAM.readiness_tests[0], LIBRARY)
    (item,) = routine.items
    assert item.id == "side-lying-hip-abduction" and item.per_side
    assert item.sets == 1 and item.reps == (30, 30)
    assert routine.readiness_test == "hip-abduction"


def test_running_waits_for_every_test_from_the_day_they_apply() -> None:
    sessions, logs = ready_by(DAY)
    start = settings(DAY - timedelta(weeks=5))
    before = readiness(PROGRAM, start, sessions, logs, DAY, LIBRARY)
    assert not before.ready
    assert [c.test for c in before.checks if not c.met] == [t.id for t in PROGRAM.readiness_tests]
    assert before.next_test == "hip-abduction"
    tests = passed_tests(DAY, hour=7)
    assert (
        readiness(PROGRAM, start, [*sessions, *tests[:-1]], logs, DAY, LIBRARY).next_test == "hops"
    )
    assert not readiness(PROGRAM, start, [*sessions, *tests[:-1]], logs, DAY, LIBRARY).ready
    assert readiness(PROGRAM, start, [*sessions, *tests], logs, DAY, LIBRARY).ready
    early = replace(PROGRAM, readiness=replace(PROGRAM.readiness, tests_from=DAY + timedelta(1)))
    assert readiness(early, start, sessions, logs, DAY, LIBRARY).ready


def test_an_attempt_round_trips_and_needs_the_newest_schema() -> None:
    attempt = squat(10, 8)
    data = MonthHistory([attempt]).to_dict()
    assert data["schema_version"] == TESTS_SCHEMA < HISTORY_SCHEMA  # older versions refuse it
    problems: list[str] = []
    back = MonthHistory.from_dict(data, "month", problems)
    assert problems == [] and back.sessions[0].readiness_test == "single-leg-squat"
    assert MonthHistory([replace(attempt, readiness_test="")]).to_dict()["schema_version"] < 4


def _access(today: date, sessions: list, logs: list, decisions: tuple = ()) -> object:
    from itb_tui.core.plan.running import run_access

    start = settings(date(2026, 10, 19))
    return run_access(PROGRAM, start, sessions, logs, today, LIBRARY, decisions=decisions)


def test_running_started_before_the_tests_applied_is_not_revoked() -> None:
    """A user running since November (before tests_from) is not locked out in December."""
    first = date(2026, 11, 30)
    sessions, logs = ready_by(first)
    runs = [run(first + timedelta(days=n), 15) for n in (0, 2, 4, 7, 9, 11)]
    logs += pain_free(DAY - timedelta(days=1), 14)
    found = _access(DAY, [*sessions, *runs], logs)
    assert found.started == first and found.stage is not None  # type: ignore[attr-defined]
    today = readiness(PROGRAM, settings(date(2026, 10, 19)), sessions, logs, DAY, LIBRARY)
    assert not today.ready  # the tests are shown as due, but running goes on


def test_runs_without_the_tests_never_start_running_without_a_clinician() -> None:
    sessions, logs = ready_by(DAY)
    runs = [run(DAY + timedelta(days=n), 15) for n in (0, 2, 4)]
    logs += pain_free(DAY + timedelta(days=5), 6)
    assert _access(DAY + timedelta(days=6), [*sessions, *runs], logs).started is None  # type: ignore[attr-defined]
    cleared = RunDecision(at(DAY, 7), "set", 1, cleared=True, clinician="Dr Lee")
    named = _access(DAY + timedelta(days=6), [*sessions, *runs], logs, (cleared,))
    assert named.started == DAY  # type: ignore[attr-defined]
    tests = passed_tests(DAY, hour=3)
    assert _access(DAY + timedelta(days=6), [*sessions, *tests, *runs], logs).started == DAY  # type: ignore[attr-defined]


def test_no_test_is_offered_while_a_red_flag_or_high_pain_stands() -> None:
    from itb_tui.core.plan.red_flags import FlagChange, RedFlagState
    from itb_tui.core.plan.referee import RulesInput, decide, readiness_session
    from tests.factories import pain

    sessions, logs = ready_by(DAY)
    start = settings(DAY - timedelta(weeks=5))
    now = at(DAY, 12)

    def offered(logs: list, flags: RedFlagState | None = None) -> object:
        inp = RulesInput(PROGRAM, LIBRARY, start, MonthHistory(sessions, logs), now)
        verdict = decide(inp if flags is None else replace(inp, flags=flags))
        return readiness_session(verdict, PROGRAM, LIBRARY)

    found = offered(logs)
    assert found is not None and found.readiness_test == "hip-abduction"  # type: ignore[attr-defined]
    assert offered([*logs, pain(DAY, 8, hour=9)]) is None
    flag = FlagChange(PROGRAM.red_flags[0].id, at(DAY, 7), True)
    assert offered(logs, RedFlagState([flag])) is None


def test_an_attempt_not_complete_does_not_pass() -> None:
    """Enter pressed straight through records the target but ends each set too soon."""
    quick = squat()
    quick.completed = False
    found = state("single-leg-squat", quick)
    assert found.status == FAILED
    assert found.problems == ("stopped early or a set ended too soon to count",)


def test_each_locked_test_names_what_it_waits_for() -> None:
    walk = replace(PROGRAM.readiness_tests[2], after=("hip-abduction", "single-leg-squat"))
    program = replace(
        PROGRAM, readiness_tests=(*PROGRAM.readiness_tests[:2], walk, PROGRAM.readiness_tests[3])
    )
    states = readiness_states(program, LIBRARY, [], DAY)
    assert [s.evidence for s in states[2:]] == [
        "locked until Side-lying hip abduction and Single-leg squat pass",
        "locked until Side-lying hip abduction, Single-leg squat and Brisk walk pass",
    ]


def test_a_limp_fails_the_walk_and_an_attempt_without_the_answer_reads_as_before() -> None:
    walk = PROGRAM.readiness_tests[2]
    assert walk.id == "walk" and walk.asks_limp and routine_for(walk, LIBRARY).asks_limp
    assert not any(t.asks_limp for t in PROGRAM.readiness_tests if t.id != "walk")
    attempt = readiness_attempt("walk", DAY, minutes=30)
    assert attempt.limped is None and state("walk", attempt).status == PASSED  # older attempts
    even = replace(attempt, limped=False)
    assert state("walk", even).status == PASSED
    limped = state("walk", replace(attempt, limped=True))
    assert limped.status == FAILED and limped.problems == ("a limp",)
    assert limped.evidence.startswith("30 min, failed today (a limp); try again in 3 days")


def test_the_limp_answer_round_trips_and_needs_the_newest_schema() -> None:
    attempt = replace(readiness_attempt("walk", DAY, minutes=20), limped=True)
    data = MonthHistory([attempt]).to_dict()
    assert data["schema_version"] == LIMP_SCHEMA <= HISTORY_SCHEMA  # older versions refuse it
    assert data["sessions"][0]["limped"] is True
    problems: list[str] = []
    back = MonthHistory.from_dict(data, "month", problems)
    assert problems == [] and back.sessions[0].limped is True
    data["sessions"][0]["limped"] = "yes"
    MonthHistory.from_dict(data, "month", problems)
    assert problems and "field 'limped': expected true or false" in problems[0]
    without = MonthHistory([readiness_attempt("walk", DAY, minutes=20)]).to_dict()
    assert "limped" not in without["sessions"][0] and without["schema_version"] == TESTS_SCHEMA


def test_an_attempt_discarded_with_pain_fails_as_if_kept() -> None:
    """001: every hip exercise without pain before running. A spike (or a rating above the
    band) in an attempt then discarded is kept as a pain log naming the test: the test fails
    and waits its retry days, as the attempt kept would; a later pass decides again. An
    attempt discarded rated 0 without a spike is left out."""
    spiked = readiness_attempt("walk", DAY - timedelta(days=1), minutes=30, spikes=["brisk-walk"])
    logs = kept_pain_logs(spiked)
    states = readiness_states(PROGRAM, LIBRARY, [], DAY, logs)
    walk = states[2]
    assert walk.status == FAILED and walk.retry_in == 2 and not walk.startable
    assert walk.evidence.startswith("discarded, failed yesterday (pain noted during it)")
    again = readiness_attempt("walk", DAY, minutes=15)
    assert readiness_states(PROGRAM, LIBRARY, [again], DAY, logs)[2].status == PASSED
    calm = readiness_attempt("walk", DAY, minutes=3, pain_after=0)
    assert readiness_states(PROGRAM, LIBRARY, [], DAY, kept_pain_logs(calm))[2].status == UNTRIED


def test_the_end_of_an_attempt_says_passed_or_why_not_and_other_sessions_say_nothing() -> None:
    passed = readiness_attempt("single-leg-squat", DAY, left=10, right=11)
    assert attempt_result(PROGRAM, passed) == "Passed: Single-leg squat (10 per side, no pain)."
    sore = readiness_attempt("single-leg-squat", DAY, left=10, right=10, pain_after=5)
    assert attempt_result(PROGRAM, sore) == (
        "Not passed: Single-leg squat: pain 5/10 after it (none allowed). Try again in 3 days."
    )
    assert attempt_result(PROGRAM, replace(passed, readiness_test="")) is None
