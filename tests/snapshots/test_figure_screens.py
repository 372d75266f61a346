"""Snapshots of an exercise with a figure: its intro and a paced set half-way up, at 80x24
(where the figure gives way to the text) and at 120x36 (where it stands beside it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from itb_tui.tui.widgets.figure import ExerciseFigure
from tests.tui.figure_helpers import clock_of, figure_app, into_the_set
from tests.tui.helpers import session_screen


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
@pytest.mark.parametrize("stage", ["intro", "paced"])
def test_figure_screen(
    stage: str, size: tuple[int, int], tmp_path: Path, snap_compare: Any
) -> None:
    app = figure_app(tmp_path)

    async def setup(pilot: Pilot[None]) -> None:
        await pilot.pause()
        if stage == "paced":
            await into_the_set(app, pilot)
            clock_of(app).advance(0.5)  # half-way up the first rep
            session_screen(app).tick()
            session_screen(app).query_one(ExerciseFigure).tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=setup)
