"""The options' types (a pain score, a note, minutes, a date, a time of day), each refusing a
bad value with a message and exit code 2; and the check that --left and --right fit the
settings."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse
    from datetime import date

    from itb_tui.core.context import AppContext
    from itb_tui.core.history.records import Knees


def score(text: str) -> int:
    """A pain score, 0-10."""
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


def number(text: str, what: str, kind: type[int] | type[float] = int) -> float:
    """``text`` as ``kind``; an argument error naming ``what`` it should be."""
    import argparse

    try:
        return kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not {what}") from None


def run_minutes(text: str) -> float:
    return number(text, "a number of minutes", float)


def count(text: str) -> int:
    return int(number(text, "a whole number"))


def session_minutes(text: str) -> int:
    """The minutes of a short session, within what a session can be cut to."""
    import argparse

    from itb_tui.core.session.short_session import MAX_MINUTES, MIN_MINUTES

    if not text.isdigit() or not MIN_MINUTES <= int(text) <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a number of minutes from {MIN_MINUTES} to {MAX_MINUTES}"
        )
    return int(text)


def clock_time(text: str) -> tuple[int, int]:
    """HH:MM, as (hours, minutes)."""
    import argparse

    from itb_tui.core.shell.remind import parse_time

    try:
        return parse_time(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def since_date(text: str) -> date:
    """A date or a span back from today; today is the clock's, a later date is refused."""
    import argparse

    from itb_tui.core.clock import MonotonicClock
    from itb_tui.core.report.export import parse_since

    today = MonotonicClock().wall().date()
    try:
        since = parse_since(text, today)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    if since > today:
        raise argparse.ArgumentTypeError(f"{text!r} is after today ({today.isoformat()})")
    return since
