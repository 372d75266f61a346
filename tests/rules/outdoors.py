"""Runs done outdoors in the rules fuzzer: logged afterwards or imported from a watch's file,
through the same core functions the log-run form, ``itb log-run`` and ``itb import-run`` call
(core/history/outdoor_run.py: ``form_run`` or ``from_file``, ``run_record``, ``keep_run``;
core/history/run_files.py's ``read_run_file`` on a real file). Nothing is kept that those
refuse, and a run they find already kept is not kept twice.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from itb_tui.core.dates import month_key
from itb_tui.core.history.outdoor_run import (
    RUN_ROUTINE,
    RunRefused,
    form_run,
    from_file,
    keep_run,
    run_record,
)
from itb_tui.core.history.records import MonthHistory, SessionRecord
from itb_tui.core.history.run_files import read_run_file
from tests import run_files

from .outdoor_checks import o3_pain_kept
from .users import ImportRun, LogRun, Pain, Simulation

T = TypeVar("T")
PACE_KM_MIN = 0.16  # an easy 6:15 a km


class MonthStore:
    """The simulation's history as the store keeps it, one file a month: ``update_month``
    hands a change that month's records only, as the store does under the month's lock."""

    def __init__(self, sim: Simulation) -> None:
        self.sim = sim

    def load_month(self, key: str, *, for_writing: bool = False) -> MonthHistory:
        history = self.sim.history
        return MonthHistory(
            [s for s in history.sessions if month_key(s.started_at) == key],
            [p for p in history.pain_logs if month_key(p.at) == key],
            [d for d in history.run_decisions if month_key(d.at) == key],
        )

    def load_readable(self, keys: list[str]) -> tuple[MonthHistory, list[Exception]]:
        found = MonthHistory()
        for key in keys:
            found.sessions += self.load_month(key).sessions
        return found, []

    def update_month(self, key: str, change: Callable[[MonthHistory], T]) -> T:
        month = self.load_month(key)
        before = {s.id: s for s in month.sessions}
        result = change(month)
        for record in month.sessions:
            if before.get(record.id) is record:
                continue
            if record.id in before:  # changed in place (pain added to a run kept already)
                self.sim.history.sessions.remove(before[record.id])
            self.sim.add_session(record)
        return result


def keep(sim: Simulation, now: datetime, record: SessionRecord, how: str) -> None:
    kept = keep_run(MonthStore(sim), record)  # type: ignore[arg-type]
    problems = o3_pain_kept(sim, record, kept.run.id)
    if problems:
        from .simulate import fail  # simulate imports this module

        fail(sim, problems)
    if not kept.added:
        added = "; its pain added" if kept.pain_added else ""
        sim.note(
            now, f"{how} run at {record.started_at:%a %H:%M}: already kept ({kept.run.id}){added}"
        )
        return
    sim.note(
        record.started_at,
        f"run {how} at {now:%a %H:%M}: {record.duration_s // 60} min, "
        f"completed={record.completed}, spikes {len(record.pain_spikes)}, "
        f"after {record.pain_after}",
    )


def _score(pain: Pain | None) -> str:
    return "" if pain is None else str(pain.single)


def typed_start(start: datetime, now: datetime) -> str:
    """The start as typed: HH:MM within 12 hours (last night's after midnight), else the
    date and time."""
    return f"{start:%H:%M}" if now - start <= timedelta(hours=12) else f"{start:%Y-%m-%dT%H:%M}"


def log_run(sim: Simulation, now: datetime, action: LogRun, planned: int) -> None:
    """The log-run form filled in at ``now`` and kept with Enter (``planned``: the minutes the
    plan gives at the time)."""
    minutes = (action.minutes or planned or 15) + action.more
    start = now - timedelta(minutes=action.ago + minutes)
    values = {
        "minutes": str(minutes),
        "at": typed_start(start, now) if action.ago else "",
        "pain_began": "" if action.pain_began is None else str(action.pain_began),
        "pain_score": _score(action.pain_then),
        "pain_after": _score(action.pain_after),
        "stopped": "y" if action.stopped else "",
        "swelling": {None: "", True: "y", False: "n"}[action.swelling],
    }
    try:
        run = form_run(
            values,
            now,
            pain_knees=action.pain_then.knees if action.pain_then else Pain(0).knees,
            pain_after_knees=action.pain_after.knees if action.pain_after else Pain(0).knees,
        )
        record = run_record(run, now)
    except RunRefused as err:
        sim.note(now, f"log-run refused: {err}")
        return
    keep(sim, now, record, "logged")


def watch_file(action: ImportRun, start: datetime) -> bytes:
    """The file a watch writes for the run, its times in UTC."""
    utc = start.astimezone(UTC)
    total = action.minutes + action.stops
    km = round(action.minutes * PACE_KM_MIN, 2)
    if action.kind == "fit":
        return run_files.fit(total, km, start=utc, moving_minutes=action.minutes)
    make = run_files.gpx if action.kind == "gpx" else run_files.tcx
    return make(total, km, start=utc, every_s=30)


def import_run(sim: Simulation, now: datetime, action: ImportRun) -> None:
    """`itb import-run` at ``now`` with the file ``action`` describes."""
    if action.start == "again" and sim.files:
        data = sim.files[-1]
    else:
        start = now - timedelta(minutes=action.ago + action.minutes + action.stops)
        runs = [s for s in sim.history.sessions if s.routine == RUN_ROUTINE and s.ended_at < now]
        if action.start == "overlap" and runs:
            start = runs[-1].started_at + timedelta(minutes=3)
        elif action.start == "future":
            start = now + timedelta(minutes=10)
        data = watch_file(action, start)
    sim.files.append(data)
    pain: dict[str, Any] = {}
    if action.pain_began is not None or action.pain_after is not None or action.swelling:
        after = action.pain_after
        pain = {
            "pain_began": action.pain_began,
            "pain_after": None if after is None else after.single,
            "pain_after_knees": after.knees if after else Pain(0).knees,
            "swelling": action.swelling,
        }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"run.{action.kind}"
        path.write_bytes(data)
        found = read_run_file(path)
    try:
        record = run_record(from_file(found, now, **pain), now)
    except RunRefused as err:
        sim.note(now, f"import-run refused: {err}")
        return
    keep(sim, now, record, "imported")
