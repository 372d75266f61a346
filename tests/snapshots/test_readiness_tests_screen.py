"""Snapshot of the return-to-running screen with readiness tests, at 80x24, in colour and with
NO_COLOR: one test passed, one failed 3 days ago with what to work on and due again (t)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from textual.pilot import Pilot

from itb_tui.core.history.records import MonthHistory
from itb_tui.core.plan.referee import RulesInput, decide
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.readiness import ReadinessScreen
from tests.factories import TZ, readiness_attempt, ready_by, settings
from tests.snapshots.scenes import scene_folder
from tests.tui.helpers import make_app

DAY = date(2026, 12, 14)  # the tests apply from 7 December 2026


def checklist_screen(app: ItbApp) -> ReadinessScreen:
    """The screen over a rehab that met the other checks, the squat failed 3 days ago."""
    sessions, logs = ready_by(DAY)
    tests = [
        readiness_attempt("hip-abduction", DAY - timedelta(days=2), left=30, right=30),
        readiness_attempt("single-leg-squat", DAY - timedelta(days=3), left=10, right=7),
    ]
    history = MonthHistory([*sessions, *tests], logs)
    now = datetime.combine(DAY, time(12), tzinfo=TZ)
    program, library = app.context.program, app.context.library
    inp = RulesInput(program, library, settings(DAY - timedelta(weeks=5)), history, now)
    return ReadinessScreen(decide(inp), program)


@pytest.mark.parametrize("no_color", [False, True])
def test_readiness_tests_on_the_checklist(
    no_color: bool, snap_compare: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app, _clock = make_app(scene_folder(f"readiness_tests_{no_color}"))

    async def setup(pilot: Pilot[None]) -> None:
        await app.push_screen(checklist_screen(app))
        await pilot.pause()
        assert app.no_color is no_color

    assert snap_compare(app, terminal_size=(80, 24), run_before=setup)


def test_home_names_the_next_test_once_only_the_tests_are_left(snap_compare: Any) -> None:
    """Home over a rehab that met the other checks: Today's line names the test Enter starts,
    its panel says where it stands."""
    from tests.tui.readiness_helpers import pick_the_test, ready_but_the_tests

    app = ready_but_the_tests(scene_folder("home_test_due"))

    async def setup(pilot: Pilot[None]) -> None:
        await pilot.pause()
        pick_the_test(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=setup)
