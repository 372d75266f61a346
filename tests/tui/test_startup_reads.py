"""No history month is read before the first frame, so start-up does not grow with the history."""

from __future__ import annotations

from pathlib import Path

import pytest

from itb_tui.core.history.history_store import HistoryStore
from itb_tui.tui.app import ItbApp
from tests.tui.helpers import ready_app


async def test_no_history_month_is_read_before_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ready_app(tmp_path)
    reads: list[str] = []
    read = HistoryStore._read

    def counted(store: HistoryStore, key: str, *, for_writing: bool) -> object:
        reads.append(key)
        return read(store, key, for_writing=for_writing)

    at_first_frame: list[int] = []
    mount = ItbApp.on_mount

    def on_mount(self: ItbApp) -> None:  # asked first, so it runs before the app's own callbacks
        self.call_after_refresh(lambda: at_first_frame.append(len(reads)))
        mount(self)

    monkeypatch.setattr(HistoryStore, "_read", counted)
    monkeypatch.setattr(ItbApp, "on_mount", on_mount)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert at_first_frame == [0]
        assert reads  # the history is read, once the first frame is out
