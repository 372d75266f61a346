"""SIGHUP or SIGTERM while the main thread is busy for minutes (a frame of something huge):
the process still ends within the grace period, keeps the session and releases its lock."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import REPO

BUSY = """
import asyncio, fcntl, os, sys, time
from itb_tui.tui import hangup

kept, lock = sys.argv[1], os.open(sys.argv[2], os.O_RDWR | os.O_CREAT)
fcntl.flock(lock, fcntl.LOCK_EX)

async def main():
    loop = asyncio.get_running_loop()
    # on_signal is queued on the loop, which never turns again: a frame that takes minutes
    hangup.install(loop, lambda signum: None, lambda: open(kept, "w").write("kept"), 0.5)
    print("drawing", flush=True)
    end = time.monotonic() + 120
    while time.monotonic() < end:
        sum(range(1000))

asyncio.run(main())
"""


@pytest.mark.e2e
@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_signal_ends_the_app_even_mid_frame(tmp_path: Path, sig: int) -> None:
    kept, lock = tmp_path / "kept", tmp_path / ".app.lock"
    busy = subprocess.Popen(
        [sys.executable, "-c", BUSY, str(kept), str(lock)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert busy.stdout is not None and busy.stdout.readline() == "drawing\n"
        sent = time.monotonic()
        busy.send_signal(sig)
        assert busy.wait(timeout=30) == 128 + sig
        assert time.monotonic() - sent < 30
    finally:
        busy.kill()
        busy.wait()
    assert kept.read_text() == "kept"
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free: no copy is left holding it
    finally:
        os.close(fd)
