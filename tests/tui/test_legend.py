"""Today's marks are explained: in the help screen, and on Home beside Today's entries."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown, Static

from itb_tui.tui.screens.help import HelpScreen
from itb_tui.tui.screens.home import STATUS_MARKS, HomeScreen
from itb_tui.tui.widgets.legend import MARKS
from itb_tui.tui.widgets.pick_list import PickList

from .helpers import make_app


def test_every_mark_home_draws_is_in_the_legend() -> None:
    glyphs = {mark for mark, _meaning in MARKS}
    assert {mark for mark, _style in STATUS_MARKS.values()} <= glyphs
    assert {"i", "!", "+"} <= glyphs


async def test_home_explains_the_marks_beside_todays_entries_only(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        picks = app.screen.query_one(PickList)
        detail = app.screen.query_one("#routine-detail", Static)
        assert str(picks.highlighted_pick and picks.highlighted_pick.id).startswith("today:")
        text = str(detail.render())
        for mark, meaning in MARKS:
            assert f"{mark} {meaning}" in text
        routine = picks.index_of("routine:hip-strength")
        assert routine is not None
        picks.highlighted = routine
        await pilot.pause()
        assert "Marks:" not in str(detail.render())


async def test_help_lists_the_marks(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one(Markdown).source
        for mark, meaning in MARKS:
            assert f"| `{mark}` | {meaning} |" in source
