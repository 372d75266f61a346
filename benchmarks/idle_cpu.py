"""Idle CPU while a hold counts down in a real terminal (tmux, 80x24), against termdown and
against Textual's own floor: the smallest Textual app redrawing one label once a second.

``itb start daily-stretch`` on an empty temporary data folder; Enter twice gets past the
exercise intro and the 5 s lead-in into the 90 s pigeon hold. Then the process's utime+stime
(``/proc/PID/stat``, all threads) is read before and after the window. ``termdown 90`` in a
terminal of the same size is the reference. Each program gets its own tmux server on a private
socket, which is killed afterwards whatever happens.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from common import (
    TERM_COLS,
    TERM_ROWS,
    Context,
    Row,
    data_args,
    find_tool,
    itb_command,
    seed_settings,
)
from generate_history import END

CLK_TCK = os.sysconf("SC_CLK_TCK")
TMUX_TIMEOUT_S = 10.0
TARGET_PCT = 1.0
FLOOR_RATIO = 1.5  # a hold redraws the countdown once a second, like the floor's label


class TmuxError(RuntimeError):
    pass


@dataclass
class Tmux:
    """One detached tmux session on a private server socket."""

    socket: str
    session: str = "bench"

    def cmd(self, *args: str, check: bool = True) -> str:
        proc = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=TMUX_TIMEOUT_S,
            check=False,
        )
        if check and proc.returncode != 0:
            raise TmuxError(f"tmux {args[0]} failed: {proc.stderr.strip()}")
        return proc.stdout

    def start(self, command: str) -> None:
        self.cmd(
            "new-session", "-d", "-s", self.session, "-x", str(TERM_COLS), "-y", str(TERM_ROWS),
            command,
        )  # fmt: skip

    def screen(self) -> str:
        return self.cmd("capture-pane", "-p", "-t", self.session, check=False)

    def keys(self, *keys: str) -> None:
        self.cmd("send-keys", "-t", self.session, *keys)

    def wait_for(self, text: str, timeout: float = 15.0, *, gone: bool = False) -> str:
        """Wait until ``text`` is on screen (or, with ``gone``, no longer on it)."""
        end = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if (text in screen) != gone:
                return screen
            if time.monotonic() > end:
                state = "still there" if gone else "did not appear"
                raise TmuxError(f"{text!r} {state} within {timeout:.0f} s; screen:\n{screen}")
            time.sleep(0.1)

    def pane_pid(self) -> int:
        return int(self.cmd("display-message", "-p", "-t", self.session, "#{pane_pid}").strip())

    def server_pid(self) -> int:
        return int(self.cmd("display-message", "-p", "-t", self.session, "#{pid}").strip())

    def kill(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self.cmd("kill-session", "-t", self.session, check=False)
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self.cmd("kill-server", check=False)  # this private socket's server only
        folder = Path(os.environ.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        with contextlib.suppress(OSError):
            (folder / self.socket).unlink()  # tmux leaves the socket file behind


@contextlib.contextmanager
def tmux_session(name: str) -> Iterator[Tmux]:
    tmux = Tmux(f"itb-bench-{os.getpid()}-{name}")
    try:
        yield tmux
    finally:
        tmux.kill()


def cpu_seconds(pid: int) -> float:
    """utime + stime of every thread of ``pid`` so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # fields 14, 15 counted from pid


def measure(pid: int, seconds: float, server_pid: int | None = None) -> dict[str, float]:
    """CPU use of ``pid`` (and the tmux server) over ``seconds``, as % of one core."""
    start_wall = time.monotonic()
    start_cpu = cpu_seconds(pid)
    start_server = cpu_seconds(server_pid) if server_pid else 0.0
    time.sleep(seconds)
    cpu = cpu_seconds(pid) - start_cpu
    server = (cpu_seconds(server_pid) - start_server) if server_pid else 0.0
    wall = time.monotonic() - start_wall
    return {"pct": 100 * cpu / wall, "tmux_server_pct": 100 * server / wall, "wall_s": wall}


def _check_pid(pid: int, needle: str) -> None:
    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    if needle not in cmdline:
        raise TmuxError(f"pane process {pid} is {cmdline!r}, not {needle}")


def measure_itb(ctx: Context, seconds: float) -> dict[str, object]:
    data = ctx.workdir / "idle-cpu-data"
    shutil.rmtree(data, ignore_errors=True)
    seed_settings(data, END)
    argv = [*itb_command(), *data_args(data), "start", "daily-stretch"]
    with tmux_session("itb") as tmux:
        tmux.start("exec " + shlex.join(argv))
        tmux.wait_for("GET SET UP")
        tmux.keys("Enter")
        tmux.wait_for("GET READY")
        tmux.keys("Enter")
        before = tmux.wait_for("GET READY", gone=True)
        if "LEFT LEG" not in before and "RIGHT LEG" not in before:
            raise TmuxError(f"not in the pigeon hold; screen:\n{before}")
        pid = tmux.pane_pid()
        _check_pid(pid, "itb")
        time.sleep(1.0)  # let the first second of the hold settle
        result: dict[str, object] = dict(measure(pid, seconds, tmux.server_pid()))
        after = tmux.screen()
        result["still_holding"] = "LEFT LEG" in after or "RIGHT LEG" in after
        result["screen_changed"] = before != after
        return result


def measure_program(name: str, argv: list[str], needle: str, seconds: float) -> dict[str, object]:
    """A reference program's idle CPU in a terminal of the same size, once it has drawn."""
    with tmux_session(name) as tmux:
        tmux.start("exec " + shlex.join(argv))
        deadline = time.monotonic() + 10
        while not tmux.screen().strip():
            if time.monotonic() > deadline:
                raise TmuxError(f"{name} drew nothing within 10 s")
            time.sleep(0.1)
        first = tmux.screen()
        pid = tmux.pane_pid()
        _check_pid(pid, needle)
        time.sleep(1.0)
        result: dict[str, object] = dict(measure(pid, seconds, tmux.server_pid()))
        result["screen_changed"] = first != tmux.screen()
        return result


def textual_floor(seconds: float) -> dict[str, object]:
    """The smallest Textual app redrawing one label once a second (benchmarks/minimal_app.py)."""
    script = Path(__file__).resolve().parent / "minimal_app.py"
    argv = [sys.executable, str(script), "--tick"]
    return measure_program("textual", argv, "minimal_app", seconds)


def run(ctx: Context) -> list[Row]:
    seconds = 5.0 if ctx.options.quick else 20.0
    name, figure = "idle_cpu", f"Idle CPU during a hold, {seconds:.0f} s in tmux 80x24"
    target = f"<= {TARGET_PCT} % and < termdown"
    if shutil.which("tmux") is None:
        return [Row(name, figure, target=target, note="skipped: tmux is not installed")]
    try:
        itb = measure_itb(ctx, seconds)
    except (TmuxError, OSError, ValueError, subprocess.SubprocessError) as err:
        return [Row(name, figure, target=target, note=f"error: {err}")]
    ctx.log(f"itb idle: {itb['pct']:.2f} % of a core")
    termdown = find_tool("termdown")
    reference: float | None = None
    note = ""
    extra: dict[str, object] = {"itb": itb}
    if termdown is None:
        note = "termdown not installed (pip install termdown): compared with the 1 % target only"
    else:
        try:
            td = measure_program("termdown", [termdown, "90"], "termdown", seconds)
            reference = float(td["pct"])  # type: ignore[arg-type]
            extra["termdown"] = td
            ctx.log(f"termdown idle: {reference:.2f} % of a core")
        except (TmuxError, OSError, ValueError, subprocess.SubprocessError) as err:
            note = f"termdown failed ({err}); compared with the 1 % target only"
    value = float(itb["pct"])  # type: ignore[arg-type]
    passed = value <= TARGET_PCT and (reference is None or value < reference)
    if not itb.get("still_holding"):
        note = (note + "; " if note else "") + "the hold was not on screen at the end"
    rows = [Row(name, figure, "%", value, reference, "termdown 90", target, passed, note, extra)]
    return [*rows, floor_row(ctx, seconds, value)]


def floor_row(ctx: Context, seconds: float, value: float) -> Row:
    """The same hold against Textual's floor: what any Textual app showing a clock costs."""
    name = "idle_cpu.textual_floor"
    figure = f"Idle CPU during a hold against Textual's floor, {seconds:.0f} s in tmux 80x24"
    target = f"<= {FLOOR_RATIO}x a Textual app redrawing one label each second"
    try:
        floor = textual_floor(seconds)
    except (TmuxError, OSError, ValueError, subprocess.SubprocessError) as err:
        return Row(name, figure, target=target, note=f"error: {err}")
    reference = float(floor["pct"])  # type: ignore[arg-type]
    ctx.log(f"Textual floor idle: {reference:.2f} % of a core")
    passed = reference > 0 and value <= FLOOR_RATIO * reference
    label = "minimal Textual app, 1 redraw/s"
    return Row(name, figure, "%", value, reference, label, target, passed, extra={"floor": floor})
