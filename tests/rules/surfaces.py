"""What each surface says about a moment of a simulated user, from the product's own code.

``look`` asks the verdict once (today: the home overview) and renders it the way each
surface does: Home's Today, the return-to-running screen's ``r`` key, ``itb today --format
json`` and the day's events in the ICS calendar. ``round_trip`` writes the records to a data
folder and asks ``itb today`` through a real store, as the shell does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

from itb_tui.core.clock import FakeClock
from itb_tui.core.context import AppContext
from itb_tui.core.plan.due import DUE, OPTIONAL
from itb_tui.core.plan.overview import Overview, build_overview
from itb_tui.core.plan.red_flags import save_red_flags
from itb_tui.core.report.ics import planned_days
from itb_tui.core.shell.today_line import as_json, summarize, today_summary
from itb_tui.core.store.paths import Paths
from itb_tui.core.store.settings import save_settings
from itb_tui.tui.screens.readiness import ReadinessScreen

from .users import Simulation


@dataclass(frozen=True)
class Look:
    """Every surface at one moment."""

    now: datetime
    overview: Overview
    can_run: bool  # `r` on the return-to-running screen starts a guided run

    @property
    def today(self) -> date:
        return self.now.date()

    def home_due(self) -> set[str]:
        """Home's Today: what it offers to start (due, or the run when it is optional)."""
        return offered(self.overview)

    def run_item(self) -> str | None:
        """The run's status on Home ('due', 'rest', ...); None when no run is listed."""
        return next((i.status for i in self.overview.items if i.kind == "run"), None)

    def json_due(self) -> set[str]:
        """`itb today --format json`'s due list, as ids."""
        data = json.loads(as_json(summarize(self.overview, self.today)))
        return {item["id"] for item in data["due"]}


def offered(overview: Overview) -> set[str]:
    return {
        item.routine_id
        for item in overview.items
        if item.kind != "advice"
        and (item.status == DUE or (item.status == OPTIONAL and item.kind == "run"))
    }


def verdict(sim: Simulation, now: datetime) -> Overview:
    """The day's verdict for the records so far."""
    return build_overview(sim.program, sim.settings, sim.library, sim.history, now, sim.flags)


def can_start_run(overview: Overview) -> bool:
    """The return-to-running screen's `r` (ReadinessScreen.can_run), then the app's own check
    before a guided run begins (ProgramFlow.start_run: a run stage is needed)."""
    shown = SimpleNamespace(
        readiness=overview.readiness, stage=overview.stage, paused=overview.access.paused
    )
    return bool(ReadinessScreen.can_run.fget(shown)) and overview.stage is not None  # type: ignore[attr-defined]


def look(sim: Simulation, now: datetime) -> Look:
    overview = verdict(sim, now)
    return Look(now, overview, can_start_run(overview))


def ics_today(sim: Simulation, today: date) -> set[str]:
    """The routine ids the ICS calendar plans for ``today`` (its first day)."""
    days = planned_days(sim.program, sim.settings, sim.library, sim.history, today, 1, sim.flags)
    return {item.routine_id for day, item in days if day == today}


def round_trip(sim: Simulation, folder: Path, now: datetime) -> set[str]:
    """The records written to a data folder, then `itb today`'s due ids read back from it."""
    paths = Paths(folder / "data", folder / "config")
    context = AppContext(paths, FakeClock(now))
    for record in sim.history.sessions:
        context.store.save_session(record)
    for log in sim.history.pain_logs:
        context.store.add_pain_log(log)
    for decision in sim.history.run_decisions:
        context.store.add_run_decision(decision)
    save_settings(paths.settings, sim.settings)
    save_red_flags(paths.red_flags, sim.flags)
    read_back = context.store.everything()
    assert read_back.to_dict() == sim.history.to_dict(), "the store changed the records"
    summary = today_summary(context)
    return {item.routine_id for item in summary.due}
