"""Snapshot of the function score screen at 80x24, in colour and with NO_COLOR."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from textual.pilot import Pilot

from itb_tui.core.history.records import FunctionScore
from itb_tui.tui.screens.history import HistoryScreen
from tests.factories import TODAY, at
from tests.snapshots.scenes import scene_folder
from tests.tui.helpers import make_app

RATINGS = (
    (28, (("running 5 km", 2), ("stairs", 6), ("cycling to work", 5))),
    (14, (("running 5 km", 3), ("stairs", 6), ("cycling to work", 6))),
    (0, (("running 5 km", 5), ("stairs", 7), ("cycling to work", 8))),
)


@pytest.mark.parametrize("no_color", [False, True])
def test_function_score_screen(
    no_color: bool, snap_compare: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app, _clock = make_app(scene_folder(f"function_score_{no_color}"))
    for days, ratings in RATINGS:
        app.context.store.add_function_score(
            FunctionScore(at(TODAY - timedelta(days=days), 9), ratings)
        )

    async def setup(pilot: Pilot[None]) -> None:
        await app.push_screen(HistoryScreen(app.context))
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert app.no_color is no_color

    assert snap_compare(app, terminal_size=(80, 24), run_before=setup)
