"""``itb check``: check content.toml and settings.toml (and the shipped content) and exit."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    from itb_tui.core.store.paths import Paths


def run(paths: Paths) -> int:
    from itb_tui.core.content.check import check_files, report

    text, code = report(check_files(paths))
    sys.stdout.write(text)
    return code
