"""The monkey test: random keys, pastes and time on every screen, from every way in.

After each example: no unhandled exception, every data file parses, no damaged or newer file
overwritten, no finished set lost (see tests/tui/monkey.py). The default run is short and
tries the same examples every time; for a long, random run set ITB_MONKEY_EXAMPLES (examples
per way in) and, if you like, ITB_MONKEY_ACTIONS (the longest list of actions), e.g.
``ITB_MONKEY_EXAMPLES=500 .venv/bin/python -m pytest tests/tui/test_monkey.py``.
A failure prints the way in and the numbered actions that lead to it.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings

from .monkey import (
    KINDS,
    Action,
    Start,
    action_lists,
    run_monkey,
    starts,
)

LONG_RUN = "ITB_MONKEY_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("ITB_MONKEY_EXAMPLES", "4"))
MAX_ACTIONS = int(os.environ.get("ITB_MONKEY_ACTIONS", "40" if LONG_RUN else "25"))

MONKEY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing kept between runs: a run depends on its seed alone
    derandomize=not LONG_RUN,  # the default run tries the same examples every time
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)


@pytest.mark.parametrize("kind", KINDS)
def test_monkey(kind: str) -> None:
    @MONKEY
    @given(start=starts(kind), actions=action_lists(MAX_ACTIONS))
    def example(start: Start, actions: list[Action]) -> None:
        run_monkey(start, actions)

    example()
