"""The ``itb`` command: open the app, start a routine, list routines, log pain from the shell."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from itb_tui import __version__

if TYPE_CHECKING:  # the rest is imported in main, once garbage collection is paused
    from itb_tui.core.context import AppContext


def _score(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 0 to 10") from None
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError(f"{value} is outside the pain scale 0-10")
    return value


def _since(text: str) -> date:
    """A date or a span back from today; today is the clock's, a later date is refused."""
    from itb_tui.core.clock import MonotonicClock
    from itb_tui.core.export import parse_since

    today = MonotonicClock().wall().date()
    try:
        since = parse_since(text, today)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    if since > today:
        raise argparse.ArgumentTypeError(f"{text!r} is after today ({today.isoformat()})")
    return since


def _note(text: str) -> str:
    """A note on one line, without control characters; bytes that are not UTF-8 are refused."""
    from itb_tui.core.text import NOTE_LIMIT, is_undecodable, plain_text

    if is_undecodable(text):
        raise argparse.ArgumentTypeError("the note is not valid UTF-8 text")
    note = plain_text(text)
    if len(note) > NOTE_LIMIT:
        raise argparse.ArgumentTypeError(
            f"the note has {len(note)} characters; at most {NOTE_LIMIT} fit"
        )
    return note


def build_parser() -> argparse.ArgumentParser:
    from itb_tui.core.history import PAIN_CONTEXTS

    parser = argparse.ArgumentParser(
        prog="itb",
        description="A terminal coach for IT band syndrome rehab. Not medical advice.",
        epilog="With no command, the app opens on the home screen.",
    )
    parser.add_argument("--version", action="version", version=f"itb-tui {__version__}")
    parser.add_argument("--data-dir", help="folder for your history (env ITB_TUI_DATA_DIR)")
    parser.add_argument("--config-dir", help="folder for settings and your own content")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    start = commands.add_parser("start", help="open the app straight into a routine")
    start.add_argument("routine", help="a routine id, see 'itb routines'")
    commands.add_parser("routines", help="list the routines with their ids")
    log = commands.add_parser("log-pain", help="log a pain score (0-10) and exit")
    log.add_argument("score", type=_score, help="0 = no pain, 10 = worst imaginable")
    log.add_argument(
        "--context",
        choices=PAIN_CONTEXTS,
        default="daily",
        help="where you felt it (default: daily)",
    )
    log.add_argument("--note", type=_note, default="", help="a short note, e.g. 'stairs'")
    export = commands.add_parser("export", help="export your history for a physiotherapist")
    export.add_argument("--format", choices=("csv", "json", "markdown"), default="markdown")
    export.add_argument("--since", type=_since, help="YYYY-MM-DD, or 30d / 8w back from today")
    export.add_argument("--output", type=Path, help="file to write (default: print it)")
    export.add_argument("--force", action="store_true", help="replace --output if it exists")
    return parser


def _list_routines(context: AppContext) -> int:
    from itb_tui.core.content import format_seconds

    for routine in context.library.routines.values():
        minutes = format_seconds(routine.estimated_minutes() * 60)
        print(f"{routine.id:<20} {routine.name:<28} ~{minutes:<8} {routine.summary}")
    return 0


def _log_pain(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.history import CONTEXT_LABELS, PainLog
    from itb_tui.core.text import plain_text

    log = PainLog(context.clock.wall(), args.score, args.context, args.note.strip())
    context.store.add_pain_log(log)
    where = CONTEXT_LABELS[log.context]
    note = f" ({plain_text(log.note)})" if log.note else ""
    print(f"Logged pain {log.score}/10, {where}{note}, at {log.at:%Y-%m-%d %H:%M}.")
    return 0


def _export(context: AppContext, args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Write the export; exit 1 (after writing the rest) when a month could not be read."""
    from itb_tui.core.export_file import RefusedOutput, check_output, export_history
    from itb_tui.core.files import atomic_write
    from itb_tui.core.stats import routine_categories
    from itb_tui.core.text import plain_text

    target = None
    if args.output is not None:
        try:
            target = check_output(args.output, context.paths, force=args.force)
        except RefusedOutput as err:
            parser.error(str(err))
    store = context.store
    since: date | None = args.since
    months = [m for m in store.months() if since is None or m >= f"{since:%Y-%m}"]
    today = context.clock.wall().date()
    categories = routine_categories(context.library)
    exported = export_history(store, months, args.format, since, today, categories)
    if target is None:
        sys.stdout.write(exported.text)
    else:
        atomic_write(target, exported.text.encode("utf-8"))
        print(f"Wrote {args.format} export to {target}.", file=sys.stderr)
    for problem in exported.left_out:
        print(f"itb: left out of the export: {plain_text(str(problem))}", file=sys.stderr)
    return 1 if exported.left_out else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``itb`` command; the exit code is 0, 1 (could not) or 2 (bad arguments)."""
    # Starting up allocates a great deal and frees little, so the collector's passes then are
    # wasted time (about a twentieth of the start). The app turns it back on after its first
    # frame; every other command, and the app once closed, on the way out of here.
    gc.disable()
    try:
        return _run(argv)
    finally:
        gc.enable()


def _run(argv: Sequence[str] | None) -> int:
    from itb_tui.core.context import AppContext
    from itb_tui.core.files import StoreError
    from itb_tui.core.paths import Paths
    from itb_tui.core.validate import ContentError

    parser = build_parser()
    args = parser.parse_args(argv)
    paths = Paths.resolve(args.data_dir, args.config_dir)
    try:
        context = AppContext.load(paths)
        if args.command == "routines":
            return _list_routines(context)
        if args.command == "log-pain":
            return _log_pain(context, args)
        if args.command == "export":
            return _export(context, args, parser)
        if args.command == "start" and args.routine not in context.library.routines:
            known = ", ".join(context.library.routines)
            parser.error(f"no routine called '{args.routine}'; choose one of: {known}")
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    except StoreError as err:
        print(f"itb: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # a folder or file the system refused: say which, never a traceback
        print(f"itb: {err.filename or ''}: {err.strerror or err}", file=sys.stderr)
        return 1
    from itb_tui.tui.app import ItbApp  # Textual is imported only when the app opens

    app = ItbApp(context, start_routine=args.routine if args.command == "start" else None)
    app.run()
    if app.closing_report:
        print(app.closing_report, file=sys.stderr)
    return app.return_code or 0
