"""Atomic private files, the history by month, the session in progress, the settings."""

from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import (
    HISTORY_SCHEMA,
    PainLog,
    PainSpike,
    SessionRecord,
)
from itb_tui.core.store import files
from itb_tui.core.store.files import StoreError, atomic_write, file_lock, read_toml_file
from itb_tui.core.store.paths import CONFIG_ENV, DATA_ENV, Paths
from itb_tui.core.store.settings import Settings, SettingsKept, load_settings, save_settings
from tests import factories

BAD_PAIN_LOG = (
    "schema_version = 1\n[[pain_logs]]\nat = 2026-11-02T08:00:00+01:00\n"
    'score = 11\ncontext = "rest"\n'
)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """An empty folder of the test's own (tmp_path also holds the isolated home)."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def session(
    ident: str, start: datetime, *, completed: bool = True, note: str = ""
) -> SessionRecord:
    """A 40-minute strength session rated 2, with a skipped set and a pain spike."""
    clamshells = factories.result(
        name="Clamshell", left=[15, 15, 16], right=[15, 14], sets=3, skipped={"right": 1}
    )
    return factories.session(
        ident=ident,
        start=start,
        minutes=40,
        completed=completed,
        exercises=[clamshells],
        pain_after=2,
        note=note,
        pain_spikes=[PainSpike(start + timedelta(minutes=5), "clamshell", "left", 4)],
    )


def at(month: int, day: int = 10, hour: int = 7) -> datetime:
    """A moment in 2026 (UTC+1), at half past ``hour``."""
    return factories.at(date(2026, month, day), hour, 30)


# -- atomic_write -------------------------------------------------------------------------------
def test_atomic_write_creates_private_file_and_folder(work: Path) -> None:
    target = work / "new" / "file.toml"
    atomic_write(target, b"a = 1\n")
    assert target.read_bytes() == b"a = 1\n"
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    assert os.listdir(target.parent) == ["file.toml"]


def test_atomic_write_replaces_a_public_file_with_a_private_one(work: Path) -> None:
    target = work / "file.toml"
    target.write_bytes(b"old")
    target.chmod(0o644)
    atomic_write(target, b"new")
    assert (target.read_bytes(), mode(target)) == (b"new", 0o600)


def _boom(code: int) -> object:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "the folder is read-only"),
        (errno.EIO, os.strerror(errno.EIO)),
    ],
)
@pytest.mark.parametrize("backup", [False, True])
def test_failed_fsync_keeps_the_old_file(
    work: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str, backup: bool
) -> None:
    target = work / "file.toml"
    target.write_bytes(b"old")
    monkeypatch.setattr(files.os, "fsync", _boom(code))
    with pytest.raises(StoreError) as info:
        atomic_write(target, b"new", backup=backup)
    assert str(info.value) == f"could not save {target}: {reason}"
    assert target.read_bytes() == b"old"
    assert os.listdir(work) == ["file.toml"]


@pytest.mark.parametrize("backup", [False, True])
def test_failed_rename_keeps_the_old_file_and_no_temp_file(
    work: Path, monkeypatch: pytest.MonkeyPatch, backup: bool
) -> None:
    target = work / "file.toml"
    target.write_bytes(b"old")
    monkeypatch.setattr(files.os, "replace", _boom(errno.EIO))
    with pytest.raises(StoreError, match="could not save"):
        atomic_write(target, b"new", backup=backup)
    assert target.read_bytes() == b"old"
    assert os.listdir(work) == ["file.toml"]


def test_failed_final_rename_after_backup(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = work / "file.toml"
    target.write_bytes(b"old")
    real_replace = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == target:
            raise OSError(errno.EIO, "I/O error")
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    with pytest.raises(StoreError):
        atomic_write(target, b"new", backup=True)
    assert target.read_bytes() == b"old"
    assert sorted(os.listdir(work)) == ["file.toml", "file.toml.bak"]


def test_backup_keeps_the_previous_version(work: Path) -> None:
    target = work / "file.toml"
    bak = work / "file.toml.bak"
    atomic_write(target, b"one", backup=True)
    assert not bak.exists()
    atomic_write(target, b"two", backup=True)
    assert (target.read_bytes(), bak.read_bytes()) == (b"two", b"one")
    atomic_write(target, b"three", backup=True)
    assert (target.read_bytes(), bak.read_bytes()) == (b"three", b"two")
    assert mode(bak) == 0o600
    atomic_write(target, b"four")
    assert bak.read_bytes() == b"two"
    assert sorted(os.listdir(work)) == ["file.toml", "file.toml.bak"]


# -- read_toml_file -----------------------------------------------------------------------------
def test_read_toml_file(work: Path) -> None:
    path = work / "x.toml"
    assert read_toml_file(path) is None
    path.write_text('a = 1\n[b]\nc = "d"\n')
    assert read_toml_file(path) == {"a": 1, "b": {"c": "d"}}


@pytest.mark.parametrize(
    "raw",
    [
        b"a = = 1\n",
        b"a = \xff\n",
        b"\xef\xbb\xbf" + b"x = [1,",
        b"a = " + b"[" * 5000 + b"]" * 5000,
    ],
    ids=["bad-toml", "not-utf8", "truncated", "deeply-nested"],
)
def test_damaged_file_raises_store_error_naming_it(work: Path, raw: bytes) -> None:
    path = work / "x.toml"
    path.write_bytes(raw)
    with pytest.raises(StoreError) as info:
        read_toml_file(path)
    assert str(info.value).startswith(f"{path} is damaged and was left untouched (")
    assert "x.toml.bak" not in str(info.value)  # no backup exists: none is promised
    assert path.read_bytes() == raw
    path.with_name("x.toml.bak").write_bytes(b"a = 1\n")
    with pytest.raises(StoreError) as info:
        read_toml_file(path)
    assert f"previous good version is kept at {path}.bak" in str(info.value)


def test_unreadable_path_raises_store_error(work: Path) -> None:
    folder = work / "x.toml"
    folder.mkdir()
    with pytest.raises(StoreError, match=re.escape(f"could not read {folder}")):
        read_toml_file(folder)


# -- file_lock ----------------------------------------------------------------------------------
def test_file_lock_times_out_when_held(work: Path) -> None:
    lock = work / "data" / ".lock"
    with file_lock(lock):
        assert mode(lock) == 0o600 and mode(lock.parent) == 0o700
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        started = time.monotonic()
        held = re.escape(f"another itb is saving to {lock.parent}")
        with pytest.raises(StoreError, match=held), file_lock(lock, timeout=0.1):
            pytest.fail("the lock was taken twice")
        assert 0.1 <= time.monotonic() - started < 2
    finally:
        os.close(fd)
    entered = False
    with file_lock(lock, timeout=0.1):
        entered = True
    assert entered


def test_file_lock_is_released_after_an_error(work: Path) -> None:
    lock = work / ".lock"
    with pytest.raises(RuntimeError), file_lock(lock):
        raise RuntimeError("inside")
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if still held
    finally:
        os.close(fd)


# -- the history --------------------------------------------------------------------------------
def test_save_session_round_trip(store: HistoryStore, paths: Paths) -> None:
    sept, octo, nov = session("s1", at(9)), session("s2", at(10)), session("s3", at(11, 2))
    nov_late = session("s4", at(11, 20), completed=False, note='stopped: "knee"\nnext line')
    for record in (nov_late, sept, nov, octo):
        store.save_session(record)
    pain = PainLog(at(11, 3), 3, "after-run", "outer knee")
    store.add_pain_log(pain)
    assert store.months() == ["2026-09", "2026-10", "2026-11"]
    assert store.everything().sessions == [sept, octo, nov, nov_late]
    recent = store.load_months(store.months()[-2:])
    assert recent.sessions == [octo, nov, nov_late]
    assert recent.pain_logs == [pain]
    assert store.load_months(store.months()[-1:]).sessions == [nov, nov_late]
    assert store.load_month("2026-12").sessions == []
    month = paths.history / "2026-11.toml"
    assert mode(month) == 0o600
    assert mode(paths.data) == mode(paths.history) == 0o700
    assert (paths.history / "2026-11.toml.bak").exists()
    assert sorted(p.name for p in paths.history.iterdir() if not p.name.endswith(".bak")) == [
        "2026-09.toml",
        "2026-10.toml",
        "2026-11.toml",
    ]


def test_months_ignores_other_files(store: HistoryStore, paths: Paths) -> None:
    assert store.months() == []
    assert store.everything().sessions == []
    paths.history.mkdir(parents=True)
    for name in ("notes.toml", "2026-1.toml", "2026-11.toml.bak", "2026_11.toml"):
        (paths.history / name).write_text("garbage = [")
    assert store.months() == []


def test_saving_the_same_session_twice_replaces_it(store: HistoryStore) -> None:
    first = session("same", at(11), completed=False)
    store.save_session(first)
    store.save_session(session("other", at(11, 12)))
    second = session("same", at(11), completed=True, note="finished after all")
    store.save_session(second)
    sessions = store.everything().sessions
    assert [s.id for s in sessions] == ["same", "other"]
    assert sessions[0] == second


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("schema_version = 1\n[[sessions]\n", "is damaged and was left untouched"),
        (
            BAD_PAIN_LOG,
            "has entries this version cannot read and was left untouched: ",
        ),
    ],
    ids=["bad-toml", "bad-entry"],
)
def test_damaged_month_is_reported_and_never_overwritten(
    store: HistoryStore, paths: Paths, text: str, message: str
) -> None:
    path = paths.history / "2026-11.toml"
    paths.history.mkdir(parents=True)
    path.write_text(text)
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        store.load_months(store.months())
    assert str(info.value).startswith(f"{path} ") and message in str(info.value)
    with pytest.raises(StoreError):
        store.save_session(session("s1", at(11)))
    with pytest.raises(StoreError):
        store.add_pain_log(PainLog(at(11), 2, "rest"))
    assert path.read_bytes() == before
    assert sorted(os.listdir(paths.history)) == ["2026-11.toml"]
    store.save_session(session("s2", at(10)))  # other months are fine
    assert store.load_month("2026-10").sessions[0].id == "s2"


def test_bad_entry_message_names_the_field(store: HistoryStore, paths: Paths) -> None:
    path = paths.history / "2026-11.toml"
    paths.history.mkdir(parents=True)
    path.write_text(BAD_PAIN_LOG)
    with pytest.raises(StoreError) as info:
        store.load_month("2026-11")
    assert f"{path}: pain log 1: field 'score': expected a whole number from 0 to 10, got 11" in (
        str(info.value)
    )


def test_newer_month_is_readable_but_not_written(store: HistoryStore, paths: Paths) -> None:
    store.save_session(session("s1", at(11)))
    path = paths.history / "2026-11.toml"
    newer = HISTORY_SCHEMA + 1
    text = re.sub(r"schema_version = \d+", f"schema_version = {newer}", path.read_text())
    text = text.replace('routine = "hip-strength"', 'routine = "hip-strength"\nmood = "good"')
    path.write_text(text)
    before = path.read_bytes()
    loaded = store.load_months(store.months())
    assert [s.id for s in loaded.sessions] == ["s1"]
    assert loaded.sessions[0] == session("s1", at(11))
    with pytest.raises(StoreError, match=f"newer itb-tui \\(schema {newer}\\)"):
        store.save_session(session("s2", at(11, 12)))
    assert path.read_bytes() == before


# -- the session in progress --------------------------------------------------------------------
def test_progress_round_trip_and_clear(store: HistoryStore, paths: Paths) -> None:
    assert store.progress.load() is None
    snapshot = {"record": session("s1", at(11)).to_dict(), "resume": {"step": 4, "skipped": []}}
    store.progress.write(snapshot)
    assert mode(paths.in_progress) == 0o600
    assert store.progress.load() == {"schema_version": 1, **snapshot}
    store.progress.clear("s1")
    assert store.progress.load() is None
    store.progress.clear("s1")  # twice is fine
    assert not paths.in_progress.exists()


def progress_of(session_id: str) -> dict[str, Any]:
    return {"record": session(session_id, at(11)).to_dict(), "resume": {"step": 4}}


@pytest.mark.parametrize(
    "content",
    [b"schema_version = 1\n[record\n", b"schema_version = 99\n", None],
    ids=["damaged", "newer", "another-session"],
)
def test_progress_of_another_session_or_unreadable_is_never_overwritten_or_cleared(
    store: HistoryStore, paths: Paths, content: bytes | None
) -> None:
    if content is None:
        store.progress.write(progress_of("other"))
        content = paths.in_progress.read_bytes()
        store = HistoryStore(paths)  # a later run of the app
    else:
        paths.data.mkdir(parents=True)
        paths.in_progress.write_bytes(content)
    with pytest.raises(StoreError, match=re.escape(str(paths.in_progress))):
        store.progress.write(progress_of("s1"))
    store.progress.clear("s1")
    assert paths.in_progress.read_bytes() == content


def test_progress_set_aside_keeps_the_bytes_and_never_replaces_a_kept_copy(
    store: HistoryStore, paths: Paths
) -> None:
    paths.data.mkdir(parents=True)
    paths.in_progress.write_bytes(b"one [")
    first = store.progress.set_aside("damaged", "20261123T080000")
    paths.in_progress.write_bytes(b"two [")
    second = store.progress.set_aside("damaged", "20261123T080000")
    assert first.name == "in-progress.damaged-20261123T080000.toml"
    assert (first.read_bytes(), second.read_bytes()) == (b"one [", b"two [")
    assert not paths.in_progress.exists()
    store.progress.write(progress_of("s1"))  # now a new session may save its progress


def test_a_session_written_aside_is_taken_in_once(store: HistoryStore, paths: Paths) -> None:
    store.progress.write(progress_of("s1"))
    record = session("s1", at(11))
    written = store.write_aside(record)
    assert not paths.in_progress.exists()  # the full record replaces the partial one
    ((path, read_back),) = store.written_aside()
    assert path == written and read_back == record
    store.take_in(path, read_back)
    store.take_in(path, read_back)  # a second time changes nothing
    assert [s.id for s in store.everything().sessions] == ["s1"]
    assert store.written_aside() == []


@pytest.mark.parametrize(
    "version",
    ["2", '"1"', "1.0", "2026-11-23", "[1]"],
    ids=["newer", "str", "float", "date", "list"],
)
def test_unusable_progress_raises_store_error(
    store: HistoryStore, paths: Paths, version: str
) -> None:
    paths.data.mkdir(parents=True)
    paths.in_progress.write_text(f"schema_version = {version}\n")
    with pytest.raises(StoreError, match=re.escape(str(paths.in_progress))):
        store.progress.load()


# -- settings -----------------------------------------------------------------------------------
def test_settings_round_trip(paths: Paths) -> None:
    assert load_settings(paths.settings) == Settings()
    settings = Settings(
        weaker_side="right",
        painful_knee="both",
        cue_style="voice",
        flash=False,
        program_start=date(2026, 11, 23),
        running=True,
        onboarded=True,
    )
    save_settings(paths.settings, settings)
    assert load_settings(paths.settings) == settings
    assert mode(paths.settings) == 0o600 and mode(paths.config) == 0o700
    save_settings(paths.settings, Settings())
    assert load_settings(paths.settings) == Settings()
    assert load_settings(paths.settings.with_name("settings.toml.bak")) == settings


def test_settings_defaults_for_absent_keys(paths: Paths) -> None:
    paths.config.mkdir(parents=True)
    paths.settings.write_text('weaker_side = "left"\n')
    assert load_settings(paths.settings) == Settings(weaker_side="left")


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        ('weaker_side = "middle"', "weaker_side", "one of 'left', 'right', got 'middle'"),
        ('painful_knee = "none"', "painful_knee", "one of 'left', 'right', 'both', got 'none'"),
        ("cue_style = 1", "cue_style", "one of 'off', 'bell', 'voice', got 1"),
        ('flash = "yes"', "flash", "true or false, got 'yes'"),
        (
            "program_start = 2026-11-23T08:00:00",
            "program_start",
            "a date such as 2026-11-23, got datetime.datetime(2026, 11, 23, 8, 0)",
        ),
        ('schema_version = "1"', "schema_version", "a whole number from 1 to 10000, got '1'"),
    ],
)
def test_bad_setting_names_the_field(paths: Paths, line: str, field: str, expected: str) -> None:
    paths.config.mkdir(parents=True)
    paths.settings.write_text(line + "\n")
    with pytest.raises(StoreError) as info:
        load_settings(paths.settings)
    assert str(info.value) == f"{paths.settings}: field '{field}': expected {expected}"


def test_unknown_setting(paths: Paths) -> None:
    paths.config.mkdir(parents=True)
    paths.settings.write_text("colour = 1\nflash = false\n")
    with pytest.raises(StoreError, match="unknown field 'colour'"):
        load_settings(paths.settings)
    paths.settings.write_text("schema_version = 2\ncolour = 1\nflash = false\n")
    assert load_settings(paths.settings) == Settings(flash=False)  # a newer file's extras


def test_newer_settings_are_read_where_possible_and_never_saved(paths: Paths) -> None:
    paths.config.mkdir(parents=True)
    newer = 'schema_version = 3\ncue_style = "hologram"\nflash = false\n'
    paths.settings.write_text(newer)
    assert load_settings(paths.settings) == Settings(flash=False)
    with pytest.raises(SettingsKept, match="newer itb-tui"):
        save_settings(paths.settings, Settings())
    assert paths.settings.read_text() == newer
    assert not paths.settings.with_name("settings.toml.bak").exists()


def test_damaged_settings(paths: Paths) -> None:
    paths.config.mkdir(parents=True)
    paths.settings.write_text("flash = \n")
    with pytest.raises(StoreError, match="is damaged"):
        load_settings(paths.settings)


# -- paths --------------------------------------------------------------------------------------
def test_paths_resolve_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "itb-tui"
    from_env = Paths.resolve()
    assert from_env == Paths(tmp_path / "env-data", tmp_path / "env-config", cache)
    assert from_env.settings == tmp_path / "env-config" / "settings.toml"
    assert from_env.user_content == tmp_path / "env-config" / "content.toml"
    assert from_env.in_progress == tmp_path / "env-data" / "in-progress.toml"
    assert Paths.resolve(str(tmp_path / "d"), str(tmp_path / "c")) == Paths(
        tmp_path / "d", tmp_path / "c", cache
    )
    monkeypatch.delenv(DATA_ENV)
    monkeypatch.delenv(CONFIG_ENV)
    home = Path(os.environ["HOME"])
    assert Paths.resolve() == Paths(
        home / ".local" / "share" / "itb-tui", home / ".config" / "itb-tui", cache
    )
