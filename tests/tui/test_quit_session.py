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
