"""The readiness test due next, as one line of the day (Home's Today, ``itb today``).

The line is there only while the readiness tests gate the first run (weeks.readiness: from
``[readiness] tests_from``, running not started, not paused) and every other check is met, so
a run would be next once the tests pass (001: running starts when every check is met). It
names the first test that can be done today (not tried, its pass expired, or a failure's wait
over), the same one ``t`` on the return-to-running screen starts (referee.readiness_session);
else the first test not passed, with when it can be tried again. While a red flag stands or
high pain holds weight-bearing work (pain_holds.py), no test is offered: the line says why
it waits. Pain of 7/10 or more also breaks the pain-free days (001: running starts once daily
life is pain-free), so the line stays while the tests were all that was left just before that
pain, and says until when it waits: a lower score, then the pain-free days again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from itb_tui.core.dates import day_text, local_date
from itb_tui.core.plan.due import DUE, REST
from itb_tui.core.plan.pain_holds import PainReading
from itb_tui.core.plan.running import RunAccess
from itb_tui.core.plan.weeks import PAIN_FREE_CHECK, Check, Readiness
from itb_tui.core.text import sentence

RULE = "readiness"  # verdict.RULES: running starts when every check is met (001)


@dataclass(frozen=True)
class DueTest:
    """The readiness test next: DUE (it can be started now) or REST (it waits), and why."""

    test: str  # the test's id
    name: str
    status: str  # DUE or REST
    reason: str
    waits: str = ""  # what holds it: 'a red flag', 'pain 8/10'; '' when only time does
    rule: str = RULE

    @property
    def title(self) -> str:
        """Short enough for Home's list: 'Test: Brisk walk', 'Test waits: a red flag' (the
        name is in ``reason``'s panel), 'Next test: Brisk walk' (after a failure)."""
        if self.status == DUE:
            return f"Test: {self.name}"
        if self.waits:
            return f"Test waits: {self.waits}"
        return f"Next test: {self.name}"


def _pain_text(high: PainReading) -> str:
    return f"pain {high.score}/10" if high.score is not None else "swelling"


@dataclass(frozen=True)
class PainWait:
    """High pain that holds weight-bearing work, and what the line needs to say until when:
    the readiness as it stood just before it (``before``, asked only when needed), the
    pain-free days in a row the check asks for, and today."""

    high: PainReading
    before: Callable[[], Readiness]
    pain_free_days: int
    today: date

    def earliest(self) -> date:
        """The first day the pain-free days can be met again, every day from now on logged
        pain-free (weeks.pain_free_streak: today counts once logged, the pain's day never)."""
        days = self.pain_free_days
        return max(local_date(self.high.at) + timedelta(days), self.today + timedelta(days - 1))


def next_test(
    readiness: Readiness,
    access: RunAccess,
    *,
    red_flag: bool = False,
    pain: PainWait | None = None,
) -> DueTest | None:
    """The test line for today, or None when the tests do not stand between today and a run.

    ``readiness``: the checks as the rules give them before a red flag is added (its
    ``next_test`` the first test that can be done today); ``access``: whether running has
    started, worked out without the red flags (a flag holds every run, started or not);
    ``red_flag``: a red flag stands; ``pain``: the latest pain, when it holds weight-bearing
    work."""
    if access.started is not None or access.stage is not None or access.paused:
        return None
    tests = [check for check in readiness.checks if check.test]
    pending = [check for check in tests if not check.met]
    if not pending:
        return None
    if not _only_tests_left(readiness) and not (pain and _only_tests_left(pain.before())):
        return None
    check = next((c for c in pending if c.test == readiness.next_test), pending[0])
    if red_flag:
        why = f"{check.name} waits: a red flag stands. See a professional before any test."
        return _waiting(check, why, "a red flag")
    if pain is not None:
        return _waiting(check, _pain_wait(check, pain, readiness), _pain_text(pain.high))
    status = DUE if check.test == readiness.next_test else REST
    return DueTest(check.test, check.name, status, sentence(check.evidence))


def _only_tests_left(readiness: Readiness) -> bool:
    """Every check but the readiness tests is met."""
    return all(check.met for check in readiness.checks if not check.test)


def _pain_wait(check: Check, pain: PainWait, readiness: Readiness) -> str:
    """Why ``check`` waits on high pain, and until when (001: pain-free daily life first)."""
    held = f"{pain.high.text()} holds weight-bearing work"
    days = pain.pain_free_days
    until = f"No test until a lower score, then {days} pain-free days in a row"
    others = [c for c in readiness.checks if not c.test and not c.met]
    if all(c.name == PAIN_FREE_CHECK for c in others):  # no other check to meet again
        until += f": {day_text(pain.earliest())} at the earliest"
    return f"{check.name} waits: {held}. {until}."


def _waiting(check: Check, why: str, waits: str) -> DueTest:
    return DueTest(check.test, check.name, REST, why, waits)
