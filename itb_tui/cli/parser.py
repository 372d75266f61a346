"""The ``itb`` parser: the global options, then each verb's own (its module's ``add``), then
each verb's examples and exit codes (``verb_help``). ``make man`` and ``itb completion`` read
it too."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from itb_tui import __version__
    from itb_tui.cli import (
        check,
        check_in,
        completion,
        export,
        import_run,
        log_pain,
        log_run,
        paths,
        psfs,
        readiness,
        red_flags,
        remind,
        routines,
        start,
        today,
    )
    from itb_tui.cli.verb_help import explain

    parser = argparse.ArgumentParser(
        prog="itb",
        description="A terminal coach for IT band syndrome rehab. Not medical advice.",
        epilog="With no command, the app opens on the home screen. "
        "'itb COMMAND --help' shows a command's examples and exit codes.",
    )
    parser.add_argument("--version", action="version", version=f"itb-tui {__version__}")
    parser.add_argument("--data-dir", help="folder for your history (env ITB_TUI_DATA_DIR)")
    parser.add_argument("--config-dir", help="folder for settings and your own content")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    verbs = (start, routines, check, log_pain, log_run, import_run, today, readiness, check_in)
    for verb in (*verbs, red_flags, psfs, remind, export, completion, paths):
        verb.add(commands)
    explain(commands)  # every verb's help ends with examples and its exit codes
    return parser
