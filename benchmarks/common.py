"""Shared pieces of the benchmarks: result rows, options, data folders, subprocess helpers."""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import os
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
PYTHON = sys.executable
TERM_COLS, TERM_ROWS = 80, 24


@dataclass
class Row:
    """One figure: measured value, the reference measured in the same run, and the verdict."""

    name: str  # stable id, e.g. "startup.empty"
    figure: str  # what a person reads
    unit: str = ""
    value: float | None = None
    reference: float | None = None
    ref_label: str = ""
    target: str = ""
    passed: bool | None = None  # None: no target, skipped or failed to run
    note: str = ""  # "skipped: ...", "error: ...", or a short remark
    extra: dict[str, Any] = field(default_factory=dict)
    # The median of ratios taken pair by pair (each pair measured back to back), when the
    # figure has them: steadier than the ratio of the two medians on a noisy machine.
    paired_ratio: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.paired_ratio is not None:
            return self.paired_ratio
        if self.value is None or not self.reference:
            return None
        return self.value / self.reference

    @property
    def status(self) -> str:
        if self.note.startswith(("skipped", "error", "not available")):
            return self.note
        if self.passed is None:
            return "info"
        return "pass" if self.passed else "FAIL"

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "figure": self.figure,
            "unit": self.unit,
            "value": self.value,
            "reference": self.reference,
            "reference_is": self.ref_label,
            "ratio": self.ratio,
            "target": self.target,
            "passed": self.passed,
            "status": self.status,
            "note": self.note,
            "extra": self.extra,
        }


def skipped(name: str, figure: str, reason: str, target: str = "") -> Row:
    return Row(name, figure, target=target, note=f"skipped: {reason}")


@dataclass
class Options:
    """What the command line asked for."""

    quick: bool = False
    hold_s: float = 600.0
    verbose: bool = True


@dataclass
class Context:
    """Options plus the data folders shared by the benchmarks of one run."""

    options: Options
    workdir: Path
    empty_dir: Path
    five_years_dir: Path
    generated: dict[str, Any] = field(default_factory=dict)

    def log(self, text: str) -> None:
        if self.options.verbose:
            print(f"  . {text}", file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def spread(values: Sequence[float]) -> dict[str, float]:
    """Min, median, max of a sample, for the JSON."""
    return {"n": len(values), "min": min(values), "median": median(values), "max": max(values)}


def seed_settings(data_dir: Path, program_start: date | None = None, **values: Any) -> None:
    """Settings of a user who has been through onboarding, in ``data_dir/config``.

    Without them the app opens on its first-run onboarding form instead of the home screen.
    Only fields that Settings has are set, so a renamed field does not break the benchmarks.
    """
    from itb_tui.core.store.paths import Paths
    from itb_tui.core.store.settings import Settings, save_settings

    wanted: dict[str, Any] = {"onboarded": True, "program_start": program_start, **values}
    known = {f.name for f in dataclasses.fields(Settings)}
    settings = Settings(**{k: v for k, v in wanted.items() if k in known})
    save_settings(Paths(data=data_dir, config=data_dir / "config").settings, settings)


def data_args(data_dir: Path) -> list[str]:
    """``itb`` options for a data folder with its own config folder beside the history."""
    return ["--data-dir", str(data_dir), "--config-dir", str(data_dir / "config")]


def itb_command() -> list[str]:
    """The installed ``itb`` script next to this Python, else ``python -m itb_tui``."""
    script = Path(PYTHON).parent / "itb"
    return [str(script)] if script.exists() else [PYTHON, "-m", "itb_tui"]


def find_tool(name: str) -> str | None:
    """A console script in this venv first, then on PATH."""
    local = Path(PYTHON).parent / name
    if local.exists():
        return str(local)
    return shutil.which(name)


BENCH_CACHE_ENV = "ITB_BENCH_CACHE_DIR"


def bench_env(**extra: str) -> dict[str, str]:
    """A clean environment for child processes: a plain terminal, no Textual dev mode.

    Byte-code caching stays on, as on a user's machine: with PYTHONDONTWRITEBYTECODE set,
    every start would compile the app's changed modules again while Textual's stay compiled.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "ITB_"))}
    if BENCH_CACHE_ENV in os.environ:  # the app's parsed-content cache, kept in the run's folder
        env["ITB_TUI_CACHE_DIR"] = os.environ[BENCH_CACHE_ENV]
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update({"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8"})
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    env.update(extra)
    return env


class PtyTimeout(RuntimeError):
    pass


def run_in_pty(
    argv: Sequence[str],
    env: Mapping[str, str],
    timeout: float,
    *,
    cols: int = TERM_COLS,
    rows: int = TERM_ROWS,
    watch: bytes | None = None,
) -> tuple[int, bytes, float | None]:
    """Run ``argv`` on a fresh pseudo-terminal of ``cols`` x ``rows``, draining its output.

    Returns (exit code, everything written, time.time() when ``watch`` first appeared in the
    output or None). The whole process group is killed if it outlives ``timeout``.
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    try:
        proc = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=dict(env),
            cwd=REPO,
            start_new_session=True,
            close_fds=True,
        )
    except OSError:
        os.close(master)
        raise
    finally:
        os.close(slave)
    chunks: list[bytes] = []
    seen_at: float | None = None
    tail = b""
    deadline = time.monotonic() + timeout
    try:
        while True:
            if time.monotonic() > deadline:
                raise PtyTimeout(f"{argv[0]} did not finish within {timeout:.0f} s")
            ready, _, _ = select.select([master], [], [], 0.02)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the child closed its side
                    data = b""
                if data:
                    chunks.append(data)
                    if watch is not None and seen_at is None:
                        window = tail + data
                        if watch in window:
                            seen_at = time.time()
                        tail = window[-len(watch) :]
                    continue
                break  # end of output: the child closed the terminal; wait for it below
            if proc.poll() is not None:
                break
        code = proc.wait(timeout=max(0.1, deadline - time.monotonic()))
    except (PtyTimeout, subprocess.TimeoutExpired):
        kill_group(proc)
        raise PtyTimeout(f"{' '.join(argv[:3])} did not finish within {timeout:.0f} s") from None
    finally:
        os.close(master)
        if proc.poll() is None:
            kill_group(proc)
    return code, b"".join(chunks), seen_at


def kill_group(proc: subprocess.Popen[Any]) -> None:
    """End a child started with ``start_new_session`` and everything it started."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)


@contextlib.contextmanager
def busy_processes(count: int) -> Iterator[list[subprocess.Popen[bytes]]]:
    """``count`` processes spinning a CPU each, ended (by pid) on the way out."""
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for _ in range(count):
            procs.append(
                subprocess.Popen(
                    [
                        PYTHON,
                        "-c",
                        "import time\nend = time.monotonic() + 3600\n"
                        "while time.monotonic() < end: pass",
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
        yield procs
    finally:
        for proc in procs:
            kill_group(proc)


def temp_dir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))


def timed(fn: Callable[[], Any]) -> float:
    """Seconds ``fn()`` took."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def fmt_value(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s" and value < 1:
        return f"{value * 1000:.0f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.2f} ms" if abs(value) < 10 else f"{value:.0f} ms"
    if unit == "%":
        return f"{value:.2f} %"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    if unit.startswith("M "):  # millions of something counted
        return f"{value:,.0f} {unit}"
    return f"{value:.3g} {unit}".strip()
