"""The quit dialog pauses the countdown, and going back resumes it where it stopped."""

from __future__ import annotations

from pathlib import Path

import pytest

from itb_tui.core.content.library import READY_SECONDS
from itb_tui.core.session.engine import Phase
from itb_tui.tui.screens.choice import ChoiceScreen

from .helpers import make_app, session_screen
from .plain import plain


@pytest.mark.parametrize("back", ["b", "escape"])
async def test_back_in_the_quit_dialog_resumes_the_countdown(tmp_path: Path, back: str) -> None:
    app, clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # from the intro into the get-ready
        screen = session_screen(app)
        engine = screen.engine
        clock.advance(READY_SECONDS + 10)  # the get-ready, then 10 s into the hold
        screen.tick()
        screen.tick()
        await pilot.pause()
        assert engine.phase is Phase.WORK and not engine.paused
        left = engine.remaining()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        clock.advance(60)  # a minute spent reading the question
        screen.tick()
        assert engine.paused and engine.remaining() == left
        await pilot.press(back)
        await pilot.pause()
        assert app.screen is screen
        assert not engine.paused
        assert "PAUSED" not in plain(app)
        clock.advance(4)
        screen.tick()
        await pilot.pause()
        assert engine.phase is Phase.WORK
        assert engine.remaining() == pytest.approx(left - 4)


async def test_ctrl_q_in_a_session_asks_first_and_quits_once_it_is_stopped(
    tmp_path: Path,
) -> None:
    """ctrl+q mid-session asks as q does; back returns to the session, discard quits."""
    app, _clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # from the intro into the get-ready
        screen = session_screen(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and app.is_running
        assert "To quit, this session stops first." in plain(app)
        await pilot.press("ctrl+q")  # again, over the question: it is not asked twice
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, ChoiceScreen)]) == 1
        await pilot.press("b")
        await pilot.pause()
        assert app.screen is screen and not screen.engine.paused
        assert app.return_code is None  # still open
        await pilot.press("ctrl+q", "d")  # nothing done yet: discarded without a second ask
        await pilot.pause()
        assert app.return_code == 0  # quitting


async def test_ctrl_c_says_how_to_quit_in_plain_words(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert shown == ["Press ctrl+q to quit."] and app.is_running
