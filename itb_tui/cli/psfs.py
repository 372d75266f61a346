"""``itb psfs``: the function score (how well you can do up to three activities, each 0-10),
given as ACTIVITY=RATING or asked in the terminal; ``--show`` prints the ratings so far."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse

    from itb_tui.core.context import AppContext


def run(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.cli.problems import say_problem
    from itb_tui.core.shell import function_verb as verb

    store = context.store
    history, unreadable = store.load_readable(store.months())
    for err in unreadable:
        say_problem(err)
    scores = sorted(history.function_scores, key=lambda score: score.at)
    if args.show:
        print(verb.show_text(scores))
        return 0
    if args.ratings:
        try:
            ratings = [verb.parse_rating(text) for text in args.ratings]
        except ValueError as err:
            args.subparser.error(str(err))
    elif sys.stdin.isatty():

        def say(text: str) -> None:
            print(text, file=sys.stderr)

        try:
            ratings = verb.ask_ratings(scores[-1] if scores else None, input, say)
        except EOFError:
            print("\nNothing saved.", file=sys.stderr)
            return 1
    else:
        args.subparser.error("give the ratings: itb psfs 'stairs=6' 'running 5 km=3'")
    try:
        score = verb.make_score(context.clock.wall(), ratings)
    except ValueError as err:
        print(f"itb psfs: {err}", file=sys.stderr)
        return 1
    store.add_function_score(score)
    print(verb.saved_text(score, [*scores, score]))
    return 0
