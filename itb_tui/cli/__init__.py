"""The itb command: open the app, start a routine, list routines, log pain from the shell,
and the daily loop: what is due today, the morning check-in, reminders.

Every verb's options are in ``parser`` (with each verb's examples and exit codes from
``verb_help``), and its work in a module of its own (``today``, ``check_in``, ``log_pain``,
...), which ``commands`` imports only when that verb runs; ``start`` opens the app. Nothing is
imported before the command needs it: 'itb today' answers every shell prompt, and opening the
app loads no verb's module.
"""

from __future__ import annotations

import gc
import sys

from itb_tui.cli.parser import build_parser as build_parser  # for make man and the tests

TYPE_CHECKING = False  # not typing.TYPE_CHECKING, which imports typing; mypy reads it as True
if TYPE_CHECKING:
    from collections.abc import Sequence


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
        from itb_tui.cli.commands import run

        return run(argv)
    finally:
        gc.enable()


def _kept_today(argv: Sequence[str]) -> tuple[str, int] | None:
    """``itb today [--format F]`` answered from the kept answer, if it still holds."""
    if argv == ["today"]:
        form = "text"
    elif len(argv) == 3 and argv[:2] == ["today", "--format"]:
        form = argv[2]
    else:
        return None  # another command: the kept answer is not even looked for
    from itb_tui.core.shell.today_cache import cached

    return cached(form)
