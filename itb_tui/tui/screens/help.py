"""Help: every key, where the data lives, and the not-medical-advice notice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from itb_tui.tui.keys import bindings, key_table
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import markdown_code, markdown_literal
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.legend import legend_table


class HelpScreen(ModalScreen[None]):
    """Escape, q or ? closes it."""

    BINDINGS = bindings("help")

    def __init__(self, disclaimer: str, data_dir: str, config_dir: str) -> None:
        super().__init__()
        self.disclaimer = disclaimer
        self.data_dir = data_dir
        self.config_dir = config_dir

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        text = (
            f"# itb-tui help\n\n**Not medical advice.** {markdown_literal(self.disclaimer)}\n\n"
            f"## Keys\n\n{key_table()}\n{legend_table()}\n"
            f"## Your data\n\nHistory: {markdown_code(self.data_dir)}  \n"
            f"Settings and your own routines: {markdown_code(self.config_dir)}\n"
        )
        with VerticalScroll(id="help-body", classes="dialog"):
            yield Markdown(text)
        yield KeysFooter()
