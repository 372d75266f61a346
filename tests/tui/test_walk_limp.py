"""The walk test asks "Did you limp?" at its end; the answer is kept with the session and a
limp fails the test."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from itb_tui.core.content.library import READY_SECONDS
from itb_tui.core.plan.readiness_tests import readiness_states, routine_for
from itb_tui.core.session.engine import Phase
from itb_tui.tui.screens.choice import ChoiceScreen
from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.screens.session_detail import session_view
from itb_tui.tui.screens.summary import SummaryScreen
from itb_tui.tui.widgets.footer import KeysFooter

from .helpers import footer_words, ice_to_the_rating, session_screen
from .plain import plain
from .readiness_helpers import MONDAY, december_app


@pytest.mark.parametrize(
    ("key", "limped", "status"),
    [("y", True, "failed"), ("n", False, "passed"), ("escape", None, "passed")],
)
async def test_the_walk_asks_about_a_limp_and_a_limp_fails_it(
    tmp_path: Path, key: str, limped: bool | None, status: str
) -> None:
    app, clock = december_app(tmp_path)
    program, library = app.context.program, app.context.library
    walk = next(test for test in program.readiness_tests if test.id == "walk")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.sessions.begin(routine_for(walk, library))
        await pilot.pause()
        screen = session_screen(app)
        await pilot.press("enter")  # the intro, then the get-ready
        clock.advance(READY_SECONDS + 1)
        screen.tick()
        clock.advance(30 * 60 + 1)  # the whole walk
        screen.tick()
        await pilot.pause()
        assert screen.engine.phase is Phase.PAIN
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press("0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "Did you limp?" in plain(app)
        assert footer_words(app.screen.query_one(KeysFooter))["escape"] == "Skip"
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    (kept,) = app.context.store.everything().sessions
    assert kept.readiness_test == "walk" and kept.limped is limped
    found = readiness_states(program, library, [kept], MONDAY.date())
    state = next(s for s in found if s.test.id == "walk")
    assert state.status == status
    assert ("a limp" in state.evidence) is bool(limped)
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(session_view(kept))  # History's detail of the session
    shown = {True: "Limped: yes", False: "Limped: no", None: "Limped"}[limped]
    assert (shown in console.export_text()) is (limped is not None)


async def test_other_sessions_are_not_asked_about_a_limp(tmp_path: Path) -> None:
    app, _clock = december_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.sessions.start_routine("ice")
        await pilot.pause()
        await ice_to_the_rating(pilot)
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press("0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    (kept,) = app.context.store.everything().sessions
    assert kept.limped is None
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(session_view(kept))
    assert "Limped" not in console.export_text()
