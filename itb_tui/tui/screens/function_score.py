"""The function score (PSFS): each activity the user rated, first against now, and the means."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header, Static

from itb_tui.core.history.function_scale import MEANINGFUL, chart_lines
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.tui.keys import bindings
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import literal
from itb_tui.tui.widgets.footer import KeysFooter

INTRO = (
    "How well you can do the activities your knee stopped or limited: 0 = you cannot, "
    f"10 = as well as before. A change of {MEANINGFUL} points or more is meaningful. "
    "Rate them every 2 weeks in a shell: itb psfs"
)


class FunctionScoreScreen(Screen[None]):
    """Reads every month's function scores once, when opened; Escape goes back."""

    BINDINGS = bindings("function score")

    def __init__(self, store: HistoryStore) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        yield Header()
        yield Static(literal(INTRO), id="function-intro")
        history, unreadable = self.store.load_readable(self.store.months())
        text = "\n".join(chart_lines(history.function_scores))
        if unreadable:
            text += f"\n\n{len(unreadable)} month(s) could not be read and are left out."
        yield Static(literal(text), id="function-chart")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "itb-tui"
        self.sub_title = "Function score"
