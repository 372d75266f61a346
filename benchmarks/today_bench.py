"""``itb today --format line``, as a shell prompt runs it, against ``python -c pass``.

Both run as fresh processes, taking turns, on the five-year history (folders given by the
environment, as in a user's shell). The first call works the answer out and keeps it; the
prompts after it find it kept (see itb_tui/core/shell/today_cache.py). The figure is the median of
the pairs' own ratios; the first, worked-out call is given as information.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from common import PYTHON, Context, Row, bench_env, itb_command, median, spread

ARGS = ["today", "--format", "line"]
TARGET = 2.5


def _elapsed(argv: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def _env(data: Path, cache: Path) -> dict[str, str]:
    return bench_env(
        ITB_TUI_DATA_DIR=str(data),
        ITB_TUI_CONFIG_DIR=str(data / "config"),
        ITB_TUI_CACHE_DIR=str(cache),
    )


def run(ctx: Context) -> list[Row]:
    rounds = 10 if ctx.options.quick else 60
    itb = [*itb_command(), *ARGS]
    empty = [PYTHON, "-c", "pass"]
    env = _env(ctx.five_years_dir, ctx.workdir / "today-cache")
    worked_out = [
        _elapsed(itb, _env(ctx.five_years_dir, ctx.workdir / f"cold-{n}")) for n in range(3)
    ]
    today_s: list[float] = []
    python_s: list[float] = []
    for n in range(rounds):  # alternate the order, so a drift hits both alike
        pair = (itb, empty) if n % 2 else (empty, itb)
        for argv in pair:
            (today_s if argv is itb else python_s).append(_elapsed(argv, env) * 1000)
    ratio = median([a / b for a, b in zip(today_s, python_s, strict=True)])
    return [
        Row(
            "today.line",
            "itb today --format line, 5 years (every prompt)",
            "ms",
            median(today_s),
            median(python_s),
            "python -c pass",
            f"<= {TARGET}x",
            ratio <= TARGET,
            f"median of {rounds} pairs; the first call, which works the answer out, "
            f"{median(worked_out) * 1000:.0f} ms",
            {"today_ms": spread(today_s), "python_ms": spread(python_s)},
            ratio,
        )
    ]
