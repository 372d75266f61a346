"""Snapshots of the per-knee entry and chart, when both knees hurt: the end-of-session rating
(80x24 and the smallest size, 60x18), the morning check-in and the pain chart."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from itb_tui.core.history.records import Knees, PainLog
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.history import HistoryScreen
from tests.tui.helpers import ice_to_the_rating, make_app

Setup = Callable[[Pilot[None]], Awaitable[None]]


def knee_scene(name: str, tmp_path: Path) -> tuple[ItbApp, Setup]:
    """An app whose settings say both knees hurt, and the keys that bring it to ``name``."""
    app, clock = make_app(tmp_path, start="ice" if name == "rating" else None, check_in=True)
    app.context.settings.painful_knee = "both"
    if name != "checkin":
        app.context.settings.checkin_skipped = clock.wall().date()
    else:  # not the first check-in ever: it compares with yesterday
        yesterday = clock.wall() - timedelta(days=1)
        app.context.store.add_pain_log(PainLog(yesterday, 1, "morning", "", False, "same"))
    if name == "chart":
        for days, left, right in ((12, 5, 2), (9, 4, 2), (6, 3, 3), (4, 2, 4), (1, 1, 3)):
            when = clock.wall() - timedelta(days=days)
            knees = Knees(left, right)
            app.context.store.add_pain_log(PainLog(when, max(left, right), "daily", knees=knees))

    async def setup(pilot: Pilot[None]) -> None:
        await pilot.pause()
        if name == "rating":
            await ice_to_the_rating(pilot)
            await pilot.press("k", "2", "3")
        elif name == "checkin":
            await pilot.press("1", "4", "w", "n")  # it asks each knee, from the left
        elif name == "chart":
            await app.push_screen(HistoryScreen(app.context))
            await pilot.pause()
            await pilot.press("c")
            await app.workers.wait_for_complete()
        await pilot.pause()

    return app, setup


@pytest.mark.parametrize("name", ["rating", "checkin", "chart"])
def test_per_knee_screen(name: str, tmp_path: Path, snap_compare: Any) -> None:
    app, setup = knee_scene(name, tmp_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=setup)


def test_per_knee_rating_small(tmp_path: Path, snap_compare: Any) -> None:
    app, setup = knee_scene("rating", tmp_path)
    assert snap_compare(app, terminal_size=(60, 18), run_before=setup)
