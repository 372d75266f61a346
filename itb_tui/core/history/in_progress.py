"""The session in progress on disk: what is saved and the one owner of its file.

One file (``Paths.in_progress``) holds the session being run, so a crash, a signal or a closed
terminal loses at most the set in hand. It is written atomically; a damaged or newer file is
never overwritten (it is moved aside first), and neither is a file that holds another session.
When it is saved, and how a session is taken up again from it, is the session's own business
(core/session/progress_file.py).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itb_tui.core.history.records import MonthHistory, SessionRecord
from itb_tui.core.store.files import DamagedFile, StoreError, read_toml_file, write_toml
from itb_tui.core.store.paths import Paths

if TYPE_CHECKING:  # what a snapshot is taken of: the engine reads this file back, not this file
    from itb_tui.core.content.library import Routine
    from itb_tui.core.session.engine import SessionEngine

PROGRESS_SCHEMA = 1


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


def read_record(data: dict[str, Any], path: Path) -> SessionRecord:
    """The session record a progress file holds; DamagedFile when it cannot be read."""
    problems: list[str] = []
    month = MonthHistory.from_dict(
        {"schema_version": 1, "sessions": [data.get("record", {})]}, "progress", problems
    )
    if problems or not month.sessions:
        raise DamagedFile(f"{path} is damaged", path)
    return month.sessions[0]


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
