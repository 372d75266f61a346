"""Exporting 5 years to CSV and Markdown, load included, the way ``itb export`` does it.

Timed: AppContext.load (content, settings), listing the months, ``load_months`` and
``export`` for one format. Reference: only reading and parsing the same TOML files with
tomllib, the floor that any loader of this format pays. One run of the real command line
(``itb export --output``, a new process) is kept in the JSON as well.
"""

from __future__ import annotations

import subprocess
import time
import tomllib
from pathlib import Path
from typing import Any

from common import Context, Row, bench_env, data_args, itb_command, median, spread
from generate_history import END

from itb_tui.core.context import AppContext
from itb_tui.core.history.stats import routine_categories
from itb_tui.core.report.export import ExportFormat, export
from itb_tui.core.store.paths import Paths

TARGET_S = 3.0
CLI_TIMEOUT_S = 60.0


def export_once(data_dir: Path, fmt: ExportFormat) -> tuple[float, int]:
    """Seconds for load + export of everything in ``data_dir``, and the size of the text."""
    start = time.perf_counter()
    context = AppContext.load(Paths(data=data_dir, config=data_dir / "config"))
    store = context.store
    text = export(
        store.load_months(store.months()),
        fmt,
        None,
        END,
        categories_by_routine=routine_categories(context.library),
    )
    return time.perf_counter() - start, len(text)


def parse_only(data_dir: Path) -> float:
    start = time.perf_counter()
    for path in sorted((data_dir / "history").glob("*.toml")):
        tomllib.loads(path.read_bytes().decode("utf-8"))
    return time.perf_counter() - start


def cli_export(ctx: Context, fmt: str) -> dict[str, Any]:
    out = ctx.workdir / f"export.{fmt}"
    argv = [*itb_command(), *data_args(ctx.five_years_dir), "export", "--format", fmt]
    start = time.perf_counter()
    proc = subprocess.run(
        [*argv, "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        env=bench_env(),
        check=False,
    )
    return {
        "seconds": time.perf_counter() - start,
        "exit_code": proc.returncode,
        "bytes": out.stat().st_size if out.exists() else 0,
    }


def run(ctx: Context) -> list[Row]:
    runs = 1 if ctx.options.quick else 3
    rows = []
    reference = median([parse_only(ctx.five_years_dir) for _ in range(runs)])
    for fmt, label in (("csv", "CSV"), ("markdown", "Markdown")):
        samples = [export_once(ctx.five_years_dir, fmt) for _ in range(runs)]  # type: ignore[arg-type]
        seconds = [s for s, _ in samples]
        value = median(seconds)
        extra: dict[str, Any] = {"seconds": spread(seconds), "chars": samples[-1][1]}
        if fmt == "markdown":  # once is enough: a new process adds start-up, not export
            try:
                extra["itb_export_process"] = cli_export(ctx, fmt)
            except (OSError, subprocess.SubprocessError) as err:
                extra["itb_export_process"] = f"failed: {err}"
        ctx.log(f"export {fmt}: {value:.2f} s (tomllib parse only {reference:.2f} s)")
        rows.append(
            Row(
                f"export.{fmt}",
                f"Export 5 years to {label} (load + export)",
                "s",
                value,
                reference,
                "tomllib parse only",
                f"<= {TARGET_S:.0f} s",
                value <= TARGET_S,
                extra=extra,
            )
        )
    return rows
