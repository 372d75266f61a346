"""``itb today``: what is due today, for a person or a shell prompt; exit 1 when something is.

Every shell prompt may ask, so the answer is kept (core/shell/today_cache.py) and a kept
answer that still holds is printed before anything else is imported."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from itb_tui.core.context import AppContext

TODAY_HELP = """\
exit codes: 0 nothing is due, 1 something is due (the check-in or a session), 2 bad
arguments, 3 the history or the program could not be read.
--format line prints one line for a shell prompt or a tmux status line, e.g.
  PS1='$(itb today --format line) \\$ '   or   set -g status-right '#(itb today --format line)'
"""


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import argparse

    from itb_tui.core.plan.due import FORMATS  # not today_line: that brings the program's rules

    today = commands.add_parser(
        "today",
        help="what is due today (exit 1 when something is)",
        epilog=TODAY_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    today.add_argument("--format", choices=FORMATS, default="text", help="default: text")


def run(context: AppContext, args: argparse.Namespace) -> int:
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


def kept_today(argv: Sequence[str]) -> tuple[str, int] | None:
    """``itb today [--format F]`` answered from the kept answer, if it still holds."""
    from itb_tui.core.shell.today_cache import cached

    if argv == ["today"]:
        return cached("text")
    if len(argv) == 3 and argv[:2] == ["today", "--format"]:
        return cached(argv[2])
    return None
