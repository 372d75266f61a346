"""Living a synthetic user with a chosen set of the rules' invariants checked each day, at
each run and test started, and at the end."""

from __future__ import annotations

from .catalogue import DAY_CHECKS, FINAL_CHECKS, RUN_CHECKS, TEST_CHECKS
from .simulate import live
from .surfaces import Look
from .users import Simulation, User


def live_checked(user: User, names: list[str] | set[str]) -> None:
    """Live ``user`` with the invariants ``names``."""
    day_checks = [DAY_CHECKS[n] for n in sorted(names) if n in DAY_CHECKS]
    run_checks = [RUN_CHECKS[n] for n in sorted(names) if n in RUN_CHECKS]
    finals = [FINAL_CHECKS[n] for n in sorted(names) if n in FINAL_CHECKS]
    test_checks = [TEST_CHECKS[n] for n in sorted(names) if n in TEST_CHECKS]

    def at_run(sim: Simulation, seen: Look, overridden: bool) -> list[str]:
        return [p for check in run_checks for p in check(sim, seen, overridden)]

    def at_test(sim: Simulation, seen: Look) -> list[str]:
        return [p for check in test_checks for p in check(sim, seen)]

    def final(sim: Simulation, seen: Look) -> list[str]:
        return [p for check in finals for p in check(sim, seen)]

    live(user, day_checks, at_run, final=final, at_test=at_test)
