"""A session stopped and kept with a rating that brings up the red-flag questions asks them,
however it stops: q, ctrl+q (before the app quits), or another routine started over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.red_flags import RedFlagsScreen
from itb_tui.tui.screens.summary import SummaryScreen

from .helpers import make_app, session_screen
from .plain import plain

# the rating after "keep": pain 8/10, or 2/10 with a yes to swelling
RATINGS = [(("8",), "pain 8/10"), (("2", "y"), "swelling")]


@pytest.mark.parametrize(("rating", "said"), RATINGS)
async def test_q_then_keep_asks_the_red_flags_over_the_summary(
    tmp_path: Path, rating: tuple[str, ...], said: str
) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "q", "k", *rating, "enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagsScreen)
        assert f"You reported {said}" in plain(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


@pytest.mark.parametrize(("rating", "said"), RATINGS)
async def test_ctrl_q_then_keep_asks_the_red_flags_before_quitting(
    tmp_path: Path, rating: tuple[str, ...], said: str
) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "ctrl+q", "k", *rating, "enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagsScreen)
        assert f"You reported {said}" in plain(app)
        assert app.is_running and app.return_code is None
        (saved,) = app.context.store.everything().sessions  # kept before the question
        assert saved.pain_after == int(rating[0])
        await pilot.press("space")  # a flag ticked on the way out is remembered
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.return_code == 0  # quitting once it is answered
    assert app.context.red_flags.standing()


async def test_ctrl_q_then_keep_with_low_pain_quits_without_asking(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "ctrl+q", "k", "3", "n", "enter")
        await pilot.pause()
        assert app.return_code == 0


async def test_another_routine_over_a_session_kept_asks_the_red_flags_first(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.sessions.start_routine("ice")  # as the palette does
        await pilot.pause()
        await pilot.press("k", "9", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagsScreen)
        assert "You reported pain 9/10" in plain(app)
        await pilot.press("escape")
        await pilot.pause()
        assert session_screen(app).engine.routine.id == "ice"
        assert isinstance(app.screen_stack[0], HomeScreen)
