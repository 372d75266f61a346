"""Log a run done outdoors, or import it from a watch's file: one form, Tab between fields,
Enter keeps it (after the same checks as ``itb log-run``), Escape changes nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from itb_tui.core.history.outdoor_run import FORM, RunRefused, form_run, run_record
from itb_tui.core.history.records import SessionRecord
from itb_tui.core.text import fit_note
from itb_tui.tui.screens.dialog import Dialog
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.note_input import NoteInput

FILE_HINT = "a GPX, TCX or FIT file: its time, minutes and distance"


class LogRunDialog(Dialog[SessionRecord | None]):
    """Returns the run record to keep, None on Escape."""

    BINDINGS = [
        Binding("enter", "save", "Keep", id="keep", priority=True),
        Binding("escape", "cancel", "Change nothing", id="cancel"),
    ]

    def __init__(self, now: datetime) -> None:
        super().__init__()
        self.now = now

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        with Vertical(id="lr-dialog", classes="dialog"):
            yield Static("[b]A run done outdoors[/b]", id="lr-title")
            for key, label, hint in (*FORM, ("file", "Or a file", FILE_HINT)):
                with Horizontal(classes="lr-row"):
                    yield Static(label, classes="lr-label")
                    if key == "note":
                        yield NoteInput(placeholder=hint, id="lr-note")
                    else:
                        yield Input(placeholder=hint, max_length=4096, id=f"lr-{key}")
            yield Static(id="lr-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._hint("Tab moves to the next field; Enter keeps the run, Escape changes nothing.")
        self.query_one("#lr-minutes", Input).focus()

    def _hint(self, text: str, problem: str = "") -> None:
        shown = Content(text)
        if problem:
            shown = Content.assemble((problem, "bold $text-error"), "\n", shown)
        hint = self.query_one("#lr-hint", Static)
        hint.update(shown)
        self.call_after_refresh(hint.scroll_visible, animate=False)

    def values(self) -> dict[str, str]:
        return {key: self.query_one(f"#lr-{key}", Input).value for key, _, _ in FORM}

    def action_save(self) -> None:
        from itb_tui.core.history.run_files import RunFileError, read_run_file

        values = self.values()
        values["note"] = fit_note(values["note"])[0]
        path = self.query_one("#lr-file", Input).value.strip()
        try:
            found = read_run_file(Path(path).expanduser()) if path else None
            record = run_record(form_run(values, self.now, found), self.now)
        except RunFileError as err:
            self._hint("Fix the file's name, or empty it.", f"{path}: {err}")
            return
        except RunRefused as err:
            self._hint("Fix it, or Escape.", str(err)[:1].upper() + str(err)[1:] + ".")
            return
        self.dismiss(record)

    def action_cancel(self) -> None:
        self.dismiss(None)
