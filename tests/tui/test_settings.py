"""The settings screen: each change is saved to the settings file at once."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

from itb_tui.tui.screens.choice import ChoiceScreen
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


NEWER = (  # the morning check-in already skipped today, so Home is on top
    'schema_version = 99\nonboarded = true\ncue_style = "off"\ncheckin_skipped = 2026-11-23\n'
    'hologram = "on"\n[future]\nx = 1\n'
)


async def test_a_newer_settings_file_is_read_and_never_written(tmp_path: Path) -> None:
    settings = tmp_path / "config" / "settings.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text(NEWER)
    backup = settings.with_name("settings.toml.bak")
    backup.write_text("schema_version = 1\nonboarded = true\n")
    app, _clock = make_app(tmp_path)
    assert app.context.settings.cue_style == "off"  # read what can be read
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, SettingsScreen)
        kept = str(app.screen.query_one("#settings-kept").render())
        assert "not saved" in kept and "newer itb-tui (schema 99)" in kept
        await pilot.press("tab", "tab", "space")  # pacer on: for this run
        await pilot.pause()
        await pilot.press("tab", "space")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("applies until you close itb-tui" in m for m in said)
    assert app.context.settings.pacer is True
    assert settings.read_text() == NEWER
    assert backup.read_text() == "schema_version = 1\nonboarded = true\n"


async def test_a_settings_file_damaged_while_the_app_runs_is_not_overwritten(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path)
    settings = tmp_path / "config" / "settings.toml"
    backup = settings.with_name("settings.toml.bak")
    async with app.run_test(size=(80, 24)) as pilot:
        settings.write_text("flash = \n")  # edited by hand meanwhile
        await pilot.press("s", "tab", "tab", "space")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("is damaged" in m for m in said)
    assert settings.read_text() == "flash = \n"
    assert not backup.exists()


async def test_the_theme_chosen_is_kept_for_the_next_start(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "nord"  # what the palette's theme picker does
        await pilot.pause()
    saved = tomllib.loads((tmp_path / "config" / "settings.toml").read_text())
    assert saved["theme"] == "nord"
    again, _clock = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_the_program_start_can_be_changed_and_the_plan_follows(tmp_path: Path) -> None:
    from textual.widgets import Input

    app, clock = make_app(tmp_path)
    today = clock.wall().date()
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        assert app.overview is not None and app.overview.week == 1
        await pilot.press("s")
        field = app.screen.query_one("#program_start", Input)
        field.focus()
        field.value = "2026-13-01"
        await pilot.press("enter")
        hint = str(app.screen.query_one("#start-hint").render())
        assert "Start date not changed: '2026-13-01' is not a date" in hint
        assert app.context.settings.program_start == today
        field.value = (today - timedelta(days=15)).isoformat()
        await pilot.press("enter")
        await pilot.pause()
        assert "not changed" not in str(app.screen.query_one("#start-hint").render())
        assert app.context.settings.program_start == today - timedelta(days=15)
        assert app.overview.week == 3
    saved = tomllib.loads((tmp_path / "config" / "settings.toml").read_text())
    assert saved["program_start"] == today - timedelta(days=15)


async def test_settings_take_a_progression_back_one_step(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    app.context.settings.progressions = {"clamshell": 1, "lateral-band-walk": 1}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        listed = str(screen.query_one("#progressions").render())
        assert "Clamshells: When 3 sets of 20 are easy" in listed
        assert "Lateral band walks: Move the band down" in listed
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("1", "1")  # one answer, one step: the second press does nothing
        await pilot.pause()
        assert app.screen is screen
        assert app.context.settings.progressions == {"lateral-band-walk": 1}
        assert "Clamshells" not in str(screen.query_one("#progressions").render())
        saved = tomllib.loads((tmp_path / "config" / "settings.toml").read_text())
        assert saved["progressions"] == {"lateral-band-walk": 1}  # written at once
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("escape")  # changes nothing
        await pilot.pause()
        assert app.context.settings.progressions == {"lateral-band-walk": 1}
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.context.settings.progressions == {}
        assert not screen.query_one("#progressions").display
        await pilot.press("p")  # nothing left to take back: no question
        await pilot.pause()
        assert app.screen is screen
    saved = tomllib.loads((tmp_path / "config" / "settings.toml").read_text())
    assert saved.get("progressions", {}) == {}
