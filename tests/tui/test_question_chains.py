"""Chains of questions run as workers: a key pressed twice in one burst asks once, quitting
while a question waits closes cleanly, and an error in a chain is reported as itself."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.worker import WorkerState

from itb_tui.tui.asking import QUESTIONS
from itb_tui.tui.screens.checkin import CheckInScreen
from itb_tui.tui.screens.choice import ChoiceScreen
from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.session_flow import SessionFlow

from .helpers import make_app
from .session_helpers import interrupted_session, question, quick_presses


async def test_two_stop_keys_in_one_burst_ask_once(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await quick_presses(app, "q")  # both may reach the session before the question
        await pilot.pause()
        assert sum(isinstance(s, ChoiceScreen) for s in app.screen_stack) == 1
        assert "Stop this session?" in question(app)


async def test_quitting_while_a_question_waits_closes_cleanly(tmp_path: Path) -> None:
    interrupted_session(tmp_path)
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "unfinished session" in question(app)
        (waiting,) = [w for w in app.workers if w.name == QUESTIONS]
        app.exit()
        await pilot.pause()
    assert waiting.state is WorkerState.CANCELLED
    assert app.return_code == 0 and app.closing_report is None
    assert (tmp_path / "data" / "in-progress.toml").exists()  # asked again next time


async def test_an_error_in_a_chain_of_questions_is_reported_as_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("something broke")

    monkeypatch.setattr(SessionFlow, "save", broken)
    interrupted_session(tmp_path)
    app, _clock = make_app(tmp_path)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("k")  # keep it: the save raises inside the chain
            await pilot.pause()
    report = app.closing_report or ""
    assert "(RuntimeError: something broke)" in report
    assert app.return_code == 1


async def test_the_check_in_waits_for_the_after_run_question(tmp_path: Path) -> None:
    from tests.factories import run

    app, clock = make_app(tmp_path, check_in=True)
    now = clock.wall()
    app.context.store.save_session(run(now.date(), 15, start=now - timedelta(hours=3)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [type(s) for s in app.screen_stack[1:]] == [PainRatingScreen]
        await pilot.press("1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
