"""The session screen's keys: each ends in one action path, and the save moments save."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from itb_tui.core.session.actions import SessionAction, session_action
from itb_tui.core.session.engine import Cue, Phase
from itb_tui.tui.keys import KEYS, Key
from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.screens.session import SessionScreen

from .helpers import make_app, session_screen


def registry_action(key: str) -> SessionAction | None:
    """The session registry's action for ``key``, without its arguments."""
    for entry in KEYS["session"]:
        if isinstance(entry, Key) and key in entry.keys.split(","):
            return session_action(entry.action.split("(")[0])
    raise AssertionError(f"{key} is not a session key")


def spy_on_actions(
    screen: SessionScreen, monkeypatch: pytest.MonkeyPatch
) -> list[SessionAction | None]:
    """The actions that reach the screen's one path (``handle``), in order."""
    seen: list[SessionAction | None] = []
    real = screen.handle

    def handle(cues: list[Cue], action: SessionAction | None = None) -> None:
        seen.append(action)
        real(cues, action)

    monkeypatch.setattr(screen, "handle", handle)
    return seen


async def test_enter_goes_the_same_way_as_every_other_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    keys = ["enter", "plus", "minus", "p", "enter", "b", "s", "n"]
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        seen = spy_on_actions(screen, monkeypatch)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            if key == "p":  # the pain spike asks how bad: no score
                await pilot.press("escape")
                await pilot.pause()
        assert seen == [registry_action(key) for key in keys]
        while screen.engine.phase is not Phase.PAIN:
            await pilot.press("n")
            await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press("escape")  # the rating closed: Enter asks again, the same way
        await pilot.pause()
        seen.clear()
        await pilot.press("enter")
        await pilot.pause()
        assert seen == [SessionAction.DONE]
        assert isinstance(app.screen, PainRatingScreen)


def progress(tmp_path: Path) -> dict[str, Any] | None:
    path = tmp_path / "data" / "in-progress.toml"
    return tomllib.loads(path.read_text()) if path.exists() else None


def forget_progress(tmp_path: Path) -> None:
    (tmp_path / "data" / "in-progress.toml").unlink()


async def test_a_set_a_pause_a_pain_spike_and_a_stop_each_save_the_session(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        await pilot.press("enter", "plus")  # onto the first set; nothing recorded yet
        await pilot.pause()
        assert progress(tmp_path) is None
        await pilot.press("p", "escape")  # noted, without a score
        await pilot.pause()
        saved = progress(tmp_path)
        assert saved is not None and len(saved["record"]["pain_spikes"]) == 1
        forget_progress(tmp_path)
        await pilot.press("enter")  # the set is recorded
        await pilot.pause()
        saved = progress(tmp_path)
        assert saved is not None and saved["resume"]["records"] == [[1, 16]]  # 15, and one more
        assert screen.engine.counting_down  # the switch of sides
        forget_progress(tmp_path)
        await pilot.press("space")
        await pilot.pause()
        assert progress(tmp_path) is not None
        forget_progress(tmp_path)
        await pilot.press("q")  # saved before the question
        await pilot.pause()
        assert progress(tmp_path) is not None
