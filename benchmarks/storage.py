"""Saving a finished session and a quick pain log: 5 years of history against the same month alone.

The cost of a save depends on the size of the month being saved into, not on how many years
lie behind it: the reference is a folder holding only the current month of the same history
(without the 59 months before it), so the ratio shows what the length of the history adds.
Copies are used so the other benchmarks see the history as generated.
Saves alternate between the two folders; the first of each is a warm-up. Every save is the
store's real path: lock, read the month, rewrite it atomically with fsync and a .bak link.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from common import Context, Row, median, spread
from generate_history import END, ZONE

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import load_library
from itb_tui.core.dates import month_key
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import PainLog, SessionRecord
from itb_tui.core.session.engine import Phase, SessionEngine
from itb_tui.core.store.paths import Paths, content_dir

TARGET_MS = 30.0
SAME_RATIO = 1.5  # "about the same as empty"
ROUTINE = "hip-strength"


def finished_session(start: datetime) -> SessionRecord:
    """A whole hip-strength session run through the engine on a fake clock, pain rated."""
    clock = FakeClock(start)
    engine = SessionEngine(load_library(content_dir()).routines[ROUTINE], clock)
    for _ in range(10_000):
        if engine.phase in (Phase.PAIN, Phase.DONE):
            break
        if engine.counting_down:
            clock.advance(engine.remaining())
            engine.tick()
        else:
            engine.done()
    engine.rate_pain(2, "benchmark session")
    return engine.record()


def _store(folder: Path) -> HistoryStore:
    return HistoryStore(Paths(data=folder, config=folder / "config"))


def _timed_ms(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _filesystem(path: Path) -> str:
    try:
        out = subprocess.run(
            ["df", "-T", str(path)], capture_output=True, text=True, timeout=5, check=False
        ).stdout.splitlines()
        return out[-1].split()[1] if len(out) > 1 else "?"
    except (OSError, subprocess.SubprocessError, IndexError):
        return "?"


def run(ctx: Context) -> list[Row]:
    count = 5 if ctx.options.quick else 20
    empty_dir = ctx.workdir / "storage-empty"
    five_dir = ctx.workdir / "storage-5y"
    shutil.rmtree(empty_dir, ignore_errors=True)
    shutil.rmtree(five_dir, ignore_errors=True)
    shutil.copytree(ctx.five_years_dir, five_dir)
    stores = {"empty": _store(empty_dir), "5 years": _store(five_dir)}
    day = datetime(END.year, END.month, END.day, 18, 0, tzinfo=ZONE)  # the history's last day
    only_month = stores["empty"].month_path(month_key(day))
    only_month.parent.mkdir(parents=True)
    shutil.copy2(stores["5 years"].month_path(month_key(day)), only_month)
    sessions = [finished_session(day + timedelta(minutes=i)) for i in range(count + 1)]
    month = month_key(day)
    month_file = stores["5 years"].month_path(month)
    month_size = month_file.stat().st_size if month_file.exists() else 0
    times: dict[str, dict[str, list[float]]] = {
        what: {kind: [] for kind in stores} for what in ("session", "pain")
    }
    for i in range(count + 1):
        order = list(stores) if i % 2 == 0 else list(reversed(stores))
        for kind in order:
            store = stores[kind]
            record = sessions[i]
            log = PainLog(day + timedelta(minutes=i, seconds=30), 3, "daily", "")
            session_ms = _timed_ms(partial(store.save_session, record))
            pain_ms = _timed_ms(partial(store.add_pain_log, log))
            if i > 0:  # the first save of each is a warm-up
                times["session"][kind].append(session_ms)
                times["pain"][kind].append(pain_ms)
    fs = _filesystem(ctx.workdir)
    rows = []
    for what, figure in (("session", "Save a finished session"), ("pain", "Quick pain log")):
        five = median(times[what]["5 years"])
        empty = median(times[what]["empty"])
        rows.append(
            Row(
                f"storage.{what}",
                f"{figure}, 5 years (median of {count})",
                "ms",
                five,
                empty,
                "same month, no older history",
                f"<= {TARGET_MS:.0f} ms and <= {SAME_RATIO}x same month alone",
                five <= TARGET_MS and five <= SAME_RATIO * empty,
                extra={
                    "5_years_ms": spread(times[what]["5 years"]),
                    "empty_ms": spread(times[what]["empty"]),
                    "month_file_bytes_before": month_size,
                    "filesystem": fs,
                },
            )
        )
    return rows
