"""Run the benchmarks, print the table of figures and write benchmarks/results/latest.json.

    .venv/bin/python benchmarks/run.py                 # everything, about 13 minutes
    .venv/bin/python benchmarks/run.py --quick         # fewer runs, short windows (~1 minute)
    .venv/bin/python benchmarks/run.py --only startup,export
    .venv/bin/python benchmarks/run.py --hold 60       # a 1-minute hold instead of 10 minutes

Every figure is measured against a reference taken in the same run (a minimal Textual app,
the empty history, termdown, ...). Names for --only: startup, memory, instructions, idle_cpu,
accuracy, storage, history, export, today, verdict, figure_cpu. The exit code is 0 even when a
target fails; the table says which.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import json
import os
import platform
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # sibling modules, also via -m/imports

from common import (
    BENCH_CACHE_ENV,
    BENCH_DIR,
    Context,
    Options,
    Row,
    fmt_value,
    seed_settings,
    temp_dir,
)
from generate_history import generate

RESULTS = BENCH_DIR / "results" / "latest.json"


@dataclass(frozen=True)
class Bench:
    name: str
    module: str  # a module beside this file with run(ctx) -> list[Row]
    prefix: str  # the rows of this name start with it
    needs_history: bool = True


BENCHES = (
    Bench("startup", "startup", "startup."),
    Bench("memory", "startup", "memory."),
    Bench("instructions", "instructions", "instructions."),  # its "5 years" start needs them
    Bench("idle_cpu", "idle_cpu", "idle_cpu", needs_history=False),
    Bench("hold_second", "hold_second", "hold_second", needs_history=False),
    Bench("accuracy", "accuracy", "accuracy.", needs_history=False),
    Bench("storage", "storage", "storage."),
    Bench("history", "history_screen", "history."),
    Bench("export", "export_bench", "export."),
    Bench("today", "today_bench", "today."),
    Bench("verdict", "verdict_bench", "verdict."),
    Bench("figure_cpu", "figure_cpu", "figure_cpu.", needs_history=False),
    Bench("import", "import_bench", "import.", needs_history=False),
)
NAMES = [b.name for b in BENCHES]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmarks of itb-tui with same-run references.",
        epilog=f"Names for --only: {', '.join(NAMES)}.",
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs and shorter windows")
    parser.add_argument(
        "--hold", type=float, default=600.0, help="timer accuracy hold in s (default 600)"
    )
    parser.add_argument("--only", default="", help="comma-separated names to run")
    parser.add_argument("--json", type=Path, default=RESULTS, help="where to write the JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    chosen = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in chosen if n not in NAMES]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(NAMES)}")
    args.chosen = chosen or NAMES
    return args


def prepare(options: Options, need_history: bool) -> Context:
    # Byte-compile the app and the benchmark scripts first, as installing a package does.
    for folder in (BENCH_DIR.parent / "itb_tui", BENCH_DIR):
        compileall.compile_dir(folder, quiet=1)
    workdir = temp_dir("itb-bench-")
    empty = workdir / "empty"
    five = workdir / "five-years"
    empty.mkdir()
    five.mkdir()
    ctx = Context(options, workdir, empty, five)
    os.environ[BENCH_CACHE_ENV] = str(workdir / "cache")  # not the machine's own cache folder
    seed_settings(empty, date.today())  # onboarded today, nothing done yet
    if need_history:
        out = generate(five, years=5)
        seed_settings(five, out.first, weaker_side="right", painful_knee="right")
        ctx.generated = {
            "sessions": out.sessions,
            "pain_logs": out.pain_logs,
            "months": out.months,
            "first": out.first,
            "last": out.last,
            "seconds": out.seconds,
        }
        ctx.log(f"generated {out.sessions} sessions + {out.pain_logs} pain logs in {workdir}")
    return ctx


def run_bench(module_name: str, ctx: Context) -> list[Row]:
    try:
        module = importlib.import_module(module_name)
        runner: Callable[[Context], list[Row]] = module.run
        return runner(ctx)
    except Exception as err:  # one broken benchmark must not cost the others
        ctx.log(traceback.format_exc())
        return [
            Row(f"{module_name}.error", module_name, note=f"error: {type(err).__name__}: {err}")
        ]


def _one_line(text: str, limit: int) -> str:
    """The first line of ``text``, at most ``limit`` long; ``~`` marks anything left out."""
    lines = text.splitlines() or [""]
    if len(lines[0]) > limit:
        return lines[0][: limit - 1] + "~"
    return lines[0] + (" ~" if len(lines) > 1 else "")


def table(rows: list[Row]) -> str:
    """The figures as an aligned text table, then the notes (first lines; all in the JSON)."""
    head = ("figure", "value", "reference", "ratio", "target", "result")
    lines = []
    for row in rows:
        reference = fmt_value(row.reference, row.unit)
        if row.ref_label and row.reference is not None:
            reference = f"{reference} ({row.ref_label})"
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        value = fmt_value(row.value, row.unit)
        status = _one_line(row.status, 48)
        lines.append((row.figure, value, reference, ratio, row.target or "-", status))
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines, strict=False)]
    widths[0] = min(widths[0], 58)

    def fmt(cells: Sequence[str]) -> str:
        return "  ".join(str(c)[: widths[i]].ljust(widths[i]) for i, c in enumerate(cells))

    out = [fmt(head), "  ".join("-" * w for w in widths)]
    out.extend(fmt(line).rstrip() for line in lines)
    notes = [f"  {row.name}: {_one_line(row.note, 160)}" for row in rows if row.note]
    if notes:
        out += ["", "notes (~: cut here, the whole text is in the JSON):", *notes]
    return "\n".join(out).rstrip() + "\n"


def environment() -> dict[str, Any]:
    import textual

    load = os.getloadavg()
    return {
        "python": sys.version.split()[0],
        "textual": getattr(textual, "__version__", "?"),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "loadavg_at_start": load,
        "tmux": shutil.which("tmux"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    options = Options(quick=args.quick, hold_s=args.hold, verbose=not args.quiet)
    chosen = [b for b in BENCHES if b.name in args.chosen]
    started = time.monotonic()
    env = environment()
    ctx = prepare(options, any(b.needs_history for b in chosen))
    rows: list[Row] = []
    done: dict[str, list[Row]] = {}
    load: dict[str, dict[str, float]] = {}
    try:
        for bench in chosen:
            if bench.module not in done:
                ctx.log(f"running {bench.module}")
                t = time.monotonic()
                before = os.getloadavg()[0]
                done[bench.module] = run_bench(bench.module, ctx)
                load[bench.module] = {
                    "seconds": time.monotonic() - t,
                    "load1_before": before,
                    "load1_after": os.getloadavg()[0],
                }
                ctx.log(f"{bench.module} took {time.monotonic() - t:.1f} s")
            produced = done[bench.module]
            mine = [r for r in produced if r.name.startswith(bench.prefix)]
            errors = [r for r in produced if r.name.endswith(".error")]
            for row in mine or errors:
                if row not in rows:
                    rows.append(row)
    finally:
        shutil.rmtree(ctx.workdir, ignore_errors=True)
    elapsed = time.monotonic() - started
    print()
    print(table(rows), end="")
    busiest = max([v for b in load.values() for v in (b["load1_before"], b["load1_after"])] or [0])
    if busiest > 1.0:
        print(
            f"\nwarning: the machine was busy (1-minute load average up to {busiest:.1f} on "
            f"{os.cpu_count()} CPUs): wall-clock figures are noisy, CPU-time figures less so."
        )
    print(f"\n{len(rows)} figures in {elapsed:.0f} s; JSON: {args.json}")
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "options": {"quick": args.quick, "hold_s": args.hold},
        "only": args.chosen,
        "seconds": elapsed,
        "environment": env,
        "benchmarks": load,
        "history": {k: str(v) for k, v in ctx.generated.items()},
        "failed": [r.name for r in rows if r.passed is False],
        "figures": [r.to_json() for r in rows],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
