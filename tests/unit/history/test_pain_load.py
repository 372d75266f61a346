"""Pain against load: run minutes by day and the next morning's pain by run length."""

from __future__ import annotations

from datetime import timedelta

from itb_tui.core.history.pain_load import load_table_text, pain_by_load, run_minutes_by_day
from itb_tui.core.history.records import PainLog
from itb_tui.tui.screens.pain_chart import bars, chart_text
from tests.factories import TODAY, at, run, session


def morning(days_back: int, score: int) -> PainLog:
    return PainLog(at(TODAY - timedelta(days=days_back), 7), score, "morning", compared="same")


RUNS = [run(TODAY - timedelta(days=d), m) for d, m in ((9, 12), (7, 20), (5, 22), (3, 40))]
LOGS = [morning(8, 0), morning(6, 1), morning(4, 2), morning(2, 4), morning(1, 9)]


def test_each_run_day_is_set_against_the_next_morning_by_length() -> None:
    rows = pain_by_load([*RUNS, session("hip-strength", TODAY - timedelta(days=5))], LOGS, TODAY)
    table = {r.label: (r.mean, r.count, r.days) for r in rows}
    assert table == {
        "1-14 min": (0.0, 1, 1),
        "15-24 min": (1.5, 2, 2),
        "35+ min": (4.0, 1, 1),
    }


def test_a_run_day_without_a_check_in_the_next_morning_is_counted_apart() -> None:
    rows = pain_by_load(RUNS, LOGS[:1], TODAY)
    assert [(r.label, r.count, r.unchecked) for r in rows][1] == ("15-24 min", 0, 2)
    assert "15-24 min       no check-in (0 mornings, 2 without a check-in)" in load_table_text(rows)


def test_runs_older_than_8_weeks_are_left_out() -> None:
    old = run(TODAY - timedelta(weeks=8, days=1), 30)
    assert pain_by_load([old], [morning(57, 5)], TODAY) == []


def test_the_chart_puts_a_days_run_under_the_next_morning() -> None:
    minutes = run_minutes_by_day(RUNS)
    first = TODAY - timedelta(days=9)
    columns = bars([], set(), first, TODAY, 80, run_days=minutes)
    assert [b.ran for b in columns] == [0, 12, 0, 20, 0, 22, 0, 40, 0, 0]
    assert "ran  " in chart_text(columns).plain
