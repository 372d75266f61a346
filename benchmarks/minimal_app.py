"""The start-up and memory reference: the smallest Textual app, one Static on the default screen."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static


class MinimalApp(App[None]):
    """One line of text, nothing else."""

    def compose(self) -> ComposeResult:
        yield Static("minimal Textual app: one Static")


if __name__ == "__main__":
    MinimalApp().run()
