"""Atomic, private, locked TOML files: the history by month, the session in progress."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import tomli_w

from itb_tui.core.history import HISTORY_SCHEMA, MonthHistory, PainLog, SessionRecord
from itb_tui.core.paths import Paths

T = TypeVar("T")

FILE_MODE = 0o600
DIR_MODE = 0o700
PROGRESS_SCHEMA = 1


class StoreError(Exception):
    """A file could not be read or written; the message says which and why."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DamagedFile(StoreError):
    """A file that cannot be parsed; it is left untouched."""


def ensure_dir(path: Path) -> None:
    """Create ``path`` and any missing parents, each readable by the user alone.

    ``Path.mkdir(parents=True)`` would create the parents with default permissions.
    """
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=DIR_MODE, exist_ok=True)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never a mix.

    The temporary file is created 0600 in the same folder, fsynced, then renamed over the
    target. With ``backup`` the previous version is kept as ``NAME.bak``.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    bak_tmp = path.with_name(f".{path.name}.{os.getpid()}.bak.tmp")
    try:
        ensure_dir(path.parent)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if backup and path.exists():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(bak_tmp)
            os.link(path, bak_tmp)
            os.replace(bak_tmp, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as err:
        for leftover in (tmp, bak_tmp):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        raise StoreError(f"could not save {path}: {_reason(err)}") from err


def _reason(err: OSError) -> str:
    if err.errno == errno.ENOSPC:
        return "the disk is full"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.EROFS:
        return "the folder is read-only"
    return err.strerror or str(err)


def write_toml(path: Path, data: dict[str, Any], *, backup: bool = False) -> None:
    atomic_write(path, tomli_w.dumps(data).encode("utf-8"), backup=backup)


def read_toml_file(path: Path) -> dict[str, Any] | None:
    """Parse ``path``; None when it does not exist. A damaged file raises StoreError."""
    raw = _read_bytes(path)
    return None if raw is None else parse_toml(path, raw)


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise StoreError(f"could not read {path}: {_reason(err)}", path) from err


def parse_toml(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse the bytes of ``path``; damage raises DamagedFile naming the file and the place."""
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as err:
        backup = path.with_name(path.name + ".bak")
        hint = f" The previous good version is kept at {backup}." if backup.exists() else ""
        raise DamagedFile(f"{path} is damaged and was left untouched ({err}).{hint}", path) from err


@contextlib.contextmanager
def file_lock(path: Path, timeout: float = 5.0) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for one read-modify-write; wait up to ``timeout`` s."""
    try:
        ensure_dir(path.parent)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    except OSError as err:
        raise StoreError(f"cannot use {path.parent}: {_reason(err)}", path) from err
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"another itb is saving to {path.parent}; try again in a moment"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)


def restore_backup(path: Path, stamp: str) -> Path:
    """Put ``NAME.bak`` back in place of a damaged ``path``; the damaged file is kept aside.

    Returns where the damaged file now is. Nothing is deleted.
    """
    backup = path.with_name(path.name + ".bak")
    if not backup.exists():
        raise StoreError(f"there is no backup of {path} to restore", path)
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        os.replace(path, aside)
        atomic_write(path, backup.read_bytes())
    except OSError as err:
        raise StoreError(f"could not restore {backup}: {_reason(err)}", path) from err
    return aside


def month_key(moment: datetime) -> str:
    return moment.strftime("%Y-%m")


@dataclass
class HistoryStore:
    """The history on disk: one TOML file per month, so saving costs the same in year five.

    Each month read is remembered with the exact bytes it came from, so a file that has not
    changed is not parsed again: saving costs one serialisation and one atomic write.
    Months for viewing and the month last written are kept apart, so nobody changes what
    another holds.
    """

    paths: Paths
    # Months parsed for viewing: shared with callers, never changed.
    _viewed: dict[str, tuple[bytes, MonthHistory]] = field(default_factory=dict, repr=False)
    # The month this store last wrote, with its bytes: only update_month uses (and changes) it.
    _written: dict[str, tuple[bytes, MonthHistory]] = field(default_factory=dict, repr=False)

    def month_path(self, key: str) -> Path:
        return self.paths.history / f"{key}.toml"

    def months(self) -> list[str]:
        """Month keys with a file, oldest first."""
        if not self.paths.history.is_dir():
            return []
        return sorted(
            p.stem
            for p in self.paths.history.glob("*.toml")
            if len(p.stem) == 7 and p.stem[4] == "-"
        )

    def _read(self, key: str, *, for_writing: bool) -> tuple[bytes | None, MonthHistory]:
        path = self.month_path(key)
        raw = _read_bytes(path)
        if raw is None:
            return None, MonthHistory()
        cached = self._written.pop(key, None) if for_writing else self._viewed.get(key)
        if cached is not None and cached[0] == raw:
            return raw, cached[1]
        data = parse_toml(path, raw)
        version = data.get("schema_version")
        if isinstance(version, int) and version > HISTORY_SCHEMA and for_writing:
            raise StoreError(
                f"{path} was written by a newer itb-tui (schema {version}); it is kept as it is. "
                "Upgrade itb-tui to add to it.",
                path,
            )
        problems: list[str] = []
        month = MonthHistory.from_dict(data, str(path), problems)
        if problems and (for_writing or not isinstance(version, int) or version <= HISTORY_SCHEMA):
            raise StoreError(
                f"{path} has entries this version cannot read and was left untouched: "
                + "; ".join(problems[:3]),
                path,
            )
        if not for_writing:
            self._viewed[key] = (raw, month)
        return raw, month

    def load_month(self, key: str, *, for_writing: bool = False) -> MonthHistory:
        """Read one month; a damaged file, or a newer one when writing, raises StoreError.

        A month read for writing is the caller's own to change; one read for viewing is
        shared with the cache and must not be changed.
        """
        return self._read(key, for_writing=for_writing)[1]

    def load_months(self, keys: list[str]) -> MonthHistory:
        combined = MonthHistory()
        for key in keys:
            month = self.load_month(key)
            combined.sessions.extend(month.sessions)
            combined.pain_logs.extend(month.pain_logs)
        return combined

    def recent(self, count: int = 2) -> MonthHistory:
        """The last ``count`` months that have files: what the home screen needs."""
        return self.load_months(self.months()[-count:])

    def everything(self) -> MonthHistory:
        return self.load_months(self.months())

    def update_month(self, key: str, change: Callable[[MonthHistory], T]) -> T:
        """Locked read-change-write of one month; returns what ``change`` returns.

        Nothing is written when ``change`` raises.
        """
        with file_lock(self.paths.lock):
            _raw, month = self._read(key, for_writing=True)
            outcome = change(month)
            month.sort()
            data = tomli_w.dumps(month.to_dict()).encode("utf-8")
            atomic_write(self.month_path(key), data, backup=True)
            self._written[key] = (data, month)
        return outcome

    def save_session(self, record: SessionRecord) -> None:
        """Add ``record`` to its month, replacing an earlier save of the same session."""

        def change(month: MonthHistory) -> None:
            month.sessions = [s for s in month.sessions if s.id != record.id] + [record]

        self.update_month(month_key(record.started_at), change)

    def add_pain_log(self, log: PainLog) -> None:
        self.update_month(month_key(log.at), lambda month: month.pain_logs.append(log))

    def save_progress(self, snapshot: dict[str, Any]) -> None:
        """Save the session in progress (see SessionEngine.snapshot)."""
        write_toml(self.paths.in_progress, {"schema_version": PROGRESS_SCHEMA, **snapshot})

    def load_progress(self) -> dict[str, Any] | None:
        data = read_toml_file(self.paths.in_progress)
        if data is None:
            return None
        version = data.get("schema_version", 0)
        if not isinstance(version, int):
            raise StoreError(f"{self.paths.in_progress} is damaged: schema_version {version!r}")
        if version > PROGRESS_SCHEMA:
            raise StoreError(f"{self.paths.in_progress} was written by a newer itb-tui")
        return data

    def clear_progress(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.paths.in_progress.unlink()
