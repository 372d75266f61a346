"""The referee's answer for one day, as plain values every surface renders (see referee.py).

Kept apart from the rules so a screen or a verb can import the shapes cheaply. Each line of
the day carries its status, its reason, the rule that decided it and the article that rule
comes from (shared sources 000-003; "" for a decision the user made by hand).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from itb_tui.core.plan.due import DONE, DUE, OPTIONAL, REST, DueItem

if TYPE_CHECKING:
    from itb_tui.core.plan.overview import Overview

HELD = "held"  # by the morning check-in: a rest day with the deciding answer as its reason
ITEM_STATUSES = (DUE, OPTIONAL, REST, HELD, DONE)
# The run: locked until running starts, paused by hand, held by the morning or a red flag.
LOCKED, PAUSED = "locked", "paused"
RUN_STATUSES = (LOCKED, DUE, OPTIONAL, REST, HELD, PAUSED, DONE)
CHECKIN_STATUSES = (DUE, DONE, "skipped")
SCHEMA = 1  # of `itb today --format json` and `itb readiness --format json`


class Rule(NamedTuple):
    """A rule the referee applies: what it says, and the article it comes from."""

    text: str
    article: str  # "000".."003"; "" for a decision by hand


RULES: dict[str, Rule] = {
    "once-a-day": Rule("Foam rolling and the stretches once a day.", "001"),
    "strength-3-a-week": Rule(
        "Hip strength 3 times a week at most, never two days in a row.", "001"
    ),
    "optional-extra": Rule("Mobility routines are extras, done when you like.", "000"),
    "after-activity": Rule("Ice 15-20 min after activity, never on bare skin.", "001"),
    "phase-advice": Rule("The current phase's advice and the cross-training options.", "001"),
    "readiness": Rule(
        "Running starts when daily life has been pain-free for 5-7 days in a row, the "
        "strength work is pain-free, and enough weeks of rehab are done.",
        "001",
    ),
    "run-week": Rule("The run week's target, moved on only after a pain-free week.", "001"),
    "run-done-today": Rule("One run a day.", "001"),
    "run-alternate-days": Rule("In the first run weeks, run every other day.", "001"),
    "run-settle": Rule("Pain that built up during a run: let it settle before the next.", "001"),
    "run-week-done": Rule("The run week's runs are done: rest until Monday.", "001"),
    "run-weekly-cap": Rule("From the last run week on, at most 10 % more a week.", "001"),
    "run-companions": Rule("Roll and activate before each run; roll after it.", "001"),
    "back-to-phase-one": Rule(
        "Repeated warning signs: back to settling the pain, and the checks again.", "001"
    ),
    "still-running": Rule("Still running: cut it down and stop if pain starts.", "001"),
    "morning-check-in": Rule(
        "The morning after a run or strength session decides the next planned one (pain-free daily "
        "life, as 001 asks; the pain-monitoring model of Silbernagel et al., 2007).",
        "001",
    ),
    "red-flag": Rule("A red flag stands: see a professional before running.", "001"),
    "high-pain": Rule(
        "Pain of 7/10 or more, or swelling, from any source: no run and no weight-bearing "
        "exercise until a lower score.",
        "001",
    ),
    "red-flag-weight-bearing": Rule(
        "No full weight on the leg, giving way or nerve symptoms: no weight-bearing exercise; "
        "ask your professional before continuing.",
        "001",
    ),
    "paused-by-hand": Rule("Running paused by you: no run is planned until you resume.", ""),
}


@dataclass(frozen=True)
class ItemVerdict:
    """One line of the day: a routine, the run, or advice."""

    item: DueItem  # as Home lists it (a held item is a REST DueItem there)
    status: str  # one of ITEM_STATUSES
    rule: str  # a key of RULES

    @property
    def reason(self) -> str:
        return self.item.reason

    @property
    def article(self) -> str:
        return RULES[self.rule].article

    @property
    def routine_id(self) -> str:
        return self.item.routine_id

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def kind(self) -> str:
        return self.item.kind


@dataclass(frozen=True)
class RunVerdict:
    """Today's run: its status, the run week and the minutes allowed after every cap."""

    status: str  # one of RUN_STATUSES
    week: int | None  # the run week (None until running starts)
    minutes: tuple[int, int]  # [low, high] after every cap; (0, 0) when no run is allowed
    reason: str
    rule: str  # a key of RULES

    @property
    def article(self) -> str:
        return RULES[self.rule].article

    @property
    def startable(self) -> bool:
        """A run may start without asking: it is due or optional today."""
        return self.status in (DUE, OPTIONAL)


@dataclass(frozen=True)
class CheckinVerdict:
    """The morning check-in: due, done, or skipped for today."""

    status: str  # one of CHECKIN_STATUSES
    reason: str
    rule: str = "morning-check-in"


@dataclass(frozen=True)
class StandingFlag:
    """A red flag ticked and not unticked since."""

    id: str
    text: str
    ticked: datetime


@dataclass(frozen=True)
class Verdict:
    """Everything the rules say about one day. ``overview`` holds what Home shows besides the
    plan (hints, warning signs, the morning, missed check-ins), decided by the same call."""

    day: date
    week: int  # program week
    items: tuple[ItemVerdict, ...]
    run: RunVerdict
    checkin: CheckinVerdict
    red_flags: tuple[StandingFlag, ...]
    overview: Overview
    notes: tuple[str, ...] = field(default=())

    @property
    def ready(self) -> bool:
        """Every return-to-running check is met today."""
        return self.overview.readiness.ready

    def with_status(self, *statuses: str) -> list[ItemVerdict]:
        """The lines of the day with one of ``statuses``, in order."""
        return [v for v in self.items if v.status in statuses]

    @property
    def held(self) -> list[ItemVerdict]:
        return self.with_status(HELD)


def is_rest(status: str) -> bool:
    """A status that asks before anything starts: rest, held or done already."""
    return status in (REST, HELD, DONE)


def offers_run(run: RunVerdict) -> bool:
    """The run can be started, at once or after a question (rest, held by the morning, done):
    not while running is locked or paused, nor while a red flag or high pain holds it."""
    return run.startable or (is_rest(run.status) and run.rule not in ("red-flag", "high-pain"))
