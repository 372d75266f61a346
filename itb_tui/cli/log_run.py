"""``itb log-run MINUTES``: log a run done outdoors, with its pain (cli/run_options.py)."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse

    from itb_tui.core.context import AppContext


def run(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.cli.run_options import after, keep, pain_fields
    from itb_tui.core.history.outdoor_run import OutdoorRun, RunRefused, parse_start

    now = context.clock.wall()
    try:
        start = parse_start(args.at, args.minutes, now)
    except ValueError as err:
        args.subparser.error(str(err))
    run = OutdoorRun(start, args.minutes, distance_km=args.distance, **pain_fields(context, args))  # type: ignore[arg-type]
    try:
        said, added = keep(context, run, now)
    except RunRefused as err:
        args.subparser.error(f"{err}; nothing was written")
    print(f"Logged {said}." if added else f"{said[:1].upper()}{said[1:]}.")
    after(context, args.pain_after, args.swelling)
    return 0
