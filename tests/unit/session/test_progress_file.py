"""The session in progress on disk: when it is saved, and how it is read back after a crash."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import Library, Routine
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.in_progress import ProgressFile
from itb_tui.core.history.records import SessionRecord
from itb_tui.core.session.actions import SessionAction
from itb_tui.core.session.engine import Cue, CueKind, SessionEngine
from itb_tui.core.session.progress_file import read_back, save_due
from itb_tui.core.store.files import DamagedFile, write_toml
from itb_tui.core.store.paths import Paths


def hip_session(library: Library, clock: FakeClock) -> SessionEngine:
    """Hip strength after its intro and the first set of clamshells (left)."""
    engine = SessionEngine(library.routine("hip-strength"), clock)
    engine.done()
    engine.done()
    return engine


DONE = SessionAction.DONE


@pytest.mark.parametrize(
    ("cues", "action", "due"),
    [
        ([Cue(CueKind.SAVED)], None, True),
        ([Cue(CueKind.COUNTDOWN, 3), Cue(CueKind.SAVED), Cue(CueKind.GO)], DONE, True),
        ([], SessionAction.PAUSE, True),
        ([], SessionAction.PAIN_SPIKE, True),
        ([], SessionAction.QUIT_SESSION, True),
        ([Cue(CueKind.WORK_END), Cue(CueKind.GO)], DONE, False),
        ([], SessionAction.ADJUST, False),
        ([], SessionAction.SKIP, False),  # a skip saves through its SAVED cue
        ([], None, False),
    ],
)
def test_when_a_session_is_saved(cues: list[Cue], action: SessionAction | None, due: bool) -> None:
    assert save_due(cues, action) is due


def test_the_history_store_loads_the_session_modules_only_when_a_session_needs_them() -> None:
    probe = (
        "import sys; import itb_tui.core.history.history_store; print(sorted(m for m in "
        "sys.modules if m.startswith(('itb_tui.core.session', 'itb_tui.core.history.in_pro'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_store_keeps_one_progress_file(store: HistoryStore, paths: Paths) -> None:
    assert store.progress is store.progress
    assert store.progress.path == paths.in_progress


def test_read_back_gives_the_record_and_an_engine_at_the_set_in_hand(
    store: HistoryStore, library: Library, fake_clock: FakeClock
) -> None:
    assert read_back(store.progress, library.routines, fake_clock) is None  # no file
    engine = hip_session(library, fake_clock)
    store.progress.save(engine)
    found = read_back(ProgressFile(store.paths), library.routines, FakeClock())
    assert found is not None and found.engine is not None
    assert found.record.id == engine.session_id and not found.record.completed
    assert found.record.exercises == engine.results()
    assert (found.engine.index, found.engine.phase) == (engine.index, engine.phase)
    assert found.engine.results() == engine.results()


def test_a_run_started_anyway_is_read_back_with_its_question(
    store: HistoryStore, library: Library, fake_clock: FakeClock
) -> None:
    """The question answered before a run on a rest day travels with its progress: the routines
    it may resume as are asked for with it, and the record kept or resumed keeps it."""
    asked = "Today is a rest day after Monday's run. Run anyway?"
    engine = hip_session(library, fake_clock)
    engine.override = asked
    store.progress.save(engine)
    seen: list[str] = []

    def routines(record: SessionRecord) -> dict[str, Routine]:
        seen.append(record.override)
        return dict(library.routines)

    found = read_back(store.progress, routines, FakeClock())
    assert seen == [asked]
    assert found is not None and found.engine is not None
    assert found.record.override == asked and found.engine.override == asked
    assert found.engine.record().override == asked


def test_read_back_of_a_changed_or_unknown_routine_offers_only_the_record(
    store: HistoryStore, library: Library, fake_clock: FakeClock
) -> None:
    engine = hip_session(library, fake_clock)
    store.progress.save(engine)
    hip = library.routine("hip-strength")
    changed = {hip.id: replace(hip, items=hip.items[1:])}
    for routines in (changed, {}):
        found = read_back(store.progress, routines, fake_clock)
        assert found is not None and found.engine is None
        assert isinstance(found.record, SessionRecord) and found.record.id == engine.session_id


def test_read_back_of_a_session_written_aside_removes_the_progress_file(
    store: HistoryStore, library: Library, fake_clock: FakeClock, paths: Paths
) -> None:
    engine = hip_session(library, fake_clock)
    store.progress.save(engine)
    store.write_aside(engine.record())  # removes the progress file itself
    store.progress.save(engine)  # as if the app had been killed between the two
    assert read_back(store.progress, library.routines, fake_clock) is None
    assert not paths.in_progress.exists()


def test_read_back_of_an_unreadable_record_says_the_file_is_damaged(
    store: HistoryStore, library: Library, fake_clock: FakeClock, paths: Paths
) -> None:
    write_toml(paths.in_progress, {"schema_version": 1, "record": {"id": "s1"}})
    before = paths.in_progress.read_bytes()
    with pytest.raises(DamagedFile, match="is damaged"):
        read_back(store.progress, library.routines, fake_clock)
    assert paths.in_progress.read_bytes() == before
