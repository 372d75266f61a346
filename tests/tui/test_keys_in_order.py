"""Keys that come in one read (a fast typist, a paste, ``tmux send-keys 8 Enter``) are handled
in the order they were typed: the Enter that saves a dialog waits for the digit, letters and
note typed before it; Home's Enter waits for the arrow. The keys are posted all at once, as the
terminal driver posts what it read, with no pause for the app between them."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot

from itb_tui.core.history.records import PainLog
from itb_tui.tui.app import ItbApp
from itb_tui.tui.key_order import KeyOrder, KeyPassed
from itb_tui.tui.screens.checkin import CheckInScreen
from itb_tui.tui.screens.function_dialog import FunctionScoreDialog
from itb_tui.tui.screens.history_dialogs import EditPainScreen
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.log_run import LogRunDialog
from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.screens.session_detail import SessionDetailScreen
from itb_tui.tui.widgets.pick_list import PickList

from .helpers import make_app, session_screen, yesterday_checked_in
from .history_helpers import open_history, seeded_app, text_of

CHARACTERS = {"enter": "\r", "tab": "\t", "space": " "}


async def in_one_read(pilot: Pilot[None], *keys: str) -> None:
    """``keys`` posted together, as the driver posts the keys of one read, then handled."""
    app = pilot.app
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()
    await pilot.pause()


def pain_logs(app: ItbApp) -> list[PainLog]:
    return app.context.store.everything().pain_logs


async def quick_log(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("l")
    assert isinstance(pilot.app.screen, PainRatingScreen)


def test_a_key_waits_while_one_before_it_is_on_its_way() -> None:
    order: KeyOrder[str] = KeyOrder()
    assert not order.wait("8")  # nothing on its way: taken at once
    ticket = order.sent()
    assert order.wait("enter") and order.wait("enter")
    assert order.unwatched() == ticket and order.unwatched() == 0  # watched once
    assert order.next_key() is None  # the digit is still on its way
    order.passed(ticket - 1)  # a stale marker
    assert order.next_key() is None
    order.passed(ticket)
    assert order.next_key() == "enter"
    assert order.wait("x")  # behind the Enter still waiting
    assert [order.next_key(), order.next_key(), order.next_key()] == ["enter", "x", None]


async def test_a_digit_and_enter_in_one_read_save_the_quick_pain_log(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await quick_log(pilot)
        await in_one_read(pilot, "3", "enter")
        assert [log.score for log in pain_logs(app)] == [3]
        assert app.screen_stack == [app.home]


async def test_every_answer_and_the_note_typed_before_enter_are_kept(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await quick_log(pilot)
        await in_one_read(pilot, "4", "a", "y", "tab", *"stairs", "enter")
        (log,) = pain_logs(app)
        assert (log.score, log.context, log.swelling, log.note) == (4, "after-run", True, "stairs")


async def test_a_hurried_double_enter_in_one_read_saves_once_and_starts_nothing(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await quick_log(pilot)
        await in_one_read(pilot, "2", "enter", "enter")
        assert [log.score for log in pain_logs(app)] == [2]
        assert app.screen_stack == [app.home]


async def test_the_check_in_s_answers_and_enter_in_one_read_are_kept(tmp_path: Path) -> None:
    yesterday_checked_in(tmp_path)
    app, _clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await in_one_read(pilot, "2", "w", "n", "enter")
        assert isinstance(app.screen, HomeScreen)
    today = [log for log in pain_logs(app) if log.at.date() == _clock.wall().date()]
    assert [(log.score, log.compared, log.swelling) for log in today] == [(2, "worse", False)]


async def test_an_edit_typed_in_one_read_is_saved(tmp_path: Path) -> None:
    app, _sessions, _ = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter", "e")
        assert isinstance(app.screen, EditPainScreen)
        await in_one_read(pilot, "7", "tab", "home", "ctrl+k", *"knee sore", "enter")
        assert isinstance(app.screen, SessionDetailScreen)
        assert "7/10" in text_of(app, "#detail-text")
        assert "knee sore" in text_of(app, "#detail-text")


async def test_a_run_typed_in_one_read_is_kept(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        assert isinstance(app.screen, LogRunDialog)
        await in_one_read(pilot, "2", "5", "enter")
        assert not isinstance(app.screen, LogRunDialog)
    (run,) = [s for s in app.context.store.everything().sessions if s.routine == "run"]
    assert run.duration_s == 25 * 60


async def test_home_s_enter_waits_for_the_arrow_before_it(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        picks = app.home.query_one(PickList)
        first = picks.highlighted
        await pilot.press("end")
        last = picks.highlighted_pick
        await pilot.press("home")
        assert picks.highlighted == first and last is not None and last.id
        assert last.id.startswith("routine:")
        await in_one_read(pilot, "end", "enter")
        assert last.id == f"routine:{session_screen(app).engine.routine.id}"


async def test_a_key_whose_marker_is_lost_lets_the_next_go_on_after_a_while(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen drops the marker (as a screen closing under it would): the Enter waits,
    then goes on when the app gives up on the marker."""
    app, _clock = make_app(tmp_path)
    give_up: list[partial[Any]] = []
    set_timer = app.set_timer

    def watched(delay: float, callback: Any = None, **kwargs: Any) -> Any:
        if isinstance(callback, partial) and isinstance(callback.args[0], KeyPassed):
            give_up.append(callback)  # the test says when the time is up
            delay = 3600
        return set_timer(delay, callback, **kwargs)

    monkeypatch.setattr(app, "set_timer", watched)
    async with app.run_test(size=(80, 24)) as pilot:
        await quick_log(pilot)
        app.screen.disable_messages(KeyPassed)
        await in_one_read(pilot, "3", "enter")
        assert isinstance(app.screen, PainRatingScreen) and not pain_logs(app)
        (time_up,) = give_up
        time_up()
        await pilot.pause()
        assert [log.score for log in pain_logs(app)] == [3]
        assert app.screen_stack == [app.home]


async def test_a_function_rating_typed_in_one_read_is_kept(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        picks = app.home.query_one(PickList)
        picks.highlighted = picks.index_of("function")
        await pilot.press("enter")
        assert isinstance(app.screen, FunctionScoreDialog)
        await in_one_read(pilot, *"stairs", "tab", "4", "enter")
        assert not isinstance(app.screen, FunctionScoreDialog)
    (score,) = app.context.store.load_readable(app.context.store.months())[0].function_scores
    assert score.ratings == (("stairs", 4),)
