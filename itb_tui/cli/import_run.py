"""``itb import-run FILE|FOLDER...``: import runs from GPX, TCX or FIT files, with their pain
(cli/run_options.py); the same file imported twice is one run."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse
    from datetime import datetime
    from pathlib import Path

    from itb_tui.core.context import AppContext


def _import(
    context: AppContext,
    args: argparse.Namespace,
    path: Path,
    pain: dict[str, object],
    now: datetime,
) -> bool:
    """Import one file and say so; False (said on standard error) when it could not be."""
    from itb_tui.cli.run_options import keep
    from itb_tui.core.history.outdoor_run import RunRefused, from_file
    from itb_tui.core.history.run_files import RunFileError, read_run_file
    from itb_tui.core.text import plain_text

    name = plain_text(str(path))
    try:
        run = from_file(read_run_file(path), now, **pain)
        said, added = keep(context, run, now)
    except RunRefused as err:
        if pain:  # the one file with its pain options: the options do not fit it
            args.subparser.error(f"{path}: {err}; nothing was imported")
        print(f"itb: {name}: {plain_text(str(err))}; nothing was imported", file=sys.stderr)
        return False
    except RunFileError as err:
        print(f"itb: {name}: {plain_text(str(err))}; nothing was imported", file=sys.stderr)
        return False
    print(f"{name}: {'imported ' if added else ''}{said}.")
    return True


def run(context: AppContext, args: argparse.Namespace) -> int:
    """Import each file; exit 1 when one could not be (the others are imported)."""
    from itb_tui.cli.run_options import after, pain_fields, pain_given
    from itb_tui.core.history.run_files import run_files

    files = run_files(args.files)
    if not files:
        args.subparser.error("no GPX, TCX or FIT file there")
    if pain_given(args) and len(files) > 1:
        args.subparser.error("the pain options are for one run: import one file with them")
    pain = pain_fields(context, args) if pain_given(args) else {}
    now = context.clock.wall()
    failed = sum(not _import(context, args, path, pain, now) for path in files)
    after(context, args.pain_after, args.swelling)
    return 1 if failed else 0
