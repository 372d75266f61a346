"""Running over a rehab that met every check by MON: its access, its verdict, a first week."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from itb_tui.core.history.records import MonthHistory, PainLog, RunDecision, SessionRecord
from itb_tui.core.plan.red_flags import RedFlagState
from itb_tui.core.plan.referee import RulesInput, decide
from itb_tui.core.plan.running import RunAccess, run_access
from itb_tui.core.plan.verdict import Verdict
from itb_tui.core.store.settings import Settings
from tests.factories import LIBRARY, MON, PROGRAM, at, pain_free_week, ready_by, settings


def access(
    today: date,
    runs: Sequence[SessionRecord] = (),
    decisions: Sequence[RunDecision] = (),
    logs: Sequence[PainLog] = (),
) -> RunAccess:
    """Running over a rehab that met every check by MON, then ``runs``."""
    sessions, ready_logs = ready_by(MON)
    every = [*sessions, *runs]
    history = [*ready_logs, *logs]
    return run_access(PROGRAM, settings(), every, history, today, LIBRARY, decisions=decisions)


def verdict(
    today: date,
    runs: Sequence[SessionRecord] = (),
    logs: Sequence[PainLog] = (),
    decisions: Sequence[RunDecision] = (),
    *,
    hour: int = 7,
    flags: RedFlagState | None = None,
    chosen: Settings | None = None,
) -> Verdict:
    """The verdict at ``hour`` on ``today`` over a rehab that met every check by MON."""
    sessions, ready_logs = ready_by(MON)
    history = MonthHistory([*sessions, *runs], [*ready_logs, *logs], list(decisions))
    inp = RulesInput(
        PROGRAM, LIBRARY, chosen or settings(), history, at(today, hour), flags or RedFlagState()
    )
    return decide(inp)


# Runs on Mon, Wed, Fri of week 1, pain-free: week 2 from day(7).
FIRST_WEEK = pain_free_week(MON)


DAY = date(2026, 12, 14)  # a day for the readiness tests, after the shipped tests_from
