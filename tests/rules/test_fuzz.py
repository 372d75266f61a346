"""The rules fuzzer: synthetic users lived day by day, every invariant the rules hold checked
after each day and at each run started (see catalogue.py for the list, invariants.py for
each one). At the end of each user the records go through a real data folder and `itb today`
reads them back. A failure prints the invariant, the shortest user Hypothesis found and what
happened to them, day by day.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings

from .catalogue import DAY_CHECKS, FINAL_CHECKS, HOLDS, RUN_CHECKS, RUNNERS
from .conftest import RULES
from .invariants import end_of
from .simulate import fail, live
from .surfaces import look, round_trip
from .users import FIRST_DAY, User, users

HOLDING = sorted(HOLDS)


def live_checked(user: User, names: list[str]) -> None:
    """Live ``user`` with the invariants ``names``."""
    day_checks = [DAY_CHECKS[n] for n in names if n in DAY_CHECKS]
    run_checks = [RUN_CHECKS[n] for n in names if n in RUN_CHECKS]
    finals = [FINAL_CHECKS[n] for n in names if n in FINAL_CHECKS]

    def at_run(seen):  # type: ignore[no-untyped-def]
        return [p for check in run_checks for p in check(seen)]

    def final(sim, seen):  # type: ignore[no-untyped-def]
        return [p for check in finals for p in check(sim, seen)]

    live(user, day_checks, at_run, final=final)


@pytest.mark.parametrize("name", HOLDING)
def test_invariant(name: str) -> None:
    @RULES
    @given(user=users(runner=name in RUNNERS))
    def example(user: User) -> None:
        live_checked(user, [name])

    example()


@settings(RULES, max_examples=max(1, RULES.max_examples // 8))
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
        fail(
            sim,
            [
                f"I6: Home offers {sorted(seen.home_due())}, "
                f"`itb today` from the files {sorted(shell)}"
            ],
        )
