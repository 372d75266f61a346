"""Log a run done outdoors, or import it from a watch's file: one form, Tab between fields,
Enter keeps it (after the same checks as ``itb log-run``), Escape changes nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from itb_tui.core.history.outdoor_run import FORM, RunRefused, form_run, run_record
from itb_tui.core.history.records import NO_KNEES, Knees, SessionRecord
from itb_tui.core.text import fit_note, sentence
from itb_tui.tui.keys import bindings
from itb_tui.tui.screens.dialog import Dialog
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.hint import show_hint
from itb_tui.tui.widgets.knee_scale import KneeScale, both_knees
from itb_tui.tui.widgets.note_input import NoteInput

FILE_HINT = "a GPX, TCX or FIT file: its time, minutes and distance"
# The fields that take a score per knee when both knees hurt (the pain dialogs' scale)
KNEE_FIELDS = ("pain_score", "pain_after")


class LogRunDialog(Dialog[SessionRecord | None]):
    """Returns the run record to keep, None on Escape."""

    BINDINGS = bindings("log run")

    def __init__(self, now: datetime) -> None:
        super().__init__()
        self.now = now

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        per_knee = both_knees(self.app)
        with Vertical(id="lr-dialog", classes="dialog"):
            yield Static("[b]A run done outdoors[/b]", id="lr-title")
            for key, label, hint in (*FORM, ("file", "Or a file", FILE_HINT)):
                scale = per_knee and key in KNEE_FIELDS
                with Horizontal(classes="lr-row lr-knees" if scale else "lr-row"):
                    yield Static(label, classes="lr-label")
                    if scale:
                        yield KneeScale(per_knee=True, id=f"lr-{key}")
                    elif key == "note":
                        yield NoteInput(placeholder=hint, id="lr-note")
                    else:
                        yield Input(placeholder=hint, max_length=4096, id=f"lr-{key}")
            yield Static(id="lr-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._hint(
            "Tab moves to the next field; Enter keeps the run, Escape changes nothing.",
            scroll=False,
        )
        self.query_one("#lr-minutes", Input).focus()

    def _hint(self, text: str, problem: str = "", *, scroll: bool = True) -> None:
        show_hint(self.query_one("#lr-hint", Static), text, problem, scroll=scroll)

    def values(self) -> dict[str, str]:
        """Each field's text; a knee scale's score as a number (empty when none)."""
        values = {}
        for key, _, _ in FORM:
            field = self.query_one(f"#lr-{key}")
            if isinstance(field, KneeScale):
                values[key] = "" if field.value is None else str(field.value)
            else:
                values[key] = self.query_one(f"#lr-{key}", Input).value
        return values

    def knees(self, key: str) -> Knees:
        """The knees scored on ``key``'s scale; none when it is a plain field."""
        found = self.query_one(f"#lr-{key}")
        return found.knees if isinstance(found, KneeScale) else NO_KNEES

    def action_save(self) -> None:
        from itb_tui.core.history.run_files import RunFileError, read_run_file

        values = self.values()
        values["note"] = fit_note(values["note"])[0]
        path = self.query_one("#lr-file", Input).value.strip()
        try:
            found = read_run_file(Path(path).expanduser()) if path else None
            run = form_run(
                values,
                self.now,
                found,
                pain_knees=self.knees("pain_score"),
                pain_after_knees=self.knees("pain_after"),
            )
            record = run_record(run, self.now)
        except RunFileError as err:
            self._hint("Fix the file's name, or empty it.", f"{path}: {err}")
            return
        except RunRefused as err:
            self._hint("Fix it, or Escape.", sentence(str(err)))
            return
        self.dismiss(record)

    def action_cancel(self) -> None:
        self.dismiss(None)
