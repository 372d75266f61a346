"""The referee's verdict for a day, in process, against the home overview it replaced.

Both read the five-year history as Home does (the recent months, overview.load_recent) and
run back to back, taking turns; the verdict adds each line's rule, the run with its minutes
after every cap, the check-in and the red flags to the overview. Every key and prompt may ask
it, so it must stay within a few milliseconds: the target is 10 ms.
"""

from __future__ import annotations

import time

from common import Context, Row, median, spread

TARGET_MS = 10.0


def run(ctx: Context) -> list[Row]:
    from itb_tui.core.context import AppContext
    from itb_tui.core.plan.overview import build_overview
    from itb_tui.core.plan.referee import decide, load_input
    from itb_tui.core.store.paths import Paths

    data = ctx.five_years_dir
    context = AppContext(Paths.resolve(str(data), str(data / "config")))
    inp, _unreadable = load_input(context)
    rounds = 20 if ctx.options.quick else 200

    def verdict() -> None:
        decide(inp)

    def overview() -> None:
        build_overview(inp.program, inp.settings, inp.library, inp.history, inp.now, inp.flags)

    verdict_ms: list[float] = []
    overview_ms: list[float] = []
    for n in range(rounds):  # alternate the order, so a drift hits both alike
        for call in (verdict, overview) if n % 2 else (overview, verdict):
            start = time.perf_counter()
            call()
            (verdict_ms if call is verdict else overview_ms).append(
                (time.perf_counter() - start) * 1000
            )
    value = median(verdict_ms)
    whole = _whole_history(context, inp, rounds)
    return [
        whole,
        Row(
            "verdict.day",
            "the referee's verdict for a day, 5 years of history",
            "ms",
            value,
            median(overview_ms),
            "the home overview",
            f"<= {TARGET_MS:.0f} ms",
            value <= TARGET_MS,
            f"median of {rounds} calls each, in process; "
            f"{len(inp.history.sessions)} sessions read (the recent months)",
            {"verdict_ms": spread(verdict_ms), "overview_ms": spread(overview_ms)},
        ),
    ]


def _whole_history(context: object, inp: object, rounds: int) -> Row:
    """The verdict with every month of the five years in its input, not only the recent ones."""
    from dataclasses import replace

    from itb_tui.core.plan.referee import RulesInput, decide

    assert isinstance(inp, RulesInput)
    store = context.store  # type: ignore[attr-defined]
    history, _errors = store.load_readable(store.months())
    times = []
    for _n in range(max(3, rounds // 10)):
        start = time.perf_counter()
        decide(replace(inp, history=history))  # a new input: its months picked out again
        times.append((time.perf_counter() - start) * 1000)
    value = median(times)
    return Row(
        "verdict.whole",
        "the verdict with all 5 years in its input",
        "ms",
        value,
        None,
        "",
        f"<= {TARGET_MS:.0f} ms",
        value <= TARGET_MS,
        f"a new input each call (the months the rules read picked out again); "
        f"{len(history.sessions)} sessions and {len(history.pain_logs)} pain logs",
        {"verdict_ms": spread(times)},
    )
