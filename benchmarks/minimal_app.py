"""References: the smallest Textual app, one Static on the default screen.

``MinimalApp`` is the start-up and memory reference. ``TickingApp`` (``--tick``) redraws one
label once a second: Textual's own floor for idle CPU while a countdown shows.
"""

from __future__ import annotations

import sys
import time

from textual.app import App, ComposeResult
from textual.widgets import Static

TICK_TEXT = "minimal Textual app:"


class MinimalApp(App[None]):
    """One line of text, nothing else."""

    def compose(self) -> ComposeResult:
        yield Static("minimal Textual app: one Static")


class TickingApp(App[None]):
    """One label that shows the seconds and changes once a second."""

    def compose(self) -> ComposeResult:
        yield Static(id="clock")

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        self.query_one("#clock", Static).update(f"{TICK_TEXT} {int(time.monotonic()) % 1000:>3} s")


if __name__ == "__main__":
    (TickingApp() if "--tick" in sys.argv[1:] else MinimalApp()).run()
