"""Keyboard flows through whole sessions, with the saved history read back from disk."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual import events
from textual.widgets import Static

from itb_tui.core.session.engine import Phase
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.onboarding import OnboardingScreen
from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.screens.summary import SummaryScreen
from itb_tui.tui.widgets.footer import KeysFooter

from .helpers import make_app, phase, session_screen

ROUTINE_STEPS_LIMIT = 400


def history_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "data" / "history").glob("*.toml"))


async def test_hip_strength_by_keyboard_alone_is_saved_with_pain(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p", *"hip strength")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert session_screen(app).engine.routine.id == "hip-strength"
        for _ in range(ROUTINE_STEPS_LIMIT):
            if phase(app) is Phase.PAIN:
                break
            if phase(app) is Phase.WORK:
                clock.advance(60)  # a set of reps takes its time
            await pilot.press("enter")
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press("3", "tab", *"stairs ok", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "3/10" in str(app.screen.query_one("#summary-text").render())
    files = history_files(tmp_path)
    assert len(files) == 1
    data = tomllib.loads(files[0].read_text())
    (session,) = data["sessions"]
    assert session["routine"] == "hip-strength"
    assert session["completed"] is True
    assert session["pain_after"] == 3
    assert session["note"] == "stairs ok"
    clam = session["exercises"][0]
    assert clam["exercise"] == "clamshell"
    assert clam["done"] == {"left": [15, 15, 15], "right": [15, 15, 15]}
    bridge = next(e for e in session["exercises"] if e["exercise"] == "glute-bridge")
    assert bridge["sides"] == ["both"]
    assert len(bridge["done"]["both"]) == 3
    assert not (tmp_path / "data" / "in-progress.toml").exists()


async def test_hold_counts_down_with_fake_clock_and_pause_freezes(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.press("enter")  # intro -> get ready
        assert phase(app) is Phase.READY
        clock.advance(5)
        screen.tick()
        assert phase(app) is Phase.WORK
        clock.advance(30.5)
        screen.tick()
        assert screen.engine.shown_seconds() == 60
        await pilot.press("space")
        clock.advance(100)
        screen.tick()
        assert screen.engine.shown_seconds() == 60
        assert "PAUSED" in str(screen.query_one("#side-banner").render())
        await pilot.press("space", "plus")
        assert screen.engine.shown_seconds() == 70
        clock.advance(70)
        screen.tick()
        assert phase(app) is Phase.SWITCH
        assert screen.engine.step.side == "right"


async def test_rep_count_adjusts_and_is_recorded(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.press("enter", "plus", "plus", "minus", "plus", "enter")
        result = screen.engine.results()[0]
        assert result.done == {"left": [17]}  # 15 + 1 + 1 - 1 + 1


async def test_quit_keep_saves_incomplete_session(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")  # one set of clamshells, left
        assert (tmp_path / "data" / "in-progress.toml").exists()
        await pilot.press("q")
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)  # asked even when stopped early
        await pilot.press("escape")  # ... and it can be skipped
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    (file,) = history_files(tmp_path)
    session = tomllib.loads(file.read_text())["sessions"][0]
    assert session["completed"] is False
    assert "pain_after" not in session
    assert session["exercises"][0]["done"] == {"left": [15]}
    assert not (tmp_path / "data" / "in-progress.toml").exists()


async def test_a_stopped_session_asks_for_pain_and_swelling(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "q", "k")
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)
        footer = str(app.screen.query_one(KeysFooter).render())
        assert "esc Skip" in footer and "Back" not in footer  # Escape skips the rating here
        await pilot.press("5", "n", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = str(app.screen.query_one("#summary-text").render())
        assert "not complete" in text and "Pain afterwards: 5/10" in text
        assert "- Side-lying hip abduction: not reached" in text
        assert "- Clamshells: 5 of 6 sets not done" in text
        lines = text.splitlines()  # the list of exercises uses the same words as "Not done"
        assert "Side-lying hip abduction: not reached" in lines
        assert "Side-lying hip abduction: skipped" not in lines
    (file,) = history_files(tmp_path)
    session = tomllib.loads(file.read_text())["sessions"][0]
    assert (session["pain_after"], session["swelling"], session["completed"]) == (5, False, False)


async def test_every_exercise_skipped_is_saved_as_not_complete(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="glute-tfl-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "s", "s")  # skip every exercise from its intro
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press("1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Well done" not in str(app.screen.query_one(Static).render())
        text = str(app.screen.query_one("#summary-text").render())
        assert "not complete" in text and "0 of 3 exercises done" in text
        assert "Figure-4 stretch: skipped" in text and "Kneeling TFL stretch: skipped" in text
        assert "Calf stretch: skipped" in text
    (file,) = history_files(tmp_path)
    assert tomllib.loads(file.read_text())["sessions"][0]["completed"] is False


async def test_quit_discard_saves_nothing_and_back_resumes(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "q", "escape")
        assert phase(app) is Phase.SWITCH or phase(app) is Phase.WORK
        await pilot.press("q", "d")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert history_files(tmp_path) == []
    assert not (tmp_path / "data" / "in-progress.toml").exists()


async def test_interrupted_session_is_offered_for_resume(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")  # left set 1 recorded, autosaved
    # The app closed without finishing: a new start offers to resume.
    app2, _clock2 = make_app(tmp_path)
    async with app2.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "unfinished session" in str(app2.screen.query_one(".choice-title").render())
        await pilot.press("enter")  # first option: resume
        await pilot.pause()
        engine = session_screen(app2).engine
        assert engine.results()[0].done == {"left": [15]}
        assert engine.step.side == "right"


async def test_pain_scale_keys_and_log_from_home(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press("enter")  # no score yet: stays, says why
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press("9", "right", "right", "a", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "RedFlagsScreen"  # a high score asks again
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    (file,) = history_files(tmp_path)
    log = tomllib.loads(file.read_text())["pain_logs"][0]
    assert (log["score"], log["context"]) == (10, "after-run")


async def test_tiny_terminal_says_how_big_it_must_be(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#too-small-text").render())
        assert "40x12" in text and "60x18" in text
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_first_launch_asks_the_onboarding_questions_then_starts(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="ice", onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, OnboardingScreen)
        await pilot.press("escape")  # not now: nothing is saved, the routine still starts
        await pilot.pause()
        assert session_screen(app).engine.routine.id == "ice"
    assert not (tmp_path / "config" / "settings.toml").exists()


async def test_unknown_keys_and_pasted_text_change_nothing(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.press("enter")
        clock.advance(5)
        screen.tick()
        before = (screen.engine.index, screen.engine.shown_seconds(), screen.engine.paused)
        await pilot.press("z", "x", "f5", "ctrl+t", "pageup", "tab", "7")
        app.post_message(events.Paste("clamshell\nenter\n"))
        await pilot.pause()
        assert (screen.engine.index, screen.engine.shown_seconds(), screen.engine.paused) == before
        await pilot.resize_terminal(30, 10)  # tiny mid-countdown: covered, still counting
        await pilot.pause()
        clock.advance(10)
        screen.tick()
        assert screen.engine.shown_seconds() == before[1] - 10
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is screen
