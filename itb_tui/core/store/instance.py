"""One interactive copy at a time: a lock held for the life of the app."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from itb_tui.core.store.files import FILE_MODE, ensure_dir


class InstanceLock:
    """An exclusive lock on a file in the data folder, released when the process ends.

    The kernel drops the lock when the process dies, even by ``kill -9``, so a crash never
    leaves the app locked out.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self.other_pid: int | None = None

    def acquire(self) -> bool:
        """True when this process now holds the lock; else ``other_pid`` names the holder."""
        ensure_dir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            with contextlib.suppress(ValueError, OSError):
                self.other_pid = int(os.read(fd, 32).decode().strip() or 0) or None
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
