"""``itb`` and ``itb start ROUTINE [--minutes N]``: open the app, on the home screen or
straight into a routine. Textual is imported only here, once the app opens."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse

    from itb_tui.core.context import AppContext

NO_TERMINAL = (
    "itb: the app needs a terminal (standard input and output are not one); "
    "'itb log-pain', 'itb check-in SCORE', 'itb today', 'itb export' and the other commands "
    "work without one"
)


def check_routine(
    context: AppContext, args: argparse.Namespace, parser: argparse.ArgumentParser
) -> None:
    """Exit 2 when ``itb start`` names no routine, or one its minutes cannot be cut to."""
    if args.command != "start":
        return
    if args.routine not in context.library.routines:
        known = ", ".join(context.library.routines)
        parser.error(f"no routine called '{args.routine}'; choose one of: {known}")
    if args.minutes:
        from itb_tui.core.session.short_session import TooShort, short_session

        try:
            short_session(context.library.routines[args.routine], args.minutes)
        except TooShort as err:
            parser.error(str(err))


def has_terminal() -> bool:
    """The app draws on a terminal and reads keys from it: both standard streams must be one."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def open_app(context: AppContext, args: argparse.Namespace) -> int:
    """Run the app until it closes; its exit code, and its closing report on standard error."""
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
