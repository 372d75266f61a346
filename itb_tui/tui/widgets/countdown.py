"""A big countdown: Textual Digits over a bar that moves with the shown second."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits, Static

BAR_WIDTH = 50


def clock_text(seconds: int) -> str:
    """'0:45', '12:00'."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"


def bar_text(done: float, width: int = BAR_WIDTH) -> Text:
    """A bar whose fill shows without colour (full vs light shade); redrawn only when told."""
    filled = round(max(0.0, min(1.0, done)) * width)
    return Text.assemble(("█" * filled, "bold"), ("░" * (width - filled), "grey35"))


class Countdown(Widget):
    """Shows whole seconds left of ``total``; it never reads a clock itself."""

    seconds: reactive[int] = reactive(0)
    total: reactive[float] = reactive(1.0)

    def compose(self) -> ComposeResult:
        yield Digits(clock_text(self.seconds), id="countdown-digits")
        yield Static(id="countdown-bar")

    def _update(self) -> None:
        if not self.is_mounted:
            return
        self.query_one(Digits).update(clock_text(self.seconds))
        total = max(1.0, self.total)
        bar = bar_text((total - self.seconds) / total)
        # one line of a fixed width: a new second repaints the bar and lays nothing out again
        self.query_one("#countdown-bar", Static).update(bar, layout=False)

    def watch_seconds(self) -> None:
        self._update()

    def watch_total(self) -> None:
        self._update()

    def on_mount(self) -> None:
        self._update()
