"""The history on disk, one TOML file per month, and the session in progress."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from itb_tui.core.history.records import (
    HISTORY_SCHEMA,
    MonthHistory,
    PainLog,
    SessionRecord,
    session_id_at,
)
from itb_tui.core.store.files import (
    DamagedFile,
    StoreError,
    atomic_write,
    file_lock,
    parse_toml,
    read_bytes,
    read_toml_file,
    toml_bytes,
    write_toml,
)
from itb_tui.core.store.paths import Paths

T = TypeVar("T")

PROGRESS_SCHEMA = 1


class NewerProgress(StoreError):
    """The progress file was written by a newer itb-tui."""


def month_key(moment: datetime) -> str:
    return moment.strftime("%Y-%m")


@dataclass
class HistoryStore:
    """The history on disk: one TOML file per month, so saving costs the same in year five.

    Each month read is remembered with the exact bytes it came from, so a file that has not
    changed is not parsed again: saving costs one serialisation and one atomic write.
    Months for viewing and the month last written are kept apart, so nobody changes what
    another holds.
    """

    paths: Paths
    # Months parsed for viewing: shared with callers, never changed.
    _viewed: dict[str, tuple[bytes, MonthHistory]] = field(default_factory=dict, repr=False)
    # The month this store last wrote, with its bytes: only update_month uses (and changes) it.
    _written: dict[str, tuple[bytes, MonthHistory]] = field(default_factory=dict, repr=False)
    # The session whose progress this store last wrote: its next saves need no check.
    _progress_of: str = field(default="", repr=False)

    def month_path(self, key: str) -> Path:
        return self.paths.history / f"{key}.toml"

    def months(self) -> list[str]:
        """Month keys with a file, oldest first."""
        if not self.paths.history.is_dir():
            return []
        return sorted(
            p.stem
            for p in self.paths.history.glob("*.toml")
            if len(p.stem) == 7 and p.stem[4] == "-"
        )

    def _read(self, key: str, *, for_writing: bool) -> tuple[bytes | None, MonthHistory]:
        path = self.month_path(key)
        raw = read_bytes(path)
        if raw is None:
            return None, MonthHistory()
        cached = self._written.pop(key, None) if for_writing else self._viewed.get(key)
        if cached is not None and cached[0] == raw:
            return raw, cached[1]
        data = parse_toml(path, raw)
        version = data.get("schema_version")
        if isinstance(version, int) and version > HISTORY_SCHEMA and for_writing:
            raise StoreError(
                f"{path} was written by a newer itb-tui (schema {version}); it is kept as it is. "
                "Upgrade itb-tui to add to it.",
                path,
            )
        problems: list[str] = []
        month = MonthHistory.from_dict(data, str(path), problems)
        if problems and (for_writing or not isinstance(version, int) or version <= HISTORY_SCHEMA):
            raise StoreError(
                f"{path} has entries this version cannot read and was left untouched: "
                + "; ".join(problems[:3]),
                path,
            )
        if not for_writing:
            self._viewed[key] = (raw, month)
        return raw, month

    def load_month(self, key: str, *, for_writing: bool = False) -> MonthHistory:
        """Read one month; a damaged file, or a newer one when writing, raises StoreError.

        A month read for writing is the caller's own to change; one read for viewing is
        shared with the cache and must not be changed.
        """
        return self._read(key, for_writing=for_writing)[1]

    def load_months(self, keys: list[str]) -> MonthHistory:
        combined, problems = self.load_readable(keys)
        if problems:
            raise problems[0]
        return combined

    def load_readable(self, keys: list[str]) -> tuple[MonthHistory, list[StoreError]]:
        """The months of ``keys`` that can be read, and why each other one could not."""
        combined = MonthHistory()
        problems: list[StoreError] = []
        for key in keys:
            try:
                month = self.load_month(key)
            except StoreError as err:
                err.path = err.path or self.month_path(key)
                problems.append(err)
                continue
            combined.sessions.extend(month.sessions)
            combined.pain_logs.extend(month.pain_logs)
        return combined, problems

    def recent(self, count: int = 2) -> MonthHistory:
        """The last ``count`` months that have files: what the home screen needs."""
        return self.load_months(self.months()[-count:])

    def everything(self) -> MonthHistory:
        return self.load_months(self.months())

    def update_month(self, key: str, change: Callable[[MonthHistory], T]) -> T:
        """Locked read-change-write of one month; returns what ``change`` returns.

        Nothing is written when ``change`` raises.
        """
        with file_lock(self.paths.lock):
            _raw, month = self._read(key, for_writing=True)
            outcome = change(month)
            month.sort()
            data = toml_bytes(month.to_dict())
            atomic_write(self.month_path(key), data, backup=True)
            self._written[key] = (data, month)
        return outcome

    def free_session_id(self, started_at: datetime) -> str:
        """An id for a session starting now, not taken in its month or by a session written
        aside: the plain id, else it with '-2', '-3'... (read under the lock)."""
        base = session_id_at(started_at)
        try:
            with file_lock(self.paths.lock):
                taken = {s.id for s in self.load_month(month_key(started_at)).sessions}
        except StoreError:  # saving will say what is wrong with the file or folder
            taken = set()
        candidate, count = base, 1
        while candidate in taken or self.paths.unsaved_session(candidate).exists():
            count += 1
            candidate = f"{base}-{count}"
        return candidate

    def save_session(self, record: SessionRecord) -> None:
        """Add ``record`` to its month, replacing an earlier save of the same session."""

        def change(month: MonthHistory) -> None:
            month.sessions = [s for s in month.sessions if s.id != record.id] + [record]

        self.update_month(month_key(record.started_at), change)

    def add_pain_log(self, log: PainLog) -> None:
        self.update_month(month_key(log.at), lambda month: month.pain_logs.append(log))

    def save_progress(self, snapshot: dict[str, Any]) -> None:
        """Save the session in progress (see SessionEngine.snapshot).

        A progress file that holds another session, or that cannot be read, is never
        overwritten: StoreError says so (the app sets such a file aside before a session).
        """
        session_id = str(snapshot.get("record", {}).get("id", ""))
        if session_id != self._progress_of:
            held = self.progress_session_id()
            if held not in (None, session_id):
                raise StoreError(
                    f"{self.paths.in_progress} holds another unfinished session; kept as it is",
                    self.paths.in_progress,
                )
        write_toml(self.paths.in_progress, {"schema_version": PROGRESS_SCHEMA, **snapshot})
        self._progress_of = session_id

    def load_progress(self) -> dict[str, Any] | None:
        """The progress file; DamagedFile when it is damaged, NewerProgress when it is newer."""
        path = self.paths.in_progress
        data = read_toml_file(path)
        if data is None:
            return None
        version = data.get("schema_version", 0)
        if not isinstance(version, int) or isinstance(version, bool):
            raise DamagedFile(f"{path} is damaged: schema_version {version!r}", path)
        if version > PROGRESS_SCHEMA:
            raise NewerProgress(f"{path} was written by a newer itb-tui", path)
        return data

    def progress_session_id(self) -> str | None:
        """The id of the session in the progress file (None: no file); StoreError if unreadable."""
        data = self.load_progress()
        if data is None:
            return None
        record = data.get("record")
        session_id = record.get("id") if isinstance(record, dict) else None
        if not isinstance(session_id, str):
            path = self.paths.in_progress
            raise DamagedFile(f"{path} is damaged: no session id", path)
        return session_id

    def clear_progress(self, session_id: str) -> None:
        """Remove the progress file if it holds ``session_id``; any other file is left alone."""
        try:
            if self.progress_session_id() != session_id:
                return
        except StoreError:
            return
        with contextlib.suppress(FileNotFoundError):
            self.paths.in_progress.unlink()
        self._progress_of = ""

    def set_progress_aside(self, why: str, stamp: str) -> Path:
        """Move the progress file, as it is, to ``in-progress.WHY-STAMP.toml``; never over
        another file. Returns where it now is."""
        path = self.paths.in_progress
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

    # -- sessions written aside when the history could not be saved -------------------------
    def write_aside(self, record: SessionRecord) -> Path:
        """Write ``record`` to its own file in the config folder; the progress file, now
        behind it, is removed. Returns the file."""
        path = self.paths.unsaved_session(record.id)
        write_toml(path, MonthHistory([record]).to_dict())
        self.clear_progress(record.id)
        return path

    def written_aside(self) -> list[tuple[Path, SessionRecord]]:
        """The sessions written aside earlier, that can be read back; StoreError if one cannot."""
        found = []
        for path in self.paths.unsaved_sessions():
            problems: list[str] = []
            month = MonthHistory.from_dict(read_toml_file(path) or {}, str(path), problems)
            if problems or len(month.sessions) != 1:
                raise StoreError(f"{path} cannot be read back: {'; '.join(problems[:3])}", path)
            found.append((path, month.sessions[0]))
        return found

    def take_in(self, path: Path, record: SessionRecord) -> None:
        """Add a session written aside to the history (once: an earlier copy is replaced),
        then remove its file and any progress file of the same session."""
        self.save_session(record)
        self.clear_progress(record.id)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
