"""Today's overview: which months are read, the after-run question, the guided run."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from itb_tui.core.content.library import Library
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import MonthHistory, PainLog, SessionRecord
from itb_tui.core.plan.overview import build_overview, load_recent, pending_run_check, run_routine
from itb_tui.core.plan.today import today_plan
from itb_tui.core.store.files import StoreError, write_toml
from itb_tui.core.store.settings import Settings
from tests.factories import TZ, session, shipped_program
from tests.snapshots.program_scenes import TODAY, ready_history

NOW = datetime(2026, 11, 23, 18, 0, tzinfo=TZ)


def run_ending(at: datetime) -> SessionRecord:
    return session("run", start=at - timedelta(minutes=15), minutes=15, ident="r")


def test_asks_about_a_run_only_two_to_24_hours_after_it() -> None:
    history = MonthHistory(sessions=[run_ending(NOW - timedelta(hours=3))])
    assert pending_run_check(history, NOW) is not None
    assert pending_run_check(history, NOW - timedelta(hours=2, minutes=1)) is None
    assert pending_run_check(history, NOW + timedelta(hours=22)) is None


def test_no_question_once_answered_or_logged() -> None:
    ended = NOW - timedelta(hours=3)
    history = MonthHistory(sessions=[run_ending(ended)])
    assert pending_run_check(history, NOW, asked_after=ended + timedelta(hours=2)) is None
    history.pain_logs.append(PainLog(ended + timedelta(hours=1), 2, "after-run"))
    assert pending_run_check(history, NOW) is None


def test_reads_recent_months_and_the_program_start(store: HistoryStore) -> None:
    for key in ("2025-01", "2026-06", "2026-08", "2026-09", "2026-10", "2026-11"):
        write_toml(store.month_path(key), {"schema_version": 1})
    loaded: list[list[str]] = []
    original = store.load_readable

    def spy(keys: list[str]) -> tuple[MonthHistory, list[StoreError]]:
        loaded.append(list(keys))
        return original(keys)

    store.load_readable = spy  # type: ignore[method-assign]
    load_recent(store, Settings(), date(2026, 11, 23))
    assert loaded[-1] == ["2026-09", "2026-10", "2026-11"]
    load_recent(store, Settings(program_start=date(2026, 6, 1)), date(2026, 11, 23))
    assert loaded[-1] == ["2026-06", "2026-08", "2026-09", "2026-10", "2026-11"]
    # months dated ahead (the clock was once wrong) never hide this month, and are read too
    for key in ("2027-01", "2027-02", "2027-03"):
        write_toml(store.month_path(key), {"schema_version": 1})
    load_recent(store, Settings(), date(2026, 11, 23))
    assert loaded[-1] == ["2026-09", "2026-10", "2026-11", "2027-01", "2027-02", "2027-03"]


def test_run_routine_is_one_timer_of_the_weeks_longest_run(library: Library) -> None:
    program = shipped_program()
    week = program.return_to_running.week(2)
    routine = run_routine(2, week)
    (exercise,) = routine.items
    assert exercise.timed and exercise.duration_s == week.minutes[1] * 60
    assert routine.id == "run" and "week 2" in routine.name


def test_overview_of_a_new_user_puts_stretching_first(library: Library) -> None:
    program = shipped_program()
    settings = Settings(program_start=NOW.date(), onboarded=True)
    overview = build_overview(program, settings, library, MonthHistory(), NOW)
    assert overview.week == 1
    assert overview.stage is None and not overview.readiness.ready
    due = [item.routine_id for item in overview.items if item.status == "due"]
    assert "daily-stretch" in due
    assert overview.ask_about_run is None


def test_overview_plan_equals_the_plan_worked_out_on_its_own(library: Library) -> None:
    program = shipped_program()
    settings, sessions, logs = ready_history()
    now = datetime.combine(TODAY, datetime.min.time(), TZ).replace(hour=18)
    overview = build_overview(program, settings, library, MonthHistory(sessions, logs), now)
    assert overview.stage is not None
    alone = today_plan(program, settings, sessions, logs, TODAY, library)
    assert overview.items == alone
    assert any(item.kind == "run" for item in alone)


def test_a_red_flag_works_out_run_access_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """While a red flag stands, whether running started is worked out once, without the flag,
    from the readiness Home already has; the flag then holds every run, as run_access says."""
    from itb_tui.core.plan import overview, running
    from itb_tui.core.plan.red_flags import FlagChange, RedFlagState, with_red_flags
    from tests.factories import LIBRARY, PROGRAM, pain_free_week, ready_by, settings
    from tests.factories import at as moment

    monday = date(2026, 11, 23)
    sessions, logs = ready_by(monday)
    runs = pain_free_week(monday)  # running started on Monday
    history = MonthHistory([*sessions, *runs], logs)
    flags = RedFlagState([FlagChange(PROGRAM.red_flags[0].id, moment(monday, 6), True)])
    calls = {"run_access": 0, "readiness": 0}

    def counted(name: str, module: object) -> None:
        real = getattr(module, name)

        def count(*args: object, **kwargs: object) -> object:
            calls[name] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, count)

    counted("run_access", overview)
    counted("readiness", running)
    now = moment(monday + timedelta(days=6), 9)
    found = build_overview(PROGRAM, settings(), LIBRARY, history, now, flags)
    assert calls == {"run_access": 1, "readiness": 0}
    monkeypatch.undo()
    ready = with_red_flags(
        overview.readiness(PROGRAM, settings(), [*sessions, *runs], logs, now.date(), LIBRARY),
        PROGRAM,
        flags,
    )
    held = running.run_access(
        PROGRAM, settings(), [*sessions, *runs], logs, now.date(), LIBRARY, ready=ready
    )
    assert found.access == held and found.stage is None
    assert found.test_due is None  # running started: no test line, flag or not
