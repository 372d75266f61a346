"""Home's "test due" line: the readiness test next, once the tests are all that stand between
today and a first run; Enter starts it as t on the return-to-running screen does."""

from __future__ import annotations

from pathlib import Path

from itb_tui.core.plan.red_flags import FlagChange
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.readiness import ReadinessScreen
from itb_tui.tui.widgets.pick_list import PickList
from tests.factories import at

from .helpers import session_screen
from .plain import plain
from .readiness_helpers import MONDAY, december_app, pick_the_test, ready_but_the_tests


async def test_enter_on_the_test_line_starts_the_test_t_would(tmp_path: Path) -> None:
    app = ready_but_the_tests(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "[ ] Test: Side-lying hip abduction" in plain(app)
        pick_the_test(app)
        await pilot.pause()
        assert "Not tried yet (30 per side, no pain)." in plain(app)
        await pilot.press("enter")
        await pilot.pause()
        assert session_screen(app).engine.routine.readiness_test == "hip-abduction"


async def test_no_line_while_another_check_is_not_met(tmp_path: Path) -> None:
    app, _clock = december_app(tmp_path)  # no pain-free days logged
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.home.query_one(PickList).index_of("test") is None
        assert "Test: " not in plain(app)


async def test_under_a_red_flag_the_line_says_why_it_waits_and_enter_starts_nothing(
    tmp_path: Path,
) -> None:
    app = ready_but_the_tests(tmp_path)
    flag = app.context.program.red_flags[0].id
    app.context.red_flags.changes.append(FlagChange(flag, at(MONDAY.date(), 6), True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "--- Test waits: a red flag" in plain(app)
        pick_the_test(app)
        await pilot.pause()
        assert "Side-lying hip abduction waits: a red flag stands." in plain(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)  # where every check is shown
        assert not [s for s in app.screen_stack if type(s).__name__ == "SessionScreen"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
