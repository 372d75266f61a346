"""Fixed history for the history screens' tests and snapshots, dated relative to the FakeClock.

The FakeClock's wall time starts Monday 2026-11-23 07:30 +01:00.
"""

from __future__ import annotations

from datetime import date, timedelta

from itb_tui.core.content.library import Library
from itb_tui.core.dates import month_key
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import MonthHistory, PainLog, PainSpike, SessionRecord
from itb_tui.core.store.files import write_toml
from tests.factories import TODAY, at, make_session

__all__ = ["TODAY", "at", "make_session", "mark_hard_day", "seed_few", "seed_weeks"]


def seed_few(store: HistoryStore, library: Library) -> tuple[list[SessionRecord], list[PainLog]]:
    """Three sessions and two pain logs over two months, saved through the store."""
    strength = make_session(
        library, "hip-strength", at(TODAY - timedelta(days=1), 8), pain=3, note="stairs ok"
    )
    mark_hard_day(strength)
    strength.note = "stairs ok"
    sessions = [
        strength,
        make_session(library, "daily-stretch", at(TODAY - timedelta(days=3), 18), pain=2),
        make_session(
            library, "foam-rolling", at(date(2026, 10, 30), 7), completed=False, done_items=1
        ),
    ]
    logs = [
        PainLog(at(TODAY - timedelta(days=2), 21, 15), 4, "daily", "after the stairs"),
        PainLog(at(date(2026, 10, 28), 20), 6, "after-run"),
    ]
    for session in sessions:
        store.save_session(session)
    for log in logs:
        store.add_pain_log(log)
    return sessions, logs


def mark_hard_day(session: SessionRecord) -> None:
    """A skipped right set of the first exercise, a pain spike during it, and a note."""
    first = session.exercises[0]
    first.done["right"] = first.done["right"][:-1]
    first.skipped_sets["right"] = 1
    spike_at = session.started_at + timedelta(minutes=4)
    session.pain_spikes = [PainSpike(spike_at, first.exercise, "right", 5)]
    session.note = "Right knee tight on the stairs afterwards."


def seed_weeks(store: HistoryStore, library: Library, weeks: int = 9) -> None:
    """``weeks`` weeks up to TODAY, one file write per month: strength Mon/Wed/Fri,
    stretching most days, rolling at weekends, a pain log each evening easing from 6 to
    about 1, a flare now and then, and one stopped session."""
    sessions: list[SessionRecord] = []
    logs: list[PainLog] = []
    first = TODAY - timedelta(weeks=weeks) + timedelta(days=1)
    for number in range((TODAY - first).days + 1):
        day = first + timedelta(days=number)
        ease = number / max((TODAY - first).days, 1)
        level = round(6 - 5 * ease + (2 if day.weekday() == 5 and number % 3 == 0 else 0))
        if day.weekday() in (0, 2, 4) and day != TODAY:
            stopped = number == 34  # Monday 26 October
            strength = make_session(
                library,
                "hip-strength",
                at(day, 7, 10),
                completed=not stopped,
                done_items=2 if stopped else None,
                pain=None if stopped else max(0, level - 1),
                right_short=2 if ease < 0.6 else 0,
            )
            if day == TODAY - timedelta(days=3):
                mark_hard_day(strength)
            sessions.append(strength)
        if day.weekday() != 3:
            start = at(day, 7, 0) if day == TODAY else at(day, 19)
            sessions.append(make_session(library, "daily-stretch", start))
        if day.weekday() >= 5:
            sessions.append(make_session(library, "foam-rolling", at(day, 10)))
        if day != TODAY:
            logs.append(PainLog(at(day, 21), max(0, min(10, level)), "daily"))
    write_months(store, sessions, logs)


def write_months(store: HistoryStore, sessions: list[SessionRecord], logs: list[PainLog]) -> None:
    """``sessions`` and ``logs`` written straight to their month files, one write a month."""
    months: dict[str, MonthHistory] = {}
    for record in sessions:
        months.setdefault(month_key(record.started_at), MonthHistory()).sessions.append(record)
    for log in logs:
        months.setdefault(month_key(log.at), MonthHistory()).pain_logs.append(log)
    for key, month in months.items():
        write_toml(store.month_path(key), month.to_dict())
