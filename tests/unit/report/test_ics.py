"""The plan as an iCalendar file, read back with the icalendar library."""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from itb_tui import cli
from itb_tui.core.history.records import MonthHistory
from itb_tui.core.plan.red_flags import FlagChange, RedFlagState
from itb_tui.core.report.ics import plan_calendar
from itb_tui.core.store.paths import Paths
from itb_tui.core.store.settings import Settings, save_settings
from tests.factories import at, run
from tests.unit.plan.test_weeks import LIBRARY, PROGRAM, START, day, started_history

MON = day(0)  # Mon 23 Nov 2026, program week 4


def events(text: str) -> list[tuple[date, str, str]]:
    """(day, summary, description) of each event, after checking each one's form."""
    cal = Calendar.from_ical(text)
    found = []
    uids = set()
    for event in cal.walk("VEVENT"):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and end == start + timedelta(days=1)  # all-day
        uids.add(str(event["uid"]))
        found.append((start, str(event["summary"]), str(event["description"])))
    assert len(uids) == len(found)
    assert str(cal["version"]) == "2.0" and "itb-tui" in str(cal["prodid"])
    return found


def never_on_consecutive_days(days: list[date]) -> bool:
    return all((b - a).days >= 2 for a, b in itertools.pairwise(days))


def by_title(found: list[tuple[date, str, str]], title: str) -> list[date]:
    return [d for d, summary, _ in found if summary == title]


def test_four_weeks_of_stretching_and_strength_by_the_rules() -> None:
    settings = Settings(program_start=START, onboarded=True)
    text = plan_calendar(PROGRAM, settings, LIBRARY, MonthHistory(), at(MON, 9))
    found = events(text)
    assert by_title(found, "Daily stretch") == [MON + timedelta(days=n) for n in range(28)]
    strength = by_title(found, "Hip strength")
    assert never_on_consecutive_days(strength)
    per_week = Counter(d.isocalendar()[1] for d in strength)
    assert set(per_week.values()) == {3}
    assert by_title(found, "Run (easy)") == []  # not running yet, and not ready
    stretch = next(desc for _, summary, desc in found if summary == "Daily stretch")
    assert "due today" not in stretch and "min)" in stretch


def test_planned_runs_every_other_day_and_the_run_weeks_move_on() -> None:
    # A week earlier than START, so the weeks of rehab were done before the first run.
    settings = Settings(program_start=START - timedelta(days=7), running=True, onboarded=True)
    history = started_history([run(day(-7)), run(day(-5)), run(day(-3))], [], day(-7))
    found = events(plan_calendar(PROGRAM, settings, LIBRARY, history, at(MON, 9)))
    runs = [(d, desc) for d, summary, desc in found if summary == "Run (easy)"]
    days = [d for d, _ in runs]
    assert days[:3] == [MON, MON + timedelta(days=2), MON + timedelta(days=4)]
    assert never_on_consecutive_days(days)
    assert runs[0][1].startswith("Run week 2: 15-20 min easy")
    assert runs[3][1].startswith("Run week 3: 20-30 min easy")
    assert "Pre-run warm-up" in {summary for _, summary, _ in found}


def test_itb_export_ics_writes_a_file_that_reads_back(tmp_path: Path) -> None:
    paths = Paths.resolve()
    save_settings(paths.settings, Settings(onboarded=True, program_start=date.today()))
    out = tmp_path / "plan.ics"
    assert cli.main(["export", "--format", "ics", "--output", str(out)]) == 0
    found = events(out.read_text())
    assert found[0][0] == date.today()


PROBE = """
import sys
from itb_tui.cli import main
main(["export", "--format", "csv"])
assert "icalendar" not in sys.modules, "icalendar imported for a CSV export"
main(["export", "--format", "ics"])
assert "icalendar" in sys.modules
"""


def test_icalendar_is_imported_only_for_a_calendar() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "BEGIN:VCALENDAR" in done.stdout


def test_the_running_answer_alone_plans_no_run() -> None:
    """'Running now?' at first launch does not put runs in the calendar before the checks."""
    settings = Settings(program_start=START, running=True, onboarded=True)
    found = events(plan_calendar(PROGRAM, settings, LIBRARY, MonthHistory(), at(MON, 9)))
    assert by_title(found, "Run (easy)") == []


def test_a_standing_red_flag_plans_no_run() -> None:
    settings = Settings(program_start=START - timedelta(days=7), running=True, onboarded=True)
    history = started_history([run(day(-7)), run(day(-5)), run(day(-3))], [], day(-7))
    flags = RedFlagState([FlagChange(PROGRAM.red_flags[0].id, at(day(-1)), ticked=True)])
    found = events(plan_calendar(PROGRAM, settings, LIBRARY, history, at(MON, 9), flags=flags))
    assert by_title(found, "Run (easy)") == []


def test_runs_and_strength_fall_on_alternate_days() -> None:
    settings = Settings(program_start=START - timedelta(days=7), running=True, onboarded=True)
    history = started_history([run(day(-7)), run(day(-5)), run(day(-3))], [], day(-7))
    found = events(plan_calendar(PROGRAM, settings, LIBRARY, history, at(MON, 9)))
    runs, strength = set(by_title(found, "Run (easy)")), set(by_title(found, "Hip strength"))
    assert runs and strength
    assert not (runs & strength) - {MON}  # today is as Today says
    full_weeks = Counter(d.isocalendar()[1] for d in strength if d >= MON + timedelta(days=7))
    assert set(full_weeks.values()) == {3}  # the week allows both: three of each


def test_nothing_held_this_morning_is_in_the_calendar() -> None:
    from itb_tui.core.history.records import PainLog

    settings = Settings(program_start=START - timedelta(days=7), running=True, onboarded=True)
    worse = PainLog(at(MON, 7), 2, "morning", compared="worse")
    history = started_history([run(day(-7)), run(day(-5)), run(day(-3))], [worse], day(-7))
    found = events(plan_calendar(PROGRAM, settings, LIBRARY, history, at(MON, 9)))
    today = {summary for d, summary, _ in found if d == MON}
    assert "Run (easy)" not in today and "Hip strength" not in today
    assert "Daily stretch" in today
