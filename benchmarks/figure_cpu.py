"""Idle CPU of the moving exercise figure, in a real terminal (tmux, 120x36, wide enough for it).

Two scenes, each measured with the figure and without it (the same app, the exercise's figure
taken away), so the figure's cost is the difference:

- a paced set: ``itb start hip-strength`` with the rep pacer on, in the first clamshell set
  (1 s up, 2 s hold, 2 s down: the figure moves 3 s of every 5);
- a hold: ``itb start daily-stretch``, in the 90 s pigeon hold (the figure stands still).

The app is started through this file (``python figure_cpu.py --figure|--no-figure ARGS``),
which gives the clamshell and the pigeon a figure when the content has none (or takes theirs
away for the reference), then runs ``itb ARGS``.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

from common import PYTHON, REPO, Context, Row, data_args, seed_settings
from generate_history import END
from idle_cpu import Tmux, TmuxError, measure, tmux_session

COLS, ROWS = 120, 36
# A still figure sets no timer and repaints nothing (the tests count it): what the hold may
# show beyond the same hold without it is the noise of a short window on a shared machine.
HOLD_EXTRA_PCT = 1.0
BRAILLE = range(0x2801, 0x2900)


def _has_figure(screen: str) -> bool:
    return any(ord(char) in BRAILLE for char in screen)


def _launch(tmux: Tmux, argv: Sequence[str]) -> None:
    command = "exec " + shlex.join(argv)
    tmux.cmd("new-session", "-d", "-s", tmux.session, "-x", str(COLS), "-y", str(ROWS), command)


def _measure(ctx: Context, scene: str, figure: bool, seconds: float) -> dict[str, object]:
    data = ctx.workdir / f"figure-cpu-{scene}-{figure}"
    shutil.rmtree(data, ignore_errors=True)
    seed_settings(data, END, pacer=scene == "paced")
    routine = "hip-strength" if scene == "paced" else "daily-stretch"
    flag = "--figure" if figure else "--no-figure"
    argv = [PYTHON, __file__, flag, *data_args(data), "start", routine]
    with tmux_session(f"figure-{scene}-{figure}") as tmux:
        _launch(tmux, argv)
        tmux.wait_for("GET SET UP")
        tmux.keys("Enter")
        tmux.wait_for("GET READY")
        if scene == "hold":
            tmux.keys("Enter")  # straight into the hold
        before = tmux.wait_for("GET READY", timeout=15, gone=True)
        if _has_figure(before) != figure:
            raise TmuxError(f"the figure is {'not ' if figure else ''}on screen:\n{before}")
        time.sleep(1.0)
        result: dict[str, object] = dict(measure(tmux.pane_pid(), seconds, tmux.server_pid()))
        after = tmux.screen()
        result["in_the_set"] = ("Rep " in after) if scene == "paced" else ("LEFT LEG" in after)
        return result


def _row(ctx: Context, scene: str, seconds: float) -> Row:
    what = "a paced set (clamshells)" if scene == "paced" else "a hold (pigeon)"
    name, figure = f"figure_cpu.{scene}", f"Idle CPU in {what} with the figure, tmux {COLS}x{ROWS}"
    # A moving figure costs what its repaints cost (at most 8 a second): reported, not judged.
    target = "(information)" if scene == "paced" else f"<= without + {HOLD_EXTRA_PCT} points"
    try:
        without = _measure(ctx, scene, False, seconds)
        with_figure = _measure(ctx, scene, True, seconds)
    except (TmuxError, OSError, ValueError, subprocess.SubprocessError) as err:
        return Row(name, figure, target=target, note=f"error: {err}")
    value, reference = float(with_figure["pct"]), float(without["pct"])  # type: ignore[arg-type]
    ctx.log(f"figure {scene}: {value:.2f} % with, {reference:.2f} % without")
    note = f"the figure adds {value - reference:+.2f} points"
    if not with_figure["in_the_set"]:
        note += "; the set was no longer on screen at the end"
    extra: dict[str, object] = {"with": with_figure, "without": without}
    passed = None if scene == "paced" else value <= reference + HOLD_EXTRA_PCT
    return Row(name, figure, "%", value, reference, "no figure", target, passed, note, extra)


def run(ctx: Context) -> list[Row]:
    seconds = 5.0 if ctx.options.quick else 20.0
    if shutil.which("tmux") is None:
        note = "skipped: tmux is not installed"
        return [
            Row(f"figure_cpu.{s}", f"Idle CPU, {s}, figure", note=note) for s in ("paced", "hold")
        ]
    return [_row(ctx, "paced", seconds), _row(ctx, "hold", seconds)]


def _app_with_figures(figures: bool, argv: list[str]) -> int:
    """Run ``itb argv`` with sample figures on the clamshell and the pigeon, or none at all."""
    sys.path.insert(0, str(REPO))
    from itb_tui import cli
    from itb_tui.core.content import library as content_library
    from tests.figures import bridge, clamshell, with_figure

    load = content_library.load_library

    def load_with_figures(*args: Any, **kwargs: Any) -> content_library.Library:
        library = load(*args, **kwargs)
        for exercise_id, sample in (("clamshell", clamshell()), ("pigeon", bridge())):
            own = library.exercises[exercise_id].figure
            with_figure(library, exercise_id, (own or sample) if figures else None)
        return library

    content_library.load_library = load_with_figures  # read where the context imports it
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(_app_with_figures(sys.argv[1] == "--figure", sys.argv[2:]))
