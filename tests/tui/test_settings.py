"""The settings screen: each change is saved to the settings file at once."""

from __future__ import annotations

import tomllib
from pathlib import Path

from itb_tui.tui.screens.settings import SettingsScreen

from .helpers import make_app


async def test_changes_are_saved_at_once(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("enter")  # open the cue style list
        await pilot.pause()
        await pilot.press("down", "enter")  # bell -> voice
        await pilot.pause()
        await pilot.press("tab", "tab", "space")  # flash stays, pacer on
        await pilot.pause()
        text = str(app.screen.query_one("#voice-support").render())
        assert "Voice" in text
        await pilot.press("escape")
    saved = tomllib.loads((tmp_path / "config" / "settings.toml").read_text())
    assert saved["cue_style"] == "voice"
    assert saved["pacer"] is True
    assert saved["flash"] is True
    assert app.context.settings.pacer is True
