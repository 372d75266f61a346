"""Crash safety end to end: the real ``itb`` killed mid-session, racing writers, full disks,
damaged files, private permissions and bad arguments.

The pseudo-terminal tests drive the real program with keys and poll the data folder for the
state they expect; nothing sleeps for a fixed time.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from itb_tui import cli
from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import load_library
from itb_tui.core.dates import month_key
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.in_progress import snapshot
from itb_tui.core.history.records import PainLog
from itb_tui.core.session.engine import SessionEngine
from itb_tui.core.store.files import StoreError, atomic_write
from itb_tui.core.store.paths import Paths, content_dir

from .conftest import REPO, ItbDirs
from .helpers import TIMEOUT, progress_has, read_toml, running_itb
from .pty_app import DOWN, END, ENTER, PtyApp

CLAMSHELL_BOTH_SIDES = {"left": [15], "right": [15]}


# -- helpers --------------------------------------------------------------------------------
def month_files(dirs: ItbDirs) -> list[Path]:
    return sorted(dirs.history.glob("*.toml")) if dirs.history.is_dir() else []


def stray_temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.name.endswith(".tmp"))


def interrupt_after_two_sets(dirs: ItbDirs, sig: int) -> PtyApp:
    """Start hip strength, finish left and right set 1 by keyboard, then send ``sig``
    (0: close the terminal, from a shell that ignores SIGHUP)."""
    with running_itb(dirs, "start", "hip-strength", under_nohup_shell=sig == 0) as app:
        app.wait_for_text("GET SET UP", TIMEOUT)
        app.send(ENTER)  # intro -> left set 1
        app.wait_for_text("Done:", TIMEOUT)
        app.send(ENTER)  # left set 1 done (15 reps) -> 5 s switch-sides countdown
        app.wait_for_file(progress_has(dirs, 1, {"left": [15]}), TIMEOUT)
        mark = app.mark()
        app.send(ENTER)  # skip the switch countdown -> right set 1
        app.wait_for_text("RIGHT LEG", TIMEOUT, since=mark)
        app.send(ENTER)  # right set 1 done
        app.wait_for_file(progress_has(dirs, 2, CLAMSHELL_BOTH_SIDES), TIMEOUT)
        if sig:
            app.kill(sig)
        else:
            app.hang_up()
        app.wait_exit(TIMEOUT)
    return app


def run_itb(dirs: ItbDirs, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(dirs.itb), *args],
        env=dirs.env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == code, output
    assert "Traceback" not in output
    assert result.stderr.strip(), "the failure should be explained on stderr"


def this_month() -> str:
    return month_key(datetime.now(UTC).astimezone())


# -- 1. kill -9 mid-session, then resume / keep / discard -----------------------------------
@pytest.mark.e2e
def test_kill9_then_resume_continues_with_the_finished_sets(itb_dirs: ItbDirs) -> None:
    interrupt_after_two_sets(itb_dirs, signal.SIGKILL)
    before = read_toml(itb_dirs.progress)
    assert stat.S_IMODE(itb_dirs.progress.stat().st_mode) == 0o600
    assert stray_temp_files(itb_dirs.data) == []

    with running_itb(itb_dirs) as app:
        app.wait_for_text("unfinished session", TIMEOUT)
        assert "2 sets done" in app.screen_text()
        mark = app.mark()
        app.send(b"r")  # "Resume where I was" (an Enter straight after it would be a double press)
        app.wait_for_text("sets done 2 of", TIMEOUT, since=mark)
        app.wait_for_text("REST", TIMEOUT, since=mark)  # it picks up at the rest after set 1
        app.send(ENTER)  # skip the rest -> left set 2
        app.wait_for_text("Set 2 of 3", TIMEOUT, since=mark)
        app.send(ENTER)  # left set 2 done
        app.wait_for_file(progress_has(itb_dirs, 3, {"left": [15, 15], "right": [15]}), TIMEOUT)
    after = read_toml(itb_dirs.progress)
    assert after["record"]["id"] == before["record"]["id"]
    assert after["record"]["started_at"] == before["record"]["started_at"]
    assert month_files(itb_dirs) == []


@pytest.mark.e2e
def test_kill9_then_keep_saves_an_incomplete_session(itb_dirs: ItbDirs) -> None:
    interrupt_after_two_sets(itb_dirs, signal.SIGKILL)
    session_id = read_toml(itb_dirs.progress)["record"]["id"]

    with running_itb(itb_dirs) as app:
        app.wait_for_text("unfinished session", TIMEOUT)
        app.send(DOWN)
        app.send(ENTER)  # "Keep it as an incomplete session"

        def kept_in_history() -> bool:
            (month,) = month_files(itb_dirs)
            return bool(read_toml(month)["sessions"]) and not itb_dirs.progress.exists()

        app.wait_for_file(kept_in_history, TIMEOUT)
        app.send(b"q")
        assert app.wait_exit(TIMEOUT) == 0
    (month,) = month_files(itb_dirs)
    (session,) = read_toml(month)["sessions"]
    assert session["id"] == session_id
    assert session["completed"] is False
    assert session["exercises"][0]["done"] == CLAMSHELL_BOTH_SIDES
    assert stat.S_IMODE(month.stat().st_mode) == 0o600


@pytest.mark.e2e
def test_kill9_then_discard_asks_twice_and_forgets(itb_dirs: ItbDirs) -> None:
    interrupt_after_two_sets(itb_dirs, signal.SIGKILL)
    with running_itb(itb_dirs) as app:
        app.wait_for_text("unfinished session", TIMEOUT)
        mark = app.mark()
        app.send(END)
        app.send(ENTER)  # "Discard it", the last answer -> asks again
        app.wait_for_text("Discard the unfinished session?", TIMEOUT, since=mark)
        assert itb_dirs.progress.exists()
        app.send(END)
        app.send(ENTER)  # "Yes, discard it for good", the last answer
        app.wait_for_file(lambda: not itb_dirs.progress.exists(), TIMEOUT)
    assert month_files(itb_dirs) == []


# -- 2. hang-up and terminate keep every finished set ---------------------------------------
@pytest.mark.e2e
@pytest.mark.parametrize(
    "sig", [signal.SIGHUP, signal.SIGTERM, 0], ids=["SIGHUP", "SIGTERM", "closed-no-SIGHUP"]
)
def test_hangup_or_terminate_keeps_every_finished_set(itb_dirs: ItbDirs, sig: int) -> None:
    app = interrupt_after_two_sets(itb_dirs, sig)
    assert app.returncode == 128 + (sig or signal.SIGHUP)  # a script sees it did not end
    data = read_toml(itb_dirs.progress)
    assert data["schema_version"] == 1
    assert data["resume"]["routine"] == "hip-strength"
    assert len(data["resume"]["records"]) == 2
    assert data["record"]["exercises"][0]["done"] == CLAMSHELL_BOTH_SIDES
    assert stray_temp_files(itb_dirs.data) == []
    assert month_files(itb_dirs) == []


@pytest.mark.e2e
def test_sigterm_gives_the_terminal_back(itb_dirs: ItbDirs) -> None:
    with running_itb(itb_dirs, "start", "hip-strength") as app:
        app.wait_for_text("GET SET UP", TIMEOUT)
        assert not termios.tcgetattr(app.fd)[3] & termios.ECHO  # the app has it raw
        mark = app.mark()
        app.kill(signal.SIGTERM)
        app.wait_exit(TIMEOUT)
        local_flags = termios.tcgetattr(app.fd)[3]
        tail = bytes(app.output[mark:])
    assert b"\x1b[?1049l" in tail, "the alternate screen was not left"
    assert local_flags & termios.ECHO and local_flags & termios.ICANON, "terminal left raw"


# -- 2b. a damaged unfinished-session file ---------------------------------------------------
def progress_snapshot() -> dict[str, Any]:
    """What the app saves after left and right set 1 of hip strength."""
    engine = SessionEngine(load_library(content_dir()).routines["hip-strength"], FakeClock())
    for _ in range(4):  # intro, left set, switch, right set
        engine.done()
    return {"schema_version": 1, **snapshot(engine)}


def damaged_progress(change: Callable[[dict[str, Any]], object]) -> bytes:
    data = progress_snapshot()
    change(data)
    return tomli_w.dumps(data).encode()


DAMAGED_PROGRESS = [
    pytest.param(b"schema_version = 1\n[record\n", "damaged", id="not-toml"),
    pytest.param(b"", "damaged", id="empty"),
    pytest.param(
        damaged_progress(lambda d: d.update(record=5)), "damaged", id="record-not-a-table"
    ),
    pytest.param(
        damaged_progress(lambda d: d.update(schema_version=99)), "newer", id="newer-schema"
    ),
    pytest.param(
        damaged_progress(lambda d: d.update(resume="x")),
        "unfinished session",
        id="resume-not-a-table",
    ),
    pytest.param(
        damaged_progress(lambda d: d.update(schema_version="one")),
        "damaged",
        id="schema-version-not-a-number",
    ),
]


@pytest.mark.e2e
@pytest.mark.parametrize(("content", "says"), DAMAGED_PROGRESS)
def test_damaged_progress_file_still_opens_the_app(
    itb_dirs: ItbDirs, content: bytes, says: str
) -> None:
    itb_dirs.data.mkdir(mode=0o700)
    itb_dirs.progress.write_bytes(content)
    with running_itb(itb_dirs) as app:
        app.wait_for_text(says, TIMEOUT)
        if says != "unfinished session":  # else the question covers home from the start
            app.wait_for_text("Running", TIMEOUT)  # the home screen's footer
        assert app.poll() is None, "the app ended"
        assert "Traceback" not in app.screen_text()
        if says == "unfinished session":  # the question is asked: decide later
            mark = app.mark()
            app.send(b"\x1b")
            app.wait_for_text("Running", TIMEOUT, since=mark)
        app.send(b"q")
        assert app.wait_exit(TIMEOUT) == 0
        assert "Traceback" not in app.screen_text()
    if says == "unfinished session":  # readable enough to keep: left where it was
        assert itb_dirs.progress.read_bytes() == content
    else:  # kept aside, unchanged, so no session can overwrite it
        (aside,) = itb_dirs.data.glob("in-progress.*-*.toml")
        assert aside.read_bytes() == content
        assert not itb_dirs.progress.exists()


# -- 2c. every way in: first launch, itb start, plain itb -------------------------------------
WAYS_IN = ["first-launch", "start", "home"]


@contextmanager
def hip_strength_by(dirs: ItbDirs, way: str) -> Iterator[PtyApp]:
    """Hip strength opened by ``way``, on its intro (the first-launch questions put off)."""
    args = ["start", "hip-strength"] if way != "home" else []
    with running_itb(dirs, *args, onboarded=way != "first-launch") as app:
        if way == "first-launch":
            app.wait_for_text("Not now", TIMEOUT)
            app.send(b"\x1b")
        elif way == "home":
            app.wait_for_text("Running", TIMEOUT)
            app.send(b"\x10")  # ctrl+p: the palette
            app.wait_for_text("Search for commands", TIMEOUT)
            app.send(b"hip strength")
            app.wait_for_text("Start: Hip strength", TIMEOUT)
            app.send(ENTER)
        app.wait_for_text("GET SET UP", TIMEOUT)
        yield app


def one_set(app: PtyApp, dirs: ItbDirs) -> None:
    app.send(ENTER)  # intro -> left set 1
    app.wait_for_text("Done:", TIMEOUT)
    app.send(ENTER)  # left set 1 done
    app.wait_for_file(progress_has(dirs, 1, {"left": [15]}), TIMEOUT)


@pytest.mark.e2e
@pytest.mark.parametrize("way", WAYS_IN)
def test_kill9_from_each_way_in_is_offered_before_anything_starts(
    itb_dirs: ItbDirs, way: str
) -> None:
    with hip_strength_by(itb_dirs, way) as app:
        one_set(app, itb_dirs)
        app.kill(signal.SIGKILL)
        app.wait_exit(TIMEOUT)
    args = ["start", "daily-stretch"] if way != "home" else []
    with running_itb(itb_dirs, *args, onboarded=way != "first-launch") as app:
        app.wait_for_text("unfinished session", TIMEOUT)
        assert "Not now" not in app.screen_text()  # asked before anything else
        app.send(b"k")  # keep it as an incomplete session
        app.wait_for_file(lambda: not itb_dirs.progress.exists(), TIMEOUT)
    (month,) = month_files(itb_dirs)
    (session,) = read_toml(month)["sessions"]
    assert session["exercises"][0]["done"] == {"left": [15]}


@pytest.mark.e2e
@pytest.mark.parametrize("way", WAYS_IN)
def test_a_repeated_key_in_the_quit_question_from_each_way_in(itb_dirs: ItbDirs, way: str) -> None:
    with hip_strength_by(itb_dirs, way) as app:
        one_set(app, itb_dirs)
        mark = app.mark()
        app.send(b"q")
        app.wait_for_text("Stop this session?", TIMEOUT, since=mark)
        app.send(b"kk")  # key repeat: the second k must not reach anything else
        app.wait_for_text("Stopped early", TIMEOUT, since=mark)  # its pain rating
        app.send(b"\x1b")  # skipped
        app.wait_for_text("Saved.", TIMEOUT, since=mark)
        assert app.poll() is None, "the app ended"
        assert "Traceback" not in app.screen_text()
    (month,) = month_files(itb_dirs)
    (session,) = read_toml(month)["sessions"]
    assert session["completed"] is False and not itb_dirs.progress.exists()


@pytest.mark.e2e
def test_a_repeated_d_on_the_start_up_question_asks_again(itb_dirs: ItbDirs) -> None:
    itb_dirs.data.mkdir(mode=0o700)
    itb_dirs.progress.write_bytes(tomli_w.dumps(progress_snapshot()).encode())
    with running_itb(itb_dirs) as app:
        app.wait_for_text("unfinished session", TIMEOUT)
        mark = app.mark()
        app.send(b"dd")
        app.wait_for_text("Discard the unfinished session?", TIMEOUT, since=mark)
        app.send(b"d")  # the confirmation has its own key
        app.send(b"\x1b")  # no: keep it as an incomplete session
        app.wait_for_file(lambda: not itb_dirs.progress.exists(), TIMEOUT)
        assert app.poll() is None and "Traceback" not in app.screen_text()
    (month,) = month_files(itb_dirs)
    assert len(read_toml(month)["sessions"]) == 1


@pytest.mark.e2e
@pytest.mark.parametrize("way", WAYS_IN)
def test_damaged_progress_is_kept_aside_from_each_way_in(itb_dirs: ItbDirs, way: str) -> None:
    damaged = b"schema_version = 1\n[record\n"
    itb_dirs.data.mkdir(mode=0o700)
    itb_dirs.progress.write_bytes(damaged)
    with hip_strength_by(itb_dirs, way) as app:
        app.wait_for_text("unchanged", TIMEOUT)  # the message naming the kept copy
        one_set(app, itb_dirs)  # the new session's progress, in a file of its own
    (aside,) = itb_dirs.data.glob("in-progress.damaged-*.toml")
    assert aside.read_bytes() == damaged


@pytest.mark.e2e
@pytest.mark.parametrize("args", [[], ["start", "ice"]], ids=["itb", "itb-start"])
def test_without_a_terminal_the_app_says_so_and_exits_2(itb_dirs: ItbDirs, args: list[str]) -> None:
    result = run_itb(itb_dirs, *args)  # standard input /dev/null, output a pipe
    assert_clean_failure(result, 2)
    assert "needs a terminal" in result.stderr
    assert run_itb(itb_dirs, "routines").returncode == 0  # other commands still work


@pytest.mark.e2e
def test_keep_with_a_damaged_month_keeps_the_unfinished_session(itb_dirs: ItbDirs) -> None:
    itb_dirs.data.mkdir(mode=0o700)
    snapshot = progress_snapshot()
    itb_dirs.progress.write_bytes(tomli_w.dumps(snapshot).encode())
    progress_before = itb_dirs.progress.read_bytes()
    started: datetime = snapshot["record"]["started_at"]
    itb_dirs.history.mkdir(mode=0o700)
    month = itb_dirs.history / f"{month_key(started)}.toml"
    month.write_bytes(b"garbage = = =\n")
    with running_itb(itb_dirs) as app:
        app.wait_for_text("unfinished session", TIMEOUT)
        mark = app.mark()
        app.send(DOWN)
        app.send(ENTER)  # keep it: the save fails on the damaged month, which is named
        app.wait_for_text("damaged", TIMEOUT, since=mark)
        assert "Traceback" not in app.screen_text()
        mark = app.mark()
        app.send(END)
        app.send(ENTER)  # the last answer: leave it for now
        # Back on home, the damaged month found at start-up is offered for restoring.
        app.wait_for_text("A history file is damaged", TIMEOUT, since=mark)
        mark = app.mark()
        app.send(b"c")  # continue without that month
        app.wait_for_text("Running", TIMEOUT, since=mark)  # back on the home screen
        app.send(b"q")
        assert app.wait_exit(TIMEOUT) == 0
    assert itb_dirs.progress.read_bytes() == progress_before
    assert month.read_bytes() == b"garbage = = =\n"


# -- 3. two processes writing at the same moment --------------------------------------------
WRITER = """
import sys, time
from datetime import datetime
from pathlib import Path
from itb_tui.core.history.records import PainLog
from itb_tui.core.store.paths import Paths
from itb_tui.core.history.history_store import HistoryStore

data, name, count, at, go = sys.argv[1:6]
store = HistoryStore(Paths(Path(data), Path(data).parent / "config"))
moment = datetime.fromisoformat(at)
Path(go + "." + name).touch()
while not Path(go).exists():
    time.sleep(0.001)
for i in range(int(count)):
    store.add_pain_log(PainLog(moment, i % 11, "daily", f"{name}-{i}"))
"""


@pytest.mark.e2e
def test_two_processes_writing_at_once_lose_nothing(itb_dirs: ItbDirs, tmp_path: Path) -> None:
    count, names = 100, ("PROC-A", "PROC-B")
    moment = datetime.now(UTC).astimezone().replace(microsecond=0)
    go = tmp_path / "go"
    when_and_go = [moment.isoformat(), str(go)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(itb_dirs.data), name, str(count), *when_and_go],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    try:
        deadline = time.monotonic() + TIMEOUT
        while not all(Path(f"{go}.{name}").exists() for name in names):
            assert time.monotonic() < deadline, "the writers did not start"
            assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
            time.sleep(0.005)
        go.touch()  # both are spinning on this file: they start within a millisecond
        results = [p.communicate(timeout=60) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    for p, (_out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
    (month,) = month_files(itb_dirs)
    assert month.stem == month_key(moment)
    data = read_toml(month)
    notes = [log["note"] for log in data["pain_logs"]]
    expected = {f"{name}-{i}" for name in names for i in range(count)}
    assert len(notes) == len(expected) == 2 * count
    assert set(notes) == expected  # every entry there, and (same length) each exactly once
    assert stray_temp_files(itb_dirs.data) == []


@pytest.mark.e2e
def test_two_shell_loops_of_itb_log_pain_lose_nothing(itb_dirs: ItbDirs) -> None:
    count = 8
    loop = (
        'for i in $(seq 1 {n}); do "$ITB" log-pain $((i % 11)) --note "{name}-$i" || exit 1; done'
    )
    env = {**itb_dirs.env, "ITB": str(itb_dirs.itb)}
    procs = [
        subprocess.Popen(
            ["/bin/sh", "-c", loop.format(n=count, name=name)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("SH-A", "SH-B")
    ]
    try:
        errors = [p.communicate(timeout=60)[1] for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    assert [p.returncode for p in procs] == [0, 0], errors
    notes = sorted(
        log["note"] for month in month_files(itb_dirs) for log in read_toml(month)["pain_logs"]
    )
    assert notes == sorted(f"{name}-{i}" for name in ("SH-A", "SH-B") for i in range(1, count + 1))


# -- 4. a full disk at each stage of atomic_write -------------------------------------------
def enospc(*_args: object, **_kwargs: object) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@contextmanager
def failing(monkeypatch: pytest.MonkeyPatch, name: str, nth: int) -> Iterator[None]:
    """Make the ``nth`` call of ``os.NAME`` inside the block fail with ENOSPC."""
    real = getattr(os, name)
    calls = 0

    def fake(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == nth:
            return enospc()
        return real(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(os, name, fake)
        yield
    assert calls >= nth, f"os.{name} was called {calls} times, not {nth}: the stage moved"


# (function, which call): in atomic_write(backup=True) over an existing file.
STAGES = {
    "create-temp": ("open", 1),
    "write": ("write", 1),
    "fsync": ("fsync", 1),
    "link-backup": ("link", 1),
    "replace-backup": ("replace", 1),
    "replace-target": ("replace", 2),
}


@pytest.mark.parametrize("stage", STAGES)
def test_full_disk_in_atomic_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    target = tmp_path / "history" / "2026-11.toml"
    target.parent.mkdir()
    target.write_bytes(b"old = true\n")
    backup = target.with_name("2026-11.toml.bak")
    backup.write_bytes(b"older = true\n")
    name, nth = STAGES[stage]
    with failing(monkeypatch, name, nth), pytest.raises(StoreError) as caught:
        atomic_write(target, b"new = true\n" * 1000, backup=True)
    message = str(caught.value)
    assert "the disk is full" in message
    assert str(target) in message
    assert target.read_bytes() == b"old = true\n"
    assert backup.read_bytes() in (b"older = true\n", b"old = true\n")
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [
        "2026-11.toml",
        "2026-11.toml.bak",
    ], "a temporary file was left behind"


@pytest.mark.parametrize("stage", ["create-temp", "write", "fsync", "replace-target"])
def test_full_disk_while_logging_pain_keeps_the_month(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    store = HistoryStore(Paths(tmp_path / "data", tmp_path / "config"))
    moment = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    store.add_pain_log(PainLog(moment, 2, "daily", "first"))
    month = store.month_path("2026-11")
    before = month.read_bytes()
    name, nth = STAGES[stage]
    nth += 1 if name == "open" else 0  # the lock file is opened first
    with failing(monkeypatch, name, nth), pytest.raises(StoreError, match="the disk is full"):
        store.add_pain_log(PainLog(moment, 7, "daily", "second"))
    assert month.read_bytes() == before
    assert stray_temp_files(tmp_path) == []
    store.add_pain_log(PainLog(moment, 4, "daily", "third"))  # the lock was released
    assert [log.note for log in store.load_month("2026-11").pain_logs] == ["first", "third"]


# -- 5. damaged, future and read-only files -------------------------------------------------
DAMAGED = {
    "binary": b"\x00\xff\xfe garbage \x80\x81",
    "not-toml": b"schema_version = 1\n[[pain_logs]\nscore = = 3\n",
    "wrong-shape": b'schema_version = 1\npain_logs = "lots"\n',
}


@pytest.mark.e2e
@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_month_file_is_left_untouched(itb_dirs: ItbDirs, content: bytes) -> None:
    itb_dirs.history.mkdir(parents=True)
    month = itb_dirs.history / f"{this_month()}.toml"
    month.write_bytes(content)
    result = run_itb(itb_dirs, "log-pain", "3")
    assert_clean_failure(result, 1)
    assert str(month) in result.stderr
    assert "left untouched" in result.stderr
    assert month.read_bytes() == content
    assert sorted(p.name for p in itb_dirs.history.iterdir()) == [month.name]


FUTURE_MONTH = b"""schema_version = 99

[[pain_logs]]
at = 2026-11-01T08:00:00+01:00
score = 2
context = "daily"
note = "from the future"
mood = "sunny"
"""


@pytest.mark.e2e
def test_month_file_from_a_newer_version_is_refused(itb_dirs: ItbDirs) -> None:
    itb_dirs.history.mkdir(parents=True)
    month = itb_dirs.history / f"{this_month()}.toml"
    month.write_bytes(FUTURE_MONTH)
    result = run_itb(itb_dirs, "log-pain", "3")
    assert_clean_failure(result, 1)
    assert str(month) in result.stderr
    assert "upgrade" in result.stderr.lower()
    assert month.read_bytes() == FUTURE_MONTH


@pytest.mark.e2e
@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
@pytest.mark.parametrize("folder", ["history", "data"])
def test_read_only_folder_is_reported_clearly(itb_dirs: ItbDirs, folder: str) -> None:
    itb_dirs.history.mkdir(parents=True)
    locked = itb_dirs.history if folder == "history" else itb_dirs.data
    locked.chmod(0o500)
    try:
        result = run_itb(itb_dirs, "log-pain", "3")
    finally:
        locked.chmod(0o700)
    assert_clean_failure(result, 1)
    assert "permission denied" in result.stderr
    assert month_files(itb_dirs) == []


def simulate_read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """What the kernel does for a 0500 folder and a non-root user: no entries made or removed."""

    def inside(path: Any) -> bool:
        return Path(os.fsdecode(path)).parent == folder

    def denied(path: Any) -> OSError:
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))

    real_open, real_mkdir = os.open, os.mkdir
    real_link, real_replace, real_unlink = os.link, os.replace, os.unlink

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and inside(path) and not os.path.lexists(path):
            raise denied(path)
        return real_open(path, flags, *args, **kwargs)

    def fake_mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        if inside(path) and not os.path.lexists(path):
            raise denied(path)
        real_mkdir(path, *args, **kwargs)

    def fake_link(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if inside(dst):
            raise denied(dst)
        real_link(src, dst, *args, **kwargs)

    def fake_replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if inside(src) or inside(dst):
            raise denied(dst)
        real_replace(src, dst, *args, **kwargs)

    def fake_unlink(path: Any, *args: Any, **kwargs: Any) -> None:
        if inside(path):
            raise denied(path)
        real_unlink(path, *args, **kwargs)

    for name, fake in [
        ("open", fake_open),
        ("mkdir", fake_mkdir),
        ("link", fake_link),
        ("replace", fake_replace),
        ("unlink", fake_unlink),
    ]:
        monkeypatch.setattr(os, name, fake)


@pytest.mark.parametrize(
    "folder",
    [
        "history",
        "data",
    ],
)
def test_read_only_folder_simulated_in_process(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    folder: str,
) -> None:
    data = tmp_path / "data"
    (data / "history").mkdir(parents=True, mode=0o700)
    data.chmod(0o700)
    monkeypatch.setenv("ITB_TUI_DATA_DIR", str(data))
    monkeypatch.setenv("ITB_TUI_CONFIG_DIR", str(tmp_path / "config"))
    with monkeypatch.context() as patch:
        simulate_read_only(patch, data / "history" if folder == "history" else data)
        code = cli.main(["log-pain", "3"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("itb: ")
    assert "permission denied" in err
    assert list((data / "history").iterdir()) == []


# -- 6. privacy -----------------------------------------------------------------------------
@pytest.mark.e2e
def test_logged_pain_is_private_even_with_an_open_umask(itb_dirs: ItbDirs) -> None:
    result = subprocess.run(
        [str(itb_dirs.itb), "log-pain", "4", "--note", "private"],
        env=itb_dirs.env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        umask=0o000,
    )
    assert result.returncode == 0, result.stderr
    (month,) = month_files(itb_dirs)
    assert stat.S_IMODE(itb_dirs.data.stat().st_mode) == 0o700
    assert stat.S_IMODE(itb_dirs.history.stat().st_mode) == 0o700
    assert stat.S_IMODE(month.stat().st_mode) == 0o600
    assert stat.S_IMODE((itb_dirs.data / ".lock").stat().st_mode) == 0o600
    result = run_itb(itb_dirs, "log-pain", "5")  # a second save also makes the .bak copy
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(month.stat().st_mode) == 0o600
    assert stat.S_IMODE(month.with_name(month.name + ".bak").stat().st_mode) == 0o600


# -- 7. bad arguments -----------------------------------------------------------------------
BAD_ARGUMENTS = {
    "score-too-high": (["log-pain", "11"], "outside the pain scale"),
    "score-not-a-number": (["log-pain", "abc"], "not a whole number"),
    "unknown-context": (["log-pain", "3", "--context", "nowhere"], "invalid choice"),
    "unknown-routine": (["start", "no-such-routine"], "no routine called 'no-such-routine'"),
    "note-not-utf8": (["log-pain", "3", "--note", os.fsdecode(b"\xff")], "not valid UTF-8"),
    "note-too-long": (["log-pain", "3", "--note", "x" * 3000], "at most 200"),
    "since-last-day": (["export", "--since", "9999-12-31"], "is after today"),
    "since-next-year": (["export", "--since", f"{date.today().year + 1}-01-01"], "after today"),
    "output-a-device": (["export", "--output", "/dev/full", "--force"], "not a regular file"),
}


@pytest.mark.e2e
@pytest.mark.parametrize(("args", "says"), BAD_ARGUMENTS.values(), ids=BAD_ARGUMENTS.keys())
def test_bad_arguments_exit_2_with_a_message_and_write_nothing(
    itb_dirs: ItbDirs, args: list[str], says: str
) -> None:
    result = run_itb(itb_dirs, *args)
    assert_clean_failure(result, 2)
    assert says in result.stderr
    assert "usage: itb" in result.stderr
    assert not itb_dirs.data.exists()
    assert not itb_dirs.config.exists()
