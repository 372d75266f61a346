"""A big countdown: Textual Digits over a progress bar that moves with the shown second."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits, ProgressBar


def clock_text(seconds: int) -> str:
    """'0:45', '12:00'."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"


class Countdown(Widget):
    """Shows whole seconds left of ``total``; it never reads a clock itself."""

    seconds: reactive[int] = reactive(0)
    total: reactive[float] = reactive(1.0)

    def compose(self) -> ComposeResult:
        yield Digits(clock_text(self.seconds), id="countdown-digits")
        with Center():
            yield ProgressBar(show_eta=False, show_percentage=False, id="countdown-bar")

    def _update(self) -> None:
        if not self.is_mounted:
            return
        self.query_one(Digits).update(clock_text(self.seconds))
        total = max(1.0, self.total)
        self.query_one(ProgressBar).update(total=total, progress=total - self.seconds)

    def watch_seconds(self) -> None:
        self._update()

    def watch_total(self) -> None:
        self._update()

    def on_mount(self) -> None:
        self._update()
