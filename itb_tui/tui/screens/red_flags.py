"""Red flags: a checklist for the user's own judgement of when to see a professional."""

from __future__ import annotations

import re
from collections.abc import Collection

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import SelectionList, Static

from itb_tui.core.content.program import Program, RedFlag
from itb_tui.core.plan.progress import IMPROVEMENT_AFTER_WEEKS, Improvement
from itb_tui.tui.keys import bindings
from itb_tui.tui.messages import RedFlagsChanged
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.toggles import TickList

# Flags that need a professional promptly, not just soon: can't bear weight, swelling or
# instability, numbness or tingling.
URGENT_FLAGS = frozenset({"no-weight-bearing", "swelling-instability", "nerve-symptoms"})
_WEEKS = re.compile(r"over (\d+) weeks")

URGENT_ADVICE = (
    "Stop the program's exercises and runs that hurt, and see a doctor or physiotherapist "
    "promptly: today or tomorrow, not at your next convenient moment. If it is severe or "
    "getting worse, get urgent care now."
)
SOON_ADVICE = (
    "Stop the program's exercises that hurt and book an appointment with a physiotherapist "
    "or doctor soon. Exercises that cause no pain can carry on until then."
)


def improvement_weeks(improvement: Improvement) -> str:
    """The number of weeks in the evidence ('over 7 weeks'), or '6 or more'."""
    match = _WEEKS.search(improvement.evidence)
    return match.group(1) if match else f"{IMPROVEMENT_AFTER_WEEKS} or more"


def advice(ticked: list[RedFlag]) -> Content:
    """What to do about the ticked flags: promptly when any of them is urgent."""
    urgent = any(flag.id in URGENT_FLAGS for flag in ticked)
    heading = "See a professional promptly" if urgent else "See a professional soon"
    lines = [
        Content.assemble(("! ", "bold"), (heading, "bold reverse")),
        Content(URGENT_ADVICE if urgent else SOON_ADVICE),
        Content.assemble(
            ("You ticked: ", "bold"), "; ".join(f.text.rstrip(".") for f in ticked) + "."
        ),
    ]
    return Content("\n").join(lines)


REMEMBERED = (
    "What you tick is remembered, with the date, until you untick it (for example once a "
    "professional has seen your knee). While one is ticked, Home says to see a professional "
    "and runs are held."
)


class RedFlagsScreen(Screen[None]):
    """Space ticks a flag; the advice appears as soon as one is ticked. Each change is sent
    up as ``RedFlagsChanged`` for the app to remember."""

    BINDINGS = bindings("red flags")

    def __init__(
        self,
        program: Program,
        improvement: Improvement | None,
        ticked: Collection[str] = (),
        reason: str = "",
    ) -> None:
        super().__init__()
        self.program = program
        self.improvement = improvement
        self.ticked = set(ticked)
        self.reason = reason

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        with VerticalScroll(id="red-flags"):
            yield Static("[b]Red flags: when to see a professional[/b]", id="rf-title")
            if self.reason:
                yield Static(Content.styled(self.reason, "bold"), id="rf-reason")
            if self.improvement is not None and self.improvement.flagged:
                yield Static(self._banner(self.improvement), id="rf-improvement")
            yield Static(
                "Tick any that apply (Space). IT band syndrome does not usually cause these.",
                id="rf-intro",
            )
            yield TickList(
                *[
                    (Content(flag.text), flag.id, flag.id in self.ticked)
                    for flag in self.program.red_flags
                ],
                id="rf-list",
            )
            yield Static(id="rf-why")
            yield Static(id="rf-advice")
            yield Static(REMEMBERED, id="rf-remembered", classes="dim")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()
        self._show_why()
        self._show_advice()

    @staticmethod
    def _banner(improvement: Improvement) -> Content:
        weeks = improvement_weeks(improvement)
        return Content("\n").join(
            [
                Content.assemble(
                    ("! ", "bold"),
                    (f"Your pain has not improved after {weeks} weeks of consistent rehab", "bold"),
                ),
                Content(improvement.evidence),
                Content("Get a professional assessment from a physiotherapist or doctor."),
            ]
        )

    def _show_why(self) -> None:
        options = self.query_one("#rf-list", SelectionList)
        index = options.highlighted
        why = self.query_one("#rf-why", Static)
        if index is None or not 0 <= index < len(self.program.red_flags):
            why.update("")
            return
        flag = self.program.red_flags[index]
        why.update(
            Content.assemble((flag.text, "bold"), "\n", ("Why it matters: ", "bold"), flag.why)
        )

    def on_selection_list_selection_highlighted(
        self, _event: SelectionList.SelectionHighlighted[str]
    ) -> None:
        self._show_why()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        selected = set(event.selection_list.selected)
        if selected != self.ticked:
            self.ticked = selected
            self.post_message(RedFlagsChanged(set(selected)))
        if self._show_advice():
            panel = self.query_one("#rf-advice", Static)
            self.call_after_refresh(panel.scroll_visible)

    def _show_advice(self) -> bool:
        """Show what to do about the ticked flags; False when none is ticked."""
        ticked = [flag for flag in self.program.red_flags if flag.id in self.ticked]
        panel = self.query_one("#rf-advice", Static)
        panel.display = bool(ticked)
        if ticked:
            panel.update(advice(ticked))
            panel.set_class(any(f.id in URGENT_FLAGS for f in ticked), "-urgent")
        return bool(ticked)
