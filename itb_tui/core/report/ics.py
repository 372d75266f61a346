"""The coming weeks' plan as an iCalendar file: strength days, daily routines, planned runs.

Each day is the referee's verdict (referee.plan_ahead), as if every earlier day of the
calendar had been done as planned: a strength day makes the next a rest day, a planned run
makes tomorrow a rest day in the alternate-day weeks, and a week of planned runs moves the run
week on, as a pain-free week does. Nothing held or at rest today is in it. So the later weeks
are the plan if all goes well; the morning check-in and the pain logs still decide each day in
the app. Events are all-day, with stable UIDs, so importing a newer file updates the same
events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

from itb_tui import __version__
from itb_tui.core.content.library import Library
from itb_tui.core.content.program import Program
from itb_tui.core.history.records import MonthHistory
from itb_tui.core.plan.red_flags import RedFlagState
from itb_tui.core.plan.referee import RulesInput, decide, plan_ahead
from itb_tui.core.plan.verdict import ItemVerdict, StandingFlag
from itb_tui.core.report.flags import RED_FLAG_TITLE, flag_text
from itb_tui.core.store.settings import Settings

WEEKS = 4
PRODID = f"-//itb-tui//itb-tui {__version__}//EN"


def _event_text(item: ItemVerdict, library: Library) -> str:
    """A run says its week and minutes; a routine what it is (its 'due today' is for Today)."""
    routine = library.routines.get(item.routine_id)
    what = (
        item.reason
        if routine is None
        else f"{routine.summary} (~{routine.estimated_minutes()} min)"
    )
    return f"{what}\nPlanned by itb-tui: Today in the app, with your morning check-in, decides."


def calendar(
    days: Iterable[tuple[date, ItemVerdict]],
    library: Library,
    now: datetime,
    flags: Sequence[StandingFlag] = (),
) -> bytes:
    """The planned days as an iCalendar (RFC 5545) file; each standing red flag is an event
    on today's date."""
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
    for flag in flags:
        event = Event()
        event.add("uid", f"{now:%Y%m%d}-red-flag-{flag.id}@itb-tui")
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", now.date())
        event.add("dtend", now.date() + timedelta(days=1))
        event.add("summary", RED_FLAG_TITLE)
        event.add("description", f"{flag_text(flag)}\nNo run is planned while it stands.")
        event.add("transp", "TRANSPARENT")
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
    inp = RulesInput(program, library, settings, history, now, flags or RedFlagState())
    standing = decide(inp).red_flags
    return calendar(plan_ahead(inp, weeks * 7), library, now, standing).decode("utf-8")
