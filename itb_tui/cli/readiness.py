"""``itb readiness``: the return-to-running checklist, each check met or not, with its evidence."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse

    from itb_tui.core.context import AppContext


def run(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.core.shell.readiness_view import readiness_verdict, render

    print(render(readiness_verdict(context), args.format))
    return 0
