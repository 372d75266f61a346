"""The latest change a user made wins, whatever the clock said when it was made.

A clock that was once ahead (a wrong clock, a restored machine) dates a change in the future;
the next change, made with the clock right again, is dated before it and must still win.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import RunDecision
from itb_tui.core.plan.red_flags import (
    FlagChange,
    RedFlagState,
    load_red_flags,
    save_red_flags,
)
from itb_tui.core.store.paths import Paths
from tests.factories import at, day
from tests.unit.plan.helpers import FIRST_WEEK, access

AHEAD = timedelta(days=40)


def test_a_flag_ticked_after_an_untick_dated_ahead_stands(tmp_path: Path) -> None:
    now = at(day(7), 9)
    state = RedFlagState()
    state.set({"night-pain"}, now + AHEAD)  # ticked while the clock was 40 days ahead
    state.set(set(), now + AHEAD)  # and unticked
    assert state.set({"night-pain"}, now)  # the clock is right again: ticked
    assert set(state.standing()) == {"night-pain"}
    path = tmp_path / "red-flags.toml"
    save_red_flags(path, state)
    assert set(load_red_flags(path).standing()) == {"night-pain"}  # the file keeps the order


def test_an_untick_after_a_tick_dated_ahead_takes(tmp_path: Path) -> None:
    now = at(day(7), 9)
    state = RedFlagState([FlagChange("night-pain", now + AHEAD, True)])
    assert state.set(set(), now)
    assert state.standing() == {}
    path = tmp_path / "red-flags.toml"
    save_red_flags(path, state)
    assert load_red_flags(path).standing() == {}


def store_with(tmp_path: Path, *decisions: RunDecision) -> list[RunDecision]:
    store = HistoryStore(Paths(tmp_path / "data", tmp_path / "config"))
    for decision in decisions:
        store.add_run_decision(decision)
    return HistoryStore(store.paths).everything().run_decisions


def test_a_pause_dated_ahead_pauses(tmp_path: Path) -> None:
    pause = RunDecision(at(day(7), 9) + AHEAD, "pause")
    decisions = store_with(tmp_path, pause)
    assert [d.seq for d in decisions] == [1]
    paused = access(day(8), FIRST_WEEK, decisions)
    assert paused.paused and paused.stage is None


def test_a_resume_made_after_a_pause_dated_ahead_resumes(tmp_path: Path) -> None:
    pause = RunDecision(at(day(7), 9) + AHEAD, "pause")  # a month file dated ahead
    resume = RunDecision(at(day(8), 9), "resume")  # this month's, made later
    decisions = store_with(tmp_path, pause, resume)
    made = sorted((d.seq, d.decision) for d in decisions)
    assert made == [(1, "pause"), (2, "resume")]
    resumed = access(day(8), FIRST_WEEK, decisions)
    assert not resumed.paused and resumed.stage is not None
    # an older file's decisions (no number) come first, in time order
    old = replace(pause, at=at(day(1), 9))
    assert not access(day(8), FIRST_WEEK, [*decisions, old]).paused
