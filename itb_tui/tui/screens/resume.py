"""Offered at start-up when a session was interrupted: resume it, keep it, or discard it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from itb_tui.core.history import SessionRecord


class ResumeScreen(ModalScreen[str]):
    """Returns 'resume', 'keep' or 'discard' (discard asks twice)."""

    BINDINGS = [Binding("escape", "choose('later')", "Decide later")]

    def __init__(self, record: SessionRecord, can_resume: bool) -> None:
        super().__init__()
        self.record = record
        self.can_resume = can_resume
        self._confirming = False

    def compose(self) -> ComposeResult:
        done = sum(sum(len(v) for v in r.done.values()) for r in self.record.exercises)
        with Vertical(id="resume-dialog", classes="dialog"):
            yield Static(
                f"[b]An unfinished session was found[/b]\n{self.record.routine_name}, started "
                f"{self.record.started_at:%a %d %b %H:%M}, {done} sets done.",
                id="resume-text",
            )
            options = []
            if self.can_resume:
                options.append(Option("Resume where I was", id="resume"))
            options.append(Option("Keep it as an incomplete session", id="keep"))
            options.append(Option("Discard it", id="discard"))
            yield OptionList(*options, id="resume-choices")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or "later"
        if choice == "discard" and not self._confirming:
            self._confirming = True
            options = self.query_one(OptionList)
            options.clear_options()
            options.add_options(
                [
                    Option("No, keep it as an incomplete session", id="keep"),
                    Option("Yes, discard it for good", id="discard"),
                ]
            )
            self.query_one("#resume-text", Static).update(
                "[b]Discard the unfinished session?[/b] The sets in it will be lost."
            )
            return
        self.dismiss(choice)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
