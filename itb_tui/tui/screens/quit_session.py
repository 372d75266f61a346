"""Asked when leaving a session early: keep what was done, discard it, or go back."""

from __future__ import annotations

from itb_tui.tui.screens.choice import Choice, ChoiceScreen


def quit_session_screen(starting: str = "") -> ChoiceScreen:
    """Returns 'back', 'keep' or 'discard'; ``starting`` names the routine asked for next."""
    first = f"To start {starting}, this session stops first. " if starting else ""
    return ChoiceScreen(
        "Stop this session?",
        first + "The countdown is paused meanwhile.",
        [
            Choice("back", "b", "Go back to the session"),
            Choice("keep", "k", "Keep what I did (saved as an incomplete session)"),
            Choice("discard", "d", "Discard this session (nothing is saved)"),
        ],
        escape_result="back",
    )
