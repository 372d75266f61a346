"""Red flags remembered on disk, and the hold a standing flag puts on running."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from itb_tui.core.plan.overview import build_overview
from itb_tui.core.plan.red_flags import (
    RedFlagState,
    held_by_red_flags,
    load_red_flags,
    save_red_flags,
    should_ask,
    with_red_flags,
)
from itb_tui.core.plan.weeks import Check, Readiness
from itb_tui.core.store.files import StoreError
from itb_tui.core.store.settings import Settings
from tests.factories import START, at, day, run, shipped_library, shipped_program, started_history

LIBRARY = shipped_library()
PROGRAM = shipped_program()
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def test_a_flag_stands_until_unticked_and_both_changes_are_kept() -> None:
    state = RedFlagState()
    assert state.set({"nerve-symptoms"}, NOW)
    assert not state.set({"nerve-symptoms"}, NOW + timedelta(hours=1))  # nothing new
    assert state.standing() == {"nerve-symptoms": NOW}
    later = NOW + timedelta(days=5)
    assert state.set(set(), later)
    assert state.standing() == {}
    assert [(c.flag, c.ticked, c.at) for c in state.changes] == [
        ("nerve-symptoms", True, NOW),
        ("nerve-symptoms", False, later),
    ]


def test_saved_atomically_private_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "data" / "red-flags.toml"
    assert load_red_flags(path).standing() == {}
    state = RedFlagState()
    state.set({"no-weight-bearing", "clicking-locking"}, NOW)
    save_red_flags(path, state)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = load_red_flags(path)
    assert again.standing() == {"clicking-locking": NOW, "no-weight-bearing": NOW}
    assert "schema_version = 2" in path.read_text()  # each change has its own id


def test_a_damaged_file_is_reported_and_a_newer_one_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "red-flags.toml"
    path.write_text("schema_version = 1\n[[change]]\nflag = 'x'\nat = 3\nticked = true\n")
    with pytest.raises(StoreError, match="'at'"):
        load_red_flags(path)
    path.write_text("schema_version = 9\nfuture = true\n")
    newer = load_red_flags(path)
    assert newer.newer_schema
    with pytest.raises(StoreError, match="newer"):
        save_red_flags(path, newer)
    assert "future = true" in path.read_text()


def test_a_standing_flag_adds_a_failing_check_that_holds_running() -> None:
    ready = Readiness([Check("Pain-free daily life", True, "7 days")])
    assert with_red_flags(ready, PROGRAM, RedFlagState()) is ready
    state = RedFlagState()
    state.set({"no-weight-bearing"}, NOW)
    held = with_red_flags(ready, PROGRAM, state)
    assert not held.ready and held_by_red_flags(held)
    assert "I can't put my full weight on the leg. (ticked Mon 23 Nov)" in held.checks[-1].evidence


def test_the_overview_holds_the_run_while_a_flag_stands() -> None:
    settings = Settings(onboarded=True, program_start=START, running=True)
    history = started_history([run(day(0))], [], day(0))
    now = at(day(2), 9)
    free = build_overview(PROGRAM, settings, LIBRARY, history, now)
    assert free.stage is not None and any(item.kind == "run" for item in free.items)
    state = RedFlagState()
    state.set({"swelling-instability"}, NOW)
    held = build_overview(PROGRAM, settings, LIBRARY, history, now, state)
    assert held.stage is None and all(item.kind != "run" for item in held.items)
    assert held.red_flags == [
        "My knee is swollen, or it feels unstable or gives way. (ticked Mon 23 Nov)"
    ]


@pytest.mark.parametrize(
    ("score", "swelling", "ask"),
    [(6, None, False), (7, None, True), (0, True, True), (3, False, False)],
)
def test_when_the_questions_are_asked_again(score: int, swelling: bool | None, ask: bool) -> None:
    assert should_ask(score, swelling) is ask
