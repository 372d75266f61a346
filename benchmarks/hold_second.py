"""A second of a hold counted in instructions, against Textual's floor counted the same way.

The idle-CPU figure counts ticks of 10 ms of a real terminal, so on a busy machine one tick
more or less moves its ratio by a tenth. Here each app runs headless with its output rendered
as for a terminal (the escape codes are made, not written), and a second is stepped by hand:
the hold's fake clock moves on a second and the session screen looks at it, as its timer
would; the floor's label (benchmarks/minimal_app.py) changes, as its interval would. Each
kind runs under valgrind twice, stepping none and then ``SECONDS`` seconds; the difference
over ``SECONDS`` is what one second costs. For information; skipped without valgrind.

    python benchmarks/hold_second.py itb|floor SECONDS DATA_DIR
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import sys
from pathlib import Path

from common import PYTHON, Context, Row, bench_env

SECONDS = 60  # the pigeon hold is 90 s
STEP_S = 0.05  # real time for the app to repaint after each second
VALGRIND_TIMEOUT_S = 600.0
I_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


async def step_hold(seconds: int, data: Path) -> None:
    from textual.app import App

    from itb_tui.core.clock import FakeClock
    from itb_tui.core.context import AppContext
    from itb_tui.core.store.paths import Paths
    from itb_tui.tui.app import ItbApp
    from itb_tui.tui.screens.session import SessionScreen

    App.is_headless = property(lambda _app: False)  # type: ignore[method-assign, assignment]
    clock = FakeClock()
    context = AppContext.load(Paths(data, data / "config"), clock)
    app = ItbApp(context, start_routine="daily-stretch", auto_tick=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")  # past the intro and the lead-in: the pigeon hold
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        clock.advance(1.0)
        screen.tick()
        await pilot.pause()
        for _ in range(seconds):
            clock.advance(1.0)
            screen.tick()
            await asyncio.sleep(STEP_S)
        await pilot.pause()


async def step_floor(seconds: int) -> None:
    from minimal_app import TICK_TEXT, TickingApp
    from textual.app import App
    from textual.widgets import Static

    App.is_headless = property(lambda _app: False)  # type: ignore[method-assign, assignment]

    class SteppedApp(TickingApp):
        def on_mount(self) -> None:  # no interval: stepped by hand
            self.query_one("#clock", Static).update(f"{TICK_TEXT}   0 s")

    app = SteppedApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for second in range(1, seconds + 1):
            app.query_one("#clock", Static).update(f"{TICK_TEXT} {second:>3} s")
            await asyncio.sleep(STEP_S)
        await pilot.pause()


def counted(kind: str, seconds: int, data: Path, valgrind: str) -> int:
    """Instructions of one run of ``kind`` stepping ``seconds``, start-up included."""
    wrapper = [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    env = bench_env(PYTHONHASHSEED="0")  # the same dictionaries each run: counts repeat
    argv = [*wrapper, PYTHON, __file__, kind, str(seconds), str(data)]
    done = subprocess.run(
        argv, capture_output=True, text=True, env=env, timeout=VALGRIND_TIMEOUT_S, check=False
    )
    found = I_REFS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"{kind} {seconds} s: exit {done.returncode}: {done.stderr[-400:]}")
    return int(found.group(1).replace(",", ""))


def run(ctx: Context) -> list[Row]:
    name, figure = "hold_second", "Instructions per second of a hold, headless 80x24"
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return [Row(name, figure, note="skipped: valgrind is not installed")]
    data = ctx.empty_dir
    seconds = 10 if ctx.options.quick else SECONDS
    try:
        per_second = {
            kind: (counted(kind, seconds, data, valgrind) - counted(kind, 0, data, valgrind))
            / seconds
            / 1e6
            for kind in ("itb", "floor")
        }
    except (RuntimeError, subprocess.SubprocessError, OSError) as err:
        return [Row(name, figure, note=f"error: {err}")]
    ctx.log(f"a second: hold {per_second['itb']:.2f} M, floor {per_second['floor']:.2f} M")
    label = "minimal Textual app, 1 label a second"
    note = f"info: {seconds} s stepped by hand, the run stepping none subtracted"
    return [Row(name, figure, "M instr.", per_second["itb"], per_second["floor"], label, note=note)]


if __name__ == "__main__":
    kind, steps, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    if kind == "itb":
        asyncio.run(step_hold(steps, folder))
    else:
        asyncio.run(step_floor(steps))
