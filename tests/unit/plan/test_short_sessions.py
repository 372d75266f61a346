"""A short session is partial: kept and shown, never a full strength session for the rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from itb_tui.core.clock import FakeClock
from itb_tui.core.history.records import (
    HISTORY_SCHEMA,
    KNEES_SCHEMA,
    SHORT_SCHEMA,
    MonthHistory,
    SessionRecord,
)
from itb_tui.core.plan.referee import RulesInput, decide
from itb_tui.core.plan.verdict import ItemVerdict
from itb_tui.core.plan.weeks import week_counts
from itb_tui.core.session.engine import SessionEngine
from itb_tui.core.session.short_session import short_session
from tests.factories import (
    LIBRARY,
    MON,
    PROGRAM,
    at,
    day,
    make_session,
    pain_free,
    readiness_on,
    settings,
    shipped_library,
    strength,
)

HIP = LIBRARY.routine("hip-strength")


def short(when: date, *, pain_after: int | None = 0, minutes: int = 15) -> SessionRecord:
    """A 15-minute hip session done in full, rated ``pain_after``."""
    done = make_session(LIBRARY, "hip-strength", at(when), pain=pain_after)
    kept = {item.id for item in short_session(HIP, minutes).items}
    exercises = [result for result in done.exercises if result.exercise in kept]
    return replace(done, exercises=exercises, short_minutes=minutes, routine_name="Hip, 15 min")


def strength_line(today: date, sessions: list[SessionRecord]) -> ItemVerdict:
    history = MonthHistory(sessions, pain_free(day(-1, today), 7))
    verdict = decide(RulesInput(PROGRAM, LIBRARY, settings(), history, at(today, 7)))
    return next(line for line in verdict.items if line.routine_id == "hip-strength")


def test_a_short_session_is_stored_as_short_and_needs_the_newer_schema() -> None:
    month = MonthHistory([short(MON)])
    data = month.to_dict()
    assert data["schema_version"] == SHORT_SCHEMA < HISTORY_SCHEMA
    assert SHORT_SCHEMA > KNEES_SCHEMA
    assert data["sessions"][0]["short_minutes"] == 15
    problems: list[str] = []
    assert MonthHistory.from_dict(data, "test", problems).sessions[0].short_minutes == 15
    assert problems == []
    assert "short_minutes" not in MonthHistory([strength(MON)]).to_dict()["sessions"][0]


def test_the_engine_records_a_short_session_as_short() -> None:
    engine = SessionEngine(short_session(HIP, 15), FakeClock(), None)
    record = engine.record()
    assert record.short_minutes == 15 and record.routine == "hip-strength"


def test_short_sessions_never_meet_the_strength_check() -> None:
    """001: running waits for the strength work in full, without pain; a short one is not."""
    two = [strength(day(-6)), strength(day(-4))]
    check = readiness_on(MON, [*two, short(day(-2))], []).checks[1]
    assert (check.met, check.evidence) == (False, "2 of 3 sessions in full in the last 14 days")
    three = [*two, strength(day(-2)), short(day(-1))]
    assert readiness_on(MON, three, []).checks[1].met  # and a short one does not break it either


def test_pain_in_a_short_session_still_fails_the_strength_check() -> None:
    three = [strength(day(-6)), strength(day(-4)), strength(day(-3))]
    check = readiness_on(MON, [*three, short(day(-1), pain_after=3)], []).checks[1]
    assert (check.met, check.evidence) == (False, "pain 3/10 after the session on Sun 22 Nov")
    unrated = readiness_on(MON, [*three, short(day(-1), pain_after=None)], []).checks[1]
    assert not unrated.met and unrated.evidence.startswith("no pain rating")


def test_short_sessions_are_not_one_of_the_three_a_week_nor_a_reason_to_rest() -> None:
    """001: three strength sessions a week with a day between: short ones are not among them."""
    line = strength_line(MON, [short(day(-1)), short(day(-3)), short(day(-5))])
    assert (line.status, line.rule) == ("due", "strength-3-a-week")
    assert line.reason.startswith("Strength: 0 of 3 in the last 7 days")
    done = strength_line(MON, [short(MON)])
    assert done.status == "done"
    assert "a short session done today, which is not counted as one of them" in done.reason


def test_the_week_counts_short_sessions_apart() -> None:
    categories = {rid: r.category for rid, r in shipped_library().routines.items()}
    counts = week_counts([short(MON), strength(day(2))], day(3), categories)
    assert counts.strength_days == (day(2),)
    assert counts.short_sessions == 1
