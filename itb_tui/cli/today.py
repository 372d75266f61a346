"""``itb today``: what is due today, for a person or a shell prompt; exit 1 when something is.

Every shell prompt may ask, so the answer is kept (core/shell/today_cache.py), and a kept
answer that still holds is printed by the package's main before anything else is imported."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse

    from itb_tui.core.context import AppContext


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
