"""The ``itb`` parser: the global options, then every verb's options as its ``--help`` and the
man page show them, then each verb's examples and exit codes (``verb_help``). Each verb's work
is in a module of its own, imported only when the verb runs: opening the app loads none of them.
``make man`` and ``itb completion`` read this parser too."""

from __future__ import annotations

from itb_tui.cli import options

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from typing import NoReturn

    Commands = argparse._SubParsersAction[argparse.ArgumentParser]

KNEES_HELP = """\
When both knees hurt (Settings: "Which knee hurts?" both), --left and --right score each
knee, e.g. --left 2 --right 3; SCORE may then be left out (it is the worse knee's) and
either knee may be left out.
"""

RUN_HELP = """\
Pain during the run: --pain-began MIN is the minute it began, with --pain-score N (or, when
both knees hurt, --pain-left / --pain-right). Pain after it: --pain-after N (or, when both
knees hurt, --pain-after-left / --pain-after-right), and --swelling yes|no. --stopped: you
stopped early (for pain or not).
"""

TODAY_HELP = """\
exit codes: 0 nothing is due, 1 something is due (the check-in, a session or a test), 2 bad
arguments, 3 the history or the program could not be read.
--format line prints one line for a shell prompt or a tmux status line, e.g.
  PS1='$(itb today --format line) \\$ '   or   set -g status-right '#(itb today --format line)'
"""


def _knee_arguments(parser: argparse.ArgumentParser) -> None:
    for knee in ("left", "right"):
        parser.add_argument(
            f"--{knee}", type=options.score, metavar="N", help=f"the {knee} knee's pain, 0-10"
        )


def _pain_arguments(parser: argparse.ArgumentParser) -> None:
    """What log-run and import-run take about pain during and after the run."""
    parser.add_argument(
        "--pain-began",
        type=options.run_minutes,
        metavar="MIN",
        help="the minute into the run pain began",
    )
    parser.add_argument(
        "--pain-score", type=options.score, metavar="N", help="how bad it was, 0-10"
    )
    for knee in ("left", "right"):
        parser.add_argument(
            f"--pain-{knee}",
            type=options.score,
            metavar="N",
            help=f"the {knee} knee's pain then, 0-10",
        )
    parser.add_argument(
        "--pain-after", type=options.score, metavar="N", help="pain after the run, 0-10"
    )
    for knee in ("left", "right"):
        parser.add_argument(
            f"--pain-after-{knee}",
            type=options.score,
            metavar="N",
            help=f"the {knee} knee's pain after the run, 0-10",
        )
    parser.add_argument(
        "--swelling",
        choices=("yes", "no"),
        help="after the run, is the outside of the knee swollen or puffy? (left out: not answered)",
    )
    parser.add_argument("--stopped", action="store_true", help="the run was stopped early")
    parser.add_argument("--walk-breaks", type=options.count, metavar="N", help="walk breaks taken")
    parser.add_argument("--note", type=options.note, default="", help="a short note")


def _start(commands: Commands) -> None:
    start = commands.add_parser("start", help="open the app straight into a routine")
    start.add_argument("routine", help="a routine id, see 'itb routines'")
    start.add_argument(
        "--minutes",
        type=options.session_minutes,
        default=0,
        help="a short session of at most this many minutes: the exercises that matter most, "
        "both sides, fewer sets (it does not count as a full session)",
    )


def _routines(commands: Commands) -> None:
    commands.add_parser("routines", help="list the routines with their ids")


def _check(commands: Commands) -> None:
    commands.add_parser(
        "check", help="check content.toml and settings.toml (and the shipped content) and exit"
    )


def _log_pain(commands: Commands) -> None:
    from itb_tui.core.pain import PAIN_CONTEXTS

    log = commands.add_parser(
        "log-pain", help="log a pain score (0-10) and exit", epilog=KNEES_HELP
    )
    log.add_argument(
        "score", nargs="?", type=options.score, help="0 = no pain, 10 = worst imaginable"
    )
    _knee_arguments(log)
    log.add_argument(
        "--context",
        choices=PAIN_CONTEXTS,
        default="daily",
        help="where you felt it (default: daily)",
    )
    log.add_argument("--note", type=options.note, default="", help="a short note, e.g. 'stairs'")
    log.add_argument(
        "--swelling",
        choices=("yes", "no"),
        help="is the outside of the knee swollen or puffy? (left out: not answered)",
    )
    log.set_defaults(subparser=log)


def _log_run(commands: Commands) -> None:
    log = commands.add_parser("log-run", help="log a run done outdoors and exit", epilog=RUN_HELP)
    log.add_argument("minutes", type=options.run_minutes, help="minutes spent running")
    log.add_argument(
        "--at",
        metavar="HH:MM|ISO",
        help="when it started: HH:MM today (last night's after midnight) or YYYY-MM-DDTHH:MM "
        "(default: it ended just now)",
    )
    log.add_argument(
        "--distance",
        type=lambda t: options.number(t, "kilometres", float),
        metavar="KM",
        help="in km",
    )
    _pain_arguments(log)
    log.set_defaults(subparser=log)


def _import_run(commands: Commands) -> None:
    from pathlib import Path

    imported = commands.add_parser(
        "import-run",
        help="import runs from GPX, TCX or FIT files (or folders of them) and exit",
        epilog="The same file imported twice is one run. " + RUN_HELP,
    )
    imported.add_argument("files", nargs="+", type=Path, metavar="FILE|FOLDER")
    _pain_arguments(imported)
    imported.set_defaults(subparser=imported)


def _today(commands: Commands) -> None:
    import argparse

    from itb_tui.core.plan.due import FORMATS  # not today_line: that brings the program's rules

    today = commands.add_parser(
        "today",
        help="what is due today (exit 1 when something is)",
        epilog=TODAY_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    today.add_argument("--format", choices=FORMATS, default="text", help="default: text")


def _readiness(commands: Commands) -> None:
    ready = commands.add_parser(
        "readiness",
        help="the return-to-running checklist: each check met or not, with its evidence",
    )
    ready.add_argument("--format", choices=("text", "json"), default="text", help="default: text")


def _check_in(commands: Commands) -> None:
    from itb_tui.core.pain import COMPARED

    check_in = commands.add_parser(
        "check-in",
        help="the morning check-in: knee pain, compared with yesterday, swelling",
        epilog="Without a score it asks in the terminal: type e.g. '2 s n' and Enter. "
        + KNEES_HELP,
    )
    check_in.add_argument(
        "score", nargs="?", type=options.score, help="knee pain this morning, 0-10"
    )
    _knee_arguments(check_in)
    check_in.add_argument("--compared", choices=COMPARED, help="compared with yesterday")
    check_in.add_argument("--swelling", choices=("yes", "no"), help="is the knee swollen?")
    check_in.add_argument("--note", type=options.note, default="", help="a short note")
    check_in.set_defaults(subparser=check_in)


def _red_flags(commands: Commands) -> None:
    flags = commands.add_parser(
        "red-flags",
        help="the red-flag checklist: list, tick or untick (each change kept with its date)",
        epilog="Untick a flag once a professional has seen the knee: the untick is kept too.",
    )
    flags.add_argument("--tick", action="append", default=[], metavar="ID", help="tick a flag")
    flags.add_argument("--untick", action="append", default=[], metavar="ID", help="untick a flag")
    flags.add_argument("--list", action="store_true", help="list them (also the default)")
    flags.set_defaults(subparser=flags)


def _psfs(commands: Commands) -> None:
    psfs = commands.add_parser(
        "psfs",
        help="the function score: how well you can do up to three activities, each 0-10",
        epilog="Without ratings it asks in the terminal, the activities of last time first. "
        "0 = you cannot do it, 10 = as well as before. It is due every 2 weeks; reports show "
        "the change since the first rating (2 points or more is meaningful).",
    )
    psfs.add_argument(
        "ratings", nargs="*", metavar="ACTIVITY=RATING", help="e.g. 'running 5 km=3' 'stairs=6'"
    )
    psfs.add_argument("--show", action="store_true", help="print the ratings so far and exit")
    psfs.set_defaults(subparser=psfs)


def _remind(commands: Commands) -> None:
    remind = commands.add_parser(
        "remind",
        help="a desktop notification of what is due and not done (for cron or a timer)",
        epilog="Each item is announced once a day at most. Nothing is installed unless asked.",
    )
    remind.add_argument("--install", action="store_true", help="write a daily systemd user timer")
    remind.add_argument(
        "--at", type=options.clock_time, metavar="HH:MM", help="with --install: when"
    )
    remind.add_argument(
        "--cron", action="store_true", help="with --install: print a crontab line instead"
    )
    remind.add_argument("--uninstall", action="store_true", help="remove the timer")
    remind.set_defaults(subparser=remind)


def _export(commands: Commands) -> None:
    from pathlib import Path

    export = commands.add_parser(
        "export",
        help="export your history for a physiotherapist, or the plan for a calendar",
        epilog="--format ics: the plan for the next 4 weeks (strength, daily routines, runs).",
    )
    export.add_argument(
        "--format", choices=("csv", "json", "markdown", "pdf", "ics"), default="markdown"
    )
    export.add_argument(
        "--since", type=options.since_date, help="YYYY-MM-DD, or 30d / 8w back from today"
    )
    export.add_argument("--output", type=Path, help="file to write (default, or -: print it)")
    export.add_argument("--force", action="store_true", help="replace --output if it exists")


def _completion(commands: Commands) -> None:
    from itb_tui.core.shell.completion import SHELLS

    completion = commands.add_parser("completion", help="print a shell completion script")
    completion.add_argument("shell", choices=SHELLS)


def _paths(commands: Commands) -> None:
    paths = commands.add_parser("paths", help="print the data, config and cache folders")
    paths.add_argument("--json", action="store_true", help="as JSON, for scripts")


# in the order --help and the man page list them
VERBS = (
    _start,
    _routines,
    _check,
    _log_pain,
    _log_run,
    _import_run,
    _today,
    _readiness,
    _check_in,
    _red_flags,
    _psfs,
    _remind,
    _export,
    _completion,
    _paths,
)


def build_parser(
    verbs: Sequence[Callable[[Commands], None]] = VERBS,
    parser_class: type[argparse.ArgumentParser] | None = None,
) -> argparse.ArgumentParser:
    """The whole parser; with ``verbs``, a parser of the global options and those verbs only,
    whose help is not shown (so the verbs' examples and exit codes are left out)."""
    import argparse

    from itb_tui import __version__

    parser = (parser_class or argparse.ArgumentParser)(
        prog="itb",
        description="A terminal coach for IT band syndrome rehab. Not medical advice.",
        epilog="With no command, the app opens on the home screen. "
        "'itb COMMAND --help' shows a command's examples and exit codes.",
    )
    parser.add_argument("--version", action="version", version=f"itb-tui {__version__}")
    parser.add_argument("--data-dir", help="folder for your history (env ITB_TUI_DATA_DIR)")
    parser.add_argument("--config-dir", help="folder for settings and your own content")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for verb in verbs:
        verb(commands)
    if verbs is VERBS:
        from itb_tui.cli.verb_help import explain

        explain(commands)  # every verb's help ends with examples and its exit codes
    return parser


# the options of a command line that opens the app, each followed by its value
APP_OPTIONS = frozenset({"--data-dir", "--config-dir", "--minutes"})


def opens_the_app(argv: Sequence[str]) -> bool:
    """True for a plain command line that opens the app: no verb, or ``start``, with only the
    folder options and ``--minutes`` (help, the version and anything else are not plain)."""
    positional: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        if token.startswith("-"):
            name, equals, _value = token.partition("=")
            if name not in APP_OPTIONS or (not equals and next(tokens, None) is None):
                return False
        else:
            positional.append(token)
    return positional[:1] in ([], ["start"])


FOLDER_OPTIONS = {"--data-dir": "data_dir", "--config-dir": "config_dir"}


def bare_command_line(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """What the whole parser reads from ``itb`` with no verb and at most the folder options,
    each with its value (``--data-dir D``, ``--config-dir=C``), read without argparse, whose
    import alone costs the app's start 1 %; None for any other command line."""
    import sys
    from types import SimpleNamespace
    from typing import cast

    read: dict[str, str | None] = {"data_dir": None, "config_dir": None}
    tokens = iter(sys.argv[1:] if argv is None else argv)
    for token in tokens:
        name, equals, value = token.partition("=")
        if name not in FOLDER_OPTIONS:
            return None
        if not equals:
            given = next(tokens, None)
            if given is None or given.startswith("-"):  # the whole parser says what is wrong
                return None
            value = given
        read[FOLDER_OPTIONS[name]] = value
    return cast("argparse.Namespace", SimpleNamespace(**read, command=None))


def parse_command_line(
    argv: Sequence[str] | None,
) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    """The parser and what it read from ``argv`` (the process's arguments when None).

    Building every verb's options and help costs the app's start a few percent, so a plain
    command line that opens the app (``opens_the_app``) is read by a parser of ``start``
    alone; whatever that parser refuses is read again by the whole one, so help, errors and
    their messages are always the whole parser's."""
    import argparse
    import sys

    given = list(sys.argv[1:] if argv is None else argv)
    if opens_the_app(given):

        class Refused(Exception):
            pass

        class OpeningParser(argparse.ArgumentParser):
            reading = True  # while parsing, a refusal goes to the whole parser

            def error(self, message: str) -> NoReturn:
                if OpeningParser.reading:
                    raise Refused(message)
                super().error(message)

        parser = build_parser((_start,), OpeningParser)
        try:
            return parser, parser.parse_args(given)
        except Refused:
            pass
        finally:
            OpeningParser.reading = False  # a routine refused later says so with the usage
    parser = build_parser()
    return parser, parser.parse_args(given)
