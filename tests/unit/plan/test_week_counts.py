"""A week's sessions against the plan's targets: strength three times with a day between,
stretching every day (core/plan/weeks.py)."""

from __future__ import annotations

from datetime import date, timedelta

from itb_tui.core.history.records import SessionRecord
from itb_tui.core.plan.weeks import week_counts
from tests import factories

MONDAY = date(2026, 11, 23)  # ISO week 48 of 2026
CATEGORIES = {"hip-strength": "strength", "daily-stretch": "stretch", "foam-rolling": "rolling"}


def _on(
    *offsets: int, routine: str = "hip-strength", completed: bool = True
) -> list[SessionRecord]:
    """A 30-minute session of ``routine`` on each day ``offsets`` from Monday."""
    return [
        factories.session(
            routine,
            MONDAY + timedelta(days=n),
            exercises=[factories.result("clamshell", left=(15, 15), right=(12, 12), sets=2)],
            minutes=30,
            completed=completed,
            hour=8 + i,
        )
        for i, n in enumerate(offsets)
    ]


def test_week_counts_targets_met() -> None:
    records = _on(0, 2, 4) + _on(*range(7), routine="daily-stretch")
    counts = week_counts(records, MONDAY + timedelta(days=6), CATEGORIES)
    assert counts.week_start == MONDAY
    assert counts.strength_sessions == 3
    assert counts.strength_days == tuple(MONDAY + timedelta(days=n) for n in (0, 2, 4))
    assert counts.back_to_back == ()
    assert len(counts.stretch_days) == 7
    assert counts.strength_met and counts.stretch_met
    assert (counts.strength_target, counts.stretch_target) == (3, 7)


def test_week_counts_back_to_back_strength_misses_the_target() -> None:
    counts = week_counts(_on(0, 1, 3), MONDAY + timedelta(days=4), CATEGORIES)
    assert counts.back_to_back == (MONDAY + timedelta(days=1),)
    assert not counts.strength_met


def test_week_counts_last_sunday_makes_monday_back_to_back() -> None:
    counts = week_counts(_on(-1, 0), MONDAY, CATEGORIES)
    assert counts.strength_days == (MONDAY,)
    assert counts.back_to_back == (MONDAY,)


def test_week_counts_only_this_iso_week_and_completed_sessions() -> None:
    records = _on(-1, 7, 2) + _on(3, completed=False) + _on(-1, 7, routine="daily-stretch")
    counts = week_counts(records, MONDAY + timedelta(days=6), CATEGORIES)
    assert counts.strength_days == (MONDAY + timedelta(days=2),)
    assert counts.stretch_days == ()
    assert not counts.stretch_met


def test_week_counts_two_sessions_one_day_count_as_one_day() -> None:
    counts = week_counts(_on(1, 1), MONDAY + timedelta(days=2), CATEGORIES)
    assert counts.strength_sessions == 2
    assert len(counts.strength_days) == 1


def test_week_counts_empty() -> None:
    counts = week_counts([], MONDAY, CATEGORIES)
    assert (counts.strength_sessions, counts.strength_days, counts.stretch_days) == (0, (), ())
