"""Building the app for tests: fake clock, temporary folders, no real timers."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from itb_tui.core.clock import FakeClock
from itb_tui.core.context import AppContext
from itb_tui.core.history import history_store as storage
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import PainLog
from itb_tui.core.session.engine import Phase
from itb_tui.core.store.files import StoreError
from itb_tui.core.store.paths import Paths
from itb_tui.core.store.settings import Settings, save_settings
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.session import SessionScreen
from itb_tui.tui.widgets.footer import KeysFooter

from ..factories import TODAY, at


def shared_cache(tmp_path: Path) -> Path:
    """The parsed-content cache the apps of one test worker share, as the app shares it
    between runs (content/parse_cache.py: kept per file and used while its bytes are the
    same, so a test that changes a file gets it parsed again)."""
    return tmp_path.parent / "content-cache"


def make_app(
    tmp_path: Path, *, start: str | None = None, onboarded: bool = True, check_in: bool = False
) -> tuple[ItbApp, FakeClock]:
    """An app over empty folders in ``tmp_path``, driven by a FakeClock.

    With ``onboarded`` (the default) the first-launch questions are already answered and the
    program started today; the morning check-in is asked only with ``check_in`` (otherwise it
    counts as skipped today).
    """
    clock = FakeClock()
    paths = Paths(tmp_path / "data", tmp_path / "config", shared_cache(tmp_path))
    if onboarded and not paths.settings.exists():
        today = clock.wall().date()
        skipped = None if check_in else today
        settings = Settings(onboarded=True, program_start=today, checkin_skipped=skipped)
        save_settings(paths.settings, settings)
    context = AppContext.load(paths, clock)
    return ItbApp(context, start_routine=start, auto_tick=False), clock


def session_screen(app: ItbApp) -> SessionScreen:
    for screen in reversed(app.screen_stack):
        if isinstance(screen, SessionScreen):
            return screen
    raise AssertionError("no session screen is open")


def phase(app: ItbApp) -> Phase:
    return session_screen(app).engine.phase


def fail_saves(monkeypatch: pytest.MonkeyPatch, reason: str) -> None:
    """Every save to the history fails from now on, as on a full disk or read-only folder."""

    def fail(*_args: object) -> None:
        raise StoreError(f"could not save: {reason}")

    monkeypatch.setattr(storage.HistoryStore, "update_month", fail)


async def ice_to_the_rating(pilot: Pilot[None]) -> None:
    """Through the ice routine's intro, lead-in and timer (ended at half its 15 minutes, the
    least that counts) to the pain rating."""
    await pilot.press("enter", "enter")
    clock = pilot.app.context.clock  # type: ignore[attr-defined]
    clock.advance(450)
    await pilot.press("enter")


def ready_app(tmp_path: Path) -> ItbApp:
    """An app whose history meets every readiness check and is two run weeks in."""
    from tests.snapshots.program_scenes import TODAY, ready_history  # it builds on make_app

    settings, sessions, logs = ready_history()
    settings.checkin_skipped = TODAY  # the morning check-in is tested on its own
    save_settings(tmp_path / "config" / "settings.toml", settings)
    app, _clock = make_app(tmp_path)
    for record in sessions:
        app.context.store.save_session(record)
    for log in logs:
        app.context.store.add_pain_log(log)
    return app


def yesterday_checked_in(tmp_path: Path, score: int = 1) -> None:
    """Yesterday's morning check-in, already answered with ``score``."""
    store = HistoryStore(Paths(tmp_path / "data", tmp_path / "config"))
    when = at(TODAY - timedelta(days=1), 7)
    store.add_pain_log(PainLog(when, score, "morning", "", False, "same"))


def app_for(tmp_path: Path) -> ItbApp:
    """An app past the first-launch questions."""
    app, _clock = make_app(tmp_path)
    app.context.settings.onboarded = True  # keep a first-launch screen out of the way
    return app


def footer_words(footer: KeysFooter) -> dict[str, str]:
    """Footer key -> its word, for the keys offered now."""
    return {k.key: k.description for k in footer.keys}
