"""A readiness test from the return-to-running screen to its line on the checklist."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Static

from itb_tui.core.session.engine import Phase
from itb_tui.tui.screens.readiness import ReadinessScreen
from itb_tui.tui.screens.summary import SummaryScreen

from .helpers import phase, session_screen
from .readiness_helpers import december_app
from .session_helpers import resumed_in_a_new_app


def checklist_text(screen: ReadinessScreen) -> str:
    return "\n".join(str(static.render()) for static in screen.query(Static))


async def test_t_runs_the_next_test_and_the_checklist_shows_its_result(tmp_path: Path) -> None:
    app, _clock = december_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        screen = app.screen
        assert isinstance(screen, ReadinessScreen)
        assert "Side-lying hip abduction" in checklist_text(screen)
        assert "t starts the next test: Side-lying hip abduction" in checklist_text(screen)
        await pilot.press("t")
        await pilot.pause()
        engine = session_screen(app).engine
        assert engine.routine.readiness_test == "hip-abduction"
        assert [step.side for step in engine.steps if step.phase is Phase.WORK] == [
            "left",
            "right",
        ]
        while phase(app) is not Phase.WORK:
            await pilot.press("enter")
        await pilot.press("enter")  # the left side: 30, the target
        while phase(app) is not Phase.WORK:
            await pilot.press("enter")
        await pilot.press("minus", "minus", "minus", "minus", "minus", "enter")  # right: 25
        await pilot.press("0", "enter")  # no pain after it
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        headline = str(app.screen.query_one("#headline", Static).render())
        assert headline == (
            "Not passed: Side-lying hip abduction: R 25 of 30. Try again in 3 days."
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        text = checklist_text(screen)
        assert "L 30 / R 25, failed today (R 25 of 30); try again in 3 days" in text
        assert "Work on: Side-lying hip abduction, Clamshells" in text
        assert "t starts the next test: Single-leg squat" in text
    month = tomllib.loads(app.context.store.month_path("2026-12").read_text())
    (kept,) = month["sessions"]
    assert kept["readiness_test"] == "hip-abduction" and kept["pain_after"] == 0
    assert kept["exercises"][0]["done"] == {"left": [30], "right": [25]}


async def test_a_test_cut_off_after_one_side_is_resumed_at_the_other(tmp_path: Path) -> None:
    """A readiness test is not a routine of the library: it resumes as the rules offer it
    today, not as 'a routine that has changed'."""
    app, _clock = december_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r", "t")
        await pilot.pause()
        while phase(app) is not Phase.WORK:
            await pilot.press("enter")
        await pilot.press("enter")  # the left side; the progress file is saved
        await pilot.pause()
    assert (tmp_path / "data" / "in-progress.toml").exists()  # the terminal closed here
    async with resumed_in_a_new_app(app, _clock) as again:
        engine = session_screen(again).engine
        assert engine.routine.readiness_test == "hip-abduction"
        assert engine.record().exercises[0].done == {"left": [30]}
        assert engine.step.side == "right"
