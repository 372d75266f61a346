"""The argument types more than one verb takes: a pain score, a note, a score per knee."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse

    from itb_tui.core.context import AppContext
    from itb_tui.core.history.records import Knees

KNEES_HELP = """\
When both knees hurt (Settings: "Which knee hurts?" both), --left and --right score each
knee, e.g. --left 2 --right 3; SCORE may then be left out (it is the worse knee's) and
either knee may be left out.
"""


def score(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 0 to 10") from None
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError(f"{value} is outside the pain scale 0-10")
    return value


def note(text: str) -> str:
    """A note on one line, without control characters; bytes that are not UTF-8 are refused."""
    import argparse

    from itb_tui.core.text import NOTE_LIMIT, is_undecodable, plain_text

    if is_undecodable(text):
        raise argparse.ArgumentTypeError("the note is not valid UTF-8 text")
    note = plain_text(text)
    if len(note) > NOTE_LIMIT:
        raise argparse.ArgumentTypeError(
            f"the note has {len(note)} characters; at most {NOTE_LIMIT} fit"
        )
    return note


def knee_arguments(parser: argparse.ArgumentParser) -> None:
    for knee in ("left", "right"):
        parser.add_argument(
            f"--{knee}", type=score, metavar="N", help=f"the {knee} knee's pain, 0-10"
        )


def knee_score(context: AppContext, args: argparse.Namespace) -> tuple[int, Knees]:
    """The single score and the knees from SCORE, --left and --right; exits 2 when they do
    not fit together, or when knees are given though the settings do not say both hurt."""
    from itb_tui.core.history.records import BOTH, Knees, given_score

    knees = Knees(args.left, args.right)
    if knees and context.settings.painful_knee != BOTH:
        args.subparser.error(
            "--left and --right are for when both knees hurt: "
            "set 'Which knee hurts?' to both in Settings"
        )
    try:
        return given_score(args.score, knees), knees
    except ValueError as err:
        args.subparser.error(str(err))  # exits 2
        raise
