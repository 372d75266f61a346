"""Apps for the readiness tests: a December Monday five weeks into the program, ready to run
but for the tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from itb_tui.core.clock import FakeClock
from itb_tui.core.context import AppContext
from itb_tui.core.store.paths import Paths
from itb_tui.core.store.settings import Settings, save_settings
from itb_tui.tui.app import ItbApp
from itb_tui.tui.widgets.pick_list import PickList
from tests.factories import ready_by

from .helpers import shared_cache

MONDAY = datetime(2026, 12, 14, 7, 30, tzinfo=timezone(timedelta(hours=1)))  # tests apply


def december_app(tmp_path: Path) -> tuple[ItbApp, FakeClock]:
    clock = FakeClock(MONDAY)
    paths = Paths(tmp_path / "data", tmp_path / "config", shared_cache(tmp_path))
    start = MONDAY.date() - timedelta(weeks=5)
    settings = Settings(onboarded=True, program_start=start, checkin_skipped=MONDAY.date())
    save_settings(paths.settings, settings)
    return ItbApp(AppContext.load(paths, clock), auto_tick=False), clock


def ready_but_the_tests(tmp_path: Path) -> ItbApp:
    app, _clock = december_app(tmp_path)
    sessions, logs = ready_by(MONDAY.date())
    for record in sessions:
        app.context.store.save_session(record)
    for log in logs:
        app.context.store.add_pain_log(log)
    return app


def pick_the_test(app: ItbApp) -> None:
    options = app.home.query_one(PickList)
    options.highlighted = options.index_of("test")
