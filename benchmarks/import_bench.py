"""``itb import-run`` of a 10 MB file: reading it and building the run, against the XML parse.

The files are made by the tests' writers (tests/run_files.py): a point every second, so 10 MB
is a long day out (about 12 hours of GPX, 9 of TCX). The reference is the standard library's
ElementTree parsing the same bytes, the floor any XML reader pays. The figure for FIT is a
five-hour run logged every second (about 0.3 MB: FIT is compact), read with fitdecode.
Target: a 10 MB file in under 2 s.
"""

from __future__ import annotations

import sys
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/run_files.py

from common import Context, Row, median, spread

from itb_tui.core.history.outdoor_run import from_file, run_record
from itb_tui.core.history.run_files import read_run_file
from tests import run_files

TARGET_S = 2.0
MINUTES = {"gpx": 740, "tcx": 540, "fit": 300}


def _import(path: Path) -> None:
    found = read_run_file(path)
    now = found.started_at.replace(year=found.started_at.year + 1)
    run = from_file(found, now)
    if run.minutes <= 480:  # a longer day is refused by log-run's limit; reading is the cost
        run_record(run, now)


def _timed(work: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        work()
        times.append(time.perf_counter() - t)
    return times


def run(ctx: Context) -> list[Row]:
    rounds = 1 if ctx.options.quick else 3
    rows = []
    makers = {"gpx": run_files.gpx, "tcx": run_files.tcx, "fit": run_files.fit}
    for kind, maker in makers.items():
        path = ctx.workdir / f"run.{kind}"
        path.write_bytes(maker(minutes=MINUTES[kind], km=60, every_s=1))
        size = path.stat().st_size / 1e6
        ctx.log(f"{kind}: {size:.1f} MB")
        took = _timed(lambda p=path: _import(p), rounds)
        parse = (
            None if kind == "fit" else median(_timed(lambda p=path: ElementTree.parse(p), rounds))
        )
        big = size >= 10
        rows.append(
            Row(
                f"import.{kind}",
                f"import-run of a {size:.1f} MB {kind.upper()} file",
                "s",
                median(took),
                parse,
                "ElementTree parse of the same file" if parse is not None else "",
                f"< {TARGET_S:g} s" if big else "",
                median(took) < TARGET_S if big else None,
                f"median of {rounds}; {MINUTES[kind]} min logged every second",
                {"seconds": spread(took)},
            )
        )
    return rows
