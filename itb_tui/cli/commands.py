"""Run one parsed ``itb`` command: first the verbs that read no history (``check``,
``completion``, ``paths``), then the shell verbs, each reading only the files it uses; with no
verb, or ``start``, the app opens."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

    from itb_tui.core.context import AppContext
    from itb_tui.core.store.paths import Paths

    Verb = Callable[[AppContext, argparse.Namespace], int]


def _shell_verbs(parser: argparse.ArgumentParser) -> dict[str, Verb]:
    """The verbs that do not open the app, by name."""
    from itb_tui.cli import (
        check_in,
        export,
        import_run,
        log_pain,
        log_run,
        psfs,
        readiness,
        red_flags,
        remind,
        routines,
        today,
    )

    def export_history(context: AppContext, args: argparse.Namespace) -> int:
        return export.run(context, args, parser)

    return {
        "today": today.run,
        "check-in": check_in.run,
        "readiness": readiness.run,
        "remind": remind.run,
        "red-flags": red_flags.run,
        "psfs": psfs.run,
        "routines": routines.run,
        "log-pain": log_pain.run,
        "export": export_history,
        "log-run": log_run.run,
        "import-run": import_run.run,
    }


def _reading_no_history(
    parser: argparse.ArgumentParser, args: argparse.Namespace, folders: Paths
) -> int | None:
    """``itb check``, ``itb completion`` and ``itb paths``; None for another verb."""
    from itb_tui.cli import check, completion, paths

    if args.command == "check":
        return check.run(folders)
    if args.command == "completion":
        return completion.run(parser, args)
    if args.command == "paths":
        return paths.run(folders, args)
    return None


def run(argv: Sequence[str] | None) -> int:
    from itb_tui.cli import start
    from itb_tui.cli.parser import build_parser
    from itb_tui.cli.problems import say_problem
    from itb_tui.core.content.validate import ContentError
    from itb_tui.core.context import AppContext
    from itb_tui.core.store.files import StoreError
    from itb_tui.core.store.paths import Paths

    parser = build_parser()
    args = parser.parse_args(argv)
    folders = Paths.resolve(args.data_dir, args.config_dir)
    done = _reading_no_history(parser, args, folders)
    if done is not None:
        return done
    failed = 3 if args.command == "today" else 1  # for today, 1 means "something is due"
    context = AppContext(folders)
    try:
        verb = _shell_verbs(parser).get(args.command)
        if verb is not None:
            return verb(context, args)
        context.read_now()  # the app's first screen shows the content and settings
        start.check_routine(context, args, parser)
        if not start.has_terminal():
            print(start.NO_TERMINAL, file=sys.stderr)
            return 2
    except BrokenPipeError:
        raise  # nobody reads the output: main ends quietly
    except (ContentError, StoreError, OSError) as err:
        opening = args.command in (None, "start")
        say_problem(err, "the app cannot run" if opening else f"itb {args.command} cannot run")
        if args.command == "today" and args.format != "json":  # a prompt shows this, not nothing
            print("itb: today unknown: a file cannot be read (itb today says which)")
        return failed
    return start.open_app(context, args)
