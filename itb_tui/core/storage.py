"""The history on disk, one TOML file per month, and the session in progress."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from itb_tui.core.files import (
    StoreError,
    atomic_write,
    file_lock,
    parse_toml,
    read_bytes,
    read_toml_file,
    toml_bytes,
    write_toml,
)
from itb_tui.core.history import HISTORY_SCHEMA, MonthHistory, PainLog, SessionRecord
from itb_tui.core.paths import Paths

T = TypeVar("T")

PROGRESS_SCHEMA = 1


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

    def save_session(self, record: SessionRecord) -> None:
        """Add ``record`` to its month, replacing an earlier save of the same session."""

        def change(month: MonthHistory) -> None:
            month.sessions = [s for s in month.sessions if s.id != record.id] + [record]

        self.update_month(month_key(record.started_at), change)

    def add_pain_log(self, log: PainLog) -> None:
        self.update_month(month_key(log.at), lambda month: month.pain_logs.append(log))

    def save_progress(self, snapshot: dict[str, Any]) -> None:
        """Save the session in progress (see SessionEngine.snapshot)."""
        write_toml(self.paths.in_progress, {"schema_version": PROGRESS_SCHEMA, **snapshot})

    def load_progress(self) -> dict[str, Any] | None:
        data = read_toml_file(self.paths.in_progress)
        if data is None:
            return None
        version = data.get("schema_version", 0)
        if not isinstance(version, int):
            raise StoreError(f"{self.paths.in_progress} is damaged: schema_version {version!r}")
        if version > PROGRESS_SCHEMA:
            raise StoreError(f"{self.paths.in_progress} was written by a newer itb-tui")
        return data

    def clear_progress(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.paths.in_progress.unlink()
