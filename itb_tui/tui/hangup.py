"""SIGTERM and SIGHUP (the terminal closed) end the app whatever it is doing.

The usual way runs on the event loop: the session in hand is kept, the terminal given back,
and the app exits with 128 + the signal. The loop only gets to it between two frames, and a
frame can take minutes (a screen of something huge), so the signal also starts a watchdog:
when the app is still there ``GRACE_S`` later, the session is kept from the watchdog's thread
and the process ends at once, which releases its lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Callable
from types import FrameType

GRACE_S = 10.0
SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def install(
    loop: asyncio.AbstractEventLoop,
    on_signal: Callable[[int], object],
    keep: Callable[[], object],
    grace: float = GRACE_S,
) -> Callable[[], None]:
    """On SIGTERM or SIGHUP: ``on_signal(signum)`` on ``loop``; and unless the process has
    ended ``grace`` seconds later, ``keep()`` and an immediate exit with 128 + the signal.
    Returns what puts the handlers from before back (once the app has closed)."""

    def last_resort(signum: int) -> None:
        with contextlib.suppress(BaseException):  # nothing may stop the exit
            keep()
        os._exit(128 + signum)

    def received(signum: int, _frame: FrameType | None) -> None:
        # A Python handler runs between two steps of whatever the main thread is doing, even
        # in the middle of a frame; the loop's own signal handling would wait for the frame.
        with contextlib.suppress(RuntimeError):  # the loop has closed: the app is ending
            loop.call_soon_threadsafe(on_signal, signum)
        watchdog = threading.Timer(grace, last_resort, (signum,))
        watchdog.daemon = True
        watchdog.start()

    before = {signum: signal.signal(signum, received) for signum in SIGNALS}

    def restore() -> None:
        for signum, handler in before.items():
            signal.signal(signum, handler)

    return restore
