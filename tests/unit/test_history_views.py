"""The pure parts of the history screens: chart columns, calendar cells, export file names."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import PainLog
from itb_tui.core.history.stats import DayCell, DayPain
from itb_tui.core.plan.weeks import WeekCounts
from itb_tui.core.report.export_file import export_path, write_export
from itb_tui.tui.screens.calendar import day_cell, week_text
from itb_tui.tui.screens.pain_chart import Bar, bars, chart_text

MONDAY = date(2026, 11, 23)


def pain(day: date, highest: int, mean: float, count: int = 1) -> DayPain:
    return DayPain(day, highest, mean, count, {}, False)


def test_bars_one_day_per_column_when_it_fits() -> None:
    first = MONDAY - timedelta(days=6)
    columns = bars([pain(MONDAY, 4, 3.0)], {first}, first, MONDAY, width=60)
    assert len(columns) == 7
    assert columns[0] == Bar(first, first, None, None, True)
    assert (columns[-1].highest, columns[-1].average, columns[-1].session) == (4, 3.0, False)


def test_bars_join_days_when_the_range_is_wider_than_the_screen() -> None:
    first = MONDAY - timedelta(days=9)
    days = [pain(first, 6, 5.0, count=1), pain(first + timedelta(days=1), 2, 2.0, count=3)]
    columns = bars(days, set(), first, MONDAY, width=5)
    assert len(columns) == 5
    assert (columns[0].first, columns[0].last) == (first, first + timedelta(days=1))
    assert columns[0].highest == 6
    assert columns[0].average == pytest.approx((5.0 + 3 * 2.0) / 4)


def test_chart_shows_average_highest_sessions_and_monday_labels() -> None:
    first = MONDAY - timedelta(days=13)  # a Tuesday
    columns = bars([pain(MONDAY, 5, 2.0)], {MONDAY}, first, MONDAY, width=60)
    lines = chart_text(columns).plain.splitlines()
    bar_column = 5 + 13  # after the 5-character axis gutter
    assert [line[bar_column] for line in lines[:10]] == [" "] * 5 + ["░"] * 3 + ["█"] * 2
    assert lines[11][5 + 6 :].startswith("16 Nov")  # Monday 16 November is the 7th column
    assert lines[12].endswith("•")


def test_calendar_cell_letters_partial_and_future() -> None:
    cell = DayCell(MONDAY, frozenset({"stretch", "strength"}), frozenset({"rolling"}))
    text = day_cell(cell, MONDAY)
    assert text.plain == "23 STR"
    assert "dim" in str(text.spans[-1].style)  # rolling was stopped early
    future = day_cell(DayCell(MONDAY, frozenset(), frozenset(), future=True), MONDAY)
    assert future.plain == "23 ·"


def test_week_text_names_back_to_back_strength() -> None:
    counts = WeekCounts(MONDAY, 2, (MONDAY, MONDAY + timedelta(days=1)), (MONDAY,), ())
    text = week_text(counts, 3).plain
    assert "Streak: 3 days" in text
    assert "strength 2 of 3 (Mon, Tue)" in text
    assert "back-to-back days: Mon" in text


def test_export_path_never_replaces_an_earlier_export(tmp_path: Path) -> None:
    first = export_path(tmp_path, "markdown", MONDAY)
    assert first.name == "itb-history-2026-11-23.md"
    first.write_text("x")
    assert export_path(tmp_path, "markdown", MONDAY).name == "itb-history-2026-11-23-2.md"
    assert export_path(tmp_path, "csv", MONDAY).name == "itb-history-2026-11-23.csv"


def test_write_export_leaves_out_a_damaged_month_and_names_it(
    store: HistoryStore, tmp_path: Path
) -> None:
    store.add_pain_log(PainLog(datetime(2026, 10, 5, 8, tzinfo=UTC), 3, "daily", "october"))
    store.month_path("2026-11").write_text("[[[")
    path, exported = write_export(store, tmp_path / "out", "json", MONDAY, {})
    assert exported.left_out_names == [str(store.month_path("2026-11"))]
    data = json.loads(path.read_text())
    assert data["left_out"] == [str(store.month_path("2026-11"))]
    assert [log["note"] for log in data["pain_logs"]] == ["october"]
    assert store.month_path("2026-11").read_text() == "[[["
