"""A standing red flag is shown by `itb today` in every format, by `itb remind` and in the
calendar (001's red flags: see a professional)."""

from __future__ import annotations

import json
from datetime import timedelta

from icalendar import Calendar

from itb_tui.core.history.records import MonthHistory
from itb_tui.core.plan.red_flags import FlagChange, RedFlagState
from itb_tui.core.report.ics import plan_calendar
from itb_tui.core.shell.remind import reminders
from itb_tui.core.shell.today_line import render, summarize
from itb_tui.core.store.settings import Settings
from tests.factories import LIBRARY, PROGRAM, START, at, day
from tests.unit.plan.helpers import FIRST_WEEK, verdict

FLAG = PROGRAM.red_flags[0]
FLAGS = RedFlagState([FlagChange(FLAG.id, at(day(1), 21), True)])


def test_itb_today_shows_a_standing_flag_in_every_format() -> None:
    summary = summarize(verdict(day(2), FIRST_WEEK[:1], flags=FLAGS))
    assert f"Red flag: see a professional: {FLAG.text} (ticked Tue 24 Nov)" in render(
        summary, "text"
    )
    assert render(summary, "line").startswith("itb: red-flag")
    assert json.loads(render(summary, "json"))["red_flags"][0]["id"] == FLAG.id
    clear = summarize(verdict(day(2), FIRST_WEEK[:1]))
    assert "Red flag" not in render(clear, "text") and "red-flag" not in render(clear, "line")


def test_itb_remind_announces_a_standing_flag_first() -> None:
    found = reminders(summarize(verdict(day(2), FIRST_WEEK[:1], flags=FLAGS)))
    assert found[0].id == "red-flag" and "see a professional" in found[0].title
    assert all(r.id != "red-flag" for r in reminders(summarize(verdict(day(2), FIRST_WEEK[:1]))))


def test_the_calendar_shows_a_standing_flag_today() -> None:
    settings = Settings(program_start=START - timedelta(days=7), onboarded=True)
    text = plan_calendar(PROGRAM, settings, LIBRARY, MonthHistory(), at(day(2), 9), flags=FLAGS)
    flagged = [
        e for e in Calendar.from_ical(text).walk("VEVENT") if "Red flag" in str(e["summary"])
    ]
    assert len(flagged) == 1 and flagged[0].decoded("dtstart") == day(2)
    assert FLAG.text in str(flagged[0]["description"])
    plain = plan_calendar(PROGRAM, settings, LIBRARY, MonthHistory(), at(day(2), 9))
    assert "Red flag" not in plain
