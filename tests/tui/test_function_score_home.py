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
