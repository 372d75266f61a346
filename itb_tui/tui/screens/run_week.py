"""Set the run week by hand, or pause or resume running: what the checks say, the choice, an
optional note, then one question before it is kept (by the app, in the history)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from itb_tui.core.content.program import Program
from itb_tui.core.history.records import NAME_LIMIT, RunDecision
from itb_tui.core.plan.referee import needs_clinician, refuse
from itb_tui.core.plan.verdict import Verdict
from itb_tui.core.text import NOTE_LIMIT, fit_note
from itb_tui.tui.keys import bindings
from itb_tui.tui.screens.checkin import choices
from itb_tui.tui.screens.dialog import Dialog
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import literal
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.hint import show_hint

if TYPE_CHECKING:  # the shape only: the verdict holds it
    from itb_tui.core.plan.running import RunAccess

CHOOSE, NOTE, CONFIRM = "choose", "note", "confirm"


def checks_text(access: RunAccess) -> str:
    """What the app's checks say now: 'The rules give week 3: ...'."""
    if access.paused:
        given = f"week {access.rules_week}" if access.rules_week else "no week yet"
        return f"{access.evidence} The rules give {given} when you resume."
    if access.stage is not None:
        return f"The rules give week {access.stage.week}: {access.stage.evidence}"
    return f"No run is planned now. {access.evidence}"


def question(decision: RunDecision, access: RunAccess) -> str:
    """The one question asked before the decision is kept."""
    if decision.clinician and access.started is None:
        return (
            f"Has {decision.clinician} cleared you to run? y: yes, start running at run week "
            f"{decision.week} - n: no, change nothing"
        )
    if decision.clinician:
        return (
            f"Has {decision.clinician} cleared you for run week {decision.week}? y: yes, set "
            "it - n: no, change nothing"
        )
    rules = f" (the rules give week {access.rules_week})" if access.rules_week else ""
    what = {
        "week": f"Set run week {decision.week} from today{rules}?",
        "pause": "Pause running? No run is planned until you resume it.",
        "resume": f"Resume running{rules}?",
    }[decision.decision]
    return f"{what} Enter keeps it - Escape changes nothing."


class RunWeekDialog(Dialog[RunDecision | None]):
    """Returns the decision once confirmed, None on Escape (nothing changes)."""

    AUTO_FOCUS = None
    BINDINGS = bindings("run week")

    def __init__(self, program: Program, verdict: Verdict, now: datetime) -> None:
        super().__init__()
        self.program = program
        self.verdict = verdict
        self.access = verdict.overview.access
        self.now = now
        self.step = CHOOSE
        self.decision: RunDecision | None = None
        self.needs_name = False  # the week chosen needs the clearing clinician's name

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        with Vertical(id="rw-dialog", classes="dialog"):
            yield Static("[b]Run week by hand[/b]", id="rw-title")
            yield Static(literal(checks_text(self.access)), id="rw-checks", classes="dim")
            yield Static(id="rw-choices")
            yield Input(
                placeholder="Note (optional): who decided, and why",
                max_length=NOTE_LIMIT,
                id="rw-note",
                disabled=True,
            )
            yield Static(id="rw-hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show()
        weeks = len(self.program.return_to_running.weeks)
        other = "u resumes running" if self.access.paused else "p pauses running"
        self._hint(f"A digit 1-{weeks} sets that run week, {other}; Escape changes nothing.")

    def _show(self) -> None:
        chosen = self.decision
        weeks = len(self.program.return_to_running.weeks)
        options = [
            (str(n), f"week {n}", chosen is not None and chosen.week == n)
            for n in range(1, weeks + 1)
        ]
        key, kind = ("u", "resume") if self.access.paused else ("p", "pause")
        options.append((key, kind, chosen is not None and chosen.decision == kind))
        self.query_one("#rw-choices", Static).update(choices("Choose:", options))

    def _hint(self, text: str, problem: str = "") -> None:
        show_hint(self.query_one("#rw-hint", Static), text, problem)

    def action_choose(self, decision: str, week: int | None = None) -> None:
        if self.step != CHOOSE:
            return
        candidate = RunDecision(self.now, decision, week, self.access.rules_week)
        self.needs_name = needs_clinician(self.verdict, self.program, candidate)
        chosen = replace(candidate, clinician="-", cleared=True) if self.needs_name else candidate
        problem = refuse(self.verdict, self.program, chosen, self.now)
        if problem:
            self._hint("Choose again, or Escape.", problem)
            return
        self.decision, self.step = candidate, NOTE
        self._show()
        note = self.query_one("#rw-note", Input)
        note.disabled = False
        note.focus()
        if self.needs_name:
            note.placeholder = "The name of the clinician who cleared you (required)"
            why = refuse(self.verdict, self.program, candidate, self.now)
            self._hint(f"{why} Type their name, then Enter.")
        else:
            self._hint("A note if you like (who decided, why), then Enter.")

    def action_confirm(self) -> None:
        if self.decision is None:
            self._hint("Choose first: a digit for a run week, p or u.", "Nothing chosen yet.")
            return
        if self.step == NOTE:
            note = self.query_one("#rw-note", Input)
            text = fit_note(note.value)[0].strip()
            if self.needs_name and not text:
                self._hint("Type the clinician's name, or Escape.", "A name is needed.")
                return
            if self.needs_name:
                self.decision.clinician = text[:NAME_LIMIT]
            else:
                self.decision.note = text
            note.disabled = True
            self.step = CONFIRM
            self._hint(question(self.decision, self.access))
        elif self.step == CONFIRM and not self._asks_physio:
            self.dismiss(self.decision)

    @property
    def _asks_physio(self) -> bool:
        return self.decision is not None and bool(self.decision.clinician)

    def action_cleared(self, cleared: bool) -> None:
        if self.step != CONFIRM or not self._asks_physio or self.decision is None:
            return
        if cleared:
            self.decision.cleared = True
            self.dismiss(self.decision)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
