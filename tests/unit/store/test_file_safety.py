"""Files written into folders other people can write to, and files that are not files."""

from __future__ import annotations

import errno
import os
import pwd
import shlex
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from itb_tui.core.store import files
from itb_tui.core.store.files import DamagedFile, StoreError, atomic_write, read_bytes

OTHER_USER = "itb-other"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


# -- the temporary file of a write -------------------------------------------------------------
def test_a_link_planted_at_the_old_temporary_name_is_not_followed(work: Path) -> None:
    month = work / "month.toml"
    month.write_bytes(b"my history")
    for name in (f".report.csv.{os.getpid()}.tmp", f".report.csv.{os.getpid()}.bak.tmp"):
        (work / name).symlink_to(month)
    target = work / "report.csv"
    target.write_bytes(b"old report")
    atomic_write(target, b"new report", backup=True)
    assert month.read_bytes() == b"my history"
    assert target.read_bytes() == b"new report"
    assert not target.is_symlink()
    assert (work / "report.csv.bak").read_bytes() == b"old report"


def test_the_temporary_file_is_created_exclusively_never_through_a_link(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file the write creates: a new name each time, O_EXCL and O_NOFOLLOW."""
    opened: list[tuple[str, int]] = []
    real_open = os.open

    def record(path: str | Path, flags: int, mode: int = 0o777, **kwargs: object) -> int:
        if Path(path).parent == work and flags & os.O_CREAT:
            opened.append((Path(path).name, flags))
        return real_open(path, flags, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", record)
    target = work / "file.toml"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert len(opened) == 2
    assert opened[0][0] != opened[1][0]
    for name, flags in opened:
        assert str(os.getpid()) not in name
        assert flags & os.O_EXCL and flags & os.O_NOFOLLOW, name
    assert sorted(os.listdir(work)) == ["file.toml"]


def test_a_pre_created_file_under_a_temporary_name_is_left_alone(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone guessed (or made) the next name: the write takes another, theirs is unchanged."""
    names = iter(["guessed", "free"])
    monkeypatch.setattr(tempfile, "_get_candidate_names", lambda: names)
    planted = work / ".file.toml.guessed.tmp"
    planted.write_bytes(b"")
    planted.chmod(0o666)
    atomic_write(work / "file.toml", b"health data")
    assert planted.read_bytes() == b""
    assert (work / "file.toml").read_bytes() == b"health data"
    assert stat.S_IMODE((work / "file.toml").stat().st_mode) == 0o600


@pytest.fixture
def other_user() -> Iterator[tuple[int, int, Path]]:
    """A second local user and a folder both may write to (not sticky, so the kernel's
    protections for /tmp do not apply); root only."""
    if os.geteuid() != 0 or shutil.which("useradd") is None:
        pytest.skip("needs root to act as a second user")
    try:
        entry = pwd.getpwnam(OTHER_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/bin/false", OTHER_USER],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(OTHER_USER)
    shared = Path(tempfile.mkdtemp(prefix="itb-shared-", dir="/tmp"))
    shared.chmod(0o777)
    try:
        yield entry.pw_uid, entry.pw_gid, shared
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def _as(uid: int, gid: int, script: str) -> str:
    """Run a shell ``script`` as the other user (a shell: this Python may be private to root)."""

    def become() -> None:
        os.setgid(gid)
        os.setuid(uid)

    done = subprocess.run(
        ["/bin/sh", "-c", script], preexec_fn=become, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_another_user_can_neither_read_an_export_nor_turn_it_on_a_file(
    other_user: tuple[int, int, Path], tmp_path: Path
) -> None:
    uid, gid, shared = other_user
    month = tmp_path / "2026-11.toml"
    month.write_bytes(b"my history")
    pid = os.getpid()
    trap = shlex.quote(str(shared / f".report.csv.{pid}.tmp"))
    peek = shlex.quote(str(shared / f".notes.md.{pid}.tmp"))
    _as(uid, gid, f"ln -s {shlex.quote(str(month))} {trap} && umask 0 && : > {peek}")
    atomic_write(shared / "report.csv", b"exported")
    atomic_write(shared / "notes.md", b"pain 7, private note")
    assert month.read_bytes() == b"my history"
    assert _as(uid, gid, f"cat {peek}") == ""
    assert (shared / "notes.md").read_bytes() == b"pain 7, private note"
    assert stat.S_IMODE((shared / "notes.md").stat().st_mode) == 0o600


# -- a filesystem without hard links ----------------------------------------------------------
def test_the_backup_is_a_copy_where_there_are_no_hard_links(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_links)
    target = work / "2026-11.toml"
    for text in (b"one", b"two", b"three"):
        atomic_write(target, text, backup=True)
    assert (target.read_bytes(), (work / "2026-11.toml.bak").read_bytes()) == (b"three", b"two")
    assert stat.S_IMODE((work / "2026-11.toml.bak").stat().st_mode) == 0o600
    assert sorted(os.listdir(work)) == ["2026-11.toml", "2026-11.toml.bak"]


# -- reading only plain files of a sane size -------------------------------------------------
@pytest.mark.usefixtures("never_waits")
def test_a_named_pipe_is_damaged_at_once(work: Path) -> None:
    pipe = work / "2026-11.toml"
    os.mkfifo(pipe)
    with pytest.raises(DamagedFile, match="it is a named pipe, not a plain file"):
        read_bytes(pipe)  # opening it plainly would wait for a writer for ever


def test_a_link_to_a_device_is_damaged(work: Path) -> None:
    month = work / "2026-11.toml"
    month.symlink_to("/dev/zero")
    with pytest.raises(DamagedFile, match="a device"):
        read_bytes(month)


def test_a_folder_is_damaged(work: Path) -> None:
    (work / "settings.toml").mkdir()
    with pytest.raises(DamagedFile, match="a folder"):
        read_bytes(work / "settings.toml")


def test_a_file_over_the_limit_is_damaged_and_not_read_whole(work: Path) -> None:
    big = work / "2026-11.toml"
    big.write_bytes(b"#" * 1001)
    assert read_bytes(big, limit=1001) == b"#" * 1001
    with pytest.raises(DamagedFile, match="too big"):
        read_bytes(big, limit=1000)


def test_an_unreadable_file_is_a_store_error(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "open", refuse)
    with pytest.raises(StoreError, match="permission denied") as info:
        read_bytes(work / "x.toml")
    assert not isinstance(info.value, DamagedFile)


def test_a_month_that_is_a_link_is_written_through_it(tmp_path: Path) -> None:
    from itb_tui.core.history.history_store import HistoryStore
    from itb_tui.core.history.records import PainLog
    from itb_tui.core.store.paths import Paths
    from tests import factories

    store = HistoryStore(Paths(tmp_path / "data", tmp_path / "config"))
    first = PainLog(factories.at(factories.TODAY, 7), 2, "daily")
    store.add_pain_log(first)
    month = store.month_path(f"{first.at:%Y-%m}")
    synced = tmp_path / "synced" / month.name
    synced.parent.mkdir()
    month.rename(synced)
    month.symlink_to(synced)
    old = synced.read_bytes()
    store.add_pain_log(PainLog(factories.at(factories.TODAY, 9), 4, "daily"))
    assert month.is_symlink() and month.resolve() == synced
    assert len(HistoryStore(store.paths).everything().pain_logs) == 2
    assert synced.with_name(synced.name + ".bak").read_bytes() == old
