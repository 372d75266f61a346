"""``itb log-pain SCORE``: log a pain score, where it was felt, a note and swelling."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse

    from itb_tui.core.context import AppContext


def run(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.cli.options import knee_score
    from itb_tui.cli.red_flags import ask_after_pain
    from itb_tui.core.history.records import CONTEXT_LABELS, PainLog, score_text
    from itb_tui.core.text import plain_text

    score, knees = knee_score(context, args)
    swelling = None if args.swelling is None else args.swelling == "yes"
    now = context.clock.wall()
    log = PainLog(now, score, args.context, args.note.strip(), swelling, knees=knees)
    context.store.add_pain_log(log)
    where = CONTEXT_LABELS[log.context]
    note = f"\nNote: {plain_text(log.note)}" if log.note else ""
    swollen = ", swelling" if swelling else ""
    pain = score_text(log.score, knees)
    print(f"Logged pain {pain}, {where}{swollen}, at {log.at:%Y-%m-%d %H:%M}.{note}")
    ask_after_pain(context, log.score, swelling)
    return 0
