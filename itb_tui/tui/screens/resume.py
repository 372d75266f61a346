"""Offered at start-up when a session was interrupted: resume it, keep it, or discard it."""

from __future__ import annotations

from itb_tui.core.history.records import SessionRecord
from itb_tui.core.plan.kept_pain import discard_note, sets_done
from itb_tui.core.text import plural
from itb_tui.tui.screens.choice import Choice, ChoiceScreen


def resume_screen(record: SessionRecord, can_resume: bool) -> ChoiceScreen:
    """Returns 'resume', 'keep', 'discard' or 'later' (Escape: the file stays for next time)."""
    done = plural(sum(sum(len(v) for v in r.done.values()) for r in record.exercises), "set")
    choices = [Choice("resume", "r", "Resume where I was")] if can_resume else []
    choices += [
        Choice("keep", "k", "Keep it as an incomplete session"),
        Choice("discard", "d", "Discard it"),
    ]
    why = (
        ""
        if can_resume
        else "\nIt cannot be resumed: its routine has changed, or today's plan holds it."
    )
    asked = f"\nRun anyway, asked: {record.override}" if record.override else ""
    return ChoiceScreen(
        "An unfinished session was found",
        f"{record.routine_name}, started {record.started_at:%a %d %b %H:%M}, {done} done."
        + asked
        + why,
        choices,
        escape_result="later",
    )


def confirm_discard_screen(record: SessionRecord, *, unfinished: bool = True) -> ChoiceScreen:
    """Returns 'discard' or 'keep' ('back' too when not ``unfinished``: a session on screen);
    'discard' has its own key, so a repeated 'd' never confirms it."""
    kept = discard_note(record)
    sets = plural(sets_done(record), "finished set")
    choices = [] if unfinished else [Choice("back", "b", "No, go back to the session")]
    choices += [
        Choice("keep", "k", "No, keep it as an incomplete session"),
        Choice("discard", "y", "Yes, discard it for good"),
    ]
    return ChoiceScreen(
        "Discard the unfinished session?" if unfinished else "Discard this session?",
        f"The {sets} in it will be lost." + (f" {kept}" if kept else ""),
        choices,
        escape_result="keep" if unfinished else "back",
    )
