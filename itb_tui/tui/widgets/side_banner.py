"""The banner that says which leg, or what is happening, in words and colour."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from itb_tui.tui.text import literal


class SideBanner(Static):
    """A full-width banner: 'LEFT LEG', 'SWITCH TO THE RIGHT LEG', 'REST', 'PAUSED'."""

    text: reactive[str] = reactive("")
    side: reactive[str] = reactive("both")

    def watch_text(self, text: str) -> None:
        self.update(literal(text))

    def watch_side(self, old: str, new: str) -> None:
        self.remove_class(f"-{old}")
        self.add_class(f"-{new}")
