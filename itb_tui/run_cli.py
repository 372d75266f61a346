"""``itb log-run`` and ``itb import-run``: runs done outdoors, typed in or read from a watch's
file, kept as run sessions (core/history/outdoor_run.py) that every rule reads like a guided
run. Both take the same pain options; bad input exits 2 with nothing written."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # as in cli.py: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from itb_tui.core.context import AppContext
    from itb_tui.core.history.outdoor_run import OutdoorRun
    from itb_tui.core.history.records import Knees, SessionRecord

RUN_HELP = """\
Pain during the run: --pain-began MIN is the minute it began, with --pain-score N (or, when
both knees hurt, --pain-left / --pain-right). Pain after it: --pain-after N (or, when both
knees hurt, --pain-after-left / --pain-after-right). --stopped: you stopped early (for pain or
not).
"""


def _number(text: str, what: str, kind: type[int] | type[float] = int) -> float:
    import argparse

    try:
        return kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not {what}") from None


def _minutes(text: str) -> float:
    return _number(text, "a number of minutes", float)


def _count(text: str) -> int:
    return int(_number(text, "a whole number"))


def _pain_arguments(parser: argparse.ArgumentParser) -> None:
    from itb_tui.cli import _note, _score

    parser.add_argument(
        "--pain-began", type=_minutes, metavar="MIN", help="the minute into the run pain began"
    )
    parser.add_argument("--pain-score", type=_score, metavar="N", help="how bad it was, 0-10")
    for knee in ("left", "right"):
        parser.add_argument(
            f"--pain-{knee}", type=_score, metavar="N", help=f"the {knee} knee's pain then, 0-10"
        )
    parser.add_argument("--pain-after", type=_score, metavar="N", help="pain after the run, 0-10")
    for knee in ("left", "right"):
        parser.add_argument(
            f"--pain-after-{knee}",
            type=_score,
            metavar="N",
            help=f"the {knee} knee's pain after the run, 0-10",
        )
    parser.add_argument("--stopped", action="store_true", help="the run was stopped early")
    parser.add_argument("--walk-breaks", type=_count, metavar="N", help="walk breaks taken")
    parser.add_argument("--note", type=_note, default="", help="a short note")


def add_run_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The two verbs, on ``itb``'s subcommands."""
    from pathlib import Path

    log = commands.add_parser("log-run", help="log a run done outdoors and exit", epilog=RUN_HELP)
    log.add_argument("minutes", type=_minutes, help="minutes spent running")
    log.add_argument(
        "--at",
        metavar="HH:MM|ISO",
        help="when it started: HH:MM today or YYYY-MM-DDTHH:MM (default: it ended just now)",
    )
    log.add_argument(
        "--distance", type=lambda t: _number(t, "kilometres", float), metavar="KM", help="in km"
    )
    _pain_arguments(log)
    log.set_defaults(subparser=log)
    imported = commands.add_parser(
        "import-run",
        help="import runs from GPX, TCX or FIT files (or folders of them) and exit",
        epilog="The same file imported twice is one run. " + RUN_HELP,
    )
    imported.add_argument("files", nargs="+", type=Path, metavar="FILE|FOLDER")
    _pain_arguments(imported)
    imported.set_defaults(subparser=imported)


def _pain_given(args: argparse.Namespace) -> bool:
    keys = ["pain_began", "pain_score", "pain_left", "pain_right", "walk_breaks"]
    keys += ["pain_after", "pain_after_left", "pain_after_right"]
    return any(getattr(args, key) is not None for key in keys) or args.stopped or bool(args.note)


def _knee_scores(
    context: AppContext, args: argparse.Namespace, when: str
) -> tuple[int | None, Knees]:
    """The score and the knees of ``--pain{when}`` and ``--pain{when}-left/-right``; exits 2
    when they do not fit together."""
    from itb_tui.core.history.records import BOTH, Knees, given_score

    key = when.replace("-", "_")
    knees = Knees(getattr(args, f"pain{key}_left"), getattr(args, f"pain{key}_right"))
    score = getattr(args, "pain_score" if not when else f"pain{key}")
    if knees and context.settings.painful_knee != BOTH:
        args.subparser.error(
            f"--pain{when}-left and --pain{when}-right are for when both knees hurt: "
            "set 'Which knee hurts?' to both in Settings"
        )
    if knees or score is not None:
        try:
            score = given_score(score, knees)
        except ValueError as err:
            args.subparser.error(str(err))
    return score, knees


def _pain(context: AppContext, args: argparse.Namespace) -> dict[str, object]:
    """The OutdoorRun fields from the pain options; exits 2 when they do not fit together.
    ``args.pain_after`` becomes the score after the run (the worse knee's when knees given)."""
    score, knees = _knee_scores(context, args, "")
    args.pain_after, after_knees = _knee_scores(context, args, "-after")
    return {
        "pain_began": args.pain_began,
        "pain_score": score,
        "pain_knees": knees,
        "pain_after": args.pain_after,
        "pain_after_knees": after_knees,
        "stopped": args.stopped,
        "walk_breaks": args.walk_breaks,
        "note": args.note.strip(),
    }


def run_text(record: SessionRecord) -> str:
    """'a run of 22 min on Mon 23 Nov at 07:30, 4.1 km, stopped early, pain from minute 12
    (3/10), pain after 1/10'."""
    from itb_tui.core.history.outdoor_run import run_facts_text

    return f"a run of {run_facts_text(record)}"


def _keep(context: AppContext, run: OutdoorRun, now: datetime) -> tuple[str, bool]:
    """Keep ``run``: (what was done, whether it was added); RunRefused when it cannot be."""
    from itb_tui.core.history.outdoor_run import keep_run, run_record

    record = run_record(run, now)  # refused before anything is read or written
    kept = keep_run(context.store, record)
    if kept is not record:
        return f"already in the history: {run_text(kept)}; nothing added", False
    return run_text(kept), True


def _after(context: AppContext, records_pain: int | None) -> None:
    from itb_tui.core.plan.red_flags import should_ask

    if records_pain is not None and should_ask(records_pain, None):
        print(
            "Check the red flags (open itb and press f): if one applies, "
            "see a physiotherapist or doctor."
        )


def log_run(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.history.outdoor_run import OutdoorRun, RunRefused, parse_start

    now = context.clock.wall()
    try:
        start = parse_start(args.at, args.minutes, now)
    except ValueError as err:
        args.subparser.error(str(err))
    run = OutdoorRun(start, args.minutes, distance_km=args.distance, **_pain(context, args))  # type: ignore[arg-type]
    try:
        said, added = _keep(context, run, now)
    except RunRefused as err:
        args.subparser.error(f"{err}; nothing was written")
    print(f"Logged {said}." if added else f"Not logged: {said}.")
    _after(context, args.pain_after)
    return 0


def import_run(context: AppContext, args: argparse.Namespace) -> int:
    """Import each file; exit 1 when one could not be (the others are imported)."""
    from itb_tui.core.history.outdoor_run import RunRefused, from_file
    from itb_tui.core.history.run_files import RunFileError, read_run_file, run_files
    from itb_tui.core.text import plain_text

    files = run_files(args.files)
    if not files:
        args.subparser.error("no GPX, TCX or FIT file there")
    if _pain_given(args) and len(files) > 1:
        args.subparser.error("the pain options are for one run: import one file with them")
    pain = _pain(context, args) if _pain_given(args) else {}
    now = context.clock.wall()
    failed = 0
    for path in files:
        name = plain_text(str(path))
        try:
            run = from_file(read_run_file(path), now, **pain)
            said, added = _keep(context, run, now)
        except RunRefused as err:
            if pain:  # the one file with its pain options: the options do not fit it
                args.subparser.error(f"{path}: {err}; nothing was imported")
            print(f"itb: {name}: {plain_text(str(err))}; nothing was imported", file=sys.stderr)
            failed += 1
            continue
        except RunFileError as err:
            print(f"itb: {name}: {plain_text(str(err))}; nothing was imported", file=sys.stderr)
            failed += 1
            continue
        print(f"{name}: {'imported ' if added else ''}{said}.")
    _after(context, args.pain_after)
    return 1 if failed else 0
