"""Start-up to the first frame counted in instructions, beside the wall-clock figure.

Each kind starts once to warm up, then once more under valgrind's cachegrind (no cache
simulation) in the same kind of pty as the start-up benchmark; the instructions it ran until
the first frame are read from valgrind's summary. A count does not swing with the load on the
machine, so it shows what the app itself costs against the minimal Textual app when wall-clock
medians are noisy. For information (the target is on wall-clock time); skipped when valgrind is
not installed.
"""

from __future__ import annotations

import re
import shutil

from common import Context, PtyTimeout, Row
from startup import KINDS, first_frame

VALGRIND_TIMEOUT_S = 300.0  # a start is about 50 times slower under valgrind
I_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(kind: str, ctx: Context, valgrind: str) -> float:
    """Millions of instructions from process start to the first frame of ``kind``."""
    first_frame(kind, ctx)  # warm: byte-code and the parsed-content cache, as in every later start
    wrapper = (valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null")
    result = first_frame(kind, ctx, wrapper, VALGRIND_TIMEOUT_S)
    found = I_REFS.search(result["output_tail"])
    if found is None:
        raise RuntimeError(f"{kind}: no instruction count in valgrind's output")
    return int(found.group(1).replace(",", "")) / 1e6


def run(ctx: Context) -> list[Row]:
    figures = {
        "instructions.empty": "Start-up instructions to first frame, empty history",
        "instructions.5y": "Start-up instructions to first frame, 5 years",
    }
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return [Row(n, f, note="skipped: valgrind is not installed") for n, f in figures.items()]
    try:
        minimal, empty, five = (instructions(k, ctx, valgrind) for k in KINDS)
    except (PtyTimeout, RuntimeError) as err:
        return [Row(n, f, note=f"error: {err}") for n, f in figures.items()]
    ctx.log(f"instructions: minimal {minimal:.0f} M, empty {empty:.0f} M, 5 years {five:.0f} M")
    note = "info: one counted start of each (counts repeat within 0.1 %)"
    return [
        Row(
            "instructions.empty",
            figures["instructions.empty"],
            "M instr.",
            empty,
            minimal,
            "minimal app",
            note=note,
        ),
        Row(
            "instructions.5y",
            figures["instructions.5y"],
            "M instr.",
            five,
            empty,
            "empty history",
            note=note,
        ),
    ]
