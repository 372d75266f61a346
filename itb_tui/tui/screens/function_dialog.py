"""Rate the function score (PSFS) in the app: up to three activities, each 0-10, in one form;
Enter keeps them (after the same checks as ``itb psfs``), Escape changes nothing."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from itb_tui.core.history.records import ACTIVITY_LIMIT, MAX_ACTIVITIES, FunctionScore
from itb_tui.core.shell.function_verb import SCALE, make_score, parse_rating
from itb_tui.core.text import sentence
from itb_tui.tui.keys import bindings
from itb_tui.tui.screens.dialog import Dialog
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.hint import show_hint

FIRST = "Name up to three things your knee stops you doing or makes hard, e.g. stairs."
AGAIN = "The same activities as last time; leave a rating empty to leave it out."


class FunctionScoreDialog(Dialog[FunctionScore | None]):
    """Returns the function score to keep, None on Escape; ``previous`` names the activities."""

    BINDINGS = bindings("function score dialog")

    def __init__(self, now: datetime, previous: FunctionScore | None = None) -> None:
        super().__init__()
        self.now = now
        self.names = [name for name, _ in previous.ratings] if previous is not None else []

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        with Vertical(id="fs-dialog", classes="dialog"):
            yield Static("[b]Function score[/b]", id="fs-title")
            yield Static(f"How well can you do each now? {SCALE}.", id="fs-scale")
            for row in range(MAX_ACTIVITIES):
                name = self.names[row] if row < len(self.names) else ""
                with Horizontal(classes="fs-row"):
                    yield Input(
                        name,
                        placeholder=f"Activity {row + 1}",
                        max_length=ACTIVITY_LIMIT,
                        id=f"fs-name-{row}",
                    )
                    yield Input(placeholder="0-10", max_length=2, id=f"fs-score-{row}")
            yield Static(id="fs-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._hint(AGAIN if self.names else FIRST, scroll=False)
        first = "#fs-score-0" if self.names else "#fs-name-0"
        self.query_one(first, Input).focus()

    def _hint(self, text: str, problem: str = "", *, scroll: bool = True) -> None:
        show_hint(self.query_one("#fs-hint", Static), text, problem, scroll=scroll)

    def ratings(self) -> list[tuple[str, int]]:
        """Each row with a name and a rating; ValueError says what is wrong with one."""
        found = []
        for row in range(MAX_ACTIVITIES):
            name = self.query_one(f"#fs-name-{row}", Input).value.strip()
            score = self.query_one(f"#fs-score-{row}", Input).value.strip()
            if name and score:
                found.append(parse_rating(f"{name}={score}"))
            elif score:
                raise ValueError(f"rating {row + 1} has no activity: name it first")
        return found

    def action_save(self) -> None:
        try:
            score = make_score(self.now, self.ratings())
        except ValueError as err:
            self._hint("Fix it, or Escape.", sentence(str(err).rstrip(".")))
            return
        self.dismiss(score)

    def action_cancel(self) -> None:
        self.dismiss(None)
