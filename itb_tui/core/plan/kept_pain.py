"""Discarding a session never erases its pain: the pain spikes and the rating recorded in it
are kept as pain logs, so the rules still read them (a run's pain as pain during a run, any
other routine's as pain during exercise), each naming the routine it came from.

Deleting a saved session in History keeps its pain the same way (``delete_session``), at the
height the rules read it (history/corrections.py); a yes to swelling given there without a
rating is kept as a rating of 0 with the swelling.

A spike noted without a score, or scored 0 (with both knees painful: "R 0", the other knee
not scored), is kept as 1/10, the lowest score that is still pain, and its note says what was
given: pain was noted, so it is never read as pain-free.

Each log names the session it came from, its routine and what it keeps (a spike, a spike
without a score, the rating), so the logs of one discarded run are read back as that run
(``discarded_sessions``): pain that built up during it is the same warning sign (001) as in a
run that was kept, two spikes without a score included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from itb_tui.core.history import edit
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import (
    KEPT_RATING,
    KEPT_SPIKE,
    KEPT_UNSCORED,
    Knees,
    PainLog,
    PainSpike,
    SessionRecord,
)
from itb_tui.core.plan.weeks import RUN_ROUTINE
from itb_tui.core.text import plural

DURING_RUN = "during-run"
EXERCISE = "exercise"
UNSCORED = 1  # a spike without a score: pain was felt, how much was not said


def pain_context(record: SessionRecord) -> str:
    """Where pain recorded in this session was felt: during a run, or during exercise."""
    return DURING_RUN if record.routine == RUN_ROUTINE else EXERCISE


def has_pain(record: SessionRecord) -> bool:
    """True when a pain spike or a pain rating was recorded in the session."""
    return bool(record.pain_spikes) or record.pain_after is not None


def sets_done(record: SessionRecord) -> int:
    """How many sets (a run: its running time) were finished in the session."""
    return sum(len(values) for result in record.exercises for values in result.done.values())


def kept_pain_logs(record: SessionRecord, how: str = "discarded") -> list[PainLog]:
    """The pain logs that keep what ``record`` recorded of pain, oldest first; their notes
    say the session was ``how`` ("discarded", "deleted")."""
    context = pain_context(record)
    where = f"{record.routine_name}, {how}"
    logs = []
    for spike in record.pain_spikes:
        name = record.exercise_name(spike.exercise)
        note = f"{where}: pain noted during {name}"
        if spike.score:
            log = PainLog(spike.at, spike.score, context, note, knees=spike.knees)
            logs.append(_from(record, log, KEPT_SPIKE))
            continue
        given = "no score given" if spike.score is None else f"scored {spike.knees.text() or 0}"
        log = PainLog(spike.at, UNSCORED, context, f"{note}, {given}")
        logs.append(_from(record, log, KEPT_UNSCORED))
    if record.pain_after is not None or record.swelling:  # swelling without a rating: 0/10
        note = f"{where}: rated when stopped" + (f"; {record.note}" if record.note else "")
        log = PainLog(
            record.ended_at,
            record.pain_after or 0,
            context,
            note,
            record.swelling,
            knees=record.pain_after_knees,
        )
        logs.append(_from(record, log, KEPT_RATING))
    return sorted(logs, key=lambda log: log.at)


def delete_session(
    store: HistoryStore, session_id: str, started_at: datetime, seen: SessionRecord | None = None
) -> list[PainLog]:
    """Delete a saved session from History, its pain kept as pain logs as discarding keeps
    it (a lowered rating at its highest); returns the logs kept."""
    return edit.delete_session(
        store, session_id, started_at, seen, keep=lambda record: kept_pain_logs(record, "deleted")
    )


def _from(record: SessionRecord, log: PainLog, kept: str) -> PainLog:
    return replace(log, session=record.id, routine=record.routine, kept=kept)


def discarded_sessions(logs: Iterable[PainLog]) -> list[SessionRecord]:
    """The discarded sessions whose pain ``logs`` keep, rebuilt from them: stopped (a session
    is only discarded when stopped), with their spikes (a spike without a score has none again;
    the exercise is not kept) and the rating given when stopped; dated from the first log kept,
    named "" (the library names the routine). Older logs, kept before they named their session,
    are read as logs only."""
    grouped: dict[tuple[str, str], list[PainLog]] = defaultdict(list)
    for log in logs:
        if log.kept:
            grouped[log.routine, log.session].append(log)
    sessions = []
    for (routine, session), kept in grouped.items():
        kept.sort(key=lambda log: log.at)
        spikes = [
            PainSpike(log.at, "", "", None if log.kept == KEPT_UNSCORED else log.score, log.knees)
            for log in kept
            if log.kept != KEPT_RATING
        ]
        rating = next((log for log in kept if log.kept == KEPT_RATING), None)
        sessions.append(
            SessionRecord(
                session,
                routine,
                "",
                kept[0].at,
                kept[-1].at,
                completed=False,
                pain_after=None if rating is None else rating.score,
                pain_spikes=spikes,
                pain_after_knees=Knees() if rating is None else rating.knees,
            )
        )
    return sessions


def discard_note(record: SessionRecord) -> str:
    """What discarding keeps, for the dialog: '' when the session recorded no pain."""
    logs = kept_pain_logs(record)
    if not logs:
        return ""
    return f"The pain you noted is kept ({plural(len(logs), 'pain log')})."
