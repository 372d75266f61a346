"""Today on Home says when the function score is due, as the verdict notes it."""

from __future__ import annotations

from pathlib import Path

from itb_tui.core.history.records import FunctionScore

from .helpers import make_app
from .plain import plain


async def test_home_lists_the_function_score_until_it_is_rated(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        assert "Function score due" in plain(app)
        assert app.program_flow.verdict is not None and app.program_flow.verdict.notes
    app, clock = make_app(tmp_path)
    app.context.store.add_function_score(FunctionScore(clock.wall(), (("stairs", 6),)))
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        assert "Function score due" not in plain(app)


async def test_enter_on_the_function_score_line_rates_it_in_the_app(tmp_path: Path) -> None:
    from textual.widgets import Input

    from itb_tui.tui.screens.function_dialog import FunctionScoreDialog
    from itb_tui.tui.widgets.pick_list import PickList

    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        picks = app.screen.query_one(PickList)
        line = picks.index_of("function")
        picks.highlighted = line
        await pilot.pause()
        assert "Press Enter to rate it here." in plain(app)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FunctionScoreDialog)
        dialog.query_one("#fs-name-0", Input).value = "stairs"
        dialog.query_one("#fs-score-0", Input).value = "11"
        await pilot.press("enter")  # refused: the rating is out of range
        assert app.screen is dialog and "0 to 10" in plain(app)
        dialog.query_one("#fs-score-0", Input).value = "4"
        dialog.query_one("#fs-name-1", Input).value = "running 5 km"
        dialog.query_one("#fs-score-1", Input).value = "1"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FunctionScoreDialog)
        assert "Function score due" not in plain(app)
    (score,) = app.context.store.load_readable(app.context.store.months())[0].function_scores
    assert score.ratings == (("stairs", 4), ("running 5 km", 1))
