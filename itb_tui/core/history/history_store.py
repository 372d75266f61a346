"""The history on disk, one TOML file per month, and sessions written aside when it could not be
saved. The session in progress is kept by core/history/in_progress.py (see ``progress``)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from itb_tui.core.dates import month_key
from itb_tui.core.history.ids import give_ids
from itb_tui.core.history.records import (
    HISTORY_SCHEMA,
    FunctionScore,
    MonthHistory,
    PainLog,
    RunDecision,
    SessionRecord,
    session_id_at,
)
from itb_tui.core.store.files import (
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

if TYPE_CHECKING:  # the session's modules are imported when a session needs them
    from itb_tui.core.history.in_progress import ProgressFile

T = TypeVar("T")


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
    _progress: ProgressFile | None = field(default=None, repr=False)

    @property
    def progress(self) -> ProgressFile:
        """The session in progress (see in_progress.py)."""
        if self._progress is None:
            from itb_tui.core.history.in_progress import ProgressFile

            self._progress = ProgressFile(self.paths)
        return self._progress

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
            combined.run_decisions.extend(month.run_decisions)
            combined.function_scores.extend(month.function_scores)
        return combined, problems

    def everything(self) -> MonthHistory:
        return self.load_months(self.months())

    def update_month(self, key: str, change: Callable[[MonthHistory], T]) -> T:
        """Locked read-change-write of one month; returns what ``change`` returns.

        Nothing is written when ``change`` raises. A record added without an id gets its own
        now (ids.py), before anyone else can read it.
        """
        with file_lock(self.paths.lock):
            _raw, month = self._read(key, for_writing=True)
            outcome = change(month)
            for _kind, records in month.records():
                give_ids(records)
            month.sort()
            data = toml_bytes(month.to_dict())
            path = self.month_path(key)
            if path.is_symlink():  # a month kept elsewhere (a synced folder): write it there
                path = path.resolve()
            atomic_write(path, data, backup=True)
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
        """Add ``record`` to its month, replacing an earlier save of the same session, whose
        own id it keeps."""

        def change(month: MonthHistory) -> None:
            earlier = [s for s in month.sessions if s.id == record.id]
            if earlier and not record.uid:
                record.uid = earlier[0].uid
            month.sessions = [s for s in month.sessions if s.id != record.id] + [record]

        self.update_month(month_key(record.started_at), change)

    def add_pain_log(self, log: PainLog) -> None:
        self.update_month(month_key(log.at), lambda month: month.pain_logs.append(log))

    def add_run_decision(self, decision: RunDecision) -> None:
        """Add a run-week decision to its month, numbered after every decision made before
        (in any month, even one dated ahead): the latest made wins whatever the clock said."""
        made, _unreadable = self.load_readable(self.months())
        numbered = replace(decision, seq=1 + max((d.seq for d in made.run_decisions), default=0))
        self.update_month(month_key(decision.at), lambda m: m.run_decisions.append(numbered))

    def add_function_score(self, score: FunctionScore) -> None:
        """Add a function score (the Patient-Specific Functional Scale) to its month."""
        self.update_month(month_key(score.at), lambda m: m.function_scores.append(score))

    # -- sessions written aside when the history could not be saved -------------------------
    def write_aside(self, record: SessionRecord) -> Path:
        """Write ``record`` to its own file in the config folder; the progress file, now
        behind it, is removed. Returns the file."""
        path = self.paths.unsaved_session(record.id)
        give_ids([record])
        write_toml(path, MonthHistory([record]).to_dict())
        self.progress.clear(record.id)
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
        self.progress.clear(record.id)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
