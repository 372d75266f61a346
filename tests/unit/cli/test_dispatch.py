"""Every verb the parser knows is run by its own module: a verb left out of the dispatch would
open the app instead. Opening the app imports none of the verbs' modules (see
tests/unit/test_startup_imports.py)."""

from __future__ import annotations

import argparse
from importlib import import_module

from itb_tui.cli import build_parser
from itb_tui.cli.commands import SHELL_VERBS

# run before the history is read, by commands._reading_no_history; start opens the app; export
# is handed the whole parser
ELSEWHERE = {"check", "completion", "paths", "start", "export"}


def verbs(parser: argparse.ArgumentParser) -> set[str]:
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(found[0].choices)


def test_every_verb_of_the_parser_is_dispatched() -> None:
    assert verbs(build_parser()) == set(SHELL_VERBS) | ELSEWHERE


def test_each_shell_verb_module_has_its_run() -> None:
    for name, module in SHELL_VERBS.items():
        assert callable(import_module(f"itb_tui.cli.{module}").run), name
