"""Sessions in the app: one cut off mid-way, keys pressed faster than handled, and the
saved sessions and questions read back."""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual import events

from itb_tui.core.clock import Clock, FakeClock
from itb_tui.core.context import AppContext
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.session.engine import SessionEngine
from itb_tui.core.store.paths import Paths
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.choice import ChoiceScreen
from tests.factories import shipped_library


def history_sessions(tmp_path: Path) -> list[dict[str, Any]]:
    return [
        session
        for month in sorted((tmp_path / "data" / "history").glob("*.toml"))
        for session in tomllib.loads(month.read_text())["sessions"]
    ]


async def quick_presses(app: ItbApp, key: str, times: int = 2) -> None:
    """``key`` pressed ``times`` in a row faster than the app handles them (key repeat)."""
    for _ in range(times):
        app.post_message(events.Key(key, key))


def question(app: ItbApp) -> str:
    assert isinstance(app.screen, ChoiceScreen), app.screen
    return " ".join(str(w.render()) for w in app.screen.query(".choice-title, .choice-text"))


def interrupted_session(tmp_path: Path, routine: str = "hip-strength") -> SessionEngine:
    """An unfinished session with one finished set, as a killed app leaves it."""
    clock = FakeClock()
    store = HistoryStore(Paths(tmp_path / "data", tmp_path / "config"))
    engine = SessionEngine(shipped_library().routines[routine], clock)
    engine.done()
    engine.done()  # left set 1
    store.progress.save(engine)
    return engine


@asynccontextmanager
async def resumed_in_a_new_app(app: ItbApp, clock: Clock) -> AsyncIterator[ItbApp]:
    """``app``'s folders opened again after it closed mid-session: the question about the
    interrupted session offers to resume it first, and ``r`` takes it up."""
    again = ItbApp(AppContext.load(app.context.store.paths, clock), auto_tick=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = again.screen
        assert isinstance(question, ChoiceScreen)
        assert question.choices[0].id == "resume"
        await pilot.press("r")
        await pilot.pause()
        yield again
