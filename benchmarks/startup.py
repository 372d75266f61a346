"""Start-up to the first frame and peak memory: itb (empty, 5 years) against a minimal Textual app.

Each run is a fresh process on its own pseudo-terminal (80x24, the real Linux driver, so the
frame is really written). The harness puts ``time.time()`` in ITB_BENCH_T0 just before it
starts the process; ``first_frame.py`` writes the elapsed time from an after-refresh callback
and exits. The three kinds take turns, round by round, so drifts in the machine hit all alike.
The times shown are medians; a ratio is the median of the rounds' own ratios (each round runs
the kinds back to back), which a slow spell of the machine moves far less than the ratio of
two medians (given in the notes too).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

from common import (
    BENCH_DIR,
    PYTHON,
    Context,
    PtyTimeout,
    Row,
    bench_env,
    data_args,
    median,
    run_in_pty,
    spread,
)

KINDS = ("minimal", "empty", "5 years")
WATCH = {"minimal": b"one Static", "empty": b"Daily stretch", "5 years": b"Daily stretch"}
RUN_TIMEOUT_S = 30.0


def _argv(kind: str, ctx: Context) -> list[str]:
    script = str(BENCH_DIR / "first_frame.py")
    if kind == "minimal":
        return [PYTHON, script, "minimal"]
    data = ctx.empty_dir if kind == "empty" else ctx.five_years_dir
    return [PYTHON, script, "app", *data_args(data)]


def first_frame(
    kind: str, ctx: Context, wrapper: Sequence[str] = (), timeout: float = RUN_TIMEOUT_S
) -> dict[str, Any]:
    """One cold start of ``kind`` (run under ``wrapper``, e.g. valgrind, if given): elapsed
    seconds, peak memory, which screen was on top, and the end of what the terminal showed."""
    out = ctx.workdir / f"first-frame-{kind.replace(' ', '-')}.json"
    out.unlink(missing_ok=True)
    t0 = time.time()
    env = bench_env(ITB_BENCH_T0=repr(t0), ITB_BENCH_OUT=str(out))
    argv = [*wrapper, *_argv(kind, ctx)]
    code, output, seen_at = run_in_pty(argv, env, timeout, watch=WATCH[kind])
    if not out.exists():
        tail = output[-600:].decode("utf-8", "replace")
        raise RuntimeError(f"{kind}: no first frame reported (exit {code}); output ends: {tail}")
    result: dict[str, Any] = json.loads(out.read_text())
    result["exit_code"] = code
    result["pty_text_seen_s"] = None if seen_at is None else seen_at - t0
    result["output_tail"] = output[-2000:].decode("utf-8", "replace")
    return result


def run(ctx: Context) -> list[Row]:
    rounds = 3 if ctx.options.quick else 25  # the machine is noisy: medians need samples
    samples: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    try:
        for kind in KINDS:  # warm-up: byte-code caches, page cache
            first_frame(kind, ctx)
        for n in range(rounds):
            order = KINDS[n % 3 :] + KINDS[: n % 3]
            for kind in order:
                samples[kind].append(first_frame(kind, ctx))
            ctx.log(
                f"start-up round {n + 1}/{rounds}: "
                + ", ".join(f"{k} {samples[k][-1]['elapsed_s'] * 1000:.0f} ms" for k in KINDS)
            )
    except (PtyTimeout, RuntimeError) as err:
        note = f"error: {err}"
        return [
            Row("startup.empty", "Start-up to first frame, empty history", note=note),
            Row("startup.5y", "Start-up to first frame, 5 years", note=note),
            Row("memory.5y", "Peak memory to first frame, 5 years", note=note),
        ]

    def ms(kind: str, key: str = "elapsed_s") -> list[float]:
        return [s[key] * 1000 for s in samples[kind] if s.get(key) is not None]

    def mib(kind: str) -> list[float]:
        return [s["vmhwm_kib"] / 1024 for s in samples[kind] if s.get("vmhwm_kib")]

    extra = {
        kind: {
            "first_frame_ms": spread(ms(kind)),
            "pty_text_seen_ms": spread(ms(kind, "pty_text_seen_s"))
            if ms(kind, "pty_text_seen_s")
            else None,
            "interpreter_up_ms": spread(ms(kind, "interpreter_s")),
            "cpu_ms": spread(ms(kind, "cpu_s")),
            "peak_mib": spread(mib(kind)),
            "screens": sorted({s["screen"] for s in samples[kind]}),
            "modules_loaded": samples[kind][-1].get("modules"),
        }
        for kind in KINDS
    }
    minimal, empty, five = (median(ms(k)) for k in KINDS)
    cpu_min, cpu_empty, cpu_five = (median(ms(k, "cpu_s")) for k in KINDS)
    mem_min, mem_empty, mem_five = (median(mib(k)) for k in KINDS)
    home_ok = all(s["screen"] == "HomeScreen" for k in ("empty", "5 years") for s in samples[k])
    warn = "" if home_ok else "; first frame was not the home screen in some runs"

    def fastest(kind: str, ref: str) -> str:
        a, b = min(ms(kind)), min(ms(ref))
        medians = median(ms(kind)) / median(ms(ref))
        return f"ratio of the medians {medians:.2f}x; fastest runs {a:.0f} vs {b:.0f} ms{warn}"

    def paired(kind: str, ref: str) -> float:
        """The median of the rounds' own ratios: a round starts the kinds back to back."""
        return median([a / b for a, b in zip(ms(kind), ms(ref), strict=True)])

    empty_ratio, five_ratio = paired("empty", "minimal"), paired("5 years", "empty")

    return [
        Row(
            "startup.minimal",
            "Start-up: minimal Textual app (reference)",
            "ms",
            minimal,
            note=f"median of {rounds}",
            extra=extra["minimal"],
        ),
        Row(
            "startup.empty",
            "Start-up to first frame, empty history",
            "ms",
            empty,
            minimal,
            "minimal app",
            "<= 1.2x",
            empty_ratio <= 1.2,
            fastest("empty", "minimal"),
            extra["empty"],
            empty_ratio,
        ),
        Row(
            "startup.5y",
            "Start-up to first frame, 5 years",
            "ms",
            five,
            empty,
            "empty history",
            "<= 1.05x",
            five_ratio <= 1.05,
            fastest("5 years", "empty"),
            extra["5 years"],
            five_ratio,
        ),
        Row(
            "startup.cpu_empty",
            "Start-up CPU time (all threads), empty history",
            "ms",
            cpu_empty,
            cpu_min,
            "minimal app",
            note="info: CPU time hardly depends on other load on the machine",
        ),
        Row(
            "startup.cpu_5y",
            "Start-up CPU time (all threads), 5 years",
            "ms",
            cpu_five,
            cpu_empty,
            "empty history",
        ),
        Row(
            "memory.5y",
            "Peak memory (VmHWM) to first frame, 5 years",
            "MiB",
            mem_five,
            mem_min,
            "minimal app",
            "<= 1.5x",
            mem_five <= 1.5 * mem_min,
            extra={"empty_mib": mem_empty, "samples": {k: extra[k]["peak_mib"] for k in KINDS}},
        ),
    ]
