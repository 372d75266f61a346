"""Speaking cues aloud through a system speech program (espeak-ng, espeak, or macOS ``say``).

``Speaker.say()`` never blocks and never raises. Newest wins: a new phrase kills the one still
being spoken, so a countdown is never late behind a long announcement.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

from itb_tui.core import host

LINUX_PROGRAMS = ("espeak-ng", "espeak")
INSTALL_HINT = "espeak-ng"


def find_speech_program() -> list[str] | None:
    """The command to speak with (text is appended as the last argument), or None."""
    names = ("say", *LINUX_PROGRAMS) if sys.platform == "darwin" else LINUX_PROGRAMS
    for name in names:
        path = host.find_program(name)
        if path:
            return [path]
    return None


def describe_voice_support() -> str:
    """One line for the settings screen."""
    command = find_speech_program()
    if command is None:
        return f"Voice: no speech program found (install {INSTALL_HINT}); using the bell"
    return f"Voice: {Path(command[0]).name} found"


class Speaker:
    """Runs the speech program in the background, one utterance at a time (newest wins)."""

    def __init__(self, command: list[str] | None) -> None:
        self.command = list(command) if command else None
        self.name = Path(command[0]).name if command else ""
        self.last_error: str | None = None
        self.process: subprocess.Popen[bytes] | None = None  # the utterance in hand, if any
        self._dying: list[subprocess.Popen[bytes]] = []  # killed or finished, not yet reaped

    @property
    def enabled(self) -> bool:
        return self.command is not None

    def say(self, text: str) -> None:
        """Speak ``text`` in the background, cutting off anything still being spoken."""
        self._reap()
        text = text.strip().lstrip("-").strip()  # never let the text pass for an option
        if self.command is None or not text:
            return
        self._stop_current()
        try:
            self.process = subprocess.Popen(
                [*self.command, text],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except (OSError, ValueError) as err:  # missing, not executable, bad argument
            self.last_error = f"{self.command[0]}: {err}"
            self.command = None  # disabled for the rest of the run

    def close(self) -> None:
        """Stop speaking and reap every child (waits briefly; call on exit)."""
        self._stop_current()
        for process in self._dying:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=2)
        self._reap()

    def _stop_current(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            with contextlib.suppress(OSError):
                process.kill()
        self._dying.append(process)

    def _reap(self) -> None:
        """Collect finished children without waiting; note a program that failed on its own."""
        if self.process is not None and self.process.poll() is not None:
            self._dying.append(self.process)
            self.process = None
        still: list[subprocess.Popen[bytes]] = []
        for process in self._dying:
            code = process.poll()
            if code is None:
                still.append(process)
            elif code > 0:
                self.last_error = f"{self.name} exited with status {code}"
        self._dying = still
