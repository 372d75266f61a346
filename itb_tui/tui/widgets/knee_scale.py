"""The pain scale with a score per knee, offered when both knees hurt.

One score, as on the plain scale; ``k`` switches to the left knee, and from then on to the
other knee. A digit on the left knee moves on to the right; the arrows reach 10. Either knee
may stay unscored. ``value`` is the worse knee's score, so a dialog reads it as before.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App

from itb_tui.core.history.records import BOTH, SIDES, Knees
from itb_tui.tui.keys import KNEE_KEY, bindings
from itb_tui.tui.widgets.pain_scale import PainScale, moved, scale_cells

# What k moves to from each state: "" is one score for the pain felt.
NEXT_KNEE = {"": "left", "left": "right", "right": "left"}


def both_knees(app: App[Any]) -> bool:
    """True when the settings say both knees hurt: the pain dialogs then offer each knee."""
    settings = getattr(getattr(app, "context", None), "settings", None)
    return getattr(settings, "painful_knee", "") == BOTH


class KneeScale(PainScale):
    """A PainScale that, with ``per_knee``, can take a score for each knee."""

    BINDINGS = bindings("knee scale")

    def __init__(self, *, per_knee: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.per_knee = per_knee
        self.knee = ""  # the knee being scored; "" while one score is given
        self.scores: dict[str, int] = {}

    @property
    def knees(self) -> Knees:
        """The knees scored (none while one score is given)."""
        return Knees(self.scores.get("left"), self.scores.get("right"))

    def show_knees(self, knees: Knees) -> None:
        """Start from each knee's score given earlier (an edit), on the left knee."""
        if knees:
            self.scores = dict(knees.items())
            self.knee = "left"
            self.value = knees.worse
            self.refresh(layout=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.per_knee if action == "next_knee" else True

    def action_next_knee(self) -> None:
        """Score the other knee; from one score, the left knee, the single score dropped."""
        if not self.knee:
            self.value = None
        self.knee = NEXT_KNEE[self.knee]
        self.refresh(layout=True)

    def action_pick(self, score: int) -> None:
        if not self.knee:
            super().action_pick(score)
            return
        self._score(score)
        if self.knee == "left":
            self.knee = "right"

    def action_move(self, step: int) -> None:
        if not self.knee:
            super().action_move(step)
            return
        self._score(moved(self.scores.get(self.knee), step))

    def _score(self, score: int) -> None:
        self.scores[self.knee] = score
        self.value = self.knees.worse
        self.refresh()

    def render(self) -> Text:
        if not self.knee:
            text = super().render()
            if self.per_knee:
                text.append(f"\n{KNEE_KEY}: score each knee (left, then right)", style="dim")
            return text
        text = Text()
        for knee in SIDES:
            mark = ">" if knee == self.knee else " "
            text.append(f"{mark} {knee.capitalize():<6}", style="bold" if mark == ">" else "")
            text.append(scale_cells(self.scores.get(knee)))
            text.append("\n")
        text.append(self._knee_line(), style="bold" if self.scores else "dim")
        return text

    def _knee_line(self) -> str:
        """'L 2 / R 3, the worse 3/10 - k: left knee', or what to press first (one line)."""
        key = f"{KNEE_KEY}: {NEXT_KNEE[self.knee]} knee"
        if not self.scores:
            return f"{self.knee.capitalize()} knee: a digit (the arrows for 10) - {key}"
        return f"{self.knees.text()}, the worse {self.knees.worse}/10 - {key}"
