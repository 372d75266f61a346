"""``itb red-flags``: the red-flag checklist, listed, ticked or unticked; and the questions
printed after a high pain score or swelling (``itb log-pain``, ``itb check-in``)."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse

    from itb_tui.core.context import AppContext


def run(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.shell.red_flags_verb import change_flags, listing

    program, state = context.program, context.red_flags
    if args.tick or args.untick:
        try:
            changed = change_flags(program, state, args.tick, args.untick, context.clock.wall())
        except ValueError as err:
            args.subparser.error(str(err))
        if changed:
            context.save_red_flags()
    print(listing(program, state))
    return 0


def ask_after_pain(context: AppContext, score: int, swelling: bool | None) -> None:
    """After pain of 7/10 or more, or swelling: print the red-flag questions."""
    from itb_tui.core.content.validate import ContentError
    from itb_tui.core.plan.red_flags import RedFlagState, should_ask
    from itb_tui.core.shell.red_flags_verb import after_pain
    from itb_tui.core.store.files import StoreError

    if not should_ask(score, swelling):
        return
    try:
        state = context.red_flags
    except StoreError:
        state = RedFlagState()
    try:
        print(after_pain(context.program, state, score, swelling))
    except ContentError:
        print(
            "Check the red flags (itb red-flags): if one applies, see a physiotherapist or doctor."
        )
