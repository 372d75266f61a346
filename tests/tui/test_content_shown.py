"""The content's form tips, phase advice and exercise details are shown where they help."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Static

from itb_tui.core.plan.overview import run_routine
from itb_tui.core.session.engine import SessionEngine
from itb_tui.tui.screens.home import phase_detail
from itb_tui.tui.screens.readiness import ReadinessScreen
from itb_tui.tui.widgets.pick_list import PickList

from .helpers import make_app, session_screen


def guide(app: object) -> str:
    return str(session_screen(app).query_one("#guide", Static).render())  # type: ignore[arg-type]


async def test_the_exercise_intro_shows_cautions_first_equipment_errors_and_frequency(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = guide(app)
        clam = app.context.library.routines["hip-strength"].items[0]
        assert text.startswith(f"! {clam.cautions[0]}")
        assert "You need: mat, resistance band (optional)" in text
        assert "Common errors:" in text and f"x {clam.errors[0]}" in text
        assert f"How often: {clam.frequency}" in text
        scroll = session_screen(app).query_one("#guide-scroll", VerticalScroll)
        assert scroll.max_scroll_y > 0  # longer than the screen at 80x24: it scrolls
        scroll.scroll_end(animate=False)
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y


async def test_the_guided_run_intro_gives_the_form_tips(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        program = app.context.program
        routine = run_routine(1, program.return_to_running.week(1), program.form_tips)
        app.sessions.push(SessionEngine(routine, clock))
        await pilot.pause()
        text = guide(app)
        assert "170-180 steps a minute" in text
        assert "Walk the steep downhill parts" in text
        assert "soft, uneven ground" in text and "sloping roads" in text


async def test_the_run_screen_lists_the_running_form(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)
        shown = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "Running form" in shown
        for tip in app.context.program.form_tips:
            assert tip in shown


async def test_todays_advice_gives_each_current_phase_goal_advice_and_what_not_to_do(
    tmp_path: Path,
) -> None:
    app, clock = make_app(tmp_path)
    clock.advance(86_400 * 14)  # program week 3: roll, strengthen and stretch
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        overview = app.overview
        assert overview is not None
        names = [phase.name for phase in overview.phases]
        assert names == ["Foam rolling", "Build hip strength", "Keep stretching"]
        picks = app.home.query_one(PickList)
        for n, phase in enumerate(overview.phases):
            index = picks.index_of(f"phase:{n}")
            assert index is not None
            picks.highlighted = index
            await pilot.pause()
            detail = str(app.home.query_one("#routine-detail", Static).render())
            assert f"Goal: {phase.goal}" in detail
            assert f"- {phase.advice[0]}" in detail
            assert "What not to do" in detail and f"x {phase.avoid[-1]}" in detail
        assert phase_detail(overview.phases[1], overview).plain.startswith(
            "Build hip strength (weeks 2-8)"
        )
