"""Discarding a session never erases its pain: the pain spikes and the rating recorded in it
are kept as pain logs, so the rules still read them (a run's pain as pain during a run, any
other routine's as pain during exercise), each naming the routine it came from.

A spike noted without a score, or scored 0 (with both knees painful: "R 0", the other knee
not scored), is kept as 1/10, the lowest score that is still pain, and its note says what was
given: pain was noted, so it is never read as pain-free.
"""

from __future__ import annotations

from itb_tui.core.history.records import PainLog, SessionRecord
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


def kept_pain_logs(record: SessionRecord) -> list[PainLog]:
    """The pain logs that keep what ``record`` recorded of pain, oldest first."""
    context = pain_context(record)
    where = f"{record.routine_name}, discarded"
    logs = []
    for spike in record.pain_spikes:
        name = record.exercise_name(spike.exercise)
        note = f"{where}: pain noted during {name}"
        if spike.score:
            logs.append(PainLog(spike.at, spike.score, context, note, knees=spike.knees))
            continue
        given = "no score given" if spike.score is None else f"scored {spike.knees.text() or 0}"
        logs.append(PainLog(spike.at, UNSCORED, context, f"{note}, {given}"))
    if record.pain_after is not None:
        note = f"{where}: rated when stopped" + (f"; {record.note}" if record.note else "")
        logs.append(
            PainLog(
                record.ended_at,
                record.pain_after,
                context,
                note,
                record.swelling,
                knees=record.pain_after_knees,
            )
        )
    return sorted(logs, key=lambda log: log.at)


def discard_note(record: SessionRecord) -> str:
    """What discarding keeps, for the dialog: '' when the session recorded no pain."""
    logs = kept_pain_logs(record)
    if not logs:
        return ""
    return f"The pain you noted is kept ({plural(len(logs), 'pain log')})."
