"""Pain by day, adherence calendar, streak, this week's counts, side balance, table rows."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from itb_tui.core.history.records import ExerciseResult, PainLog, PainSpike, SessionRecord
from itb_tui.core.history.stats import (
    DayCell,
    adherence_calendar,
    daily_pain,
    duration_text,
    session_rows,
    side_comparison,
    streak,
)
from tests import factories
from tests.factories import at, pain

MONDAY = date(2026, 11, 23)  # ISO week 48 of 2026
CATEGORIES = {"hip-strength": "strength", "daily-stretch": "stretch", "foam-rolling": "rolling"}


def result(
    exercise: str = "clamshell",
    left: tuple[int, ...] = (15, 15),
    right: tuple[int, ...] = (12, 12),
    unit: str = "reps",
) -> ExerciseResult:
    """A per-side result of two planned sets with the given values per set."""
    return factories.result(exercise, left=left or None, right=right or None, sets=2, unit=unit)


def session(
    day: date,
    routine: str = "hip-strength",
    *,
    pain: int | None = None,
    exercises: list[ExerciseResult] | None = None,
    minutes: int = 30,
    **fields: Any,
) -> SessionRecord:
    """A 30-minute session on ``day`` with one clamshell result unless told otherwise."""
    done = [result()] if exercises is None else exercises
    return factories.session(
        routine, day, pain_after=pain, exercises=done, minutes=minutes, **fields
    )


# -- daily_pain -------------------------------------------------------------------------------
def test_daily_pain_empty_history() -> None:
    assert daily_pain([], []) == []


def test_daily_pain_combines_logs_and_session_ratings() -> None:
    logs = [
        pain(MONDAY, 3, "rest"),
        pain(MONDAY, 5, "daily", hour=12),
        pain(MONDAY, 1, "rest", hour=21),
    ]
    (day,) = daily_pain(logs, [session(MONDAY, pain=4)])
    assert day.day == MONDAY
    assert day.max_score == 5
    assert day.mean_score == pytest.approx(13 / 4)
    assert day.count == 4
    assert day.by_context == {"rest": 3, "daily": 5, "exercise": 4}
    assert day.had_session


def test_daily_pain_had_session_and_days_without_scores() -> None:
    tuesday = MONDAY + timedelta(days=1)
    days = daily_pain(
        [pain(tuesday, 2, "rest"), pain(MONDAY, 6, "rest")],
        [session(MONDAY), session(MONDAY + timedelta(days=2))],  # no ratings
    )
    assert [(d.day, d.had_session) for d in days] == [(MONDAY, True), (tuesday, False)]


def test_daily_pain_since_is_inclusive() -> None:
    logs = [pain(MONDAY + timedelta(days=n), n, "rest") for n in range(4)]
    days = daily_pain(logs, [], since=MONDAY + timedelta(days=2))
    assert [d.max_score for d in days] == [2, 3]


# -- adherence_calendar -----------------------------------------------------------------------
def _row_starts(rows: list[list[DayCell]]) -> list[date]:
    return [row[0].day for row in rows]


def test_calendar_shape_runs_monday_to_sunday_ending_this_week() -> None:
    today = MONDAY + timedelta(days=3)
    rows = adherence_calendar([], today, 6, CATEGORIES)
    assert len(rows) == 6
    assert all(len(row) == 7 for row in rows)
    assert _row_starts(rows) == [MONDAY - timedelta(weeks=n) for n in range(5, -1, -1)]
    assert all(cell.day.isoweekday() == n for row in rows for n, cell in enumerate(row, 1))
    assert [c.future for c in rows[-1]] == [False] * 4 + [True] * 3


@pytest.mark.parametrize(
    ("today", "last_monday"),
    [
        (date(2026, 11, 29), date(2026, 11, 23)),  # Sunday stays in its week
        (date(2026, 11, 30), date(2026, 11, 30)),  # Monday starts a new row
        (date(2027, 1, 1), date(2026, 12, 28)),  # ISO week 53 spans the new year
    ],
)
def test_calendar_iso_week_boundaries(today: date, last_monday: date) -> None:
    rows = adherence_calendar([], today, 2, CATEGORIES)
    assert _row_starts(rows) == [last_monday - timedelta(weeks=1), last_monday]


def test_calendar_completed_and_partial_categories() -> None:
    stopped = [result(left=(10,), right=())]
    records = [
        session(MONDAY, "hip-strength"),
        session(MONDAY, "daily-stretch", completed=False, exercises=stopped, hour=18),
        session(MONDAY, "foam-rolling", completed=False, exercises=[result(left=(), right=())]),
        session(MONDAY + timedelta(days=1), "hip-strength", completed=False, exercises=stopped),
        session(MONDAY + timedelta(days=1), "hip-strength", hour=19),
        session(MONDAY + timedelta(days=2), "my-own-routine"),
    ]
    row = adherence_calendar(records, MONDAY + timedelta(days=6), 1, CATEGORIES)[0]
    assert row[0].completed == {"strength"}
    assert row[0].partial == {"stretch"}  # the rolling session did nothing at all
    assert row[0].categories == {"strength", "stretch"}
    assert (row[1].completed, row[1].partial) == (frozenset({"strength"}), frozenset())
    assert row[2].completed == {"other"}
    assert row[3].categories == frozenset()


def test_calendar_leaves_out_sessions_outside_the_weeks() -> None:
    records = [session(MONDAY - timedelta(days=1)), session(MONDAY)]
    rows = adherence_calendar(records, MONDAY, 1, CATEGORIES)
    done = [cell.day for row in rows for cell in row if cell.categories]
    assert done == [MONDAY]


# -- streak -----------------------------------------------------------------------------------
def _days_back(*offsets: int, completed: bool = True) -> list[SessionRecord]:
    return [session(MONDAY - timedelta(days=n), completed=completed) for n in offsets]


def test_streak_empty_is_zero() -> None:
    assert streak([], MONDAY) == 0


def test_streak_counts_today_and_the_days_before() -> None:
    assert streak(_days_back(0, 1, 2, 4), MONDAY) == 3


def test_streak_without_a_session_today_counts_up_to_yesterday() -> None:
    assert streak(_days_back(1, 2), MONDAY) == 2


def test_streak_is_broken_by_a_missed_day_before_yesterday() -> None:
    assert streak(_days_back(2, 3, 4), MONDAY) == 0


def test_streak_ignores_stopped_sessions_and_counts_days_once() -> None:
    records = _days_back(0, 0, 2) + _days_back(1, completed=False)
    assert streak(records, MONDAY) == 1


# -- side_comparison --------------------------------------------------------------------------
def test_side_comparison_totals_per_date_and_asymmetry() -> None:
    tuesday = MONDAY + timedelta(days=1)
    records = [
        session(
            MONDAY,
            exercises=[
                result(left=(10, 10), right=(8, 8)),
                factories.result("glute-bridge", both=[15, 15], sets=2),
            ],
        ),
        session(MONDAY, exercises=[result(left=(5,), right=(5,))], hour=18),
        session(tuesday, exercises=[result(left=(10, 10), right=(10, 6))]),
    ]
    (trend,) = side_comparison(records)
    assert trend.exercise == "clamshell"
    assert trend.unit == "reps"
    assert [(p.day, p.left, p.right) for p in trend.points] == [
        (MONDAY, 25, 21),
        (tuesday, 20, 16),
    ]
    assert (trend.left_total, trend.right_total) == (45, 37)
    assert trend.asymmetry_pct == pytest.approx(8 * 100 / 45)
    assert trend.weaker == "right"


def test_side_comparison_filters_and_orders_by_the_ids_given() -> None:
    exercises = [
        result("clamshell"),
        result("pigeon", (90,), (80,), "seconds"),
        result("skipped", (), ()),
    ]
    records = [session(MONDAY, exercises=exercises)]
    assert [t.exercise for t in side_comparison(records)] == ["clamshell", "pigeon"]
    chosen = side_comparison(records, ["pigeon", "missing", "clamshell"])
    assert [t.exercise for t in chosen] == ["pigeon", "clamshell"]
    assert chosen[0].unit == "seconds"


def test_side_comparison_balanced_and_empty() -> None:
    (trend,) = side_comparison([session(MONDAY, exercises=[result(left=(9,), right=(9,))])])
    assert trend.asymmetry_pct == 0.0
    assert trend.weaker is None
    assert side_comparison([]) == []


# -- session_rows -----------------------------------------------------------------------------
def _table_history() -> tuple[list[SessionRecord], list[PainLog]]:
    today = MONDAY
    spiked = session(today, pain=3, exercises=[result(), result("x", (), ())], minutes=45)
    spiked.pain_spikes = [PainSpike(at(today, 8, 10), "clamshell", "left", 4)]
    records = [
        spiked,
        session(today - timedelta(days=29), "daily-stretch", completed=False),
        session(today - timedelta(days=30), "daily-stretch"),
    ]
    logs = [pain(today, 2, "during-run"), pain(today - timedelta(days=40), 6, "rest")]
    return records, logs


def test_session_rows_all_newest_first_with_texts() -> None:
    records, logs = _table_history()
    rows = session_rows(records, logs, "all", MONDAY)
    assert [r.kind for r in rows] == ["pain", "session", "session", "session", "pain"]
    assert rows == sorted(rows, key=lambda r: r.when, reverse=True)
    top = rows[1]
    assert (top.title, top.duration, top.exercises, top.pain) == (
        "Hip strength",
        "45 min",
        "1/2",
        "3/10 (1 spike)",
    )
    assert top.id == "2026-11-23T08-00-00"
    assert top.when_text == "2026-11-23 08:00"
    assert rows[0].title == "Pain during a run"
    assert (rows[0].pain, rows[0].id) == ("2/10", "pain-2026-11-23T20-00-00")
    assert rows[2].title == "Daily stretch (not complete)"
    assert rows[2].pain == "-"


def test_session_rows_filters() -> None:
    records, logs = _table_history()
    assert {r.kind for r in session_rows(records, logs, "sessions", MONDAY)} == {"session"}
    assert len(session_rows(records, logs, "pain", MONDAY)) == 2
    recent = session_rows(records, logs, "30d", MONDAY)
    assert [r.when.date() for r in recent] == [MONDAY, MONDAY, MONDAY - timedelta(days=29)]


def test_session_rows_empty_and_bad_filter() -> None:
    assert session_rows([], [], "all", MONDAY) == []
    with pytest.raises(ValueError, match="unknown filter"):
        session_rows([], [], "week", MONDAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0 s"), (59, "59 s"), (60, "1 min"), (1770, "30 min")]
)
def test_duration_text(seconds: int, text: str) -> None:
    assert duration_text(seconds) == text
