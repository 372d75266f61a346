"""What could not be read, said on standard error without a traceback."""

from __future__ import annotations

import sys


def say_problem(err: Exception, stopped: str = "the app cannot run") -> None:
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
