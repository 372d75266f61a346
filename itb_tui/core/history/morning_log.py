"""The morning check-in, once a day: answering again replaces today's answer rather than adding
a second log, and the first check-in ever has no yesterday to compare with."""

from __future__ import annotations

from datetime import date

from itb_tui.core.dates import local_date, month_key
from itb_tui.core.history.corrections import Rated, kept_highest, worst
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import MonthHistory, PainLog
from itb_tui.core.store.files import StoreError

MORNING = "morning"


def _today_s(log: PainLog, day: date) -> bool:
    return log.context == MORNING and local_date(log.at) == day


def save_check_in(store: HistoryStore, log: PainLog) -> bool:
    """Keep ``log`` as the check-in of its day, in place of any earlier one that day; True
    when it replaced one. An answer lower than the one it replaces is a correction: ``log``
    keeps the earlier height for the rules (corrections.py)."""
    day = local_date(log.at)

    def change(month: MonthHistory) -> bool:
        earlier = [p for p in month.pain_logs if _today_s(p, day)]
        if earlier:
            log.highest = kept_highest(worst(earlier), Rated.of(log))
        month.pain_logs = [*(p for p in month.pain_logs if not _today_s(p, day)), log]
        return bool(earlier)

    return store.update_month(month_key(log.at), change)


def today_check_in(store: HistoryStore, today: date) -> PainLog | None:
    """Today's check-in, if it was answered."""
    try:
        logs = store.load_month(month_key(today)).pain_logs
    except StoreError:
        return None
    found = [p for p in logs if _today_s(p, today)]
    return max(found, key=lambda p: p.at) if found else None


def first_check_in(store: HistoryStore, today: date) -> bool:
    """True when no check-in was ever answered before ``today`` (newest month first, so an
    ordinary morning reads one month)."""
    for key in sorted(store.months(), reverse=True):
        if key > month_key(today):
            continue
        try:
            logs = store.load_month(key).pain_logs
        except StoreError:  # said where the history is read; a month unread is no answer
            continue
        if any(p.context == MORNING and local_date(p.at) < today for p in logs):
            return False
    return True
