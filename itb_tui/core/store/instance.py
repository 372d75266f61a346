"""One interactive copy at a time: a lock held for the life of the app."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from itb_tui.core.store.files import FILE_MODE, StoreError, ensure_dir, reason


class InstanceLock:
    """An exclusive lock on a file in the data folder, released when the process ends.

    The kernel drops the lock when the process dies, even by ``kill -9``, so a crash never
    leaves the app locked out.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self.other_pid: int | None = None
        self.problem: str | None = None

    def acquire(self) -> bool:
        """True when this process now holds the lock; else ``other_pid`` names the holder.

        A folder that cannot be used (read-only, full, not ours) raises StoreError saying so:
        that is not another copy running. Once the lock is held, a pid that cannot be written
        (a full disk) is put in ``problem`` and the lock is kept.
        """
        try:
            ensure_dir(self.path.parent)
            flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
            fd = os.open(self.path, flags, FILE_MODE)
        except OSError as err:
            raise StoreError(f"cannot use {self.path.parent}: {reason(err)}", self.path) from err
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            with contextlib.suppress(ValueError, OSError):
                self.other_pid = int(os.read(fd, 32).decode().strip() or 0) or None
            os.close(fd)
            return False
        self._fd = fd
        try:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        except OSError as err:
            self.problem = f"cannot save in {self.path.parent}: {reason(err)}"
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
