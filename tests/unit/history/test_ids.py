"""Each record's own id (core/history/ids.py): given when first written, never changed, and the
only way an edit or a delete finds its record."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from itb_tui.core.history.edit import (
    EntryChanged,
    delete_pain_log,
    delete_session,
    update_pain_log,
)
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import (
    IDS_SCHEMA,
    FunctionScore,
    MonthHistory,
    PainLog,
    RunDecision,
)
from itb_tui.core.plan.red_flags import RedFlagState, load_red_flags, save_red_flags
from tests import factories
from tests.factories import at

DAY = date(2026, 11, 2)
WHEN = at(DAY, 21)

OLD_MONTH = f"""schema_version = 1

[[pain_logs]]
at = {WHEN.isoformat()}
score = 0
context = "daily"
note = "same"

[[pain_logs]]
at = {WHEN.isoformat()}
score = 0
context = "daily"
note = "same"
"""


def month_file(store: HistoryStore) -> dict[str, object]:
    return tomllib.loads(store.month_path("2026-11").read_text())


def fresh_view(store: HistoryStore) -> MonthHistory:
    """The month as another window reads it (its own store, nothing shared)."""
    return HistoryStore(store.paths).load_month("2026-11")


def test_two_copies_deleting_the_same_of_two_identical_logs(store: HistoryStore) -> None:
    """Two logs alike in every field, in one second: copy A deletes the first; copy B, whose
    list is older, deletes "the first" too. Only the one B saw may go, and it is gone: log B
    survives and B is told."""
    store.add_pain_log(PainLog(WHEN, 0, "daily", "same"))
    store.add_pain_log(PainLog(WHEN, 0, "daily", "same"))
    seen_by_a, seen_by_b = fresh_view(store).pain_logs[0], fresh_view(store).pain_logs[0]
    kept = fresh_view(store).pain_logs[1]
    delete_pain_log(HistoryStore(store.paths), seen_by_a.id, WHEN, seen=seen_by_a)
    before = store.month_path("2026-11").read_bytes()
    with pytest.raises(EntryChanged, match="changed in another window"):
        delete_pain_log(HistoryStore(store.paths), seen_by_b.id, WHEN, seen=seen_by_b)
    with pytest.raises(EntryChanged):
        update_pain_log(
            HistoryStore(store.paths), seen_by_b.id, WHEN, 9, "rest", "", seen=seen_by_b
        )
    assert store.month_path("2026-11").read_bytes() == before
    assert [log.uid for log in fresh_view(store).pain_logs] == [kept.uid]


def test_every_record_gets_its_own_id_which_stays_across_saves(store: HistoryStore) -> None:
    session = factories.session(when=DAY)
    log = PainLog(WHEN, 3, "daily")
    store.save_session(session)
    store.add_pain_log(log)
    store.add_pain_log(PainLog(WHEN, 3, "daily"))
    store.add_run_decision(RunDecision(WHEN, "pause"))
    store.add_function_score(FunctionScore(WHEN, (("stairs", 6),)))
    data = month_file(store)
    assert data["schema_version"] == IDS_SCHEMA
    month = fresh_view(store)
    uids = [r.uid for _, records in month.records() for r in records]
    assert len(uids) == 5 == len(set(uids)) and all(len(u) == 26 for u in uids)
    assert log.uid in uids and session.uid in uids  # the caller knows the id it was given
    # Saving again (a session rated after its summary) and editing keep every id.
    store.save_session(replace(session, note="rated later", uid=""))
    update_pain_log(store, log.id, WHEN, 5, "rest", "edited", seen=fresh_view(store).pain_logs[0])
    again = fresh_view(store)
    assert [r.uid for _, records in again.records() for r in records] == uids
    assert again.sessions[0].note == "rated later" and again.pain_logs[0].note == "edited"


def test_an_old_month_is_read_with_stable_ids_kept_when_it_is_rewritten(
    store: HistoryStore,
) -> None:
    path = store.month_path("2026-11")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(OLD_MONTH)
    first, second = fresh_view(store).pain_logs
    assert first.uid != second.uid  # alike in every field, told apart by their order
    assert [p.uid for p in fresh_view(store).pain_logs] == [first.uid, second.uid]
    assert path.read_text() == OLD_MONTH  # reading writes nothing
    store.add_pain_log(PainLog(at(DAY, 22), 1, "rest"))
    written = [p.get("uid") for p in month_file(store)["pain_logs"]]  # type: ignore[union-attr]
    assert written[:2] == [first.uid, second.uid] and written[2]


def test_a_stale_window_cannot_delete_the_twin_of_an_old_log(store: HistoryStore) -> None:
    """The two-copies case on a month written before ids: the twin left keeps its own id."""
    path = store.month_path("2026-11")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(OLD_MONTH)
    seen = fresh_view(store).pain_logs[0]
    delete_pain_log(HistoryStore(store.paths), seen.id, WHEN, seen=seen)
    with pytest.raises(EntryChanged):
        delete_pain_log(HistoryStore(store.paths), seen.id, WHEN, seen=seen)
    assert len(fresh_view(store).pain_logs) == 1


def test_a_session_is_deleted_by_its_own_id(store: HistoryStore) -> None:
    """Two sessions with one plain id (a hand edit): the one shown goes, the other stays."""
    one = factories.session(when=DAY, note="one")
    store.save_session(one)
    other = factories.session(when=DAY, note="other")
    store.update_month("2026-11", lambda month: month.sessions.append(other))
    shown = fresh_view(store).sessions[1]
    assert shown.note == "other" and shown.id == one.id
    delete_session(store, shown.id, shown.started_at, seen=shown, keep=lambda _: [])
    assert [s.note for s in fresh_view(store).sessions] == ["one"]


def test_a_copied_id_is_told_apart(store: HistoryStore) -> None:
    store.add_pain_log(PainLog(WHEN, 3, "daily", "a"))
    text = store.month_path("2026-11").read_text()
    block = text[text.index("[[pain_logs]]") :].replace('"a"', '"b"')
    store.month_path("2026-11").write_text(text + "\n" + block)
    first, second = fresh_view(store).pain_logs
    assert first.uid != second.uid


def test_red_flag_changes_have_ids_and_an_old_file_reads(tmp_path: Path) -> None:
    path = tmp_path / "red-flags.toml"
    path.write_text(
        f'schema_version = 1\n\n[[change]]\nflag = "night-pain"\nat = {WHEN.isoformat()}\n'
        "ticked = true\n"
    )
    old = load_red_flags(path)
    assert old.standing() == {"night-pain": WHEN} and old.changes[0].uid
    assert load_red_flags(path).changes[0].uid == old.changes[0].uid
    old.set(set(), at(DAY, 22))
    save_red_flags(path, old)
    back = load_red_flags(path)
    assert [c.uid for c in back.changes] == [c.uid for c in old.changes]
    assert back.changes[0].uid == load_red_flags(path).changes[0].uid
    assert len({c.uid for c in back.changes}) == 2 and "schema_version = 2" in path.read_text()
    assert RedFlagState().to_dict()["schema_version"] == 1  # nothing to number yet
