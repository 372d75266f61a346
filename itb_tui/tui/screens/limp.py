"""The question at the end of a walk test: did you limp? (core/plan/readiness_tests.py)."""

from __future__ import annotations

from textual.binding import Binding

from itb_tui.tui.screens.choice import Choice, ChoiceScreen

LIMPED, EVEN = "limped", "even"


class LimpQuestion(ChoiceScreen):
    """y or n; Escape skips it, leaving it unanswered ('')."""

    def __init__(self) -> None:
        super().__init__(
            "Did you limp?",
            "Walking without a limp is part of the test: a limp fails it, however far you walked.",
            [Choice(LIMPED, "y", "Yes, I limped"), Choice(EVEN, "n", "No, I walked evenly")],
            "",
        )

    def key_label(self, binding: Binding) -> str:
        """The footer's word for a key: Escape skips the question."""
        return "Skip" if binding.id == "back" else binding.description
