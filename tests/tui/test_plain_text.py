"""Without colour (NO_COLOR), the plain text of each main screen still shows every state."""

from __future__ import annotations

from pathlib import Path

import pytest

from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.onboarding import OnboardingScreen
from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.screens.red_flags import RedFlagsScreen
from itb_tui.tui.screens.settings import SettingsScreen

from .helpers import make_app, session_screen
from .plain import line_with
from .plain import plain as plain_text


@pytest.fixture(autouse=True)
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


def plain(app: ItbApp) -> str:
    """The screen as the terminal shows it, characters only."""
    assert app.no_color  # Textual read NO_COLOR: the app draws without colour
    return plain_text(app)


async def test_onboarding_shows_the_tick_the_choice_and_the_switch(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, onboarded=False)
    async with app.run_test(size=(80, 30)) as pilot:
        assert isinstance(app.screen, OnboardingScreen)
        before = plain(app)
        assert "[ ] I understand" in before
        assert "( ) Left" in before and "( ) Right" in before and "( ) Both" in before
        assert "○ off" in line_with(before, "Running now?")
        await pilot.press("space")  # tick the notice
        await pilot.press("tab", "space")  # the first knee: Left
        await pilot.pause()
        after = plain(app)
        assert "[x] I understand" in after
        assert "(•) Left" in after and "( ) Right" in after
        app.screen.query_one("#ob-running").focus()
        await pilot.press("space")
        await pilot.pause()
        assert "● on" in line_with(plain(app), "Running now?")


async def test_settings_switches_say_on_and_off(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, SettingsScreen)
        before = plain(app)
        assert "on" in line_with(before, "Flash on cues").split("Flash on cues")[1]
        assert "○ off" in line_with(before, "Rep pacer")
        await pilot.press("tab", "tab", "space")  # the pacer on
        await pilot.pause()
        assert "● on" in line_with(plain(app), "Rep pacer")


async def test_red_flags_show_which_are_ticked(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, RedFlagsScreen)
        before = plain(app)
        assert "[x]" not in before and before.count("[ ]") >= 2
        await pilot.press("space")
        await pilot.pause()
        after = plain(app)
        assert after.count("[x]") == 1
        assert after.count("[ ]") == before.count("[ ]") - 1


async def test_the_countdown_bar_fills_without_colour(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.press("enter")  # the get-ready
        clock.advance(5)
        screen.tick()
        await pilot.pause()
        start = line_with(plain(app), "░")
        assert "█" not in start
        clock.advance(screen.engine.total_seconds() / 2)
        screen.tick()
        await pilot.pause()
        half = line_with(plain(app), "░")
        assert 0.4 < half.count("█") / (half.count("█") + half.count("░")) < 0.6


async def test_the_pain_scale_marks_the_chosen_score(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, PainRatingScreen)
        assert "[" not in line_with(plain(app), " 8   9 ")
        await pilot.press("4")
        await pilot.pause()
        scale = line_with(plain(app), " 8   9 ")
        assert "[4]" in scale and scale.count("[") == 1


async def test_picking_a_score_clears_pick_a_score_first(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.press("enter")
        await pilot.pause()
        assert "Pick a score first" in plain(app)
        await pilot.press("3")
        await pilot.pause()
        assert "Pick a score first" not in plain(app)
