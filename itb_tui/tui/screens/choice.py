"""A small question with a few answers, each with its own key: used for every decision dialog."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from itb_tui.tui.keys import bindings
from itb_tui.tui.screens.dialog import Dialog
from itb_tui.tui.text import literal, markup, rich_literal
from itb_tui.tui.widgets.footer import KeysFooter


@dataclass(frozen=True)
class Choice:
    """One answer: its result id, the key that picks it, and what it says."""

    id: str
    key: str
    label: str


def answer_prompt(choice: Choice) -> Table:
    """'c  CSV: ...', a long label wrapping under itself rather than under the key."""
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(rich_literal(choice.key), rich_literal(choice.label))
    return grid


class ChoiceScreen(Dialog[str]):
    """Arrows and Enter, or the answer's key; Escape gives ``escape_result``."""

    BINDINGS = bindings("choice")

    def __init__(self, title: str, text: str, choices: list[Choice], escape_result: str) -> None:
        super().__init__(classes="choice")
        self.title_text = title
        self.text = text
        self.choices = choices
        self.escape_result = escape_result

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(markup("[b]$title[/b]", title=self.title_text), classes="choice-title")
            if self.text:
                yield Static(literal(self.text), classes="choice-text")
            yield OptionList(
                *(Option(answer_prompt(c), id=c.id) for c in self.choices),
                classes="choice-list",
            )
        yield KeysFooter()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id or self.escape_result)

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.id)
                return

    def action_cancel(self) -> None:
        self.dismiss(self.escape_result)
