"""The session in progress and its file (core/history/in_progress.py): when it is saved, and
how an interrupted session is read back and taken up again at the set that was in hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from itb_tui.core.history.in_progress import NewerProgress as NewerProgress  # said by the app
from itb_tui.core.history.in_progress import fingerprint, read_record
from itb_tui.core.session.actions import SessionAction
from itb_tui.core.session.steps import Cue, CueKind, build_steps

if TYPE_CHECKING:  # the engine is imported when a session is read back
    from itb_tui.core.clock import Clock
    from itb_tui.core.content.library import Routine
    from itb_tui.core.history.in_progress import ProgressFile
    from itb_tui.core.history.records import SessionRecord
    from itb_tui.core.session.engine import SessionEngine

# The key actions after which a running session is saved, besides every set recorded, skipped
# or removed (the engine's SAVED cue): a pause, a pain noted, a request to stop.
SAVE_AFTER = frozenset(
    {
        SessionAction.PAUSE,
        SessionAction.PAIN_SPIKE,
        SessionAction.SCORE_SPIKE,
        SessionAction.QUIT_SESSION,
    }
)


def save_due(cues: Iterable[object], action: SessionAction | None = None) -> bool:
    """The one rule of when a running session is saved: after a set is recorded, skipped or
    removed, and after the actions of ``SAVE_AFTER``. (Closing on a signal, a lost terminal or
    an error saves it too: ``ProgressFile.save``.)"""
    return action in SAVE_AFTER or any(isinstance(c, Cue) and c.kind is CueKind.SAVED for c in cues)


def restore(engine: SessionEngine, resume: dict[str, Any], record: SessionRecord) -> None:
    """Continue a saved session from the start of the step it was on; ValueError (or another
    error of a malformed ``resume``) when it cannot be, and then ``engine`` is unchanged."""
    if resume.get("fingerprint") != fingerprint(engine.routine):
        raise ValueError("the routine has changed since this session was saved")
    sides = (str(resume["sides"][0]), str(resume["sides"][1]))
    paced = bool(resume.get("paced", False))  # the layout the steps were saved in
    steps = build_steps(engine.routine, sides, paced)
    done = {int(i): int(a) for i, a in resume["records"]}
    skipped = {int(i) for i in resume["skipped"]}
    quick = {int(i) for i in resume.get("quick", [])}  # absent in older progress files
    step = int(resume["step"])
    if not 0 <= step < len(steps):
        raise ValueError("the saved position is outside the routine")
    engine.sides, engine.paced, engine.steps = sides, paced, steps
    engine.started_at, engine.session_id = record.started_at, record.id
    engine.pain_spikes = list(record.pain_spikes)
    engine.override = record.override  # the question a run anyway was started after
    engine.log.done, engine.log.skipped, engine.log.quick = done, skipped, quick & set(done)
    engine.resume_at(step)


@dataclass(frozen=True)
class Interrupted:
    """A session read back from the progress file: its record as saved and, when its routine
    is still the same, an engine at the set that was in hand (else None)."""

    record: SessionRecord
    engine: SessionEngine | None


def resumed(
    routines: Mapping[str, Routine], clock: Clock, resume: object, record: SessionRecord
) -> SessionEngine | None:
    """An engine that continues ``record``, or None when its routine is gone or changed."""
    from itb_tui.core.session.engine import SessionEngine

    resume = resume if isinstance(resume, dict) else {}
    routine = routines.get(str(resume.get("routine", "")))
    if routine is None:
        return None
    engine = SessionEngine(routine, clock)
    try:
        restore(engine, resume, record)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
    return engine


def read_back(
    progress: ProgressFile,
    routines: Mapping[str, Routine] | Callable[[SessionRecord], Mapping[str, Routine]],
    clock: Clock,
) -> Interrupted | None:
    """The interrupted session, or None when there is none to offer: no file, or the
    session was written aside in full (that copy is offered instead, and this file is
    removed). ``routines``: those it may resume as, or a function giving them for the record
    read back (a run started anyway keeps its ``override``), called only when there is a
    session. DamagedFile, NewerProgress or StoreError when the file cannot be used."""
    data = progress.load()
    if data is None:
        return None
    record = read_record(data, progress.path)
    if progress.paths.unsaved_session(record.id).exists():
        progress.clear(record.id)
        return None
    table = routines(record) if callable(routines) else routines
    return Interrupted(record, resumed(table, clock, data.get("resume"), record))
