"""The shell's folders and terminal for the command tests: onboarded today, a check-in of
yesterday, typed answers."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

import pytest

from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import PainLog
from itb_tui.core.store.paths import Paths
from itb_tui.core.store.settings import Settings, save_settings


@pytest.fixture
def folders() -> Paths:
    """The folders conftest points ITB_TUI_DATA_DIR / ITB_TUI_CONFIG_DIR at, onboarded today."""
    paths = Paths.resolve()
    now = datetime.now().astimezone()
    save_settings(paths.settings, Settings(onboarded=True, program_start=now.date()))
    return paths


def checked_in_yesterday(paths: Paths) -> None:
    """A check-in of yesterday morning, so today's is not the first ever."""
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    HistoryStore(paths).add_pain_log(PainLog(yesterday, 1, "morning", "", False, "same"))


def type_in(monkeypatch: pytest.MonkeyPatch, *replies: str) -> list[str]:
    """A terminal that answers each prompt with the next of ``replies``; returns the prompts."""
    prompts: list[str] = []
    answers = iter(replies)

    def reply(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", reply)
    return prompts
