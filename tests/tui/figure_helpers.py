"""An app whose clamshells and pigeon have a figure (none has one in the shipped content yet),
with the rep pacer on: shared by the figure's Pilot and snapshot tests."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import READY_SECONDS
from itb_tui.tui.app import ItbApp
from tests.figures import bridge, clamshell, with_figure

from .helpers import make_app, session_screen


def figure_app(tmp_path: Path, routine: str = "hip-strength", *, figure: bool = True) -> ItbApp:
    """The app opening ``routine`` with the pacer on; clamshells (and the pigeon) have the
    figures drawn here, or none at all when ``figure`` is False (not even the shipped ones)."""
    app, _clock = make_app(tmp_path, start=routine)
    app.context.settings.pacer = True
    app.context.settings.flash = False
    with_figure(app.context.library, "clamshell", clamshell() if figure else None)
    with_figure(app.context.library, "pigeon", bridge() if figure else None)
    return app


def clock_of(app: ItbApp) -> FakeClock:
    clock = app.context.clock
    assert isinstance(clock, FakeClock)
    return clock


async def into_the_set(app: ItbApp, pilot: Pilot[None]) -> None:
    """From the intro through the get-ready into the first paced set."""
    await pilot.press("enter")
    clock_of(app).advance(READY_SECONDS)
    session_screen(app).tick()
    await pilot.pause()
