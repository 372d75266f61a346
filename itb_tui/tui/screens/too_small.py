"""Covers the app when the terminal is smaller than the layout needs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 18


class TooSmallScreen(ModalScreen[None]):
    """Says how big the terminal must be; it goes away by itself once it is."""

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-text")

    def show_size(self, width: int, height: int) -> None:
        self.query_one("#too-small-text", Static).update(
            f"The terminal is {width}x{height}.\nitb-tui needs at least "
            f"{MIN_WIDTH}x{MIN_HEIGHT}.\nEnlarge the window; a countdown keeps running."
        )

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)
