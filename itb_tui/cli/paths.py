"""``itb paths [--json]``: the data, config and cache folders; reads no file."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse

    from itb_tui.core.store.paths import Paths


def run(paths: Paths, args: argparse.Namespace) -> int:
    from itb_tui.core.shell.paths_info import paths_text

    print(paths_text(paths, args.json))
    return 0
