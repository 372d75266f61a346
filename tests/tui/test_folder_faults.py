"""A data folder the app cannot write is said as such, never as another copy running."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from itb_tui.core.store import instance
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.home import HomeScreen

from .helpers import make_app


def said(app: ItbApp) -> list[tuple[str, str]]:
    return [(str(n.title), str(n.message)) for n in app._notifications]


async def test_a_read_only_data_folder_is_said_and_nothing_is_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _clock = make_app(tmp_path)
    real_open = os.open

    def read_only(path: str | Path, flags: int, mode: int = 0o777) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, mode)

    monkeypatch.setattr(instance.os, "open", read_only)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.read_only
        notes = said(app)
        assert all("Another itb-tui" not in title + text for title, text in notes)
        (text,) = [text for title, text in notes if title == "Data folder"]
        assert f"cannot use {tmp_path / 'data'}: the folder is read-only" in text
        app.sessions.start_routine("hip-strength")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "the folder is read-only" in said(app)[-1][1]


async def test_a_full_disk_is_said_and_the_copy_keeps_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _clock = make_app(tmp_path)

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(instance.os, "write", full)
    async with app.run_test(size=(80, 24)):
        assert not app.read_only
        notes = said(app)
        assert all("Another itb-tui" not in title + text for title, text in notes)
        (text,) = [text for title, text in notes if title == "Data folder"]
        assert f"cannot save in {tmp_path / 'data'}: the disk is full" in text


async def test_the_second_copy_never_edits_deletes_or_writes_settings(tmp_path: Path) -> None:
    from itb_tui.core.history.records import PainLog
    from itb_tui.core.store.instance import InstanceLock
    from itb_tui.tui.screens.session_detail import PainLogDetailScreen

    holder = InstanceLock(tmp_path / "data" / ".app.lock")
    assert holder.acquire()
    try:
        app, clock = make_app(tmp_path)
        store = app.context.store
        log = PainLog(clock.wall(), 3, "daily", "mine")
        store.add_pain_log(log)
        month = store.month_path(f"{log.at:%Y-%m}")
        settings = app.context.paths.settings
        before = (month.read_bytes(), settings.read_bytes())
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.read_only
            detail = PainLogDetailScreen(log, store)
            await app.push_screen(detail)
            await pilot.pause()
            detail.action_delete()
            detail.action_edit()
            await pilot.pause()
            assert app.screen is detail  # no question was asked
            app.context.settings.pacer = True
            assert not app.persist_settings()
            await pilot.pause()
            assert (month.read_bytes(), settings.read_bytes()) == before
            assert "edit or delete entries, or change settings" in said(app)[-1][1]
    finally:
        holder.release()


async def test_the_second_copy_may_check_in(tmp_path: Path) -> None:
    from itb_tui.core.store.instance import InstanceLock
    from itb_tui.tui.screens.checkin import CheckInScreen

    holder = InstanceLock(tmp_path / "data" / ".app.lock")
    assert holder.acquire()
    try:
        app, _clock = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.read_only
            app.pain_logging.check_in()
            await pilot.pause()
            assert isinstance(app.screen, CheckInScreen)
    finally:
        holder.release()


async def test_past_midnight_today_turns_to_the_new_day_and_asks_the_check_in(
    tmp_path: Path,
) -> None:
    from itb_tui.tui.screens.checkin import CheckInScreen

    app, clock = make_app(tmp_path)  # the check-in was skipped today
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        today = clock.wall().date()
        assert app.home.state.today == today
        app.program_flow.watch_day()
        await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)
        clock.advance(24 * 3600)
        app.program_flow.watch_day()
        await pilot.pause()
        assert app.home.state.today == clock.wall().date() != today
        assert isinstance(app.screen, CheckInScreen)
