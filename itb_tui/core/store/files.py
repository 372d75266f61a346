"""Private files written so that nothing is lost: atomic writes, locks, damage that is reported
and never overwritten. Everything the app stores goes through here."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import tomli

FILE_MODE = 0o600
DIR_MODE = 0o700


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
    atomic_write(path, toml_bytes(data), backup=backup)


def toml_bytes(data: dict[str, Any]) -> bytes:
    """``data`` as TOML in UTF-8 (the writer is imported on the first write, not at start-up)."""
    import tomli_w

    return tomli_w.dumps(data).encode("utf-8")


def read_toml_file(path: Path) -> dict[str, Any] | None:
    """Parse ``path``; None when it does not exist. A damaged file raises StoreError."""
    raw = read_bytes(path)
    return None if raw is None else parse_toml(path, raw)


def read_bytes(path: Path) -> bytes | None:
    """The bytes of ``path``; None when it does not exist, StoreError when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise StoreError(f"could not read {path}: {_reason(err)}", path) from err


def parse_toml(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse the bytes of ``path``; damage raises DamagedFile naming the file and the place."""
    try:
        return tomli.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError) as err:
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
