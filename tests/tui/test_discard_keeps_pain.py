"""Discarding a session never erases its pain (issue 22, part 2): `q d` and the start-up
discard keep the pain spikes as pain logs and say so; finished sets ask once more."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from itb_tui.core.clock import FakeClock
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.session.engine import SessionEngine
from itb_tui.core.store.paths import Paths
from itb_tui.tui.screens.choice import ChoiceScreen
from itb_tui.tui.screens.home import HomeScreen

from ..factories import shipped_library
from .helpers import make_app, session_screen


def pain_logs(tmp_path: Path) -> list[dict[str, Any]]:
    files = sorted((tmp_path / "data" / "history").glob("*.toml"))
    return [log for f in files for log in tomllib.loads(f.read_text()).get("pain_logs", [])]


def sessions(tmp_path: Path) -> list[dict[str, Any]]:
    files = sorted((tmp_path / "data" / "history").glob("*.toml"))
    return [s for f in files for s in tomllib.loads(f.read_text()).get("sessions", [])]


def question(app: Any) -> str:
    screen = app.screen
    assert isinstance(screen, ChoiceScreen)
    return f"{screen.title_text}\n{screen.text}\n" + " ".join(c.label for c in screen.choices)


async def test_q_d_after_a_pain_spike_keeps_it_as_a_pain_log_and_says_so(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # into the first hold's get-ready: no set done yet
        await pilot.press("p", "4")  # noted at 4/10
        await pilot.pause()
        engine = session_screen(app).engine
        assert engine.pain_spikes
        await pilot.press("q")
        await pilot.pause()
        assert "the pain you noted is kept" in question(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    (log,) = pain_logs(tmp_path)
    assert log["context"] == "exercise" and log["score"] == 4
    assert "Hip strength" in log["note"]
    assert sessions(tmp_path) == []
    assert not (tmp_path / "data" / "in-progress.toml").exists()


async def test_q_d_with_finished_sets_asks_once_more(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")  # left set 1 done
        await pilot.press("q", "d")
        await pilot.pause()
        assert "Discard this session?" in question(app) and "1 finished set" in question(app)
        await pilot.press("d")  # a repeated d confirms nothing
        await pilot.pause()
        assert "Discard this session?" in question(app)
        await pilot.press("b")  # back to the session, nothing lost
        await pilot.pause()
        assert session_screen(app) is app.screen
        await pilot.press("q", "d", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert sessions(tmp_path) == [] and pain_logs(tmp_path) == []


async def test_the_start_up_discard_keeps_the_pain_noted(tmp_path: Path) -> None:
    clock = FakeClock()
    store = HistoryStore(Paths(tmp_path / "data", tmp_path / "config"))
    engine = SessionEngine(shipped_library().routines["hip-strength"], clock)
    engine.done()
    engine.done()  # left set 1
    engine.pain_spike()
    store.progress.save(engine)
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert "The pain you noted is kept (1 pain log)." in question(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    (log,) = pain_logs(tmp_path)
    assert log["context"] == "exercise"
    assert not (tmp_path / "data" / "in-progress.toml").exists()
