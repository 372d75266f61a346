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
    from itb_tui.core.paths import Paths


def _score(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 0 to 10") from None
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError(f"{value} is outside the pain scale 0-10")
    return value


def _since(text: str) -> date:
    from itb_tui.core.export import parse_since

    try:
        return parse_since(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


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
    commands.add_parser(
        "check", help="check content.toml and settings.toml (and the shipped content) and exit"
    )
    log = commands.add_parser("log-pain", help="log a pain score (0-10) and exit")
    log.add_argument("score", type=_score, help="0 = no pain, 10 = worst imaginable")
    log.add_argument(
        "--context",
        choices=PAIN_CONTEXTS,
        default="daily",
        help="where you felt it (default: daily)",
    )
    log.add_argument("--note", default="", help="a short note, e.g. 'stairs'")
    log.add_argument(
        "--swelling",
        choices=("yes", "no"),
        help="is the outside of the knee swollen or puffy? (left out: not answered)",
    )
    export = commands.add_parser("export", help="export your history for a physiotherapist")
    export.add_argument("--format", choices=("csv", "json", "markdown", "pdf"), default="markdown")
    export.add_argument("--since", type=_since, help="YYYY-MM-DD, or 30d / 8w back from today")
    export.add_argument("--output", type=Path, help="file to write (default: print it)")
    return parser


def _list_routines(context: AppContext) -> int:
    from itb_tui.core.content import format_seconds

    for routine in context.library.routines.values():
        minutes = format_seconds(routine.estimated_minutes() * 60)
        print(f"{routine.id:<20} {routine.name:<28} ~{minutes:<8} {routine.summary}")
    return 0


def _check(paths: Paths) -> int:
    from itb_tui.core.check import check_files, report

    text, code = report(check_files(paths))
    sys.stdout.write(text)
    return code


def _log_pain(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.history import CONTEXT_LABELS, PainLog
    from itb_tui.core.red_flag_state import should_ask

    swelling = None if args.swelling is None else args.swelling == "yes"
    log = PainLog(context.clock.wall(), args.score, args.context, args.note.strip(), swelling)
    context.store.add_pain_log(log)
    where = CONTEXT_LABELS[log.context]
    note = f" ({log.note})" if log.note else ""
    swollen = ", swelling" if swelling else ""
    print(f"Logged pain {log.score}/10, {where}{swollen}{note}, at {log.at:%Y-%m-%d %H:%M}.")
    if should_ask(log.score, swelling):
        print(
            "Check the red flags (open itb and press f): if one applies, "
            "see a physiotherapist or doctor."
        )
    return 0


def _export(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.export_file import export_bytes
    from itb_tui.core.files import atomic_write
    from itb_tui.core.stats import routine_categories

    pdf = args.format == "pdf"
    if pdf and args.output is None and sys.stdout.isatty():
        print("itb: a PDF cannot be shown here; give --output FILE", file=sys.stderr)
        return 2
    store = context.store
    since: date | None = args.since
    first = since  # the PDF's red-flag check reads from the program's start
    if pdf and since is not None and context.settings.program_start is not None:
        first = min(since, context.settings.program_start)
    months = [m for m in store.months() if first is None or m >= f"{first:%Y-%m}"]
    today = context.clock.wall().date()
    data = export_bytes(
        store.load_months(months),
        args.format,
        since,
        today,
        routine_categories(context.library),
        program=context.program if pdf else None,
        settings=context.settings,
    )
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    atomic_write(args.output.expanduser().resolve(), data)
    print(f"Wrote {args.format} export to {args.output}.", file=sys.stderr)
    return 0


def has_terminal() -> bool:
    """The app draws on a terminal and reads keys from it: both standard streams must be one."""
    return sys.stdin.isatty() and sys.stdout.isatty()


NO_TERMINAL = (
    "itb: the app needs a terminal (standard input and output are not one); "
    "'itb log-pain', 'itb export' and 'itb routines' work without one"
)


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
    if args.command == "check":
        return _check(paths)
    try:
        context = AppContext.load(paths)
        if args.command == "routines":
            return _list_routines(context)
        if args.command == "log-pain":
            return _log_pain(context, args)
        if args.command == "export":
            return _export(context, args)
        if args.command == "start" and args.routine not in context.library.routines:
            known = ", ".join(context.library.routines)
            parser.error(f"no routine called '{args.routine}'; choose one of: {known}")
        if not has_terminal():
            print(NO_TERMINAL, file=sys.stderr)
            return 2
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
