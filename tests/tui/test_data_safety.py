"""In the app: a second copy is read-only, a damaged file is offered its backup, a failed save
is kept in memory with a way out."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Static

from itb_tui.core.dates import month_key
from itb_tui.core.history import history_store as storage
from itb_tui.core.history.records import PainLog
from itb_tui.core.plan.due import DONE
from itb_tui.core.session.engine import SessionEngine
from itb_tui.core.store.instance import InstanceLock
from itb_tui.tui.screens.choice import ChoiceScreen
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.screens.summary import SummaryScreen
from itb_tui.tui.widgets.pick_list import PickList
from tests.tui.history_data import seed_weeks

from .helpers import fail_saves, ice_to_the_rating, make_app, session_screen


async def test_second_copy_is_read_only_and_says_why(tmp_path: Path) -> None:
    holder = InstanceLock(tmp_path / "data" / ".app.lock")
    assert holder.acquire()
    try:
        app, _clock = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.read_only
            banner = app.home.query_one("#disclaimer", Static).content
            assert "read-only" in str(banner)
            app.sessions.start_routine("hip-strength")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)  # no session was started
            await pilot.press("l", "2", "enter")  # pain logs still work: they lock per write
            await pilot.pause()
        assert len(app.context.store.everything().pain_logs) == 1
    finally:
        holder.release()


async def test_first_copy_holds_the_lock_until_it_closes(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.read_only
        banner = app.home.query_one("#disclaimer", Static)
        assert "read-only" not in str(banner.content)
        app.home.read_only = True  # Home's banner follows it
        await pilot.pause()
        assert "read-only" in str(banner.content)
        assert not InstanceLock(tmp_path / "data" / ".app.lock").acquire()
    assert InstanceLock(tmp_path / "data" / ".app.lock").acquire()


async def test_damaged_month_is_never_rewritten_and_backup_can_be_restored(
    tmp_path: Path,
) -> None:
    app, clock = make_app(tmp_path)
    store = app.context.store
    store.add_pain_log(PainLog(clock.wall(), 2, "daily"))
    store.add_pain_log(PainLog(clock.wall(), 3, "daily"))  # leaves a .bak with one log
    month = store.month_path("2026-11")
    month.write_text("this is [not toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "damaged" in str(app.screen.query_one(".choice-text").render())
        assert month.read_text() == "this is [not toml"
        await pilot.press("r")
        await pilot.pause()
    assert len(tomllib.loads(month.read_text())["pain_logs"]) == 1
    (aside,) = month.parent.glob("2026-11.toml.damaged-*")
    assert aside.read_text() == "this is [not toml"


async def test_damaged_month_found_behind_a_question_is_asked_about_afterwards(
    tmp_path: Path,
) -> None:
    app, clock = make_app(tmp_path)
    store = app.context.store
    engine = SessionEngine(app.context.library.routines["hip-strength"], clock)
    engine.done()  # past the intro: an unfinished session to resume
    store.progress.save(engine)
    month = store.month_path(month_key(clock.wall()))
    month.parent.mkdir(parents=True, exist_ok=True)
    month.write_text("this is [not toml")

    def question() -> str:
        assert isinstance(app.screen, ChoiceScreen)
        return " ".join(str(w.render()) for w in app.screen.query(".choice-title, .choice-text"))

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "unfinished session" in question()
        await pilot.press("k")  # keep it: saving fails on the damaged month
        await pilot.pause()
        assert "could not be saved" in question()
        await pilot.press("k")  # leave it for now
        await pilot.pause()
        assert "is damaged" in question()  # the month read at start-up, asked about now
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert month.read_text() == "this is [not toml"


async def test_failed_save_keeps_the_session_and_writes_it_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _clock = make_app(tmp_path, start="ice")
    async with app.run_test(size=(80, 24)) as pilot:
        await ice_to_the_rating(pilot)
        real_update = storage.HistoryStore.update_month
        fail_saves(monkeypatch, "the disk is full")
        await pilot.press("5", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "disk is full" in str(app.screen.query_one(".choice-text").render())
        await pilot.press("r")  # retry: still failing, asked again
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        monkeypatch.setattr(storage.HistoryStore, "update_month", real_update)
        await pilot.press("r")  # retry: works now
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    (session,) = app.context.store.everything().sessions
    assert session.pain_after == 5


async def test_write_elsewhere_when_the_data_folder_is_unusable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _clock = make_app(tmp_path, start="ice")
    async with app.run_test(size=(80, 24)) as pilot:
        await ice_to_the_rating(pilot)
        engine = session_screen(app).engine
        fail_saves(monkeypatch, "the folder is read-only")
        await pilot.press("1", "enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, SummaryScreen)
    (written,) = (tmp_path / "config").glob("unsaved-session-*.toml")
    saved = tomllib.loads(written.read_text())["sessions"][0]
    assert saved["id"] == engine.session_id and saved["pain_after"] == 1


async def test_damaged_month_is_said_on_home_and_today_uses_the_other_months(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path)
    store = app.context.store
    seed_weeks(store, app.context.library)
    october = store.month_path("2026-10")
    october.with_name("2026-10.toml.bak").write_bytes(october.read_bytes())
    october.write_text("schema_version = [")

    def stretch_status() -> str:
        assert app.overview is not None
        (item,) = [i for i in app.overview.items if i.routine_id == "daily-stretch"]
        return item.status

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)  # at start-up, on home
        assert "is damaged" in str(app.screen.query_one(".choice-text").render())
        await pilot.press("c")  # continue without it
        await pilot.pause()
        assert stretch_status() == DONE  # November still counts: stretched this morning
        picks = app.home.query_one("#routines", PickList)
        index = picks.index_of("unreadable:0")
        assert index is not None  # Home keeps saying it
        picks.highlighted = index
        await pilot.pause()
        assert "2026-10.toml" in str(app.home.query_one("#routine-detail", Static).render())
        await pilot.press("enter")  # the same question again
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("r")
        await pilot.pause()
        assert app.home.query_one("#routines", PickList).index_of("unreadable:0") is None
    assert october.read_text() != "schema_version = ["


async def test_second_copy_answers_the_after_run_question_without_a_refusal(
    tmp_path: Path,
) -> None:
    """The question 2 h after a run is an append (a pain log): the read-only copy asks it and
    keeps the answer, and neither says "Read-only" nor writes the other copy's settings."""
    from tests.factories import run

    holder = InstanceLock(tmp_path / "data" / ".app.lock")
    assert holder.acquire()
    try:
        app, clock = make_app(tmp_path)
        now = clock.wall()
        app.context.store.save_session(run(now.date(), 15, start=now - timedelta(hours=3)))
        settings_before = app.context.paths.settings.read_bytes()
        notes: list[str] = []
        app.notify = lambda message, *, title="", **_: notes.append(title)  # type: ignore[method-assign]
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.read_only
            assert isinstance(app.screen, PainRatingScreen)  # the after-run question
            await pilot.press("1", "enter")
            await pilot.pause()
        assert "Read-only" not in notes
        assert app.context.paths.settings.read_bytes() == settings_before
        logs = app.context.store.everything().pain_logs
        assert [(log.score, log.context) for log in logs] == [(1, "after-run")]
    finally:
        holder.release()
