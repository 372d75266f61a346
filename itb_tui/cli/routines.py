"""``itb routines``: the routines with their ids, one a line."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse

    from itb_tui.core.context import AppContext


def run(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.content.library import format_seconds
    from itb_tui.core.text import plain_text

    for routine in context.library.routines.values():
        minutes = format_seconds(routine.estimated_minutes() * 60)
        name, summary = plain_text(routine.name), plain_text(routine.summary)
        print(f"{routine.id:<20} {name:<28} ~{minutes:<8} {summary}")
    return 0
