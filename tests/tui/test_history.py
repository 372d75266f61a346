"""The history screens by keyboard, with edits and exports read back from disk."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.choice import ChoiceScreen
from itb_tui.tui.screens.history import HistoryScreen
from itb_tui.tui.screens.history_dialogs import EditPainScreen
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.session_detail import PainLogDetailScreen, SessionDetailScreen

from .history_helpers import history, open_history, rows, seeded_app, text_of


def month(app: ItbApp, key: str) -> dict[str, Any]:
    return tomllib.loads(app.context.store.month_path(key).read_text())


async def test_filters_change_the_rows_and_the_header(tmp_path: Path) -> None:
    app, _, _ = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        assert rows(app) == 6
        assert "everything" in text_of(app, "#history-filter")
        await pilot.press("s")
        assert rows(app) == 4
        assert "sessions only" in text_of(app, "#history-filter")
        await pilot.press("p")
        assert rows(app) == 2
        await pilot.press("m")
        assert rows(app) == 5  # not the September session
        assert "last 30 days" in text_of(app, "#history-filter")
        await pilot.press("a")
        assert rows(app) == 6
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_rows_are_newest_first(tmp_path: Path) -> None:
    app, sessions, _ = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        table = history(app).query_one(DataTable)
        whens = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
        assert whens == sorted(whens, reverse=True)
        assert whens[0] == sessions[0].started_at.strftime("%Y-%m-%d %H:%M")


async def test_enter_opens_the_session_in_full(tmp_path: Path) -> None:
    app, sessions, _ = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, SessionDetailScreen)
        assert app.screen.session.id == sessions[0].id
        shown = text_of(app, "#detail-text")
        assert "Clamshell" in shown
        assert "1 skipped" in shown
        assert "5/10" in shown  # the pain spike
        assert "3/10" in shown and "stairs ok" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)


async def test_edit_pain_and_note_is_saved_and_shown(tmp_path: Path) -> None:
    app, sessions, _ = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter", "e")
        assert isinstance(app.screen, EditPainScreen)
        await pilot.press("7", "tab", "home", "ctrl+k", *"knee sore", "enter")
        assert isinstance(app.screen, SessionDetailScreen)
        assert "knee sore" in text_of(app, "#detail-text")
        await pilot.press("escape")
        await pilot.pause()
        table = history(app).query_one(DataTable)
        assert str(table.get_row_at(0)[4]).startswith("7/10")
    saved = next(s for s in month(app, "2026-11")["sessions"] if s["id"] == sessions[0].id)
    assert saved["pain_after"] == 7
    assert saved["note"] == "knee sore"


async def test_edit_cancelled_changes_nothing(tmp_path: Path) -> None:
    app, _, _ = seeded_app(tmp_path)
    before = app.context.store.month_path("2026-11").read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter", "e", "9", "escape")
        assert isinstance(app.screen, SessionDetailScreen)
        assert "3/10" in text_of(app, "#detail-text")
    assert app.context.store.month_path("2026-11").read_bytes() == before


async def test_delete_after_confirmation_removes_it_from_disk(tmp_path: Path) -> None:
    app, sessions, _ = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter", "D")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert rows(app) == 7  # the session gone, its spike and rating kept as pain logs
    ids = [s["id"] for s in month(app, "2026-11")["sessions"]]
    assert sessions[0].id not in ids
    assert sessions[1].id in ids


async def test_delete_cancelled_keeps_it(tmp_path: Path) -> None:
    app, sessions, _ = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter", "delete")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # the highlighted answer is "No, keep it"
        assert isinstance(app.screen, SessionDetailScreen)
        await pilot.press("D", "n", "escape")
        assert rows(app) == 6
    assert sessions[0].id in [s["id"] for s in month(app, "2026-11")["sessions"]]


async def test_pain_log_detail_edit_and_delete(tmp_path: Path) -> None:
    app, _, _logs = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("p", "enter")
        assert isinstance(app.screen, PainLogDetailScreen)
        assert "after the stairs" in text_of(app, "#detail-text")
        await pilot.press("e", "right", "enter")  # 4 -> 5
        assert month(app, "2026-11")["pain_logs"][0]["score"] == 5
        await pilot.press("D")  # pain the rules read: not deleted, and no question
        await pilot.pause()
        assert isinstance(app.screen, PainLogDetailScreen)
    assert month(app, "2026-11")["pain_logs"][0]["score"] == 5
    assert len(month(app, "2026-10")["pain_logs"]) == 1


async def test_export_writes_every_session(tmp_path: Path) -> None:
    app, sessions, logs = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("x", "j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("x", "c")
        await app.workers.wait_for_complete()
        await pilot.press("x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
    exports = tmp_path / "data" / "exports"
    assert sorted(p.name for p in exports.iterdir()) == [
        "itb-history-2026-11-23.csv",
        "itb-history-2026-11-23.json",
    ]
    data = json.loads((exports / "itb-history-2026-11-23.json").read_text())
    assert sorted(s["id"] for s in data["sessions"]) == sorted(s.id for s in sessions)
    assert len(data["pain_logs"]) == len(logs)
    csv_text = (exports / "itb-history-2026-11-23.csv").read_text()
    assert all(s.id in csv_text for s in sessions)


async def test_a_second_export_the_same_day_gets_a_new_name(tmp_path: Path) -> None:
    app, _, _ = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        for _ in range(2):
            await pilot.press("x", "m")
            await app.workers.wait_for_complete()
            await pilot.pause()
    names = sorted(p.name for p in (tmp_path / "data" / "exports").iterdir())
    assert names == ["itb-history-2026-11-23-2.md", "itb-history-2026-11-23.md"]


async def test_the_swelling_answer_is_shown_and_can_be_changed(tmp_path: Path) -> None:
    app, _, _logs = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("p", "enter")
        assert "Swelling: not asked" in text_of(app, "#detail-text")
        await pilot.press("e", "y", "enter")
        await pilot.pause()
        assert "Swelling: yes" in text_of(app, "#detail-text")
        assert month(app, "2026-11")["pain_logs"][0]["swelling"] is True
        await pilot.press("e", "right", "enter")  # the answer is kept when only the score changes
        await pilot.pause()
        saved = month(app, "2026-11")["pain_logs"][0]
        assert (saved["score"], saved["swelling"]) == (5, True)
