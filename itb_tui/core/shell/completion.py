"""``itb completion bash|zsh|fish``: a completion script made from the command's own parser.

Verbs, options and choices come from the parser, so a new option completes without a change
here; folders and files complete where an option takes one, and a routine id after ``itb
start`` comes from ``itb routines`` at the moment of completing (so your own routines are in).
"""

from __future__ import annotations

import argparse
from typing import Any

SHELLS = ("bash", "zsh", "fish")
FOLDER_OPTIONS = ("--data-dir", "--config-dir")
FILE_OPTIONS = ("--output",)
ROUTINE_ARGUMENT = "routine"

# Each shell's way of listing routine ids: the first word of each line of 'itb routines'.
ROUTINES = {
    "bash": "_itb_routines",
    "zsh": "_itb_routines",
    "fish": "(itb routines 2>/dev/null | string split -f1 ' ')",
}
PREAMBLE = {
    "bash": """\
_itb_routines() {
  compgen -W "$(itb routines 2>/dev/null | cut -d' ' -f1)" -- "$1"
}
""",
    "zsh": """\
_itb_routines() {
  local -a routines
  routines=(${(f)"$(itb routines 2>/dev/null | cut -d' ' -f1)"})
  compadd -a routines
}
""",
    "fish": "",
}


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """Every action of ``parser`` and of its verbs."""
    found = list(parser._actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.extend(_actions(sub))
    return found


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script for ``shell`` (one of ``SHELLS``)."""
    import shtab

    for action in _actions(parser):
        strings = set(action.option_strings)
        if strings & set(FOLDER_OPTIONS):
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
        elif strings & set(FILE_OPTIONS):
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        elif action.dest == ROUTINE_ARGUMENT and not action.option_strings:
            action.complete = {shell: ROUTINES[shell]}  # type: ignore[attr-defined]
    preamble: Any = {shell: PREAMBLE[shell]}  # one text per shell (its stubs say str)
    script: str = shtab.complete(parser, shell=shell, preamble=preamble)
    return script
