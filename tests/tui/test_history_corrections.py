"""History's edit and delete never lessen pain for the rules: a score lowered keeps what was
saved, and says so before and after saving; a pain log with pain is not deleted; a session
deleted keeps its pain as discarding does."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Static

from itb_tui.core.plan.referee import decide, load_input
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.choice import ChoiceScreen
from itb_tui.tui.screens.history import HistoryScreen
from itb_tui.tui.screens.history_dialogs import EditPainScreen
from itb_tui.tui.screens.session_detail import PainLogDetailScreen, SessionDetailScreen

from ..factories import LIBRARY, day, pain, strength, weight_bearing_offered
from .helpers import make_app
from .history_helpers import open_history, text_of

YESTERDAY = day(-1)  # the FakeClock's day is a Monday


def offered(app: ItbApp) -> list[str]:
    """The weight-bearing work Today offers now, from the files."""
    return weight_bearing_offered(LIBRARY, decide(load_input(app.context)[0]))


def month(app: ItbApp) -> dict[str, Any]:
    return tomllib.loads(app.context.store.month_path("2026-11").read_text())


async def test_a_log_of_8_edited_to_0_still_holds_and_history_says_why(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    app.context.store.add_pain_log(pain(YESTERDAY, 0))
    assert offered(app)  # without pain, hip strength is offered in full
    app.context.store.add_pain_log(pain(YESTERDAY, 8, hour=21))
    assert offered(app) == []
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, PainLogDetailScreen)
        assert "8/10" in text_of(app, "#detail-text")
        await pilot.press("e", "0")
        assert isinstance(app.screen, EditPainScreen)  # it says so before saving
        warning = app.screen.query_one("#edit-warning", Static).content.plain
        assert "the rules" in warning and "8/10" in warning and "001" in warning
        await pilot.press("enter")
        assert isinstance(app.screen, PainLogDetailScreen)
        shown = " ".join(text_of(app, "#detail-text").split())
        assert "0/10" in shown and "(logged as 8/10 before: the rules go by 8/10)" in shown
        await pilot.press("escape")
        await pilot.pause()
        row = app.screen.query_one(DataTable).get_row_at(0)
        assert str(row[4]) == "0/10, rules 8"
    saved = month(app)["pain_logs"][-1]
    assert (saved["score"], saved["highest"]) == (0, {"score": 8})
    assert month(app)["schema_version"] == 6
    assert offered(app) == []


async def test_a_log_with_pain_is_not_deleted_and_the_user_is_told_why(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    app.context.store.add_pain_log(pain(YESTERDAY, 8, hour=21))
    before = app.context.store.month_path("2026-11").read_bytes()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter", "D")
        await pilot.pause()
        assert isinstance(app.screen, PainLogDetailScreen)  # no question: it is not deleted
        (told,) = [n.message for n in app._notifications]
        assert "edit its note" in told and "clinician" in told and "001" in told
    assert app.context.store.month_path("2026-11").read_bytes() == before


async def test_a_session_deleted_keeps_its_pain(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    app.context.store.save_session(strength(YESTERDAY, pain_after=8))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter", "D")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "pain you noted is kept" in app.screen.text
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
    data = month(app)
    assert "sessions" not in data
    (kept,) = data["pain_logs"]
    assert (kept["score"], kept["kept"]) == (8, "rating") and "deleted" in kept["note"]
    assert offered(app) == []


async def test_a_session_rating_raised_takes_effect_without_a_warning(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    app.context.store.save_session(strength(YESTERDAY, pain_after=2))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter", "e", "8", "enter")
        assert isinstance(app.screen, SessionDetailScreen)
        assert "logged as" not in text_of(app, "#detail-text")
    (saved,) = month(app)["sessions"]
    assert saved["pain_after"] == 8 and "highest" not in saved
    assert offered(app) == []


async def test_swelling_taken_back_is_told_before_saving(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    app.context.store.add_pain_log(pain(YESTERDAY, 0, hour=21, swelling=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter", "e")
        warning = app.screen.query_one("#edit-warning", Static)
        assert not warning.display  # nothing lowered yet: it takes no room
        await pilot.press("n")
        assert warning.display and "swelling" in warning.content.plain
        await pilot.press("y")  # the yes again: nothing to say
        assert not warning.display
        await pilot.press("n", "enter")
        assert isinstance(app.screen, PainLogDetailScreen)
        assert "the rules go by the yes" in " ".join(text_of(app, "#detail-text").split())
    assert offered(app) == []
