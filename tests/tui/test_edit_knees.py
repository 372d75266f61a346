"""History's edit dialog edits each knee and a check-in's "compared", and never drops them
silently (issue 22, part 6)."""

from __future__ import annotations

from pathlib import Path

from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import Knees, PainLog
from itb_tui.core.store.paths import Paths
from itb_tui.tui.screens.history_dialogs import EditPainScreen
from itb_tui.tui.screens.session_detail import PainLogDetailScreen

from ..factories import TODAY, at, session
from .history_helpers import open_history
from .knee_helpers import both_app, logs, sessions


def seed(tmp_path: Path, log: PainLog) -> None:
    HistoryStore(Paths(tmp_path / "data", tmp_path / "config")).add_pain_log(log)


async def test_editing_one_knee_keeps_the_other(tmp_path: Path) -> None:
    seed(tmp_path, PainLog(at(TODAY, 6), 5, "daily", "", knees=Knees(2, 5)))
    app, _clock = both_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("p", "enter")
        assert isinstance(app.screen, PainLogDetailScreen)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditPainScreen)
        await pilot.press("4", "enter")  # the left knee, from 2 to 4
        await pilot.pause()
    (log,) = logs(app)
    assert (log.score, log.knees) == (5, Knees(4, 5))


async def test_a_check_in_s_compared_is_edited_too(tmp_path: Path) -> None:
    seed(tmp_path, PainLog(at(TODAY, 6), 2, "morning", "", False, "same"))
    app, _clock = both_app(tmp_path, "left")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("p", "enter", "e")
        await pilot.pause()
        await pilot.press("w", "enter")
        await pilot.pause()
    (log,) = logs(app)
    assert (log.score, log.compared) == (2, "worse")


async def test_a_session_rated_per_knee_is_edited_per_knee(tmp_path: Path) -> None:
    record = session("hip-strength", TODAY, hour=6, pain_after=3)
    record.pain_after_knees = Knees(3, 1)
    HistoryStore(Paths(tmp_path / "data", tmp_path / "config")).save_session(record)
    app, _clock = both_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("s", "enter", "e")
        await pilot.pause()
        await pilot.press("k", "2", "enter")  # k: on to the right knee, from 1 to 2
        await pilot.pause()
    (saved,) = sessions(app)
    assert (saved.pain_after, saved.pain_after_knees) == (3, Knees(3, 2))
