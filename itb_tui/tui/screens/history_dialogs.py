"""Questions asked from the history screens: a new pain score and note, delete?, which format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from itb_tui.core.history.records import NO_KNEES, Knees
from itb_tui.core.report.export_file import FileFormat
from itb_tui.tui.keys import COMPARED_KEYS, bindings
from itb_tui.tui.screens.checkin import choices
from itb_tui.tui.screens.choice import Choice, ChoiceScreen
from itb_tui.tui.screens.dialog import Dialog
from itb_tui.tui.screens.pain import swelling_line
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import markup
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.knee_scale import KneeScale, both_knees
from itb_tui.tui.widgets.note_input import NoteInput
from itb_tui.tui.widgets.pain_scale import PainScale

FORMAT_CHOICES: tuple[tuple[FileFormat, str, str], ...] = (
    ("csv", "c", "CSV: one row per exercise and side, for a spreadsheet"),
    ("json", "j", "JSON: everything, can be read back"),
    ("markdown", "m", "Markdown: a one-page report for a physiotherapist"),
    ("pdf", "p", "PDF: the report with a pain chart, to print"),
)


@dataclass(frozen=True)
class EditResult:
    """The pain score (None: not rated), note and swelling answer chosen in EditPainScreen;
    each knee's score where the knees were scored, and a check-in's ``compared``."""

    score: int | None
    note: str
    swelling: bool | None = None
    knees: Knees = NO_KNEES
    compared: str | None = None  # None: not a check-in


class EditPainScreen(Dialog[EditResult | None]):
    """Change a pain score with the 0-10 scale and a note; Enter saves, Escape cancels."""

    BINDINGS = bindings("edit")

    def __init__(
        self,
        title: str,
        score: int | None,
        note: str,
        *,
        required: bool,
        swelling: bool | None = None,
        knees: Knees = NO_KNEES,
        compared: str | None = None,
        warn: Callable[[EditResult], str] | None = None,
    ) -> None:
        """``knees``: each knee's score so far, edited knee by knee; ``compared``: a morning
        check-in's answer (b/s/w change it), None for any other entry. ``warn``: what to say
        of a result before it is saved ('' for nothing); Enter saves a result it warns of
        only once the warning is shown."""
        super().__init__()
        self.warn = warn
        self.warned = ""
        self.title_text = title
        self.score = score
        self.note = note
        self.required = required
        self.swelling = swelling
        self.knees = knees
        self.compared = compared

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        with Vertical(id="edit-dialog", classes="dialog"):
            yield Static(markup("[b]$title[/b]", title=self.title_text))
            yield Static("0 = no pain, 10 = the worst you can imagine.", classes="dim")
            yield KneeScale(per_knee=both_knees(self.app) or bool(self.knees), id="pain-scale")
            if self.compared is not None:
                yield Static(self._compared_line(), id="edit-compared")
            yield Static(swelling_line(self.swelling), id="edit-swelling")
            yield NoteInput(self.note, placeholder="Note (optional)", id="edit-note")
            yield Static(id="edit-warning")
            yield Static(id="edit-hint", classes="dim")
        yield KeysFooter()

    def on_mount(self) -> None:
        scale = self.query_one(KneeScale)
        scale.value = self.score
        scale.show_knees(self.knees)
        scale.focus()
        self._hint("")

    def _compared_line(self) -> Content:
        options = [(k, c, c == self.compared) for k, c in COMPARED_KEYS.items()]
        return choices("Vs yesterday:", options)

    def on_pain_scale_changed(self, _event: PainScale.Changed) -> None:
        self._hint("")  # a score is picked: "Pick a score first" no longer applies
        self._warn()

    def _warn(self) -> str:
        """Show what ``warn`` says of the result as it stands; returns it."""
        text = self.warn(self._result()) if self.warn is not None else ""
        if text != self.warned:
            self.warned = text
            shown = self.query_one("#edit-warning", Static)
            shown.update(markup("[yellow]$text[/yellow]", text=text) if text else "")
            shown.display = bool(text)
        return text

    def _result(self) -> EditResult:
        score = self.query_one(PainScale).value
        note, knees = self.query_one(NoteInput).note, self.query_one(KneeScale).knees
        return EditResult(score, note, self.swelling, knees, self.compared)

    def _hint(self, problem: str) -> None:
        base = "Digits or arrows: score - Tab: note - Enter saves - Escape cancels"
        text = f"[red]{problem}[/red]\n{base}" if problem else base
        self.query_one("#edit-hint", Static).update(text)

    def action_save(self) -> None:
        result = self._result()
        if result.score is None and self.required:
            self._hint("Pick a score first: press a digit 0-9, or the arrows for 10.")
            return
        shown = self.warned
        if self._warn() != shown:  # say it first; Enter again saves
            return
        self.dismiss(result)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "compared":
            return self.compared is not None and not isinstance(self.focused, Input)
        return not isinstance(self.focused, Input) if action == "swelling" else True

    def action_compared(self, compared: str) -> None:
        self.compared = compared
        self.query_one("#edit-compared", Static).update(self._compared_line())

    def action_swelling(self, answer: bool) -> None:
        self.swelling = answer
        self.query_one("#edit-swelling", Static).update(swelling_line(answer))
        self._warn()

    def action_cancel(self) -> None:
        self.dismiss(None)


def confirm_delete(noun: str, kept: str = "") -> ChoiceScreen:
    """Asks before deleting, saying what is ``kept`` of it ('' for nothing); Enter on the
    first answer, n or Escape keep it."""
    return ChoiceScreen(
        f"Delete this {noun}?",
        "It is removed from the history file (the previous version is kept as .bak)."
        + (f" {kept}" if kept else ""),
        [Choice("keep", "n", "No, keep it"), Choice("delete", "y", "Yes, delete it")],
        "keep",
    )


def export_format() -> ChoiceScreen:
    """Which format to export the whole history in; Escape gives ''."""
    return ChoiceScreen(
        "Export the whole history",
        "The file goes to the exports folder in your data folder.",
        [Choice(fmt, key, text) for fmt, key, text in FORMAT_CHOICES],
        "",
    )
