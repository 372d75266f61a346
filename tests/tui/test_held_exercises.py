"""After high pain (001), a guided session leaves the weight-bearing exercises out and says so."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from itb_tui.core.history.records import PainLog
from itb_tui.tui.messages import StartRoutine
from itb_tui.tui.screens.home import HomeScreen

from .helpers import make_app, session_screen


async def test_hip_strength_after_8_out_of_10_leaves_the_standing_exercises_out(
    tmp_path: Path,
) -> None:
    app, clock = make_app(tmp_path)
    app.context.store.add_pain_log(PainLog(clock.wall() - timedelta(hours=1), 8, "daily"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.home.post_message(StartRoutine("hip-strength"))
        await pilot.pause()
        routine = session_screen(app).engine.routine
        assert "lateral-band-walk" not in [e.id for e in routine.items]
        assert [e.id for e in routine.held] == ["lateral-band-walk", "single-leg-box-squat"]
        shown = "\n".join(str(n.message) for n in app._notifications)
        assert "Lateral band walks, Single-leg box squat are held until a lower score" in shown
        assert "Left out of this session" in shown


async def test_a_routine_asked_for_at_launch_is_held_as_from_home(tmp_path: Path) -> None:
    """`itb start hip-strength` after 8/10: the session opens before Home has worked out today,
    and still leaves the standing exercises out."""
    app, clock = make_app(tmp_path, start="hip-strength")
    app.context.store.add_pain_log(PainLog(clock.wall() - timedelta(hours=1), 8, "daily"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        routine = session_screen(app).engine.routine
        assert [e.id for e in routine.held] == ["lateral-band-walk", "single-leg-box-squat"]
        assert len(routine.items) == 4


async def test_without_high_pain_the_session_is_the_routine_in_full(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path)
    app.context.store.add_pain_log(PainLog(clock.wall() - timedelta(hours=1), 3, "daily"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.home.post_message(StartRoutine("hip-strength"))
        await pilot.pause()
        routine = session_screen(app).engine.routine
        assert routine.held == () and len(routine.items) == 6


def test_the_routine_panel_marks_the_exercises_held_today() -> None:
    from itb_tui.tui.screens.home import routine_detail
    from tests.factories import shipped_library

    routine = shipped_library().routines["hip-strength"]
    text = routine_detail(routine, ("lateral-band-walk",)).plain
    assert "5. Lateral band walks - held today" in text
    assert "6. Single-leg box squat - 3 x 8-10 reps per side" in text
