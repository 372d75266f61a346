"""Asked when leaving a session early: keep what was done, discard it, or go back."""

from __future__ import annotations

from itb_tui.tui.screens.choice import Choice, ChoiceScreen


def quit_session_screen(
    starting: str = "", kept: str = "", *, quitting: bool = False
) -> ChoiceScreen:
    """Returns 'back', 'keep' or 'discard'; ``starting`` names the routine asked for next
    (``quitting``: the app closes next), ``kept`` what discarding keeps (the pain noted in the
    session), if anything."""
    first = f"To start {starting}, this session stops first. " if starting else ""
    first = "To quit, this session stops first. " if quitting else first
    discard = "the pain you noted is kept" if kept else "nothing is saved"
    after = f" If you discard it, {kept[:1].lower()}{kept[1:]}" if kept else ""
    return ChoiceScreen(
        "Stop this session?",
        first + "The countdown is paused meanwhile." + after,
        [
            Choice("back", "b", "Go back to the session"),
            Choice("keep", "k", "Keep what I did (saved as an incomplete session)"),
            Choice("discard", "d", f"Discard this session ({discard})"),
        ],
        escape_result="back",
    )
