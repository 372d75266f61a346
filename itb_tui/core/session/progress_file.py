"""The session in progress on disk: when it is saved, what is saved, and how it is read back.

One file (``Paths.in_progress``) holds the session being run, so a crash, a signal or a closed
terminal loses at most the set in hand. It is written atomically; a damaged or newer file is
never overwritten (it is moved aside first), and neither is a file that holds another session.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itb_tui.core.history.records import MonthHistory, SessionRecord
from itb_tui.core.session.actions import SessionAction
from itb_tui.core.session.steps import Cue, CueKind, build_steps
from itb_tui.core.store.files import DamagedFile, StoreError, read_toml_file, write_toml
from itb_tui.core.store.paths import Paths

if TYPE_CHECKING:  # the engine is imported when a session is saved or read back
    from itb_tui.core.clock import Clock
    from itb_tui.core.content.library import Routine
    from itb_tui.core.session.engine import SessionEngine

PROGRESS_SCHEMA = 1

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


class NewerProgress(StoreError):
    """The progress file was written by a newer itb-tui."""


def fingerprint(routine: Routine) -> str:
    """Identifies the layout of steps, so a resume is refused if the routine changed."""
    return ";".join(
        f"{e.id}:{e.sets}:{int(e.per_side)}:{int(e.timed)}:{int(e.rest_s > 0)}"
        for e in routine.items
    )


def snapshot(engine: SessionEngine) -> dict[str, Any]:
    """Everything needed to resume, or to keep the session as an incomplete one."""
    log = engine.log
    return {
        "record": engine.record().to_dict(),
        "resume": {
            "routine": engine.routine.id,
            "fingerprint": fingerprint(engine.routine),
            "sides": list(engine.sides),
            "paced": engine.paced,
            "step": engine.index,
            "records": [[index, amount] for index, amount in sorted(log.done.items())],
            "skipped": sorted(log.skipped),
            "quick": sorted(log.quick),
        },
    }


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
    engine.log.done, engine.log.skipped, engine.log.quick = done, skipped, quick & set(done)
    engine.resume_at(step)


@dataclass(frozen=True)
class Interrupted:
    """A session read back from the progress file: its record as saved and, when its routine
    is still the same, an engine at the set that was in hand (else None)."""

    record: SessionRecord
    engine: SessionEngine | None


def read_record(data: dict[str, Any], path: Path) -> SessionRecord:
    """The session record a progress file holds; DamagedFile when it cannot be read."""
    problems: list[str] = []
    month = MonthHistory.from_dict(
        {"schema_version": 1, "sessions": [data.get("record", {})]}, "progress", problems
    )
    if problems or not month.sessions:
        raise DamagedFile(f"{path} is damaged", path)
    return month.sessions[0]


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


@dataclass
class ProgressFile:
    """The one owner of the progress file: save, read back, clear, set aside."""

    paths: Paths
    # The session whose progress this copy last wrote: its next saves need no check.
    _holds: str = field(default="", repr=False)

    @property
    def path(self) -> Path:
        return self.paths.in_progress

    def save(self, engine: SessionEngine) -> None:
        """Save the running session (see ``save_due`` for when)."""
        self.write(snapshot(engine))

    def write(self, data: dict[str, Any]) -> None:
        """Write a snapshot. A progress file that holds another session, or that cannot be
        read, is never overwritten: StoreError says so (the app sets such a file aside before
        a session)."""
        session_id = str(data.get("record", {}).get("id", ""))
        if session_id != self._holds:
            held = self.session_id()
            if held not in (None, session_id):
                raise StoreError(
                    f"{self.path} holds another unfinished session; kept as it is", self.path
                )
        write_toml(self.path, {"schema_version": PROGRESS_SCHEMA, **data})
        self._holds = session_id

    def load(self) -> dict[str, Any] | None:
        """The progress file; DamagedFile when it is damaged, NewerProgress when it is newer."""
        data = read_toml_file(self.path)
        if data is None:
            return None
        version = data.get("schema_version", 0)
        if not isinstance(version, int) or isinstance(version, bool):
            raise DamagedFile(f"{self.path} is damaged: schema_version {version!r}", self.path)
        if version > PROGRESS_SCHEMA:
            raise NewerProgress(f"{self.path} was written by a newer itb-tui", self.path)
        return data

    def session_id(self) -> str | None:
        """The id of the session in the file (None: no file); StoreError if unreadable."""
        data = self.load()
        if data is None:
            return None
        record = data.get("record")
        session_id = record.get("id") if isinstance(record, dict) else None
        if not isinstance(session_id, str):
            raise DamagedFile(f"{self.path} is damaged: no session id", self.path)
        return session_id

    def read_back(self, routines: Mapping[str, Routine], clock: Clock) -> Interrupted | None:
        """The interrupted session, or None when there is none to offer: no file, or the
        session was written aside in full (that copy is offered instead, and this file is
        removed). DamagedFile, NewerProgress or StoreError when the file cannot be used."""
        data = self.load()
        if data is None:
            return None
        record = read_record(data, self.path)
        if self.paths.unsaved_session(record.id).exists():
            self.clear(record.id)
            return None
        return Interrupted(record, resumed(routines, clock, data.get("resume"), record))

    def clear(self, session_id: str) -> None:
        """Remove the file if it holds ``session_id``; any other file is left alone."""
        try:
            if self.session_id() != session_id:
                return
        except StoreError:
            return
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self._holds = ""

    def set_aside(self, why: str, stamp: str) -> Path:
        """Move the file, as it is, to ``in-progress.WHY-STAMP.toml``; never over another
        file. Returns where it now is."""
        path = self.path
        for n in range(100):
            aside = path.with_name(f"in-progress.{why}-{stamp}{f'-{n}' if n else ''}.toml")
            try:
                os.link(path, aside)
            except FileExistsError:
                continue
            except OSError as err:
                raise StoreError(
                    f"could not keep {path} aside: {err.strerror or err}", path
                ) from err
            path.unlink()
            return aside
        raise StoreError(f"could not keep {path} aside: too many kept copies", path)
