"""Runs in every view: the calendar's O, the history row's minutes and distance, the
report's runs with their pain at its minute, the session detail."""

from __future__ import annotations

from datetime import timedelta

from itb_tui.core.history.outdoor_run import OutdoorRun, run_facts_text, run_record
from itb_tui.core.history.records import MonthHistory
from itb_tui.core.history.stats import adherence_calendar, routine_categories, session_rows
from itb_tui.core.report.export import export
from tests.factories import TODAY, at, run, shipped_library

NOW = at(TODAY, 20)
OUTDOOR = run_record(
    OutdoorRun(
        at(TODAY, 7, 30),
        22,
        distance_km=4.1,
        pain_began=12,
        pain_score=3,
        pain_after=1,
        stopped=True,
    ),
    NOW,
)
GUIDED = run(TODAY - timedelta(days=2), 15, pain_after=0)


def test_the_calendar_marks_run_days_o_not_a_question_mark() -> None:
    categories = routine_categories(shipped_library())
    rows = adherence_calendar([GUIDED, OUTDOOR], TODAY, 2, categories)
    days = {cell.day: cell for row in rows for cell in row}
    assert days[TODAY].categories == {"running"}  # the screen draws "running" as O
    assert days[TODAY - timedelta(days=2)].completed == {"running"}


def test_the_history_row_gives_a_runs_minutes_and_distance() -> None:
    rows = session_rows([GUIDED, OUTDOOR], [], "all", TODAY)
    assert [r.exercises for r in rows] == ["22 min 4.1 km", "15 min"]


def test_the_report_lists_each_run_with_its_pain_minute_and_source() -> None:
    text = export(
        MonthHistory([GUIDED, OUTDOOR]),
        "markdown",
        None,
        TODAY,
        categories_by_routine=routine_categories(shipped_library()),
    )
    runs = text.split("## Runs", 1)[1].split("##", 1)[0]
    assert "- 15 min on Sat 21 Nov at 08:00, pain after 0/10 (guided)" in runs
    assert (
        "- 22 min on Mon 23 Nov at 07:30, 4.1 km, stopped early, pain from minute 12 (3/10), "
        "pain after 1/10 (logged)" in runs
    )
    assert "| 22 min 4.1 km |" in text


def test_the_runs_facts_in_one_line() -> None:
    assert run_facts_text(OUTDOOR).endswith("pain after 1/10 (logged)")


def test_the_pdf_report_lists_the_runs_too() -> None:
    from tests.unit.report.pdf_helpers import pdf_of, read

    _pages, text = read(pdf_of(MonthHistory([GUIDED, OUTDOOR]), shipped_library()))
    assert "Runs" in text
    assert "pain from minute 12 (3/10), pain after 1/10 (logged)" in text
