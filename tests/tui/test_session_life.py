"""The life of a session in the app: one at a time, asked about before any other starts, and
never lost to a repeated key, a signal or an unexpected error."""

from __future__ import annotations

import signal
import tomllib
from pathlib import Path
from typing import Any

import pytest

from itb_tui.core.session.engine import Phase, SessionEngine
from itb_tui.tui.app import ItbApp
from itb_tui.tui.messages import StartRoutine
from itb_tui.tui.screens.choice import ChoiceScreen
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.onboarding import OnboardingScreen
from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.screens.session import SessionScreen
from itb_tui.tui.screens.summary import SummaryScreen

from .helpers import fail_saves, ice_to_the_rating, make_app, session_screen
from .session_helpers import history_sessions, interrupted_session, question, quick_presses


async def test_a_repeated_key_in_the_quit_question_stops_once(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "q")  # one set done, then stop
        await quick_presses(app, "k")
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)  # a stopped session asks for pain
        await pilot.press("escape")  # skipped
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    (session,) = history_sessions(tmp_path)
    assert session["completed"] is False


def notes(app: ItbApp) -> str:
    """Every notification shown so far, as one text."""
    return "\n".join(str(n.message) for n in app._notifications)


def progress(tmp_path: Path) -> dict[str, Any]:
    return tomllib.loads((tmp_path / "data" / "in-progress.toml").read_text())


async def test_a_repeated_d_on_the_unfinished_session_question_asks_once(tmp_path: Path) -> None:
    interrupted_session(tmp_path)
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await quick_presses(app, "d")
        await pilot.pause()
        await pilot.press("d")  # the confirmation has its own key: a third d changes nothing
        assert "Discard the unfinished session?" in question(app)
        assert (tmp_path / "data" / "in-progress.toml").exists()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert not (tmp_path / "data" / "in-progress.toml").exists()


# -- the unfinished session is asked about before any other starts ---------------------------
async def test_first_launch_skipped_asks_about_the_unfinished_session_before_starting(
    tmp_path: Path,
) -> None:
    interrupted = interrupted_session(tmp_path)
    app, _clock = make_app(tmp_path, start="daily-stretch", onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "unfinished session" in question(app)
        await pilot.press("k")  # keep it: saved, then the first-launch questions
        await pilot.pause()
        assert isinstance(app.screen, OnboardingScreen)
        await pilot.press("escape")  # not now: the routine asked for starts
        await pilot.pause()
        assert session_screen(app).engine.routine.id == "daily-stretch"
        await pilot.press("enter", "enter", "enter")  # its first set is saved as progress
        assert progress(tmp_path)["record"]["routine"] == "daily-stretch"
    (kept,) = history_sessions(tmp_path)
    assert kept["id"] == interrupted.session_id and kept["completed"] is False


@pytest.mark.parametrize("way", ["palette", "home"])
async def test_every_start_asks_about_an_unfinished_session_put_off_at_start_up(
    tmp_path: Path, way: str
) -> None:
    interrupted_session(tmp_path)
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # decide later
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        if way == "palette":
            await pilot.press("ctrl+p", *"ice")
            await pilot.pause(0.3)
            await pilot.press("enter")
        else:
            app.home.post_message(StartRoutine("ice"))
        await pilot.pause()
        assert "unfinished session" in question(app)
        await pilot.press("escape")  # later again: nothing starts, nothing is overwritten
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert progress(tmp_path)["record"]["routine"] == "hip-strength"
        app.sessions.start_routine("ice")
        await pilot.pause()
        await pilot.press("d", "y")  # discard it for good: now the new one starts
        await pilot.pause()
        assert session_screen(app).engine.routine.id == "ice"


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"schema_version = 1\n[record\n", "damaged"), (b"schema_version = 99\n", "newer")],
    ids=["damaged", "newer"],
)
@pytest.mark.parametrize("start", [None, "ice"], ids=["home", "start"])
async def test_an_unusable_progress_file_is_kept_aside_before_a_session_saves(
    tmp_path: Path, content: bytes, why: str, start: str | None
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "in-progress.toml").write_bytes(content)
    app, _clock = make_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (aside,) = data.glob(f"in-progress.{why}-*.toml")
        assert str(aside) in notes(app)
        if start is None:
            app.sessions.start_routine("ice")
            await pilot.pause()
        await pilot.press("enter", "enter", "q", "k")  # the first save, then stop and keep
        await pilot.pause()
        await pilot.press("escape")  # no pain rating for the stopped session
        await pilot.pause()
    assert aside.read_bytes() == content
    assert len(history_sessions(tmp_path)) == 1


@pytest.mark.parametrize(("answer", "running"), [("k", "ice"), ("d", "ice"), ("b", "hip-strength")])
async def test_starting_during_a_session_asks_to_stop_it_first(
    tmp_path: Path, answer: str, running: str
) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")  # one set done
        await pilot.press("ctrl+p", *"ice")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert "To start Ice" in question(app)
        await pilot.press(answer)
        await pilot.pause()
        if answer == "d":  # a set was done: discarding it is asked once more
            assert "Discard this session?" in question(app)
            await pilot.press("y")
            await pilot.pause()
        if answer == "k":  # the stopped session asks for pain first (skipped here)
            assert isinstance(app.screen, PainRatingScreen)
            await pilot.press("escape")
            await pilot.pause()
        assert [type(s) for s in app.screen_stack].count(SessionScreen) == 1
        assert session_screen(app).engine.routine.id == running
        assert app.screen is session_screen(app)
    kept = [s["routine"] for s in history_sessions(tmp_path)] if answer == "k" else []
    assert kept == (["hip-strength"] if answer == "k" else [])


async def test_no_second_session_while_the_first_one_asks_something(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="ice")
    async with app.run_test(size=(80, 24)) as pilot:
        await ice_to_the_rating(pilot)
        assert isinstance(app.screen, PainRatingScreen)
        app.sessions.start_routine("hip-strength")
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)
        assert "already running" in notes(app)
        assert [type(s) for s in app.screen_stack].count(SessionScreen) == 1


# -- the final pain rating -----------------------------------------------------------------
@pytest.mark.parametrize("last", ["done", "skipped"])
async def test_escape_on_the_final_rating_keeps_what_was_recorded(
    tmp_path: Path, last: str
) -> None:
    app, clock = make_app(tmp_path, start="ice")
    async with app.run_test(size=(80, 24)) as pilot:
        if last == "done":
            await pilot.press("enter", "enter")  # the intro, the get-ready
            clock.advance(450)  # half the ice timer: the least that counts
            await pilot.press("enter")
        else:
            await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)
        engine = session_screen(app).engine
        before = engine.results()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is session_screen(app)
        assert engine.phase is Phase.PAIN and engine.results() == before
        await pilot.press("enter")  # asks again
        await pilot.pause()
        await pilot.press("4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    (session,) = history_sessions(tmp_path)
    assert session["pain_after"] == 4
    assert session["completed"] is (last == "done")  # a skipped exercise is not complete
    (exercise,) = session["exercises"]
    if last == "done":
        assert len(exercise["done"]["both"]) == 1
    else:
        assert exercise["skipped_sets"] == {"both": 1}


# -- a save that failed --------------------------------------------------------------------
async def test_a_session_written_aside_is_brought_into_the_history_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _clock = make_app(tmp_path, start="ice")
    with monkeypatch.context() as patch:
        async with app.run_test(size=(80, 24)) as pilot:
            await ice_to_the_rating(pilot)
            fail_saves(patch, "the disk is full")
            await pilot.press("3", "enter")
            await pilot.pause()
            await pilot.press("e")  # write it aside
            await pilot.pause()
    (aside,) = (tmp_path / "config").glob("unsaved-session-*.toml")
    assert not (tmp_path / "data" / "in-progress.toml").exists()  # it matches: cleared
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert str(aside) in question(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # asked once
    (session,) = history_sessions(tmp_path)
    assert session["pain_after"] == 3 and session["completed"] is True
    assert not aside.exists()


async def test_quitting_with_a_session_left_unsaved_warns_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _clock = make_app(tmp_path, start="ice")
    async with app.run_test(size=(80, 24)) as pilot:
        await ice_to_the_rating(pilot)
        with monkeypatch.context() as patch:
            fail_saves(patch, "the disk is full")
            await pilot.press("3", "enter")
            await pilot.pause()
            await pilot.press("k")  # leave it
            await pilot.pause()
            await pilot.press("q")
            await pilot.pause()
            assert "not saved" in question(app)
            assert app.return_code is None
        await pilot.press("r")  # the disk has room again: saved, then the app quits
        await pilot.pause()
        assert app.return_code == 0
    (session,) = history_sessions(tmp_path)
    assert session["pain_after"] == 3


# -- interruptions -------------------------------------------------------------------------
async def test_an_unexpected_error_keeps_the_session_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_self: SessionScreen, _direction: int) -> None:
        raise RuntimeError("something broke")

    monkeypatch.setattr(SessionScreen, "action_adjust", broken)
    app, _clock = make_app(tmp_path, start="hip-strength")
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")  # on the first set, nothing saved yet
            await pilot.press("plus")
            await pilot.pause()
    assert progress(tmp_path)["resume"]["step"] == 1
    report = app.closing_report or ""
    assert "RuntimeError: something broke" in report
    assert str(tmp_path / "data" / "in-progress.toml") in report
    assert app.return_code == 1


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
async def test_a_signal_keeps_the_session_and_exits_with_128_plus_its_number(
    tmp_path: Path, sig: int
) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        app.safekeeping.interrupted(sig)
        await pilot.pause()
    assert progress(tmp_path)["resume"]["step"] == 1
    assert app.return_code == 128 + sig


async def test_a_session_cut_off_is_not_resumed_in_full_once_high_pain_holds_part_of_it(
    tmp_path: Path,
) -> None:
    """Hip strength cut off in full, then 8/10 logged from the shell: its weight-bearing
    exercises are held today, so it may be kept or discarded but not taken up again whole."""
    from tests.factories import pain

    app, clock = make_app(tmp_path)
    engine = SessionEngine(app.context.library.routines["hip-strength"], clock)
    app.context.store.progress.save(engine)
    now = clock.wall()
    app.context.store.add_pain_log(pain(now.date(), 8, hour=now.hour, minute=now.minute))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ChoiceScreen)
        assert [choice.id for choice in question.choices] == ["keep", "discard"]
        assert "today's plan holds it" in question.text
