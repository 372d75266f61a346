"""Help: every key, where the data lives, and the not-medical-advice notice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import markdown_code, markdown_literal
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.legend import legend_table

KEYS = """\
## Keys

| where | key | what it does |
|---|---|---|
| everywhere | `?` | this help |
| everywhere | `ctrl+p` | command palette: start any routine, log pain |
| home | `up` `down`, `enter` | choose a routine, start it |
| home | `l` | quick pain log |
| home | `h` | history: sessions and pain logs |
| home | `r` | return to running: readiness, run stage, a guided run |
| home | `f` | red-flag checklist |
| home | `s` | settings |
| history | `a` `s` `p` `m` | all, sessions, pain logs, last 30 days |
| history | `enter` | details of the entry |
| history | `c` `d` `x` | pain chart, calendar and left/right, export |
| history | `end` `home` | oldest, newest |
| detail | `e`, `delete` | edit pain and note, delete (asks first) |
| home | `q` | quit |
| session | `enter` | start the exercise, finish the hold or set now, skip a rest |
| session | `space` | pause / resume |
| session | `s` | skip this set (on an exercise's intro: skip the exercise) |
| session | `n` | skip the rest of this exercise |
| session | `b` | back to the previous set |
| session | `+` `-` | 10 s more or less on a countdown; one rep more or fewer on a set |
| session | `p` | note pain now (pauses and shows the caution) |
| session | `q` `escape` | stop: keep what you did, discard it, or go back |
| pain scale | `0`-`9` | pick a score; `left` `right` move (reaching 10); `enter` saves |
| pain log | `r` `d` `u` `a` `e` | where: rest, daily activity, during/after a run, exercise |
"""


class HelpScreen(ModalScreen[None]):
    """Escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Close", id="close")]

    def __init__(self, disclaimer: str, data_dir: str, config_dir: str) -> None:
        super().__init__()
        self.disclaimer = disclaimer
        self.data_dir = data_dir
        self.config_dir = config_dir

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        text = (
            f"# itb-tui help\n\n**Not medical advice.** {markdown_literal(self.disclaimer)}\n\n"
            f"{KEYS}\n{legend_table()}\n"
            f"## Your data\n\nHistory: {markdown_code(self.data_dir)}  \n"
            f"Settings and your own routines: {markdown_code(self.config_dir)}\n"
        )
        with VerticalScroll(id="help-body", classes="dialog"):
            yield Markdown(text)
        yield KeysFooter()
