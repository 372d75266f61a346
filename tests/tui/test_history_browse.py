"""The history screen with months of data: reading months lazily, End, chart and calendar."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from itb_tui.core.history.records import PainLog
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.calendar import CalendarScreen
from itb_tui.tui.screens.history import HistoryScreen
from itb_tui.tui.screens.pain_chart import PainChart, PainChartScreen
from itb_tui.tui.widgets import history_table
from itb_tui.tui.widgets.history_table import FOLLOW_BATCH, GAP_KEY, HistoryTable

from .helpers import make_app
from .history_data import TODAY
from .history_helpers import history, open_history, rows, seeded_app, text_of, until_read


def long_history_app(tmp_path: Path) -> ItbApp:
    """200 days of a session and a pain log each, ending TODAY: seven month files."""
    from benchmarks.generate_history import generate

    app, _clock = make_app(tmp_path)
    generate(tmp_path / "data", days=200, end=TODAY)
    return app


def row_dates(table: DataTable[Any]) -> list[str]:
    return [str(table.get_row_at(n)[0]) for n in range(table.row_count)]


async def test_long_history_reads_months_only_as_the_cursor_nears_them(tmp_path: Path) -> None:
    app = long_history_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        table = history(app).table
        assert table.shown_months == ["2026-11"]
        assert rows(app) == 46  # 23 days of a session and a pain log each
        await pilot.pause()  # the read-ahead starts once the first frame is drawn
        await app.workers.wait_for_complete()
        assert history(app).index.loaded_keys == ["2026-11", "2026-10"]  # read ahead
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.shown_months == ["2026-11", "2026-10"]
        assert rows(app) == 46 + 62
        for _ in range(10):
            await pilot.press("ctrl+end")
            await pilot.pause()
        assert history(app).index.exhausted
        assert rows(app) == 400
        assert row_dates(table) == sorted(row_dates(table), reverse=True)


async def test_end_reads_every_older_month_and_follows_the_oldest_row(tmp_path: Path) -> None:
    app = long_history_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("end")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = history(app).table
        assert rows(app) == 400
        assert table.cursor_row == 399
        assert row_dates(table)[-1].startswith((TODAY - timedelta(days=199)).isoformat())
        assert "End: oldest" not in text_of(app, "#history-filter")
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_chart_and_calendar_open_and_go_back(tmp_path: Path) -> None:
    app, _, _ = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PainChartScreen)
        chart = app.screen.query_one(PainChart)
        assert {d.day for d in chart.days} == {TODAY - timedelta(days=n) for n in (1, 2, 3)} | {
            date(2026, 10, 28)
        }
        assert "8 weeks" in text_of(app, "#chart-title")
        await pilot.press("minus")
        assert "4 weeks" in text_of(app, "#chart-title")
        await pilot.press("escape", "d")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert "Streak: 1 day " in text_of(app, "#calendar-week")
        assert "strength 0 of 3" in text_of(app, "#calendar-week")
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_pain_logs_in_one_second_are_each_shown_and_opened(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path)
    for score in (2, 7):
        app.context.store.add_pain_log(PainLog(clock.wall(), score, "daily", f"log {score}"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        table = history(app).table
        assert rows(app) == 2
        shown = {str(table.get_row_at(n)[-1]) for n in range(2)}
        assert shown == {"2/10", "7/10"}
        opened = set()
        for n in range(2):
            table.move_cursor(row=n)
            entry = table.entry_at_cursor()
            assert isinstance(entry, PainLog)
            opened.add(entry.note)
        assert opened == {"log 2", "log 7"}


async def test_the_30_day_filter_names_its_own_period(tmp_path: Path) -> None:
    app = long_history_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("end")  # every month read, back to the first
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        text = text_of(app, "#history-filter")
        since = TODAY - timedelta(days=29)
        assert f"since {since.day} {since:%b %Y}" in text, text
        assert "back to" not in text


async def test_the_second_pain_log_of_a_second_is_the_one_edited_and_deleted(
    tmp_path: Path,
) -> None:
    app, clock = make_app(tmp_path)
    store = app.context.store
    for score in (2, 0):  # the second without pain, so it can be deleted
        store.add_pain_log(PainLog(clock.wall(), score, "daily", f"log {score}"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        table = history(app).table
        row = next(n for n in range(2) if str(table.get_row_at(n)[-1]) == "0/10")
        table.move_cursor(row=row)
        await pilot.press("enter", "e", "tab", "home", "ctrl+k", *"no pain", "enter")
        await pilot.pause()
        assert [p.note for p in store.everything().pain_logs] == ["log 2", "no pain"]
        await pilot.press("D", "down", "enter")  # choose "Yes, delete it"
        await pilot.pause()
    assert [p.note for p in store.everything().pain_logs] == ["log 2"]


def years_app(tmp_path: Path, days: int = 450) -> ItbApp:
    """A session and a pain log a day for ``days`` days ending TODAY: more months than End
    reads before it shows them."""
    from benchmarks.generate_history import generate

    app, _clock = make_app(tmp_path)
    generate(tmp_path / "data", days=days, end=TODAY)
    return app


async def test_end_shows_the_oldest_rows_at_once_below_a_gap_then_the_whole_table(
    tmp_path: Path,
) -> None:
    app = years_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        table = history(app).table
        table.action_oldest()  # as the key does, without Pilot waiting for the read to end
        oldest = (TODAY - timedelta(days=449)).isoformat()
        assert row_dates(table)[-1].startswith(oldest)
        assert table.cursor_row == table.row_count - 1
        assert GAP_KEY in table.rows
        assert len(history(app).index.pending()) >= FOLLOW_BATCH  # the rest is not read yet
        history(app).on_history_table_shown(HistoryTable.Shown(30, "2025-08", True, True))
        assert "reading the months between" in text_of(app, "#history-filter")
        await until_read(app, pilot, lambda: "reading" not in text_of(app, "#history-filter"))
        assert GAP_KEY not in table.rows
        assert rows(app) == 900
        assert row_dates(table) == sorted(row_dates(table), reverse=True)
        assert table.cursor_row == 899 and row_dates(table)[-1].startswith(oldest)
        assert "reading" not in text_of(app, "#history-filter")


async def test_the_gap_row_opens_nothing_and_home_while_reading_stays_home(
    tmp_path: Path,
) -> None:
    app = years_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        table = history(app).table
        table.action_oldest()
        table.move_cursor(row=table.get_row_index(GAP_KEY))
        assert table.entry_at_cursor() is None and table.id_at_cursor() is None
        history(app).action_open()  # Enter on the gap: nothing to open
        assert isinstance(app.screen, HistoryScreen)
        table.action_newest()
        await until_read(app, pilot, lambda: GAP_KEY not in table.rows and rows(app) == 900)
        assert GAP_KEY not in table.rows and rows(app) == 900
        assert table.cursor_row == 0  # the read ended where the person was, not at the bottom


async def test_a_filter_while_end_reads_drops_the_gap_and_stops_following(tmp_path: Path) -> None:
    app = years_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        table = history(app).table
        table.action_oldest()
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert GAP_KEY not in table.rows
        assert not table.following
        assert row_dates(table) == sorted(row_dates(table), reverse=True)


async def test_the_30_day_filter_leaves_older_loaded_months_alone(
    tmp_path: Path, monkeypatch: Any
) -> None:
    app = long_history_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("end")
        await app.workers.wait_for_complete()
        await pilot.pause()
        months: list[str] = []
        real = history_table.session_rows

        def counted(sessions: Any, logs: Any, *args: Any) -> Any:
            months.append(min((s.started_at for s in sessions), default=None).strftime("%Y-%m"))
            return real(sessions, logs, *args)

        monkeypatch.setattr(history_table, "session_rows", counted)
        await pilot.press("m")
        await pilot.pause()
        assert months == ["2026-11", "2026-10"]  # the 30 days before TODAY, and no older month
