"""``itb export``: the history for a physiotherapist (CSV, JSON, Markdown, PDF), or the plan
of the coming weeks for a calendar (iCalendar)."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse
    from datetime import date
    from pathlib import Path

    from itb_tui.core.context import AppContext
    from itb_tui.core.store.files import StoreError


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


def _target(
    context: AppContext, args: argparse.Namespace, parser: argparse.ArgumentParser
) -> Path | None:
    """The file to write, checked; None for standard output (no --output, or '-')."""
    from itb_tui.core.report.export_file import RefusedOutput, check_output, check_suffix

    if args.output is None or str(args.output) == "-":
        return None
    try:
        check_suffix(args.output, args.format)
        return check_output(args.output, context.paths, force=args.force)
    except RefusedOutput as err:
        parser.error(str(err))


def _months(context: AppContext, args: argparse.Namespace) -> list[str]:
    """The history's months to read: from --since, or for the PDF from the program's start
    if that is earlier (its red-flag check reads from there)."""
    from itb_tui.core.dates import month_key

    since: date | None = args.since
    first = since
    if args.format == "pdf" and since is not None and context.settings.program_start is not None:
        first = min(since, context.settings.program_start)
    return [m for m in context.store.months() if first is None or m >= month_key(first)]


def _history(
    context: AppContext, args: argparse.Namespace, months: list[str]
) -> tuple[bytes, list[StoreError]]:
    """The history in the asked format, and the months left out because they are unreadable."""
    from itb_tui.core.history.stats import routine_categories
    from itb_tui.core.report.export_file import export_history
    from itb_tui.core.report.flags import recorded_flags
    from itb_tui.core.text import plain_text

    pdf = args.format == "pdf"
    # only the Markdown and PDF reports group by category, so only they read the content
    by_category = args.format in ("markdown", "pdf")
    flags, unread = recorded_flags(context)
    if unread:
        print(f"itb: {plain_text(unread)}", file=sys.stderr)
    exported = export_history(
        context.store,
        months,
        args.format,
        args.since,
        context.clock.wall().date(),
        routine_categories(context.library) if by_category else {},
        program=context.program if pdf else None,
        settings=context.settings if pdf else None,
        exercises=context.library.exercises if pdf else None,
        flags=flags,
        program_start=_program_start(context) if by_category else None,
    )
    return exported.data, exported.left_out


def run(context: AppContext, args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Write the export; exit 1 (after writing the rest) when a month could not be read."""
    from itb_tui.core.store.files import atomic_write
    from itb_tui.core.text import plain_text

    to_stdout = args.output is None or str(args.output) == "-"
    if args.format == "pdf" and to_stdout and sys.stdout.isatty():
        print("itb: a PDF cannot be shown here; give --output FILE", file=sys.stderr)
        return 2
    target = _target(context, args, parser)
    months = _months(context, args)
    left_out: list[StoreError] = []
    if args.format == "ics":
        data = _plan_calendar(context).encode("utf-8")
    else:
        data, left_out = _history(context, args, months)
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
