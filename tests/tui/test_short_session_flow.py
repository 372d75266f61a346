"""Short of time: m on Home asks for the minutes and starts a short strength session."""

from __future__ import annotations

from pathlib import Path

from itb_tui.tui.screens.choice import ChoiceScreen
from itb_tui.tui.screens.pain import PainRatingScreen

from .helpers import make_app, session_screen
from .session_helpers import history_sessions


async def test_m_on_home_starts_a_short_session_kept_as_short(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert app.screen.title_text == "How many minutes do you have?"
        labels = [choice.label for choice in app.screen.choices]
        assert labels == [
            "10 min: Clamshells, Side-lying hip abduction, Single-leg glute bridge; 1 set each",
            "15 min: all 6 exercises; 1 set each",
            "20 min: all 6 exercises; 8 sets in all",
            "30 min: all 6 exercises; 11 sets in all",
        ]
        await pilot.press("2")  # 15 minutes
        await pilot.pause()
        engine = session_screen(app).engine
        assert engine.routine.short_minutes == 15
        assert engine.routine.name == "Hip strength, 15 min"
        await pilot.press("enter", "enter", "q")  # one set done, then stop
        await pilot.pause()
        await pilot.press("k")  # kept
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press("escape")
        await pilot.pause()
    (session,) = history_sessions(tmp_path)
    assert session["short_minutes"] == 15
    assert session["routine"] == "hip-strength"


async def test_after_high_pain_the_short_choices_leave_the_held_exercises_out(
    tmp_path: Path,
) -> None:
    from datetime import timedelta

    from itb_tui.core.history.records import PainLog

    app, clock = make_app(tmp_path)
    app.context.store.add_pain_log(PainLog(clock.wall() - timedelta(hours=1), 8, "daily"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # Today is worked out
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        labels = " ".join(choice.label for choice in app.screen.choices)
        assert "all 4 exercises" in labels and "all 6" not in labels
        await pilot.press("4")  # 30 minutes
        await pilot.pause()
        routine = session_screen(app).engine.routine
        assert routine.short_minutes == 30
        assert [e.id for e in routine.held] == ["lateral-band-walk", "single-leg-box-squat"]
