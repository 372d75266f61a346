"""With the rep pacer on, a paced set starts after the same get-ready as a hold."""

from __future__ import annotations

from pathlib import Path

from itb_tui.core.content.library import READY_SECONDS
from itb_tui.core.session.engine import Phase, SessionEngine

from .helpers import make_app, session_screen
from .plain import plain


async def test_a_paced_set_opens_with_a_get_ready(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path)
    app.context.settings.pacer = True
    async with app.run_test(size=(80, 24)) as pilot:
        app.sessions.start_routine("hip-strength")
        await pilot.pause()
        screen = session_screen(app)
        await pilot.press("enter")
        assert screen.engine.phase is Phase.READY
        assert "GET READY - LEFT LEG" in plain(app)
        assert not screen.coach.pacing
        clock.advance(READY_SECONDS)
        screen.tick()
        await pilot.pause()
        assert screen.engine.phase is Phase.WORK
        assert "Rep 1 of 20 - UP" in plain(app)


async def test_a_resumed_session_gets_its_whole_get_ready_however_long_it_was_asked(
    tmp_path: Path,
) -> None:
    app, clock = make_app(tmp_path)
    engine = SessionEngine(app.context.library.routines["daily-stretch"], clock)
    engine.done()
    clock.advance(READY_SECONDS + 10)  # ten seconds into the first hold
    engine.tick()
    app.context.store.progress.save(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.advance(60)  # the question stays open a minute
        await pilot.press("r")
        await pilot.pause()
        screen = session_screen(app)
        screen.tick()
        assert screen.engine.phase is Phase.READY
        assert screen.engine.remaining() == READY_SECONDS
