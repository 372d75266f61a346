"""The question at the end of a walk test: did you limp? (core/plan/readiness_tests.py)."""

from __future__ import annotations

from itb_tui.tui.screens.choice import Choice, ChoiceScreen

LIMPED, EVEN = "limped", "even"


def limp_question() -> ChoiceScreen:
    """y or n; Escape leaves it unanswered ('')."""
    return ChoiceScreen(
        "Did you limp?",
        "Walking without a limp is part of the test: a limp fails it, however far you walked.",
        [Choice(LIMPED, "y", "Yes, I limped"), Choice(EVEN, "n", "No, I walked evenly")],
        "",
    )
