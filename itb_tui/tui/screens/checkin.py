"""The morning check-in: knee pain 0-10, compared with yesterday, swelling - a few keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from itb_tui.core.history.records import PainLog
from itb_tui.core.plan.checkin import MorningAnswer, answer_text
from itb_tui.tui.keys import COMPARED_KEYS, YES_NO_KEYS, bindings
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.knee_scale import KneeScale, both_knees
from itb_tui.tui.widgets.pain_scale import PainScale

HINT = "A digit, b/s/w, y/n, then Enter saves - Escape skips the check-in for today"
FIRST_HINT = "A digit, y/n, then Enter saves - Escape skips the check-in for today"
AGAIN_HINT = "A digit, b/s/w, y/n, then Enter replaces it - Escape keeps it as it is"


def yesterday_text(log: PainLog | None) -> str:
    """'Yesterday morning: 2/10, the same as the day before.' or '' without one."""
    if log is None:
        return ""
    return f"Yesterday morning: {answer_text(log).replace('yesterday', 'the day before')}."


def choices(title: str, options: list[tuple[str, str, bool]]) -> Content:
    """'Swelling:  y: yes  >n: no<' with the chosen one marked (reversed and in > <)."""
    parts: list[tuple[str, str]] = [(f"{title:<15}", "")]
    for key, label, chosen in options:
        text = f"{key}: {label}"
        parts.append((f">{text}<", "reverse bold") if chosen else (f" {text} ", ""))
        parts.append((" ", ""))
    return Content.assemble(*parts)


class CheckInScreen(ModalScreen[MorningAnswer | None]):
    """Returns the answer on Enter, None on Escape (skipped for today, or kept as answered).

    ``first``: the first check-in ever, with no yesterday to compare with, so that question
    is not asked. ``answered``: today's answer so far, which a new one replaces.
    Enter is an ordinary binding, handled after the keys typed before it (a paste, a fast
    typist), so it judges all of them.
    """

    BINDINGS = bindings("check-in")

    def __init__(self, yesterday: str = "", *, first: bool = False, answered: str = "") -> None:
        super().__init__()
        self.yesterday = yesterday  # "Yesterday morning: 2/10", or "" when there was none
        self.first = first
        self.answered = answered  # "2/10, the same as yesterday", or "" when not yet
        self.compared: str | None = "" if first else None
        self.swelling: bool | None = None

    def key_label(self, binding: Binding) -> str:
        """The footer's word for a key: Escape keeps an answer given earlier today."""
        if binding.id == "skip" and self.answered:
            return "Keep it"
        return binding.description

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        with Vertical(id="checkin-dialog", classes="dialog"):
            yield Static("[b]Morning check-in[/b]", id="checkin-title")
            yield Static("Knee pain this morning: 0 = none, 10 = the worst you can imagine.")
            yield KneeScale(per_knee=both_knees(self.app), id="checkin-scale")
            if self.first:
                yield Static("Your first check-in: nothing to compare with yet.", classes="dim")
            else:
                yield Static(id="checkin-compared")
            yield Static(id="checkin-swelling")
            if self.yesterday:
                yield Static(Content(self.yesterday), classes="dim")
            if self.answered:
                yield Static(
                    Content(f"Answered today: {self.answered}. A new answer replaces it."),
                    classes="dim",
                )
            yield Static(id="checkin-hint", classes="dim")
        yield KeysFooter()

    def on_mount(self) -> None:
        scale = self.query_one(KneeScale)
        scale.focus()
        if scale.per_knee:  # both knees hurt: ask each, from the left
            scale.action_next_knee()
        self._show()
        self._hint("")

    def _show(self) -> None:
        if not self.first:
            compared = [(k, c, c == self.compared) for k, c in COMPARED_KEYS.items()]
            self.query_one("#checkin-compared", Static).update(choices("Vs yesterday:", compared))
        swelling = [(k, "yes" if v else "no", v is self.swelling) for k, v in YES_NO_KEYS.items()]
        self.query_one("#checkin-swelling", Static).update(choices("Swelling:", swelling))

    def _hint(self, problem: str) -> None:
        text = Content(FIRST_HINT if self.first else AGAIN_HINT if self.answered else HINT)
        if problem:
            text = Content.assemble((problem, "red"), "\n", text)
        self.query_one("#checkin-hint", Static).update(text)

    def action_compared(self, compared: str) -> None:
        if self.first:
            return
        self.compared = compared
        self._show()

    def action_swelling(self, swelling: bool) -> None:
        self.swelling = swelling
        self._show()

    def action_confirm(self) -> None:
        score = self.query_one(PainScale).value
        missing = [
            name
            for name, value in (
                ("a pain score (a digit, or the arrows for 10)", score),
                ("better, same or worse (b/s/w)", self.compared),
                ("swelling yes or no (y/n)", self.swelling),
            )
            if value is None
        ]
        if missing or score is None or self.compared is None or self.swelling is None:
            self._hint("Still to answer: " + "; ".join(missing) + ".")
            return
        knees = self.query_one(KneeScale).knees
        self.dismiss(MorningAnswer(score, self.compared, self.swelling, knees))

    def action_skip(self) -> None:
        self.dismiss(None)
