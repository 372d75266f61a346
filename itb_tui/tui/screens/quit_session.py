"""Asked when leaving a session early: keep what was done, discard it, or go back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

CHOICES = (
    ("back", "Go back to the session"),
    ("keep", "Keep what I did (saved as an incomplete session)"),
    ("discard", "Discard this session (nothing is saved)"),
)


class QuitSessionScreen(ModalScreen[str]):
    """Returns 'back', 'keep' or 'discard'."""

    BINDINGS = [
        Binding("escape", "choose('back')", "Back to session"),
        Binding("k", "choose('keep')", "Keep"),
        Binding("d", "choose('discard')", "Discard"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-dialog", classes="dialog"):
            yield Static("[b]Stop this session?[/b]  (paused meanwhile)")
            yield OptionList(*(Option(text, id=key) for key, text in CHOICES), id="quit-choices")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id or "back")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
