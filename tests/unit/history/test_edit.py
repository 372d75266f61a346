"""Editing and deleting history entries on disk; reading months lazily with HistoryIndex."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, timedelta
from pathlib import Path
from typing import Any

import pytest

from itb_tui.core.dates import month_key
from itb_tui.core.history.edit import (
    EntryChanged,
    EntryNotFound,
    HistoryIndex,
    delete_pain_log,
    delete_session,
    update_pain_log,
    update_session,
)
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import PainLog, SessionRecord
from itb_tui.core.store.files import StoreError
from tests import factories
from tests.factories import at

GONE = "pain-2026-11-02T05-00-00"  # no log has this id


def nothing_kept(record: SessionRecord) -> list[PainLog]:
    """Deleting keeps no pain log (plan/kept_pain.py's delete_session keeps its pain)."""
    return []


def session(day: date) -> SessionRecord:
    """A hip-strength session rated 2, with a note, at 8:00 on ``day``."""
    return factories.session(when=day, pain_after=2, note="first")


def month_file(store: HistoryStore, key: str) -> dict[str, Any]:
    return tomllib.loads(store.month_path(key).read_text())


@pytest.fixture
def seeded(store: HistoryStore) -> tuple[HistoryStore, SessionRecord, SessionRecord, PainLog]:
    one, two = session(date(2026, 11, 2)), session(date(2026, 11, 3))
    log = PainLog(at(date(2026, 11, 2), 21), 0, "daily", "stairs")
    for record in (one, two):
        store.save_session(record)
    store.add_pain_log(log)
    return store, one, two, log


def bak(store: HistoryStore, key: str) -> Path:
    return store.month_path(key).with_name(f"{key}.toml.bak")


def test_update_session_changes_pain_and_note_only_of_that_session(seeded: Any) -> None:
    store, one, two, _ = seeded
    before = store.month_path("2026-11").read_bytes()
    saved = update_session(store, one.id, one.started_at, pain_after=7, note="knee sore")
    assert (saved.pain_after, saved.note) == (7, "knee sore")
    data = month_file(store, "2026-11")
    by_id = {s["id"]: s for s in data["sessions"]}
    assert by_id[one.id]["pain_after"] == 7
    assert by_id[one.id]["note"] == "knee sore"
    assert by_id[two.id]["pain_after"] == 2
    assert by_id[two.id]["note"] == "first"
    assert bak(store, "2026-11").read_bytes() == before


def test_update_session_can_clear_the_rating(seeded: Any) -> None:
    store, one, _, _ = seeded
    update_session(store, one.id, one.started_at, pain_after=None, note="")
    record = next(s for s in month_file(store, "2026-11")["sessions"] if s["id"] == one.id)
    assert "pain_after" not in record
    assert record["note"] == ""


def test_delete_session_removes_only_that_session(seeded: Any) -> None:
    store, one, two, _ = seeded
    delete_session(store, one.id, one.started_at, keep=nothing_kept)
    data = month_file(store, "2026-11")
    assert [s["id"] for s in data["sessions"]] == [two.id]
    assert len(data["pain_logs"]) == 1


@pytest.mark.parametrize(
    "edit",
    [
        lambda store: update_session(store, "nope", at(date(2026, 11, 2)), pain_after=1, note=""),
        lambda store: delete_session(store, "nope", at(date(2026, 11, 2)), keep=nothing_kept),
        lambda store: update_pain_log(store, GONE, at(date(2026, 11, 2), 5), 1, "rest", ""),
        lambda store: delete_pain_log(store, GONE, at(date(2026, 11, 2), 5)),
    ],
)
def test_missing_entry_raises_and_leaves_the_file_alone(seeded: Any, edit: Any) -> None:
    store = seeded[0]
    before = store.month_path("2026-11").read_bytes()
    backup = bak(store, "2026-11").read_bytes()
    with pytest.raises(EntryNotFound):
        edit(store)
    assert store.month_path("2026-11").read_bytes() == before
    assert bak(store, "2026-11").read_bytes() == backup


def test_missing_month_raises_and_creates_no_file(store: HistoryStore) -> None:
    with pytest.raises(StoreError):
        delete_session(store, "x", at(date(2025, 1, 5)), keep=nothing_kept)
    assert not store.month_path("2025-01").exists()


def test_update_and_delete_pain_log(seeded: Any) -> None:
    store, _, _, log = seeded
    saved = update_pain_log(store, log.id, log.at, 0, "rest", "better")
    assert (saved.score, saved.context, saved.note) == (0, "rest", "better")
    (entry,) = month_file(store, "2026-11")["pain_logs"]
    assert (entry["score"], entry["context"], entry["note"]) == (0, "rest", "better")
    delete_pain_log(store, log.id, log.at)
    assert month_file(store, "2026-11").get("pain_logs", []) == []  # empty lists are left out
    assert len(month_file(store, "2026-11")["sessions"]) == 2


def test_pain_log_found_by_the_same_instant_in_another_offset(seeded: Any) -> None:
    store, _, _, log = seeded
    delete_pain_log(store, log.id, log.at.astimezone(UTC))
    assert month_file(store, "2026-11").get("pain_logs", []) == []  # empty lists are left out


def test_pain_logs_of_one_second_are_edited_and_deleted_by_their_own_id(
    store: HistoryStore,
) -> None:
    when = at(date(2026, 11, 2), 21)
    for score in (1, 0, 3):
        store.add_pain_log(PainLog(when, score, "daily"))
    second = PainLog(when, 0, "daily").id + "-2"
    update_pain_log(store, second, when, 0, "rest", "the second one")
    logs = month_file(store, "2026-11")["pain_logs"]
    assert [(p["score"], p["note"]) for p in logs] == [(1, ""), (0, "the second one"), (3, "")]
    delete_pain_log(store, second, when)
    assert [p["score"] for p in month_file(store, "2026-11")["pain_logs"]] == [1, 3]


def test_bad_values_are_refused_before_touching_the_file(seeded: Any) -> None:
    store, one, _, log = seeded
    before = store.month_path("2026-11").read_bytes()
    with pytest.raises(ValueError):
        update_session(store, one.id, one.started_at, pain_after=11, note="")
    with pytest.raises(ValueError):
        update_pain_log(store, log.id, log.at, 3, "sleeping", "")
    assert store.month_path("2026-11").read_bytes() == before


def test_damaged_month_is_not_edited(seeded: Any) -> None:
    store, one, _, _ = seeded
    store.month_path("2026-11").write_text("sessions = [[[")
    with pytest.raises(StoreError, match="damaged"):
        delete_session(store, one.id, one.started_at, keep=nothing_kept)
    assert store.month_path("2026-11").read_text() == "sessions = [[["


# -- HistoryIndex -----------------------------------------------------------------------------
def months_store(store: HistoryStore, days: list[date]) -> HistoryStore:
    for day in days:
        store.save_session(session(day))
    return store


def test_index_reads_nothing_until_asked_then_newest_first(store: HistoryStore) -> None:
    months_store(store, [date(2026, 9, 5), date(2026, 10, 5), date(2026, 11, 5)])
    index = HistoryIndex(store)
    assert index.keys == ["2026-11", "2026-10", "2026-09"]
    assert index.loaded_keys == []
    assert index.load_next() == ["2026-11"]
    assert [s.started_at.date() for s in index.history().sessions] == [date(2026, 11, 5)]
    assert not index.exhausted
    assert index.covers(date(2026, 11, 1))
    assert not index.covers(date(2026, 10, 31))
    assert index.load_since(date(2026, 10, 20)) == ["2026-10"]
    assert index.oldest_loaded() == date(2026, 10, 1)
    assert len(index.history(since=date(2026, 11, 1)).sessions) == 1
    assert index.load_next(5) == ["2026-09"]
    assert index.exhausted
    assert index.load_next() == []


def test_index_keeps_going_past_a_damaged_month(store: HistoryStore) -> None:
    months_store(store, [date(2026, 10, 5), date(2026, 11, 5)])
    store.month_path("2026-11").write_text("not toml [")
    index = HistoryIndex(store)
    index.load_next(2)
    assert index.exhausted
    assert len(index.history().sessions) == 1
    assert len(index.problems) == 1
    assert "2026-11" in index.problems[0]


def test_index_reload_sees_an_edit(store: HistoryStore) -> None:
    months_store(store, [date(2026, 11, 5)])
    index = HistoryIndex(store)
    index.load_next()
    record = index.history().sessions[0]
    delete_session(store, record.id, record.started_at, keep=nothing_kept)
    assert len(index.history().sessions) == 1
    index.load("2026-11")
    assert index.history().sessions == []


def test_index_streak_reads_back_only_as_far_as_the_streak(store: HistoryStore) -> None:
    today = date(2026, 11, 23)
    run = [today - timedelta(days=n) for n in range(30)]  # 25 Oct to 23 Nov
    months_store(store, [*run, date(2026, 10, 2), date(2026, 9, 10), date(2026, 8, 10)])
    index = HistoryIndex(store)
    assert index.streak(today) == 30
    assert index.loaded_keys == ["2026-11", "2026-10"]


def test_index_streak_without_history(store: HistoryStore) -> None:
    assert HistoryIndex(store).streak(date(2026, 11, 23)) == 0


def test_day_key() -> None:
    assert month_key(date(2026, 3, 9)) == "2026-03"


def test_written_file_is_private(seeded: Any) -> None:
    store, one, _, _ = seeded
    update_session(store, one.id, one.started_at, pain_after=1, note="")
    assert store.month_path("2026-11").stat().st_mode & 0o777 == 0o600


def test_two_windows_deleting_in_turn_never_delete_the_wrong_log(store: HistoryStore) -> None:
    """Window A deletes log A; window B, whose list is older, then deletes "A" by the id it
    showed, which is now log B's: nothing is deleted, and B is told why."""
    when = at(date(2026, 11, 2), 21)
    log_a, log_b = PainLog(when, 0, "daily", "A"), PainLog(when, 5, "daily", "B")
    store.add_pain_log(log_a)
    store.add_pain_log(log_b)
    delete_pain_log(store, log_a.id, when, seen=log_a)  # window A
    before = store.month_path("2026-11").read_bytes()
    with pytest.raises(EntryChanged, match="changed in another window"):
        delete_pain_log(store, log_a.id, when, seen=log_a)  # window B, stale
    assert store.month_path("2026-11").read_bytes() == before
    with pytest.raises(EntryChanged):
        update_pain_log(store, log_a.id, when, 9, "rest", "", seen=log_a)
    assert [p["note"] for p in month_file(store, "2026-11")["pain_logs"]] == ["B"]


def test_the_log_seen_is_found_when_the_ids_have_moved(store: HistoryStore) -> None:
    when = at(date(2026, 11, 2), 21)
    logs = [PainLog(when, score, "daily", str(score)) for score in (0, 2, 3)]
    for log in logs:
        store.add_pain_log(log)
    delete_pain_log(store, logs[0].id, when, seen=logs[0])  # another window: the first goes
    third = logs[0].id + "-3"  # the id the third had in this window's list
    update_pain_log(store, third, when, 7, "rest", "still the third", seen=logs[2])
    saved = month_file(store, "2026-11")["pain_logs"]
    assert [(p["score"], p["note"]) for p in saved] == [(2, "2"), (7, "still the third")]


def test_a_session_changed_elsewhere_is_not_overwritten(seeded: Any) -> None:
    store, one, _, _ = seeded
    seen = store.load_month("2026-11", for_writing=True).sessions[0]
    update_session(store, one.id, one.started_at, pain_after=5, note="other window")
    before = store.month_path("2026-11").read_bytes()
    with pytest.raises(EntryChanged):
        update_session(store, one.id, one.started_at, pain_after=1, note="mine", seen=seen)
    with pytest.raises(EntryChanged):
        delete_session(store, one.id, one.started_at, seen=seen, keep=nothing_kept)
    assert store.month_path("2026-11").read_bytes() == before
