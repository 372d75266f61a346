"""The rules fuzzer: synthetic users lived day by day, every invariant the rules hold checked
after each day and at each run started (catalogue.py lists them, invariants.py says each).
At the end of a few users the records go through a real data folder and `itb today` reads
them back. A failure names the invariant, then the shortest user Hypothesis found and what
happened to them, day by day.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings

from .catalogue import HOLDS
from .checked import live_checked
from .conftest import PARTS, RULES
from .invariants import end_of
from .simulate import fail, live
from .surfaces import look, round_trip
from .users import FIRST_DAY, User, users


@pytest.mark.parametrize("part", range(PARTS))
@settings(RULES, max_examples=-(-RULES.max_examples // PARTS))
@given(user=users())
def test_the_rules_hold(part: int, user: User) -> None:
    live_checked(user, HOLDS)


@settings(RULES, max_examples=max(1, RULES.max_examples // 10))
@given(user=users(max_days=28))
def test_the_shell_reads_the_same_records_back(
    user: User, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The records through a data folder: `itb today` then lists what Home offers as due."""
    sim = live(user, [])
    now = end_of(FIRST_DAY + timedelta(days=len(user.days) - 1))
    seen = look(sim, now)
    shell = round_trip(sim, tmp_path_factory.mktemp("rules"), now)
    if shell != seen.json_due():
        problem = f"I6: Home offers {sorted(seen.home_due())}, `itb today` from the files"
        fail(sim, [f"{problem} {sorted(shell)}"])
