"""Run the real ``itb`` program in a pseudo-terminal and watch what it does.

Everything here waits on a deadline and polls; nothing sleeps longer than a poll interval.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Callable, Mapping, Sequence

POLL_S = 0.02
ANSI = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: title, clipboard
    rb"|\x1bP[^\x1b]*\x1b\\"  # DCS
    rb"|\x1b[@-Z\\-_]"  # other two-byte escapes
    rb"|\x1b[()][0-9A-Za-z]"  # charset selection
)

ENTER = b"\r"
DOWN = b"\x1b[B"
UP = b"\x1b[A"
HOME = b"\x1b[H"
END = b"\x1b[F"


class PtyTimeout(AssertionError):
    """An expected state did not appear in time; the message ends with the screen so far."""


def strip_ansi(raw: bytes) -> str:
    """The printable text of terminal output, escape sequences removed (roughly)."""
    return ANSI.sub(b"", raw).decode("utf-8", errors="replace")


class PtyApp:
    """One run of a program with a pseudo-terminal as its controlling terminal."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        size: tuple[int, int] = (100, 32),
    ) -> None:
        self.argv = list(argv)
        self.env = dict(env)
        self.columns, self.lines = size
        self.pid = 0
        self.fd = -1
        self.output = bytearray()
        self.returncode: int | None = None

    # -- life -------------------------------------------------------------------------
    def start(self) -> PtyApp:
        env = {**self.env, "COLUMNS": str(self.columns), "LINES": str(self.lines)}
        env.setdefault("TERM", "xterm-256color")
        winsize = struct.pack("HHHH", self.lines, self.columns, 0, 0)
        pid, fd = pty.fork()
        if pid == 0:  # the child: the pty is already stdin/stdout/stderr and the ctty
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
                os.execve(self.argv[0], self.argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, winsize)
        os.set_blocking(fd, False)
        return self

    def __enter__(self) -> PtyApp:
        return self.start() if not self.pid else self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Kill the child (and anything it started) if it still runs, reap it, close the pty."""
        if self.pid and self.poll() is None:
            # Not reaped yet, so the id cannot have been reused: the child leads its own
            # session and process group (pty.fork), which holds only what it started.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pid, signal.SIGKILL)
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                self._reap(os.waitpid(self.pid, 0)[1])
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1

    def _reap(self, status: int) -> None:
        self.returncode = os.waitstatus_to_exitcode(status)

    def poll(self) -> int | None:
        """The exit code (negative for a signal) once the child has ended, else None."""
        if self.returncode is None and self.pid:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                return self.returncode
            if pid:
                self._reap(status)
        return self.returncode

    # -- talk -------------------------------------------------------------------------
    def send(self, keys: bytes) -> None:
        self.pump()
        view = memoryview(keys)
        while view:
            try:
                view = view[os.write(self.fd, view) :]
            except BlockingIOError:
                self.pump(POLL_S)

    def pump(self, wait: float = 0.0) -> bool:
        """Read whatever output is ready (waiting up to ``wait`` s); False at end of output."""
        if self.fd < 0:
            time.sleep(wait)  # no terminal left to read: just let the wait pass
            return False
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return True
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except BlockingIOError:
                return True
            except OSError as err:  # EIO: the child closed the terminal
                if err.errno == errno.EIO:
                    return False
                raise
            if not chunk:
                return False
            self.output += chunk

    def mark(self) -> int:
        """A position in the output, for waiting on what is drawn after it."""
        self.pump()
        return len(self.output)

    def screen_text(self, since: int = 0) -> str:
        """Everything drawn so far (or since a mark), escapes stripped: good for finding words."""
        self.pump()
        return strip_ansi(bytes(self.output[since:]))

    # -- wait -------------------------------------------------------------------------
    def _wait(self, done: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while True:
            alive = self.pump(POLL_S)
            if done():
                return
            if time.monotonic() >= deadline:
                break
            if not alive and self.poll() is not None:
                if done():
                    return
                what += f" (the program ended with {self.returncode})"
                break
        tail = self.screen_text()[-3000:]
        raise PtyTimeout(f"timed out after {timeout} s waiting for {what}; output:\n{tail}")

    def wait_for_text(self, text: str, timeout: float = 15.0, since: int = 0) -> None:
        self._wait(lambda: text in self.screen_text(since), timeout, repr(text))

    def wait_for_file(self, predicate: Callable[[], bool], timeout: float = 15.0) -> None:
        """Poll ``predicate`` (usually about a file) while keeping the output drained."""

        def check() -> bool:
            try:
                return predicate()
            except (OSError, ValueError):  # half-written or missing: not yet
                return False

        self._wait(check, timeout, getattr(predicate, "__name__", "the file state"))

    def hang_up(self) -> None:
        """Close the terminal, as closing its window does (the master side goes away)."""
        os.close(self.fd)
        self.fd = -1

    def kill(self, sig: int = signal.SIGKILL) -> None:
        os.kill(self.pid, sig)

    def wait_exit(self, timeout: float = 15.0) -> int:
        self._wait(lambda: self.poll() is not None, timeout, "the program to exit")
        assert self.returncode is not None
        return self.returncode
