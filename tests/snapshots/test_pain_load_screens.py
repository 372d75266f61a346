"""The pain chart with runs: each day's run minutes under the next morning, and the table of
run length -> next-morning pain, at 80x24 in colour and without (NO_COLOR)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from textual.pilot import Pilot

from itb_tui.core.history.records import PainLog, SessionRecord
from itb_tui.tui.screens.history import HistoryScreen
from tests.factories import TODAY, at, run
from tests.snapshots.scenes import Scene, scene_folder
from tests.tui.helpers import make_app
from tests.tui.history_data import write_months


def runs_and_mornings() -> tuple[list[SessionRecord], list[PainLog]]:
    """Eight weeks: a run every other day growing from 10 to 40 minutes, a morning check-in
    each day, sorer after the longer runs; a few mornings missed."""
    sessions, logs = [], []
    for back in range(56, 0, -1):
        day = TODAY - timedelta(days=back)
        ran = sessions[-1] if sessions and sessions[-1].started_at.date() == day else None
        if back % 2 == 0:
            sessions.append(run(day, 10 + (56 - back) // 2, hour=7))
        before = [s for s in sessions if s.started_at.date() == day - timedelta(days=1)]
        minutes = sum(round(s.duration_s / 60) for s in before)
        score = 0 if minutes < 20 else 1 if minutes < 30 else 3
        if back % 9 != 0 and ran is None:
            logs.append(PainLog(at(day, 7, 5), score, "morning", compared="same"))
    return sessions, logs


def scene(name: str) -> Scene:
    app, _clock = make_app(scene_folder(name))
    write_months(app.context.store, *runs_and_mornings())

    async def setup(pilot: Pilot[None]) -> None:
        await app.push_screen(HistoryScreen(app.context))
        await pilot.pause()
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen.scroll_end(animate=False)  # the run row and the table below the chart
        await pilot.pause()

    return app, setup


@pytest.mark.parametrize("colour", [True, False], ids=["colour", "no-color"])
def test_pain_chart_with_runs(colour: bool, snap_compare: Any, monkeypatch: Any) -> None:
    if not colour:
        monkeypatch.setenv("NO_COLOR", "1")
    app, setup = scene(f"pain_load_{'colour' if colour else 'plain'}")
    assert snap_compare(app, terminal_size=(80, 24), run_before=setup)
