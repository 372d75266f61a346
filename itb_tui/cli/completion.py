"""``itb completion SHELL``: a shell completion script made from the parser; reads no file."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from itb_tui.core.shell.completion import completion_script

    print(completion_script(parser, args.shell), end="")
    return 0
