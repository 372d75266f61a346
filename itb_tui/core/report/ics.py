"""The coming weeks' plan as an iCalendar file: strength days, daily routines, planned runs.

Each day is worked out with the same rules as Today, as if every earlier day of the calendar
had been done as planned: a strength day makes the next a rest day, a planned run makes
tomorrow a rest day in the alternate-day weeks, and a week of planned runs moves the run week
on, as a pain-free week does. So the later weeks are the plan if all goes well; the morning
check-in and the pain logs still decide each day in the app. Events are all-day, with stable
UIDs, so importing a newer file updates the same events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from itb_tui import __version__
from itb_tui.core.content.library import Library
from itb_tui.core.content.program import Program
from itb_tui.core.history.records import (
    ExerciseResult,
    MonthHistory,
    PainLog,
    RunDecision,
    SessionRecord,
)
from itb_tui.core.plan.due import DUE, OPTIONAL, DueItem
from itb_tui.core.plan.red_flags import RedFlagState, with_red_flags
from itb_tui.core.plan.running import RunAccess, run_access
from itb_tui.core.plan.today import today_plan
from itb_tui.core.plan.weeks import readiness
from itb_tui.core.store.settings import Settings

WEEKS = 4
PRODID = f"-//itb-tui//itb-tui {__version__}//EN"


def _planned_session(item: DueItem, day: date, minutes: int) -> SessionRecord:
    """A completed session of ``item`` on ``day``, as if done (a run holds its minutes)."""
    start = datetime.combine(day, time(12), tzinfo=UTC)
    exercises = []
    if item.kind == "run":
        done = {"both": [minutes * 60]}
        exercises = [ExerciseResult("run", "Run", "seconds", ("both",), 1, done)]
    return SessionRecord(
        f"planned-{item.routine_id}-{day}",
        item.routine_id,
        item.title,
        start,
        start + timedelta(minutes=minutes),
        completed=True,
        exercises=exercises,
    )


def planned_days(
    program: Program,
    settings: Settings,
    library: Library,
    history: MonthHistory,
    today: date,
    weeks: int = WEEKS,
    flags: RedFlagState | None = None,
) -> list[tuple[date, DueItem]]:
    """(day, item) for each session planned from today for ``weeks`` weeks, in day order.

    Runs are planned only when running has started (plan_running.run_access) and no red flag
    stands today: the calendar never unlocks running ahead of the checks.
    """
    sessions: list[SessionRecord] = list(history.sessions)
    logs: list[PainLog] = list(history.pain_logs)
    decisions = history.run_decisions
    flags = flags or RedFlagState()
    access = _access(program, settings, library, sessions, logs, today, flags, decisions)
    running = access.stage is not None  # else no day of the calendar has a run
    found: list[tuple[date, DueItem]] = []
    for offset in range(weeks * 7):
        day = today + timedelta(days=offset)
        if running and offset:  # the planned days before it may move the run week on
            access = _access(program, settings, library, sessions, logs, day, flags, decisions)
        items = today_plan(program, settings, sessions, logs, day, library, access=access)
        for item in items:
            if item.kind == "advice" or item.status not in (DUE, OPTIONAL):
                continue
            if item.status == OPTIONAL and item.kind != "run":
                continue  # extras and "after any activity" are not put in a calendar
            stage = access.stage
            minutes = stage.today_minutes[1] if stage is not None and item.kind == "run" else 20
            found.append((day, item))
            sessions.append(_planned_session(item, day, minutes))
    return found


def _access(
    program: Program,
    settings: Settings,
    library: Library,
    sessions: list[SessionRecord],
    logs: list[PainLog],
    day: date,
    flags: RedFlagState,
    decisions: Sequence[RunDecision],
) -> RunAccess:
    """Running on ``day`` by the same rules as Today, a standing red flag included."""
    ready = with_red_flags(
        readiness(program, settings, sessions, logs, day, library), program, flags
    )
    return run_access(
        program, settings, sessions, logs, day, library, ready=ready, decisions=decisions
    )


def _event_text(item: DueItem, library: Library) -> str:
    """A run says its week and minutes; a routine what it is (its 'due today' is for Today)."""
    routine = library.routines.get(item.routine_id)
    what = (
        item.reason
        if routine is None
        else f"{routine.summary} (~{routine.estimated_minutes()} min)"
    )
    return f"{what}\nPlanned by itb-tui: Today in the app, with your morning check-in, decides."


def calendar(days: Iterable[tuple[date, DueItem]], library: Library, now: datetime) -> bytes:
    """The planned days as an iCalendar (RFC 5545) file."""
    from icalendar import Calendar, Event  # only when a calendar is made

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "ITB rehab plan")
    for day, item in days:
        event = Event()
        event.add("uid", f"{day:%Y%m%d}-{item.routine_id or 'run'}@itb-tui")
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", item.title if item.kind != "run" else "Run (easy)")
        event.add("description", _event_text(item, library))
        event.add("transp", "TRANSPARENT")  # all-day reminders, not busy time
        cal.add_component(event)
    return bytes(cal.to_ical())


def plan_calendar(
    program: Program,
    settings: Settings,
    library: Library,
    history: MonthHistory,
    now: datetime,
    weeks: int = WEEKS,
    flags: RedFlagState | None = None,
) -> str:
    """The next ``weeks`` weeks of the plan from ``now``'s day, as iCalendar text."""
    days = planned_days(program, settings, library, history, now.date(), weeks, flags)
    return calendar(days, library, now).decode("utf-8")
