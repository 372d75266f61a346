"""What each surface says about a moment of a simulated user, from the product's own code.

``look`` asks the referee once (``decide``) and renders its verdict the way each surface
does: Home's Today, the return-to-running screen's ``r`` key, ``itb today --format json``,
``itb readiness --format json`` and the day's events in the ICS calendar (``plan_ahead``).
``round_trip`` writes the records to a data folder and asks ``itb today`` through a real
store, as the shell does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from itb_tui.core.clock import FakeClock
from itb_tui.core.context import AppContext
from itb_tui.core.dates import month_key
from itb_tui.core.history.records import MonthHistory
from itb_tui.core.plan.due import DUE, OPTIONAL
from itb_tui.core.plan.overview import Overview
from itb_tui.core.plan.red_flags import save_red_flags
from itb_tui.core.plan.referee import RulesInput, decide, plan_ahead
from itb_tui.core.plan.verdict import Verdict, offers_run
from itb_tui.core.shell import readiness_view
from itb_tui.core.shell.today_line import as_json, summarize, today_summary
from itb_tui.core.store.paths import Paths
from itb_tui.core.store.settings import save_settings

from .users import Simulation


@dataclass(frozen=True)
class Look:
    """Every surface at one moment."""

    now: datetime
    verdict: Verdict

    @property
    def overview(self) -> Overview:
        return self.verdict.overview

    @property
    def can_run(self) -> bool:
        """`r` starts a guided run at once, without a question (the verdict offers it)."""
        return self.verdict.run.startable

    @property
    def may_ask(self) -> bool:
        """`r` offers a run after a question that names why (an override, kept with the run)."""
        return offers_run(self.verdict.run)

    @property
    def today(self) -> date:
        return self.now.date()

    def home_due(self) -> set[str]:
        """Home's Today: what it offers to start (due, or the run when it is optional)."""
        return {
            line.routine_id
            for line in self.verdict.items
            if line.kind != "advice"
            and (line.status == DUE or (line.status == OPTIONAL and line.kind == "run"))
        }

    def run_item(self) -> str:
        """The run's status in the verdict ('due', 'rest', 'held', 'locked', ...)."""
        return self.verdict.run.status

    def json_due(self) -> set[str]:
        """`itb today --format json`: the due list's ids, and the run when its status is due."""
        data = json.loads(as_json(summarize(self.verdict)))
        due = {item["id"] for item in data["due"]}
        return due | ({"run"} if data["run"]["status"] == DUE else set())

    def readiness_json(self) -> dict[str, object]:
        """`itb readiness --format json` for the same verdict."""
        return dict(json.loads(readiness_view.as_json(self.verdict)))


def rules_input(sim: Simulation, now: datetime) -> RulesInput:
    return RulesInput(sim.program, sim.library, sim.settings, sim.history, now, sim.flags)


def verdict(sim: Simulation, now: datetime) -> Overview:
    """The overview of the day's verdict for the records so far."""
    return decide(rules_input(sim, now)).overview


def look(sim: Simulation, now: datetime) -> Look:
    return Look(now, decide(rules_input(sim, now)))


def ics_today(sim: Simulation, today: date, now: datetime) -> set[str]:
    """The routine ids the ICS calendar plans for ``today`` (its first day)."""
    days = plan_ahead(rules_input(sim, now), 1)
    return {line.routine_id for day, line in days if day == today}


def fill(month: MonthHistory, history: MonthHistory, key: str) -> None:
    """Put ``history``'s records of month ``key`` into ``month`` (a store's month file)."""
    month.sessions = [s for s in history.sessions if month_key(s.started_at) == key]
    month.pain_logs = [p for p in history.pain_logs if month_key(p.at) == key]
    month.run_decisions = [d for d in history.run_decisions if month_key(d.at) == key]


def round_trip(sim: Simulation, folder: Path, now: datetime) -> set[str]:
    """The records written to a data folder (each month once, through the store's atomic
    update), then `itb today`'s due ids read back from it."""
    paths = Paths(folder / "data", folder / "config")
    context = AppContext(paths, FakeClock(now))
    context.program = sim.program  # the user's program (users.User.tests_from)
    history = sim.history
    months = {month_key(s.started_at) for s in history.sessions}
    months |= {month_key(p.at) for p in history.pain_logs}
    months |= {month_key(d.at) for d in history.run_decisions}
    for key in sorted(months):
        context.store.update_month(key, lambda month, key=key: fill(month, history, key))
    save_settings(paths.settings, sim.settings)
    save_red_flags(paths.red_flags, sim.flags)
    read_back = context.store.everything()
    assert read_back.to_dict() == sim.history.to_dict(), "the store changed the records"
    summary = today_summary(context)
    return {item.routine_id for item in summary.due}
