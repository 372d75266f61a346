"""The calendar helpers the plan, the history and the reports share."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from itb_tui.core.dates import (
    day_text,
    days_back,
    local_date,
    month_key,
    month_keys_since,
    week_monday,
    week_sunday,
)

THURSDAY = date(2026, 11, 26)


def test_a_week_runs_monday_to_sunday() -> None:
    assert (week_monday(THURSDAY), week_sunday(THURSDAY)) == (
        date(2026, 11, 23),
        date(2026, 11, 29),
    )
    assert week_monday(date(2026, 11, 23)) == date(2026, 11, 23)
    assert week_sunday(date(2026, 11, 29)) == date(2026, 11, 29)


def test_days_back_counts_today_as_the_last_day() -> None:
    assert days_back(THURSDAY, 1) == THURSDAY
    assert days_back(THURSDAY, 7) == date(2026, 11, 20)


def test_a_moment_keeps_its_own_date_and_month() -> None:
    late = datetime(2026, 11, 30, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert local_date(late) == date(2026, 11, 30)
    assert month_key(late) == month_key(date(2026, 11, 1)) == "2026-11"
    assert day_text(THURSDAY) == "Thu 26 Nov"


def test_the_months_since_a_day_cross_the_new_year() -> None:
    assert month_keys_since(date(2026, 11, 30), date(2027, 2, 1)) == [
        "2026-11",
        "2026-12",
        "2027-01",
        "2027-02",
    ]
    assert month_keys_since(THURSDAY, THURSDAY) == ["2026-11"]
    assert month_keys_since(date(2026, 12, 1), THURSDAY) == []
