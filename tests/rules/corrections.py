"""Corrections in History for the rules fuzzer: a user opens a recent entry and lowers its
pain score, takes back swelling, or deletes it, played through core/history/edit.py (and
plan/kept_pain.py's delete_session) as the session detail screen does.

What the user felt before a correction is remembered apart from the product (``worst``,
``deleted``), so the invariants can read the history as it was felt (``felt``) and the
product's own reading (``as_ruled``) can be compared with it.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, replace
from datetime import datetime, time
from typing import TYPE_CHECKING, Any, TypeVar

from hypothesis import strategies as st

from itb_tui.core.dates import month_key
from itb_tui.core.history.corrections import ruled
from itb_tui.core.history.edit import PainKept, delete_pain_log, update_pain_log, update_session
from itb_tui.core.history.ids import give_ids
from itb_tui.core.history.records import Knees, MonthHistory, PainLog, SessionRecord
from itb_tui.core.plan.kept_pain import delete_session
from tests.factories import TZ

if TYPE_CHECKING:
    from .users import Simulation

CHANGES = ("lower", "lower", "unswell", "delete")
KINDS = ("log", "log", "session")


@dataclass(frozen=True)
class Correct:
    """History at ``hour``: the entry ``back`` places before the newest ``what`` ("log" or
    "session") with pain in it (any, when none has) opened, and its score lowered to
    ``score`` (each knee to it at most), its swelling taken back, or deleted (``change``, one
    of CHANGES)."""

    hour: int
    what: str
    back: int
    change: str
    score: int = 0


@st.composite
def corrections(draw: st.DrawFn, hour: int) -> Correct:
    return Correct(
        hour,
        draw(st.sampled_from(KINDS)),
        draw(st.integers(0, 3)),
        draw(st.sampled_from(CHANGES)),
        draw(st.sampled_from([0, 0, 1, 2])),
    )


class MemoryStore:
    """The simulation's records as History's store: one month at a time, changed in place."""

    def __init__(self, sim: Simulation) -> None:
        self.sim = sim

    def update_month(self, key: str, change: Callable[[MonthHistory], Any]) -> Any:
        history = self.sim.history
        month = MonthHistory(
            [s for s in history.sessions if month_key(s.started_at) == key],
            [p for p in history.pain_logs if month_key(p.at) == key],
        )
        outcome = change(month)
        give_ids([*month.sessions, *month.pain_logs])
        history.sessions = [s for s in history.sessions if month_key(s.started_at) != key]
        history.pain_logs = [p for p in history.pain_logs if month_key(p.at) != key]
        history.sessions += month.sessions
        history.pain_logs += month.pain_logs
        history.sort()
        return outcome

    def add_pain_log(self, log: PainLog) -> None:
        self.update_month(month_key(log.at), lambda month: month.pain_logs.append(log))


Entry = TypeVar("Entry", PainLog, SessionRecord)


def _top(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def worse_of(one: Entry, two: Entry) -> Entry:
    """``two`` with each score at the higher of the two, and swelling if either had it."""
    if isinstance(one, PainLog) and isinstance(two, PainLog):
        knees = Knees(_top(one.knees.left, two.knees.left), _top(one.knees.right, two.knees.right))
        swelling = True if one.swelling or two.swelling else two.swelling
        return replace(two, score=max(one.score, two.score), knees=knees, swelling=swelling)
    assert isinstance(one, SessionRecord) and isinstance(two, SessionRecord)
    a, b = one.pain_after_knees, two.pain_after_knees
    return replace(
        two,
        pain_after=_top(one.pain_after, two.pain_after),
        pain_after_knees=Knees(_top(a.left, b.left), _top(a.right, b.right)),
        swelling=True if one.swelling or two.swelling else two.swelling,
    )


def remember(sim: Simulation, entry: Entry) -> None:
    """Keep ``entry`` as felt, at its worst so far, before it is changed."""
    copy = replace(deepcopy(entry), highest=None)
    earlier = sim.worst.get(entry.uid)
    sim.worst[entry.uid] = copy if earlier is None else worse_of(earlier, copy)  # type: ignore[type-var]
    if isinstance(entry, PainLog):
        if entry.score > 0:
            sim.felt.append((entry.at, f"{entry.score}/10 logged {entry.context}"))
        if entry.swelling:
            sim.swollen.append((entry.at, f"swelling logged {entry.context}"))
    elif entry.swelling and entry.pain_after is not None:
        sim.swollen.append((entry.ended_at, f"swelling after {entry.routine}"))


def when(day: Any, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 4), tzinfo=TZ)


def correct(sim: Simulation, day: Any, action: Correct) -> None:
    """Open the entry ``action`` names in History and change it as it says."""
    now = when(day, action.hour)
    history = sim.history
    entries: list[PainLog] | list[SessionRecord]
    if action.what == "log":
        entries = [p for p in history.pain_logs if p.at <= now]
    else:
        entries = [s for s in history.sessions if s.ended_at <= now]
    painful = [e for e in entries if _painful(e)]  # the entries worth correcting, if any
    entries = painful or entries  # type: ignore[assignment]
    if action.back >= len(entries):
        return
    give_ids([*history.sessions, *history.pain_logs])  # as read from the files: each has one
    entry = entries[-1 - action.back]
    remember(sim, entry)
    store: Any = MemoryStore(sim)
    what = f"History: {action.change} the {action.what} of {entry_time(entry):%a %d %b %H:%M}"
    try:
        if isinstance(entry, PainLog):
            _correct_log(sim, store, entry, action)
        else:
            _correct_session(sim, store, entry, action)
    except PainKept:
        sim.note(now, f"{what}: refused")
        return
    sim.note(now, f"{what} ({action.score})" if action.change == "lower" else what)


def _painful(entry: PainLog | SessionRecord) -> bool:
    if isinstance(entry, PainLog):
        return entry.score > 0 or bool(entry.swelling)
    return bool(entry.pain_after or entry.swelling or entry.pain_spikes)


def entry_time(entry: PainLog | SessionRecord) -> datetime:
    return entry.at if isinstance(entry, PainLog) else entry.started_at


def lowered(knees: Knees, score: int) -> Knees:
    return Knees(*(None if k is None else min(k, score) for k in (knees.left, knees.right)))


def _correct_log(sim: Simulation, store: Any, log: PainLog, action: Correct) -> None:
    if action.change == "delete":
        delete_pain_log(store, log.id, log.at, log)
        sim.deleted.append(sim.worst[log.uid])
        return
    score = min(log.score, action.score) if action.change == "lower" else log.score
    knees = lowered(log.knees, score) if action.change == "lower" else log.knees
    swelling = False if action.change == "unswell" else log.swelling
    compared = log.compared if log.context == "morning" else None
    update_pain_log(
        store, log.id, log.at, score, log.context, log.note, swelling, knees or None, compared, log
    )


def _correct_session(sim: Simulation, store: Any, record: SessionRecord, action: Correct) -> None:
    if action.change == "delete":
        delete_session(store, record.id, record.started_at, record)
        sim.deleted.append(sim.worst[record.uid])
        sim.discarded.append(sim.worst[record.uid])  # P5: deleting is discarding
        return
    rating = record.pain_after
    if action.change == "lower" and rating is not None:
        rating = min(rating, action.score)
    knees = record.pain_after_knees
    knees = lowered(knees, rating) if knees and rating is not None else knees
    swelling = False if action.change == "unswell" else record.swelling
    update_session(
        store,
        record.id,
        record.started_at,
        pain_after=rating,
        note=record.note,
        swelling=swelling,
        knees=knees or None,
        seen=record,
    )


def felt(sim: Simulation, *, restore: bool = True) -> MonthHistory:
    """The simulation's history as the user felt it: every corrected entry at its worst
    before any correction; with ``restore``, every deleted entry back in place of what was
    kept of it."""
    history, worst = sim.history, sim.worst
    if not worst:
        return history
    sessions = [worst.get(s.uid, s) for s in history.sessions]
    logs = [worst.get(p.uid, p) for p in history.pain_logs]
    if restore:
        ids = {d.id for d in sim.deleted if isinstance(d, SessionRecord)}
        logs = [p for p in logs if not (p.kept and p.session in ids)]
        sessions += [d for d in sim.deleted if isinstance(d, SessionRecord)]
        logs += [d for d in sim.deleted if isinstance(d, PainLog)]
    return replace(
        history,
        sessions=sorted(sessions, key=lambda s: s.started_at),  # type: ignore[arg-type]
        pain_logs=sorted(logs, key=lambda p: p.at),  # type: ignore[arg-type]
    )


def as_ruled(history: MonthHistory) -> MonthHistory:
    """``history`` as the referee reads it (RulesInput.recent)."""
    return ruled(history)
