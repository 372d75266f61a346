"""The history screen at 5 years: push to first frame, then End to the oldest entry (headless).

The screen is opened the way a person would if the app has a key for it (a binding whose
action mentions history, on the home screen or the app), else by the app's action, else by
pushing ``HistoryScreen`` with constructor arguments matched by name. The first frame is taken
from an after-refresh callback on the new screen. The oldest entry (the generator's first day)
is looked for in the rendered screen text after End, then ctrl+end. Reference: the same with an
empty history. If the module is not there yet, one "not available" row says so.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import io
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from common import TERM_COLS, TERM_ROWS, Context, Row, median, spread
from generate_history import END, ZONE
from rich.console import Console

from itb_tui.core.clock import FakeClock
from itb_tui.core.context import AppContext
from itb_tui.core.store.paths import Paths

TARGET_MS = 250.0
OLDEST_TARGET_MS = 500.0
GAP_TEXT = "months being read"  # the gap row while End reads the months between
WAIT_S = 15.0
MAX_PRESSES = 1000
SETTLE_S = 1.0  # the screen still this long after a key: press again
POLL_S = 0.02
SCROLL_LIMIT_S = 60.0
FIGURE = "History screen, 5 years: push to first frame"


class NotAvailable(Exception):
    pass


def history_screen_class() -> type[Any]:
    try:
        module = importlib.import_module("itb_tui.tui.screens.history")
        return module.HistoryScreen  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as err:
        raise NotAvailable(f"itb_tui.tui.screens.history.HistoryScreen: {err}") from err


def screen_text(app: Any) -> str:
    """The plain text of what the app's screen shows now."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def day_texts(day: date) -> list[str]:
    """The ways a screen might write ``day``."""
    return [
        day.isoformat(),
        f"{day.day} {day:%b %Y}",
        f"{day.day:02d} {day:%b %Y}",
        f"{day:%b} {day.day}, {day.year}",
        f"{day:%b} {day.day} {day.year}",
        f"{day.day} {day:%B %Y}",
        f"{day:%B} {day.day}, {day.year}",
        f"{day:%d/%m/%Y}",
        f"{day:%d.%m.%Y}",
    ]


def _history_key(app: Any) -> str | None:
    """A key bound to an action that mentions history, on the home screen or the app."""
    for owner in (app.screen, app):
        for binding in getattr(owner, "BINDINGS", []):
            action = getattr(binding, "action", None)
            key = getattr(binding, "key", None)
            if isinstance(binding, tuple) and len(binding) >= 2:
                key, action = binding[0], binding[1]
            if isinstance(action, str) and "history" in action.lower() and key:
                return str(key).split(",")[0]
    return None


def _construct(cls: type[Any], app: Any) -> Any:
    context: AppContext = app.context
    known: dict[str, Any] = {
        "context": context,
        "store": context.store,
        "history": context.store,
        "library": context.library,
        "clock": context.clock,
        "settings": context.settings,
        "paths": context.paths,
        "today": context.clock.wall().date(),
    }
    kwargs: dict[str, Any] = {}
    for name, param in inspect.signature(cls).parameters.items():
        if name in known:
            kwargs[name] = known[name]
        elif param.default is inspect.Parameter.empty and param.kind not in (
            inspect.Parameter.VAR_POSITIONAL,
            inspect.Parameter.VAR_KEYWORD,
        ):
            raise NotAvailable(f"HistoryScreen needs '{name}', which the benchmark cannot guess")
    return cls(**kwargs)


def press_now(app: Any, key: str) -> None:
    """Send ``key`` as the terminal would, without waiting, as Pilot does, until the process
    is idle: a person sees rows while a background read goes on."""
    from textual import events

    event = events.Key(key, None)
    event.set_sender(app)
    app.post_message(event)


async def _wait(condition: Any, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return False
        await asyncio.sleep(0.002)
    return True


async def measure(data_dir: Path, oldest: date | None) -> dict[str, Any]:
    from itb_tui.tui.app import ItbApp

    cls = history_screen_class()
    clock = FakeClock(datetime(END.year, END.month, END.day, 21, 0, tzinfo=ZONE))
    context = AppContext.load(Paths(data=data_dir, config=data_dir / "config"), clock)
    app = ItbApp(context, auto_tick=False)
    result: dict[str, Any] = {}
    async with app.run_test(size=(TERM_COLS, TERM_ROWS)) as pilot:
        await pilot.pause()
        key = _history_key(app)
        how = f"key {key}" if key else "action/push"
        loop = asyncio.get_running_loop()
        start = time.perf_counter()
        cpu_start = time.process_time()
        if key:
            await pilot.press(key)
        elif hasattr(app, "action_history"):
            await app.run_action("history")
        else:
            app.push_screen(_construct(cls, app))
        if not await _wait(lambda: isinstance(app.screen, cls), WAIT_S):
            raise NotAvailable(f"the history screen did not open ({how})")
        frame: asyncio.Future[float] = loop.create_future()
        app.screen.call_after_refresh(lambda: frame.set_result(time.perf_counter()))
        result["first_frame_ms"] = (await asyncio.wait_for(frame, WAIT_S) - start) * 1000
        result["first_frame_cpu_ms"] = (time.process_time() - cpu_start) * 1000
        result["opened_by"] = how
        result["screen_text_first"] = screen_text(app)
        if oldest is None:
            return result
        wanted = day_texts(oldest)
        start = time.perf_counter()
        presses: list[str] = []
        found = False
        last_text = ""
        changed_at = start
        stuck = 0
        previous_press_text = None  # the screen when the last key went in
        checking = 0.0  # time spent reading the screen, taken off the figure
        # End, as a person would; while the screen keeps changing (rows arriving) just watch;
        # when it has been still for SETTLE_S and the oldest is not there, press again
        # (ctrl+end after End: a plain DataTable's End only scrolls sideways).
        while len(presses) < MAX_PRESSES and stuck < 5:
            if not presses or time.perf_counter() - changed_at > SETTLE_S:
                if presses and last_text == previous_press_text:
                    stuck += 1
                previous_press_text = last_text
                key = "end" if not presses else "ctrl+end"
                press_now(app, key)
                presses.append(key)
                changed_at = time.perf_counter()
            else:
                await asyncio.sleep(POLL_S)
            check = time.perf_counter()
            text = screen_text(app)
            checking += time.perf_counter() - check
            if any(t in text for t in wanted):
                found = True
                break
            if text != last_text:
                last_text, changed_at = text, time.perf_counter()
            if time.perf_counter() - start > SCROLL_LIMIT_S:
                break
        result["presses"] = len(presses)
        result["keys"] = sorted(set(presses))
        result["screen_reading_ms"] = checking * 1000
        if found:
            result["oldest_ms"] = (time.perf_counter() - start - checking) * 1000
            # the months between are still being read when the oldest shows first
            if await _wait(lambda: GAP_TEXT not in screen_text(app), WAIT_S):
                result["whole_ms"] = (time.perf_counter() - start) * 1000
        else:
            result["screen_text_end"] = last_text
    return result


def run(ctx: Context) -> list[Row]:
    runs = 2 if ctx.options.quick else 5
    scroll_runs = 1  # 60-odd presses: the per-press figure is a median of many already
    try:
        history_screen_class()
    except NotAvailable as err:
        return [
            Row("history.first_frame", FIGURE, target="<= 250 ms", note=f"not available: {err}")
        ]
    oldest = ctx.generated.get("first")
    oldest_day = oldest if isinstance(oldest, date) else END - timedelta(days=5 * 365)
    five: list[dict[str, Any]] = []
    empty: list[dict[str, Any]] = []
    scrolled: list[dict[str, Any]] = []
    try:
        asyncio.run(measure(ctx.empty_dir, None))  # warm-up: imports, CSS parse
        for _ in range(runs):
            empty.append(asyncio.run(measure(ctx.empty_dir, None)))
            five.append(asyncio.run(measure(ctx.five_years_dir, None)))
        for _ in range(scroll_runs):
            scrolled.append(asyncio.run(measure(ctx.five_years_dir, oldest_day)))
            ctx.log(f"history: oldest entry after {scrolled[-1]['presses']} presses")
    except (NotAvailable, TimeoutError) as err:
        return [Row("history.first_frame", FIGURE, target="<= 250 ms", note=f"error: {err}")]
    first = [r["first_frame_ms"] for r in five + scrolled]
    ref = [r["first_frame_ms"] for r in empty]
    cpu = [r["first_frame_cpu_ms"] for r in five + scrolled]
    cpu_ref = [r["first_frame_cpu_ms"] for r in empty]
    rows = [
        Row(
            "history.first_frame",
            FIGURE,
            "ms",
            median(first),
            median(ref),
            "empty history",
            f"<= {TARGET_MS:.0f} ms",
            median(first) <= TARGET_MS,
            (
                f"opened by {five[-1]['opened_by']}; 80x24 headless; CPU time "
                f"{median(cpu):.0f} ms vs {median(cpu_ref):.0f} ms empty"
            ),
            {
                "5_years_ms": spread(first),
                "empty_ms": spread(ref),
                "5_years_cpu_ms": spread(cpu),
                "empty_cpu_ms": spread(cpu_ref),
            },
        )
    ]
    reached = [r for r in scrolled if "oldest_ms" in r]
    figure = "History screen, 5 years: End to the oldest entry"
    if reached:
        oldest_ms = [r["oldest_ms"] for r in reached]
        presses = reached[-1]["presses"]
        rows.append(
            Row(
                "history.oldest",
                figure,
                "ms",
                median(oldest_ms),
                target=f"<= {OLDEST_TARGET_MS:.0f} ms",
                passed=median(oldest_ms) <= OLDEST_TARGET_MS,
                note=(
                    f"{oldest_day} on screen after {presses} key presses "
                    f"({', '.join(reached[-1]['keys'])}); every month in the table after "
                    f"{median([r.get('whole_ms', float('nan')) for r in reached]):.0f} ms"
                ),
                extra={
                    "ms": spread(oldest_ms),
                    "presses": presses,
                    "screen_reading_ms_excluded": reached[-1]["screen_reading_ms"],
                },
            )
        )
    else:
        rows.append(
            Row(
                "history.oldest",
                figure,
                note=(
                    f"error: {oldest_day} not on screen {SCROLL_LIMIT_S:.0f} s after End "
                    "(then ctrl+end whenever the screen was still)"
                ),
                extra={"screen": scrolled[-1].get("screen_text_end", "") if scrolled else ""},
            )
        )
    return rows
