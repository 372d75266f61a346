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


# The verbs that do not open the app (export aside), each run by its module in this package.
SHELL_VERBS = {
    "today": "today",
    "check-in": "check_in",
    "readiness": "readiness",
    "remind": "remind",
    "red-flags": "red_flags",
    "psfs": "psfs",
    "routines": "routines",
    "log-pain": "log_pain",
    "log-run": "log_run",
    "import-run": "import_run",
}


def _shell_command(
    context: AppContext, args: argparse.Namespace, parser: argparse.ArgumentParser
) -> int | None:
    """Run a verb that does not open the app, importing its module only; None for the app."""
    if args.command == "export":  # a refused --output is said with the whole command's usage
        from itb_tui.cli import export

        return export.run(context, args, parser)
    module = SHELL_VERBS.get(args.command)
    if module is None:
        return None
    from importlib import import_module

    verb: Verb = import_module(f"itb_tui.cli.{module}").run
    return verb(context, args)


def _reading_no_history(
    parser: argparse.ArgumentParser, args: argparse.Namespace, folders: Paths
) -> int | None:
    """``itb check``, ``itb completion`` and ``itb paths``; None for another verb."""
    if args.command == "check":
        from itb_tui.cli import check

        return check.run(folders)
    if args.command == "completion":
        from itb_tui.cli import completion

        return completion.run(parser, args)
    if args.command == "paths":
        from itb_tui.cli import paths

        return paths.run(folders, args)
    return None


def run(argv: Sequence[str] | None) -> int:
    from itb_tui.cli import start
    from itb_tui.cli.parser import bare_command_line, parse_command_line
    from itb_tui.core.content.validate import ContentError
    from itb_tui.core.context import AppContext
    from itb_tui.core.store.files import StoreError
    from itb_tui.core.store.paths import Paths

    # ``itb`` alone (with its folders) opens the app and needs no parser: no verb, no routine
    args, parser = bare_command_line(argv), None
    if args is None:
        parser, args = parse_command_line(argv)
    folders = Paths.resolve(args.data_dir, args.config_dir)
    done = None if parser is None else _reading_no_history(parser, args, folders)
    if done is not None:
        return done
    failed = 3 if args.command == "today" else 1  # for today, 1 means "something is due"
    context = AppContext(folders)
    try:
        done = None if parser is None else _shell_command(context, args, parser)
        if done is not None:
            return done
        context.read_now()  # the app's first screen shows the content and settings
        if parser is not None:
            start.check_routine(context, args, parser)
        if not start.has_terminal():
            print(start.NO_TERMINAL, file=sys.stderr)
            return 2
    except BrokenPipeError:
        raise  # nobody reads the output: main ends quietly
    except (ContentError, StoreError, OSError) as err:
        from itb_tui.cli.problems import say_problem

        opening = args.command in (None, "start")
        say_problem(err, "the app cannot run" if opening else f"itb {args.command} cannot run")
        if args.command == "today" and args.format != "json":  # a prompt shows this, not nothing
            print("itb: today unknown: a file cannot be read (itb today says which)")
        return failed
    return start.open_app(context, args)
