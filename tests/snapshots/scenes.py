"""The main screens in a fixed state: shared by the snapshot tests and scripts/screenshots.py.

Every scene module (this one, program_scenes.py, history_scenes.py) has the same shape: a
``SCENES`` tuple of names and ``scene(name) -> Scene``, the app and the moves to its screen.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import READY_SECONDS
from itb_tui.core.history.records import PainLog
from itb_tui.core.plan.overview import run_routine
from itb_tui.core.session.engine import SessionEngine
from itb_tui.tui.app import ItbApp
from itb_tui.tui.widgets.figure import ExerciseFigure
from itb_tui.tui.widgets.pick_list import PickList
from tests.tui.helpers import make_app, session_screen

Setup = Callable[[Pilot[None]], Awaitable[None]]
Scene = tuple[ItbApp, Setup]


def _tick(app: ItbApp, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    session_screen(app).tick()


SCENE_ROOT = Path("/tmp/itb-tui-scenes")  # fixed, because the summary shows the saved path


_held: list[int] = []  # the lock on the scene this process is using


def release_scene() -> None:
    """Let another process (a parallel test worker) use the scene this one was using."""
    while _held:
        os.close(_held.pop())


def scene_folder(name: str) -> Path:
    """The named scene's data folder: fixed (so screens show the same paths each run), emptied.
    Two test workers may want one scene at once (the 80x24 and the 60x18 check-in): the second
    waits until the first is done with it, instead of finding it locked by another copy."""
    release_scene()
    SCENE_ROOT.mkdir(parents=True, exist_ok=True)
    fd = os.open(SCENE_ROOT / f"{name}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    _held.append(fd)
    folder = SCENE_ROOT / name
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def scene(name: str) -> Scene:
    """An app and the keys/clock moves that bring it to the named screen."""
    start = {
        "home": None,
        "hold": "daily-stretch",
        "rest": "hip-strength",
        "switch": "hip-strength",
        "pain": "ice",
        "summary": "ice",
        "intro": "hip-strength",
        "run-intro": None,
        "phase-advice": None,
        "checkin": None,
        "figure-intro": "hip-strength",
        "figure-set": "hip-strength",
    }[name]
    app, clock = make_app(scene_folder(name), start=start, check_in=name == "checkin")
    app.context.settings.flash = False  # a flash is a 0.4 s state: keep it out of pictures
    if name == "checkin":  # not the first check-in ever: it compares with yesterday
        yesterday = clock.wall() - timedelta(days=1)
        app.context.store.add_pain_log(PainLog(yesterday, 1, "morning", "", False, "same"))
    app.context.settings.pacer = name.startswith("figure")  # the figure moves with the pacer

    async def setup(pilot: Pilot[None]) -> None:
        if name == "hold":
            await pilot.press("enter")
            _tick(app, clock, 5)
            _tick(app, clock, 30.4)
        elif name == "rest":
            await pilot.press("enter", "enter", "enter", "enter")
            _tick(app, clock, 12.3)
        elif name == "switch":
            await pilot.press("enter", "plus", "plus", "enter")
            _tick(app, clock, 1.5)
        elif name == "run-intro":
            program = app.context.program
            week = program.return_to_running.week(1)
            app.sessions.push(SessionEngine(run_routine(1, week, program.form_tips), clock))
        elif name == "phase-advice":
            await pilot.pause()
            app.home.query_one(PickList).highlighted = app.home.query_one(PickList).index_of(
                "today:4"
            )
        elif name in ("pain", "summary"):
            await pilot.press("enter", "enter")
            _tick(app, clock, 600)
            await pilot.press("enter", "4")
            if name == "summary":
                await pilot.press("tab", *"cold helps", "enter")
        elif name == "figure-set":  # the shipped clamshell figure half-way up the first rep
            await pilot.press("enter")
            _tick(app, clock, READY_SECONDS + 0.5)
            session_screen(app).query_one(ExerciseFigure).tick()
        elif name == "checkin":  # asked on the first open of the day; answered, not yet saved
            await pilot.pause()
            await pilot.press("2", "s", "n")
        await pilot.pause()

    return app, setup


SCENES = ("home", "hold", "rest", "switch", "pain", "summary", "checkin")
# The content each screen shows where it helps: the exercise intro (cautions, equipment,
# common errors, how often), the guided run's intro (form tips) and a phase's advice.
CONTENT_SCENES = ("intro", "run-intro", "phase-advice")
# The exercise figure beside the intro and a paced set: pictured on a screen wide enough for it.
FIGURE_SCENES = ("figure-intro", "figure-set")
FIGURE_SIZE = (120, 36)
