"""The ``itb`` command: open the app, start a routine, list routines, log pain from the shell,
and the daily loop: what is due today, the morning check-in, reminders."""

from __future__ import annotations

import gc
import sys

from itb_tui import __version__

# Not typing.TYPE_CHECKING: 'itb today' answers every shell prompt and imports nothing it can
# avoid (see today_cache.py); mypy reads this name as True.
TYPE_CHECKING = False
if TYPE_CHECKING:  # the rest is imported in main, once garbage collection is paused
    import argparse
    from collections.abc import Sequence
    from datetime import date

    from itb_tui.core.context import AppContext
    from itb_tui.core.history.records import Knees
    from itb_tui.core.plan.checkin import MorningAnswer
    from itb_tui.core.store.paths import Paths


def _score(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 0 to 10") from None
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError(f"{value} is outside the pain scale 0-10")
    return value


def _minutes(text: str) -> int:
    import argparse

    from itb_tui.core.session.short_session import MAX_MINUTES, MIN_MINUTES

    if not text.isdigit() or not MIN_MINUTES <= int(text) <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a number of minutes from {MIN_MINUTES} to {MAX_MINUTES}"
        )
    return int(text)


def _since(text: str) -> date:
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


def _note(text: str) -> str:
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


TODAY_HELP = """\
exit codes: 0 nothing is due, 1 something is due (the check-in or a session), 2 bad
arguments, 3 the history or the program could not be read.
--format line prints one line for a shell prompt or a tmux status line, e.g.
  PS1='$(itb today --format line) \\$ '   or   set -g status-right '#(itb today --format line)'
"""


def _clock_time(text: str) -> tuple[int, int]:
    import argparse

    from itb_tui.core.shell.remind import parse_time

    try:
        return parse_time(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


KNEES_HELP = """\
When both knees hurt (Settings: "Which knee hurts?" both), --left and --right score each
knee, e.g. --left 2 --right 3; SCORE may then be left out (it is the worse knee's) and
either knee may be left out.
"""


def _knee_arguments(parser: argparse.ArgumentParser) -> None:
    for knee in ("left", "right"):
        parser.add_argument(
            f"--{knee}", type=_score, metavar="N", help=f"the {knee} knee's pain, 0-10"
        )


def _knee_score(context: AppContext, args: argparse.Namespace) -> tuple[int, Knees]:
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


def build_parser() -> argparse.ArgumentParser:
    import argparse
    from pathlib import Path

    from itb_tui.cli_help import explain
    from itb_tui.core.history.records import COMPARED, PAIN_CONTEXTS
    from itb_tui.core.plan.due import FORMATS  # not today_line: that brings the program's rules
    from itb_tui.core.shell.completion import SHELLS

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
    start = commands.add_parser("start", help="open the app straight into a routine")
    start.add_argument("routine", help="a routine id, see 'itb routines'")
    start.add_argument(
        "--minutes",
        type=_minutes,
        default=0,
        help="a short session of at most this many minutes: the exercises that matter most, "
        "both sides, fewer sets (it does not count as a full session)",
    )
    commands.add_parser("routines", help="list the routines with their ids")
    commands.add_parser(
        "check", help="check content.toml and settings.toml (and the shipped content) and exit"
    )
    log = commands.add_parser(
        "log-pain", help="log a pain score (0-10) and exit", epilog=KNEES_HELP
    )
    log.add_argument("score", nargs="?", type=_score, help="0 = no pain, 10 = worst imaginable")
    _knee_arguments(log)
    log.add_argument(
        "--context",
        choices=PAIN_CONTEXTS,
        default="daily",
        help="where you felt it (default: daily)",
    )
    log.add_argument("--note", type=_note, default="", help="a short note, e.g. 'stairs'")
    log.add_argument(
        "--swelling",
        choices=("yes", "no"),
        help="is the outside of the knee swollen or puffy? (left out: not answered)",
    )
    log.set_defaults(subparser=log)
    from itb_tui.run_cli import add_run_commands

    add_run_commands(commands)
    today = commands.add_parser(
        "today",
        help="what is due today (exit 1 when something is)",
        epilog=TODAY_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    today.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    ready = commands.add_parser(
        "readiness",
        help="the return-to-running checklist: each check met or not, with its evidence",
    )
    ready.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    check_in = commands.add_parser(
        "check-in",
        help="the morning check-in: knee pain, compared with yesterday, swelling",
        epilog="Without a score it asks in the terminal: type e.g. '2 s n' and Enter. "
        + KNEES_HELP,
    )
    check_in.add_argument("score", nargs="?", type=_score, help="knee pain this morning, 0-10")
    _knee_arguments(check_in)
    check_in.add_argument("--compared", choices=COMPARED, help="compared with yesterday")
    check_in.add_argument("--swelling", choices=("yes", "no"), help="is the knee swollen?")
    check_in.add_argument("--note", type=_note, default="", help="a short note")
    check_in.set_defaults(subparser=check_in)
    flags = commands.add_parser(
        "red-flags",
        help="the red-flag checklist: list, tick or untick (each change kept with its date)",
        epilog="Untick a flag once a professional has seen the knee: the untick is kept too.",
    )
    flags.add_argument("--tick", action="append", default=[], metavar="ID", help="tick a flag")
    flags.add_argument("--untick", action="append", default=[], metavar="ID", help="untick a flag")
    flags.add_argument("--list", action="store_true", help="list them (also the default)")
    flags.set_defaults(subparser=flags)
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
    remind = commands.add_parser(
        "remind",
        help="a desktop notification of what is due and not done (for cron or a timer)",
        epilog="Each item is announced once a day at most. Nothing is installed unless asked.",
    )
    remind.add_argument("--install", action="store_true", help="write a daily systemd user timer")
    remind.add_argument("--at", type=_clock_time, metavar="HH:MM", help="with --install: when")
    remind.add_argument(
        "--cron", action="store_true", help="with --install: print a crontab line instead"
    )
    remind.add_argument("--uninstall", action="store_true", help="remove the timer")
    remind.set_defaults(subparser=remind)
    export = commands.add_parser(
        "export",
        help="export your history for a physiotherapist, or the plan for a calendar",
        epilog="--format ics: the plan for the next 4 weeks (strength, daily routines, runs).",
    )
    export.add_argument(
        "--format", choices=("csv", "json", "markdown", "pdf", "ics"), default="markdown"
    )
    export.add_argument("--since", type=_since, help="YYYY-MM-DD, or 30d / 8w back from today")
    export.add_argument("--output", type=Path, help="file to write (default, or -: print it)")
    export.add_argument("--force", action="store_true", help="replace --output if it exists")
    completion = commands.add_parser("completion", help="print a shell completion script")
    completion.add_argument("shell", choices=SHELLS)
    paths = commands.add_parser("paths", help="print the data, config and cache folders")
    paths.add_argument("--json", action="store_true", help="as JSON, for scripts")
    explain(commands)  # every verb's help ends with examples and its exit codes
    return parser


def _house_verb(parser: argparse.ArgumentParser, args: argparse.Namespace, paths: Paths) -> int:
    """``itb completion SHELL`` and ``itb paths``: they read no file."""
    if args.command == "completion":
        from itb_tui.core.shell.completion import completion_script

        print(completion_script(parser, args.shell), end="")
    else:
        from itb_tui.core.shell.paths_info import paths_text

        print(paths_text(paths, args.json))
    return 0


def _list_routines(context: AppContext) -> int:
    from itb_tui.core.content.library import format_seconds
    from itb_tui.core.text import plain_text

    for routine in context.library.routines.values():
        minutes = format_seconds(routine.estimated_minutes() * 60)
        name, summary = plain_text(routine.name), plain_text(routine.summary)
        print(f"{routine.id:<20} {name:<28} ~{minutes:<8} {summary}")
    return 0


def _check(paths: Paths) -> int:
    from itb_tui.core.content.check import check_files, report

    text, code = report(check_files(paths))
    sys.stdout.write(text)
    return code


def _log_pain(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.history.records import CONTEXT_LABELS, PainLog, score_text
    from itb_tui.core.text import plain_text

    score, knees = _knee_score(context, args)
    swelling = None if args.swelling is None else args.swelling == "yes"
    now = context.clock.wall()
    log = PainLog(now, score, args.context, args.note.strip(), swelling, knees=knees)
    context.store.add_pain_log(log)
    where = CONTEXT_LABELS[log.context]
    note = f"\nNote: {plain_text(log.note)}" if log.note else ""
    swollen = ", swelling" if swelling else ""
    pain = score_text(log.score, knees)
    print(f"Logged pain {pain}, {where}{swollen}, at {log.at:%Y-%m-%d %H:%M}.{note}")
    _ask_red_flags(context, log.score, swelling)
    return 0


def _ask_red_flags(context: AppContext, score: int, swelling: bool | None) -> None:
    """After pain of 7/10 or more, or swelling: print the red-flag questions."""
    from itb_tui.core.content.validate import ContentError
    from itb_tui.core.plan.red_flags import RedFlagState, should_ask
    from itb_tui.core.shell.red_flags_verb import after_pain
    from itb_tui.core.store.files import StoreError

    if not should_ask(score, swelling):
        return
    try:
        state = context.red_flags
    except StoreError:
        state = RedFlagState()
    try:
        print(after_pain(context.program, state, score, swelling))
    except ContentError:
        print(
            "Check the red flags (itb red-flags): if one applies, see a physiotherapist or doctor."
        )


def _red_flags(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.shell.red_flags_verb import change_flags, listing

    program, state = context.program, context.red_flags
    if args.tick or args.untick:
        try:
            changed = change_flags(program, state, args.tick, args.untick, context.clock.wall())
        except ValueError as err:
            args.subparser.error(str(err))
        if changed:
            context.save_red_flags()
    print(listing(program, state))
    return 0


def _today(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.plan.due import FORMATS
    from itb_tui.core.shell.today_cache import fingerprint, keep
    from itb_tui.core.shell.today_line import render, today_summary
    from itb_tui.core.text import without_controls

    paths = context.paths
    before = fingerprint(str(paths.data), str(paths.config))
    summary = today_summary(context)
    code = 1 if summary.anything_due else 0
    outputs = {form: without_controls(render(summary, form)) for form in FORMATS}
    if paths.cache is not None:
        keep(str(paths.data), str(paths.config), str(paths.cache), outputs, code, before)
    print(outputs[args.format])
    return code


def _ask_check_in(per_knee: bool, first: bool = False) -> MorningAnswer | None:
    """Ask in the terminal: one line such as '2 s n', then whatever part is missing; with
    ``per_knee``, 'L1 R2 s n' scores each knee; the ``first`` check-in ever has no
    yesterday to compare with ('2 n')."""
    from itb_tui.core.history.records import Knees
    from itb_tui.core.plan.checkin import MorningAnswer, parse_answer

    knee_text = " (or each knee: L1 R2)" if per_knee else ""
    first_prompt = f"Knee pain 0-10{knee_text}, then y/n (swelling), e.g. 2 n: "
    prompts = (
        f"Knee pain 0-10{knee_text}, then b/s/w (vs yesterday) and y/n (swelling), e.g. 2 s n: ",
        "Compared with yesterday: b(etter), s(ame) or w(orse)? ",
        "Swelling: y or n? ",
    )
    score: int | None = None
    compared: str | None = "" if first else None
    swelling: bool | None = None
    knees: dict[str, int] = {}
    prompt = first_prompt if first else prompts[0]
    while score is None or compared is None or swelling is None:
        try:
            reply = input(prompt)
        except EOFError:
            print("\nNothing saved.", file=sys.stderr)
            return None
        try:
            got = parse_answer(reply, per_knee)
        except ValueError as err:
            print(f"  {err}", file=sys.stderr)
            continue
        knees |= got[3]
        score = score if got[0] is None else got[0]
        score = Knees(**knees).worse if knees else score
        compared = compared if compared is not None else got[1]
        swelling = swelling if got[2] is None else got[2]
        if score is None:
            prompt = f"Knee pain this morning, 0-10{knee_text}? "
        elif compared is None:
            prompt = prompts[1]
        else:
            prompt = prompts[2]
    return MorningAnswer(score, compared, swelling, Knees(**knees))


def _check_in(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.content.validate import ContentError
    from itb_tui.core.history.morning_log import first_check_in, save_check_in
    from itb_tui.core.history.records import BOTH
    from itb_tui.core.plan.checkin import MorningAnswer, answer_text
    from itb_tui.core.shell.today_line import today_summary
    from itb_tui.core.store.files import StoreError

    first = first_check_in(context.store, context.clock.wall().date())
    if args.score is not None or args.left is not None or args.right is not None:
        score, knees = _knee_score(context, args)
        if (args.compared is None and not first) or args.swelling is None:
            args.subparser.error(
                "with a score, give --compared better|same|worse and --swelling yes|no"
            )
        answer: MorningAnswer | None = MorningAnswer(
            score, args.compared or "", args.swelling == "yes", knees
        )
    elif sys.stdin.isatty():
        answer = _ask_check_in(context.settings.painful_knee == BOTH, first)
    else:
        args.subparser.error("give the answer: itb check-in SCORE --compared same --swelling no")
    if answer is None:
        return 1
    log = answer.log(context.clock.wall(), args.note.strip())
    replaced = save_check_in(context.store, log)
    swelling = "" if log.swelling else ", no swelling"
    again = ", in place of this morning's earlier answer" if replaced else ""
    print(f"Checked in: {answer_text(log)}{swelling}, at {log.at:%Y-%m-%d %H:%M}{again}.")
    _ask_red_flags(context, log.score, log.swelling)
    try:  # what the answer decides needs the content, settings and history: the log is saved
        summary = today_summary(context)
    except (ContentError, StoreError, OSError) as err:
        print("itb: the check-in is saved.", file=sys.stderr)
        _say_problem(err, "what it decides today cannot be worked out")
        return 0
    if summary.morning_decides:
        print(summary.morning)
    return 0


def _psfs(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.shell import function_verb as verb

    store = context.store
    history, unreadable = store.load_readable(store.months())
    for err in unreadable:
        _say_problem(err)
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


def _remind(context: AppContext, args: argparse.Namespace) -> int:
    import os

    from itb_tui.core.shell import remind

    if args.install and args.uninstall:
        args.subparser.error("choose --install or --uninstall, not both")
    if (args.at is not None or args.cron) and not args.install:
        args.subparser.error("--at and --cron go with --install")
    if args.uninstall:
        print(remind.uninstall(os.environ))
    elif args.install:
        if args.at is None:
            args.subparser.error("--install needs the time of day: --at HH:MM")
        extra, env = remind.carried_folders(args.data_dir, args.config_dir, os.environ)
        argv = remind.command_line(extra)
        systemd = not args.cron and remind.has_systemd()
        print(remind.install(args.at, argv, os.environ, systemd, env))
    else:
        from itb_tui.core.shell.today_line import today_summary

        line = remind.remind(today_summary(context), context.paths.data / remind.STATE_FILE)
        if line:
            print(line)
    return 0


def _plan_calendar(context: AppContext) -> str:
    """The coming weeks' plan (not the history) for a calendar app."""
    from itb_tui.core.plan.referee import load_input
    from itb_tui.core.report.ics import plan_calendar

    inp, unreadable = load_input(context)
    if unreadable:
        raise unreadable[0]
    return plan_calendar(
        inp.program, inp.settings, inp.library, inp.history, inp.now, flags=inp.flags
    )


def _program_start(context: AppContext) -> date | None:
    """The program's start date for the reports' adherence; None when settings are damaged."""
    from itb_tui.core.store.files import StoreError

    try:
        return context.settings.program_start
    except StoreError:
        return None


def _export(context: AppContext, args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Write the export; exit 1 (after writing the rest) when a month could not be read."""
    from itb_tui.core.dates import month_key
    from itb_tui.core.history.stats import routine_categories
    from itb_tui.core.report.export_file import (
        RefusedOutput,
        check_output,
        check_suffix,
        export_history,
    )
    from itb_tui.core.report.flags import recorded_flags
    from itb_tui.core.store.files import StoreError, atomic_write
    from itb_tui.core.text import plain_text

    pdf = args.format == "pdf"
    to_stdout = args.output is None or str(args.output) == "-"
    if pdf and to_stdout and sys.stdout.isatty():
        print("itb: a PDF cannot be shown here; give --output FILE", file=sys.stderr)
        return 2
    target = None
    if args.output is not None and str(args.output) != "-":  # '-': standard output
        try:
            check_suffix(args.output, args.format)
            target = check_output(args.output, context.paths, force=args.force)
        except RefusedOutput as err:
            parser.error(str(err))
    store = context.store
    since: date | None = args.since
    first = since  # the PDF's red-flag check reads from the program's start
    if pdf and since is not None and context.settings.program_start is not None:
        first = min(since, context.settings.program_start)
    months = [m for m in store.months() if first is None or m >= month_key(first)]
    today = context.clock.wall().date()
    if args.format == "ics":
        data = _plan_calendar(context).encode("utf-8")
        left_out: list[StoreError] = []
    else:
        # only the Markdown and PDF reports group by category, so only they read the content
        by_category = args.format in ("markdown", "pdf")
        flags, unread = recorded_flags(context)
        if unread:
            print(f"itb: {plain_text(unread)}", file=sys.stderr)
        exported = export_history(
            store,
            months,
            args.format,
            since,
            today,
            routine_categories(context.library) if by_category else {},
            program=context.program if pdf else None,
            settings=context.settings if pdf else None,
            exercises=context.library.exercises if pdf else None,
            flags=flags,
            program_start=_program_start(context) if by_category else None,
        )
        data, left_out = exported.data, exported.left_out
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        atomic_write(target, data)
        print(f"Wrote {args.format} export to {target}.", file=sys.stderr)
    for problem in left_out:
        print(f"itb: left out of the export: {plain_text(str(problem))}", file=sys.stderr)
    return 1 if left_out else 0


def has_terminal() -> bool:
    """The app draws on a terminal and reads keys from it: both standard streams must be one."""
    return sys.stdin.isatty() and sys.stdout.isatty()


NO_TERMINAL = (
    "itb: the app needs a terminal (standard input and output are not one); "
    "'itb log-pain', 'itb check-in SCORE', 'itb today', 'itb export' and the other commands "
    "work without one"
)


def _kept_today(argv: Sequence[str]) -> tuple[str, int] | None:
    """``itb today [--format F]`` answered from the kept answer, if it still holds."""
    from itb_tui.core.shell.today_cache import cached

    if argv == ["today"]:
        return cached("text")
    if len(argv) == 3 and argv[:2] == ["today", "--format"]:
        return cached(argv[2])
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``itb`` command; the exit code is 0, 1 (could not) or 2 (bad arguments).

    ``itb today`` exits 0 when nothing is due, 1 when something is, 3 when it could not tell.
    Ctrl-C at a prompt exits 130, and output into a closed pipe (``itb today | true``) 141, as
    the shell would have it, both without a traceback.
    """
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, so a closed pipe is seen now and not at the exit
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        # nobody reads the rest: send it nowhere, so the exit does not complain again
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 141
    return code


def _main(argv: Sequence[str] | None) -> int:
    kept = _kept_today(list(sys.argv[1:] if argv is None else argv))
    if kept is not None:  # every shell prompt asks: answer before importing anything else
        print(kept[0])
        return kept[1]
    # Starting up allocates a great deal and frees little, so the collector's passes then are
    # wasted time (about a twentieth of the start). The app turns it back on after its first
    # frame; every other command, and the app once closed, on the way out of here.
    gc.disable()
    try:
        return _run(argv)
    finally:
        gc.enable()


def _shell_command(
    context: AppContext, args: argparse.Namespace, parser: argparse.ArgumentParser
) -> int | None:
    """Run a command that does not open the app, reading only what it uses; None for the app."""
    if args.command == "today":
        return _today(context, args)
    if args.command == "check-in":
        return _check_in(context, args)
    if args.command == "readiness":
        from itb_tui.core.shell.readiness_view import readiness_verdict, render

        print(render(readiness_verdict(context), args.format))
        return 0
    if args.command == "remind":
        return _remind(context, args)
    if args.command == "red-flags":
        return _red_flags(context, args)
    if args.command == "psfs":
        return _psfs(context, args)
    if args.command == "routines":
        return _list_routines(context)
    if args.command == "log-pain":
        return _log_pain(context, args)
    if args.command == "export":
        return _export(context, args, parser)
    if args.command in ("log-run", "import-run"):
        from itb_tui import run_cli

        return (
            run_cli.log_run(context, args)
            if args.command == "log-run"
            else run_cli.import_run(context, args)
        )
    return None


def _say_problem(err: Exception, stopped: str = "the app cannot run") -> None:
    """What could not be read, on standard error: the content's report (saying what it
    ``stopped``), or the file and why."""
    from itb_tui.core.content.validate import ContentError

    if isinstance(err, ContentError):
        print(err.report(stopped), file=sys.stderr)
    elif isinstance(err, OSError):
        # a folder or file the system refused: say which, never a traceback
        print(f"itb: {err.filename or ''}: {err.strerror or err}", file=sys.stderr)
    else:
        print(f"itb: {err}", file=sys.stderr)


def _run(argv: Sequence[str] | None) -> int:
    from itb_tui.core.content.validate import ContentError
    from itb_tui.core.context import AppContext
    from itb_tui.core.store.files import StoreError
    from itb_tui.core.store.paths import Paths

    parser = build_parser()
    args = parser.parse_args(argv)
    paths = Paths.resolve(args.data_dir, args.config_dir)
    if args.command == "check":
        return _check(paths)
    if args.command in ("completion", "paths"):
        return _house_verb(parser, args, paths)
    failed = 3 if args.command == "today" else 1  # for today, 1 means "something is due"
    context = AppContext(paths)
    try:
        done = _shell_command(context, args, parser)
        if done is not None:
            return done
        context.read_now()  # the app's first screen shows the content and settings
        if args.command == "start" and args.routine not in context.library.routines:
            known = ", ".join(context.library.routines)
            parser.error(f"no routine called '{args.routine}'; choose one of: {known}")
        if args.command == "start" and args.minutes:
            from itb_tui.core.session.short_session import TooShort, short_session

            try:
                short_session(context.library.routines[args.routine], args.minutes)
            except TooShort as err:
                parser.error(str(err))
        if not has_terminal():
            print(NO_TERMINAL, file=sys.stderr)
            return 2
    except BrokenPipeError:
        raise  # nobody reads the output: main ends quietly
    except (ContentError, StoreError, OSError) as err:
        opening = args.command in (None, "start")
        _say_problem(err, "the app cannot run" if opening else f"itb {args.command} cannot run")
        if args.command == "today" and args.format != "json":  # a prompt shows this, not nothing
            print("itb: today unknown: a file cannot be read (itb today says which)")
        return failed
    from itb_tui.tui.app import ItbApp  # Textual is imported only when the app opens

    starting = args.command == "start"
    app = ItbApp(
        context,
        start_routine=args.routine if starting else None,
        start_minutes=args.minutes if starting else 0,
    )
    app.run()
    if app.closing_report:
        print(app.closing_report, file=sys.stderr)
    return app.return_code or 0
