"""An app with a seeded history, and reading the history screens back."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text
from textual.widgets import DataTable, Static

from itb_tui.core.history.records import PainLog, SessionRecord
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.history import HistoryScreen

from .helpers import make_app
from .history_data import at, make_session, seed_few

Seeded = tuple[ItbApp, list[SessionRecord], list[PainLog]]


def seeded_app(tmp_path: Path) -> Seeded:
    """Three recent sessions, two pain logs, and a session from September (outside 30 days)."""
    app, _clock = make_app(tmp_path)
    sessions, logs = seed_few(app.context.store, app.context.library)
    old = make_session(app.context.library, "hip-strength", at(date(2026, 9, 15), 8), pain=5)
    app.context.store.save_session(old)
    return app, [*sessions, old], logs


def history(app: ItbApp) -> HistoryScreen:
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


def rows(app: ItbApp) -> int:
    return history(app).query_one(DataTable).row_count


def text_of(app: ItbApp, selector: str) -> str:
    """The plain text of a Static on the current screen, as an 80-column console prints it."""
    content = app.screen.query_one(selector, Static).content
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(Text.from_markup(content) if isinstance(content, str) else content)
    return console.export_text()


async def open_history(app: ItbApp, pilot: Any) -> None:
    await app.push_screen(HistoryScreen(app.context))
    await pilot.pause()


async def until_read(app: ItbApp, pilot: Any, done: Callable[[], bool]) -> None:
    """Until ``done()``, reading months in the background: End starts its read once a frame is
    drawn, a batch read posts the next, and a loaded machine takes longer than one pause."""
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if done():
            return
