"""Private files written so that nothing is lost: atomic writes, locks, damage that is reported
and never overwritten. Everything the app stores goes through here."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FILE_MODE = 0o600
MAX_FILE_BYTES = 16 << 20  # far more than years of history in one month file
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

    The temporary file gets an unpredictable name in the same folder, is created exclusively
    (never through a link someone planted there) and 0600, fsynced, then renamed over the
    target. With ``backup`` the previous version is kept as ``NAME.bak``: a hard link where
    the filesystem has them, else a copy.
    """
    leftovers: list[Path] = []
    try:
        ensure_dir(path.parent)
        tmp = _write_temp(path, data, leftovers)
        if backup and os.path.lexists(path):
            _keep_backup(path, leftovers)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as err:
        _remove(leftovers)
        raise StoreError(f"could not save {path}: {reason(err)}") from err
    except BaseException:
        _remove(leftovers)
        raise


def _remove(leftovers: list[Path]) -> None:
    for leftover in leftovers:
        with contextlib.suppress(OSError):
            os.unlink(leftover)


def _write_temp(path: Path, data: bytes, leftovers: list[Path], suffix: str = ".tmp") -> Path:
    """``data`` in a new private file beside ``path``, fsynced; its name is put in ``leftovers``
    (to remove if the write goes no further)."""
    import tempfile  # on the first write, not at start-up

    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    leftovers.append(Path(name))
    try:
        os.fchmod(fd, FILE_MODE)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    return Path(name)


def _keep_backup(path: Path, leftovers: list[Path]) -> None:
    """Keep the current ``path`` as ``NAME.bak``: a hard link under a fresh name renamed into
    place; where the filesystem has no hard links (FAT, exFAT, some network and FUSE mounts), a
    copy written the same way."""
    link = path.with_name(f".{path.name}.{os.urandom(8).hex()}.bak.tmp")
    try:
        os.link(path, link)  # fails if the name exists; never follows a link planted there
        leftovers.append(link)
    except OSError as err:
        if err.errno in (errno.ENOSPC, errno.EROFS, errno.EDQUOT):
            raise
        old = read_bytes(path)
        if old is None:
            return
        link = _write_temp(path, old, leftovers, ".bak.tmp")
    os.replace(link, path.with_name(path.name + ".bak"))


def reason(err: OSError) -> str:
    """Why the system refused, in plain words."""
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


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """The bytes of ``path``; None when it does not exist, StoreError when it cannot be read.

    Only a regular file of at most ``limit`` bytes is read: a FIFO, a device (a link to
    ``/dev/zero``), a folder or a file too big to be the app's is DamagedFile, at once (the
    open never waits for a writer, the read never fills the memory).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as err:
        raise StoreError(f"could not read {path}: {reason(err)}", path) from err
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DamagedFile(
                f"could not read {path}: it is {_kind(info.st_mode)}, not a plain file, "
                "and was left untouched.",
                path,
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
        raise DamagedFile(
            f"could not read {path}: it is larger than {limit:,} bytes, too big to be an "
            "itb-tui file, and was left untouched.",
            path,
        )
    except OSError as err:
        raise StoreError(f"could not read {path}: {reason(err)}", path) from err
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something else"


def parse_toml(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse the bytes of ``path``; damage raises DamagedFile naming the file and the place."""
    import tomli  # here: a start whose files are all in the parse cache never imports it

    try:
        return tomli.loads(raw.decode("utf-8").removeprefix("\ufeff"))  # a BOM some editors add
    except (UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError) as err:
        backup = path.with_name(path.name + ".bak")
        hint = f" The previous good version is kept at {backup}." if backup.exists() else ""
        raise DamagedFile(f"{path} is damaged and was left untouched ({err}).{hint}", path) from err


@contextlib.contextmanager
def file_lock(path: Path, timeout: float = 5.0) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for one read-modify-write; wait up to ``timeout`` s."""
    try:
        ensure_dir(path.parent)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
    except OSError as err:
        raise StoreError(f"cannot use {path.parent}: {reason(err)}", path) from err
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
    good = read_bytes(backup)
    if good is None:
        raise StoreError(f"there is no backup of {path} to restore", path)
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        os.replace(path, aside)
        atomic_write(path, good)
    except OSError as err:
        raise StoreError(f"could not restore {backup}: {reason(err)}", path) from err
    return aside
