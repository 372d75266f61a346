"""Two real itb apps on one data folder, and the shell writing beside them: the second app
is read-only in fact, and every entry any of them makes is kept."""

from __future__ import annotations

import subprocess
import tomllib
from typing import Any

import pytest

from .conftest import ItbDirs
from .helpers import TIMEOUT, progress_has, running_itb
from .pty_app import ENTER

ESCAPE = b"\x1b"


def month(dirs: ItbDirs) -> dict[str, Any]:
    files = sorted(dirs.history.glob("*.toml")) if dirs.history.is_dir() else []
    return tomllib.loads(files[-1].read_text("utf-8")) if files else {}


def scores(dirs: ItbDirs) -> list[int]:
    """The pain logs' scores, in the order written."""
    return [log["score"] for log in month(dirs).get("pain_logs", [])]


@pytest.mark.e2e
def test_a_second_app_is_read_only_and_nothing_is_lost(itb_dirs: ItbDirs) -> None:
    settings = itb_dirs.config / "settings.toml"
    with running_itb(itb_dirs, "start", "hip-strength") as first:
        first.wait_for_text("GET SET UP", TIMEOUT)
        first.send(ENTER)  # intro -> left set 1
        first.wait_for_text("Done:", TIMEOUT)
        before = settings.read_bytes()
        with running_itb(itb_dirs) as second:
            second.wait_for_text("Another itb-tui is open", TIMEOUT)
            mark = second.mark()
            second.send(b"s")  # settings: refused
            second.wait_for_text("Read-only", TIMEOUT, since=mark)
            second.send(b"l")  # log pain: an append, allowed
            second.wait_for_text("Quick pain log", TIMEOUT, since=mark)
            second.send(b"3")
            second.wait_for_text("3/10", TIMEOUT, since=mark)
            second.send(ENTER)
            second.wait_for_file(lambda: scores(itb_dirs) == [3], TIMEOUT)
            shell = subprocess.run(
                [
                    str(itb_dirs.itb),
                    "log-pain",
                    "2",
                    "--context",
                    "daily",
                ],
                env=itb_dirs.env,
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
                stdin=subprocess.DEVNULL,
            )
            assert shell.returncode == 0, shell.stderr
            second.send(b"q")
            assert second.wait_exit(TIMEOUT) == 0
        assert settings.read_bytes() == before  # the second copy wrote no setting
        first.send(ENTER)  # left set 1 done: the first copy goes on as if alone
        first.wait_for_file(progress_has(itb_dirs, 1, {"left": [15]}), TIMEOUT)
        first.send(b"q")
        first.wait_for_text("Stop this session?", TIMEOUT)
        first.send(b"k")
        first.wait_for_text("Stopped early", TIMEOUT)
        first.send(ESCAPE)  # no rating: the session is kept as it is
        first.wait_for_file(lambda: not itb_dirs.progress.exists(), TIMEOUT)  # saved, then
    data = month(itb_dirs)
    assert sorted(scores(itb_dirs)) == [2, 3]
    assert data["sessions"][0]["exercises"][0]["done"] == {"left": [15]}
    uids = [entry["uid"] for kind in ("sessions", "pain_logs") for entry in data[kind]]
    assert len(set(uids)) == 3
