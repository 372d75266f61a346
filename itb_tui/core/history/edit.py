"""Change or remove one history entry, and read the history lazily, newest month first.

Each edit is a locked read-modify-write of the one month file that holds the entry, saved
atomically with the previous version kept as ``NAME.bak``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Literal, Protocol, TypeVar

from itb_tui.core.dates import month_key
from itb_tui.core.history.corrections import Rated, kept_highest, refusal, ruled_session
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import (
    COMPARED,
    NO_KNEES,
    PAIN_CONTEXTS,
    Knees,
    MonthHistory,
    PainLog,
    SessionRecord,
    pain_log_ids,
)
from itb_tui.core.history.stats import streak
from itb_tui.core.store.files import StoreError
from itb_tui.core.text import plain_text


class _Record(Protocol):
    uid: str


R = TypeVar("R", bound=_Record)

KEEP: Literal["keep"] = "keep"  # leave the swelling answer as it was
Swelling = bool | None | Literal["keep"]


class EntryNotFound(StoreError):
    """The session or pain log to change is not (or no longer) in its month file."""


class PainKept(StoreError):
    """A pain log with pain the rules read is not deleted (corrections.refusal says why)."""


class EntryChanged(EntryNotFound):
    """The entry is no longer as the user saw it: another window or the shell changed it."""


CHANGED = (
    "This entry changed in another window: nothing was saved. "
    "Go back to History to see it as it is now."
)


def _as_seen(records: list[R], seen: R) -> R:
    """The record with ``seen``'s own id (ids.py), while it is still as the user saw it; else
    EntryChanged: another window or the shell changed or removed it meanwhile."""
    for record in records:
        if record.uid == seen.uid:
            if record != seen:
                break
            return record
    raise EntryChanged(CHANGED)


def _find_session(
    month: MonthHistory, session_id: str, key: str, seen: SessionRecord | None = None
) -> SessionRecord:
    """The session ``session_id``; with ``seen``, the one with its own id, only while it is
    still as the user saw it."""
    if seen is not None:
        return _as_seen(month.sessions, seen)
    for session in month.sessions:
        if session.id == session_id:
            return session
    raise EntryNotFound(f"session {session_id} is not in the history for {key}")


def _find_pain_log(
    month: MonthHistory, log_id: str, key: str, seen: PainLog | None = None
) -> PainLog:
    """With ``seen`` (the log as the user saw it): the log with its own id, only while it is
    still as seen (else EntryChanged and nothing is written). Without: the log whose id in its
    month is ``log_id`` (see ``pain_log_ids``: logs of one second are told apart by their
    order in the file)."""
    if seen is not None:
        return _as_seen(month.pain_logs, seen)
    for ident, log in zip(pain_log_ids(month.pain_logs), month.pain_logs, strict=True):
        if ident == log_id:
            return log
    raise EntryNotFound(f"pain log {log_id} is not in the history for {key}")


def _check_score(score: int | None) -> None:
    if score is not None and not 0 <= score <= 10:
        raise ValueError(f"a pain score is 0 to 10, got {score}")


def update_session(
    store: HistoryStore,
    session_id: str,
    started_at: datetime,
    *,
    pain_after: int | None,
    note: str,
    swelling: Swelling = KEEP,
    knees: Knees | None = None,
    seen: SessionRecord | None = None,
) -> SessionRecord:
    """Set a saved session's pain rating, note and swelling answer; returns it as saved.

    ``knees``: each knee's rating (``pain_after`` then the worse knee's); without it, the
    knees stay unless a new single score replaces them. With ``seen``, only while the
    session is as the user saw it (else EntryChanged)."""
    _check_score(pain_after)
    key = month_key(started_at)

    def change(month: MonthHistory) -> SessionRecord:
        session = _find_session(month, session_id, key, seen)
        before = Rated.of(session)
        if knees:
            session.pain_after, session.pain_after_knees = knees.worse, knees
        elif pain_after != session.pain_after:  # a new single score replaces the knees'
            session.pain_after, session.pain_after_knees = pain_after, NO_KNEES
        session.note = plain_text(note)
        if swelling != KEEP:
            session.swelling = swelling
        session.highest = kept_highest(before, Rated.of(session))
        return session

    return store.update_month(key, change)


Keep = Callable[[SessionRecord], list[PainLog]]


def delete_session(
    store: HistoryStore,
    session_id: str,
    started_at: datetime,
    seen: SessionRecord | None = None,
    *,
    keep: Keep,
) -> list[PainLog]:
    """Remove a saved session from its month file (with ``seen``: only as the user saw it),
    adding the pain logs ``keep`` makes of it as the rules read it (plan/kept_pain.py: what
    discarding keeps); returns them."""
    key = month_key(started_at)

    def change(month: MonthHistory) -> list[PainLog]:
        session = _find_session(month, session_id, key, seen)
        month.sessions = [s for s in month.sessions if s is not session]
        logs = keep(ruled_session(session))
        month.pain_logs += [log for log in logs if month_key(log.at) == key]
        return logs

    logs = store.update_month(key, change)
    for log in logs:  # a session over the end of a month: its later pain in the next
        if month_key(log.at) != key:
            store.add_pain_log(log)
    return logs


def update_pain_log(
    store: HistoryStore,
    log_id: str,
    at: datetime,
    score: int,
    context: str,
    note: str,
    swelling: Swelling = KEEP,
    knees: Knees | None = None,
    compared: str | None = None,
    seen: PainLog | None = None,
) -> PainLog:
    """Set the score, context, note and swelling answer of the pain log ``log_id`` made at
    ``at``; returns it as saved.

    ``knees``: each knee's score (``score`` then the worse knee's); without it, the knees
    stay unless a new single score replaces them. ``compared``: a morning check-in's answer
    to "compared with yesterday" (None leaves it as it was). With ``seen``, see
    _find_pain_log."""
    _check_score(score)
    if context not in PAIN_CONTEXTS:
        raise ValueError(f"unknown pain context {context!r}")
    if compared not in (None, "", *COMPARED):
        raise ValueError(f"compared is one of {', '.join(COMPARED)}, got {compared!r}")
    key = month_key(at)

    def change(month: MonthHistory) -> PainLog:
        log = _find_pain_log(month, log_id, key, seen)
        before = Rated.of(log)
        if knees:
            log.score, log.knees = knees.worse or 0, knees
        elif score != log.score:  # a new single score replaces the knees'
            log.score, log.knees = score, NO_KNEES
        if compared is not None:
            log.compared = compared
        log.context, log.note = context, plain_text(note)
        if swelling != KEEP:
            log.swelling = swelling
        log.highest = kept_highest(before, Rated.of(log))
        return log

    return store.update_month(key, change)


def delete_pain_log(
    store: HistoryStore, log_id: str, at: datetime, seen: PainLog | None = None
) -> None:
    """Remove the pain log ``log_id`` made at ``at`` (with ``seen``: see _find_pain_log);
    PainKept, and nothing written, when it holds pain the rules read (corrections.refusal)."""
    key = month_key(at)

    def change(month: MonthHistory) -> None:
        log = _find_pain_log(month, log_id, key, seen)
        if why := refusal(log):
            raise PainKept(why)
        month.pain_logs = [p for p in month.pain_logs if p is not log]

    store.update_month(key, change)


class HistoryIndex:
    """The month files, read one at a time from the newest, on demand.

    A month that cannot be read counts as loaded but empty, and its error is kept in
    ``problems``. Loading is guarded by a lock, so a worker thread may load while the
    screen reads what is already there.
    """

    def __init__(self, store: HistoryStore) -> None:
        self.store = store
        self.keys: list[str] = sorted(store.months(), reverse=True)
        self.problems: list[str] = []
        self._months: dict[str, MonthHistory] = {}
        self._reading: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    @property
    def loaded_keys(self) -> list[str]:
        """Loaded month keys, newest first."""
        with self._lock:
            return [key for key in self.keys if key in self._months]

    @property
    def exhausted(self) -> bool:
        """True when every month file has been read."""
        return not self.pending()

    def pending(self) -> list[str]:
        """Month keys not read yet, newest first."""
        with self._lock:
            return [key for key in self.keys if key not in self._months]

    def month(self, key: str) -> MonthHistory:
        """A loaded month (empty when not loaded or without a file)."""
        with self._lock:
            return self._months.get(key, MonthHistory())

    def _read(self, key: str) -> MonthHistory:
        try:
            return self.store.load_month(key)
        except StoreError as err:
            with self._lock:
                self.problems.append(str(err))
            return MonthHistory()

    def load(self, key: str) -> MonthHistory:
        """Read (or re-read, after an edit) month ``key`` from disk."""
        month = self._read(key)
        with self._lock:
            if key not in self.keys:
                self.keys = sorted([*self.keys, key], reverse=True)
            self._months[key] = month
        return month

    def ensure(self, key: str) -> MonthHistory:
        """Month ``key``, read now unless it is loaded or being read by another thread."""
        with self._lock:
            key_lock = self._reading.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                if key in self._months:
                    return self._months[key]
            return self.load(key)

    def is_loaded(self, key: str) -> bool:
        with self._lock:
            return key in self._months

    def load_next(self, count: int = 1) -> list[str]:
        """Read the next ``count`` older months; returns their keys (none when exhausted)."""
        keys = self.pending()[: max(count, 0)]
        for key in keys:
            self.ensure(key)
        return keys

    def covers(self, day: date) -> bool:
        """True when every month file from ``day``'s month to the newest is loaded."""
        first = month_key(day)
        return not any(key >= first for key in self.pending())

    def load_since(self, day: date) -> list[str]:
        """Read every month file from ``day``'s month on; returns the keys read now."""
        first = month_key(day)
        keys = [key for key in self.pending() if key >= first]
        for key in keys:
            self.ensure(key)
        return keys

    def oldest_loaded(self) -> date | None:
        """The first day of the oldest loaded month; None when none is loaded."""
        keys = self.loaded_keys
        return date.fromisoformat(keys[-1] + "-01") if keys else None

    def history(self, since: date | None = None) -> MonthHistory:
        """The loaded sessions and pain logs (from ``since`` on), oldest month first."""
        first = month_key(since) if since is not None else ""
        with self._lock:
            months = [self._months[k] for k in sorted(self._months) if k >= first]
        return MonthHistory(
            [s for m in months for s in m.sessions],
            [p for m in months for p in m.pain_logs],
        )

    def streak(self, today: date) -> int:
        """The current streak of days with a completed session, reading older months as needed.

        Stops once the day before the streak is inside the loaded months (so the streak is
        known to end there) or nothing older is left.
        """
        while True:
            days = streak(self.history().sessions, today)
            oldest = self.oldest_loaded()
            before = today - timedelta(days=days + 1)  # at or before the first day missing
            if self.exhausted or (oldest is not None and before >= oldest):
                return days
            self.load_next()
