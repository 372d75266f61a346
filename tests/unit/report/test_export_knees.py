"""Pain per knee in the figures and exports: history rows, daily pain, CSV, JSON read back,
the Markdown and PDF reports, and ``itb today --format json``."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import timedelta

from itb_tui.core.history.records import Knees, MonthHistory, PainLog, PainSpike
from itb_tui.core.history.stats import daily_pain, session_rows
from itb_tui.core.plan.checkin import MorningAnswer
from itb_tui.core.plan.referee import RulesInput, decide
from itb_tui.core.report.export import CSV_HEADER, export, import_json
from itb_tui.core.report.pdf_content import build_report
from itb_tui.core.shell.today_line import as_json, summarize
from itb_tui.core.store.settings import Settings
from tests.factories import LIBRARY, PROGRAM, START, run, started_history
from tests.factories import at as plan_at
from tests.factories import day as plan_day
from tests.unit.report.export_helpers import CATEGORIES, TODAY, at, clamshell, session

MON = TODAY - timedelta(days=7)
DAY = timedelta(days=1)


def per_knee_history() -> MonthHistory:
    """A session rated L 1 / R 3 with a spike scored per knee, a log per knee and a plain one."""
    rated = session(MON, exercises=[clamshell([15], [15])], pain_after=3)
    rated.pain_after_knees = Knees(1, 3)
    rated.pain_spikes = [PainSpike(at(MON, 8, 5), "clamshell", "left", 2, Knees(2, None))]
    logs = [
        PainLog(at(MON + DAY, 20), 4, "daily", knees=Knees(4, 2)),
        PainLog(at(MON + 2 * DAY, 20), 2, "rest"),
    ]
    return MonthHistory([rated], logs)


def test_history_rows_show_each_knee_where_scored() -> None:
    history = per_knee_history()
    rows = session_rows(history.sessions, history.pain_logs, "all", TODAY)
    assert [row.pain for row in rows] == ["2/10", "L 4 / R 2", "L 1 / R 3 (1 spike)"]


def test_daily_pain_per_knee_uses_only_the_scores_given_for_that_knee() -> None:
    history = per_knee_history()
    overall = daily_pain(history.pain_logs, history.sessions)
    left = daily_pain(history.pain_logs, history.sessions, knee="left")
    right = daily_pain(history.pain_logs, history.sessions, knee="right")
    assert [d.max_score for d in overall] == [3, 4, 2]  # the worse knee, and the plain score
    assert [(d.day, d.max_score) for d in left] == [(MON, 1), (MON + DAY, 4)]
    assert [d.max_score for d in right] == [3, 2]


def test_csv_has_a_column_for_each_knee() -> None:
    rows = list(csv.DictReader(io.StringIO(export(per_knee_history(), "csv", None, TODAY))))
    assert list(rows[0]) == list(CSV_HEADER)
    knees = [(r["kind"], r["pain"], r["pain_left"], r["pain_right"]) for r in rows]
    assert knees == [
        ("session", "3", "1", "3"),
        ("session", "3", "1", "3"),  # one row per side of the clamshells
        ("pain", "4", "4", "2"),
        ("pain", "2", "", ""),
    ]


def test_json_reads_back_with_each_knee_intact() -> None:
    history = per_knee_history()
    text = export(history, "json", None, TODAY)
    data = json.loads(text)
    assert data["pain_logs"][0]["left"] == 4 and data["sessions"][0]["pain_after_right"] == 3
    back = import_json(text)
    assert back.sessions == history.sessions and back.pain_logs == history.pain_logs
    assert back.sessions[0].pain_spikes[0].knees == Knees(left=2)


def test_markdown_shows_each_knee_in_the_sessions_the_trend_and_the_spikes() -> None:
    markdown = export(per_knee_history(), "markdown", None, TODAY, categories_by_routine=CATEGORIES)
    assert "| L 1 / R 3 |" in markdown
    assert "- Left knee, where each knee was scored: mean 2.5/10 over 2 scores, worst 4/10" in (
        markdown
    )
    assert "- Right knee, where each knee was scored: mean 2.5/10 over 2 scores, worst 3/10" in (
        markdown
    )
    assert "Clamshells, left leg, L 2" in markdown


def test_a_history_without_knees_reports_as_before() -> None:
    plain = MonthHistory([session(MON, pain_after=2)], [PainLog(at(MON, 20), 1, "rest")])
    markdown = export(plain, "markdown", None, TODAY, categories_by_routine=CATEGORIES)
    assert "knee, where each knee was scored" not in markdown and "| 2/10 |" in markdown
    rows = list(csv.DictReader(io.StringIO(export(plain, "csv", None, TODAY))))
    assert {(r["pain_left"], r["pain_right"]) for r in rows} == {("", "")}


def test_the_pdf_report_has_the_knee_lines() -> None:
    report = build_report(per_knee_history(), None, TODAY, CATEGORIES)
    assert any(item.startswith("Left knee, where each knee") for item in report.pain_trend)
    assert any(item.startswith("Right knee, where each knee") for item in report.pain_trend)
    assert [entry.describe().rsplit(", ", 1)[1] for entry in report.spikes] == ["L 2"]


def test_today_json_shows_each_knee_in_the_morning() -> None:
    program = replace(PROGRAM, acceptable_morning_pain=0)
    settings = Settings(program_start=START, running=True, onboarded=True, painful_knee="both")
    wednesday = plan_day(2)
    morning = MorningAnswer(2, "same", False, Knees(0, 2)).log(plan_at(wednesday, 7))
    history = started_history([run(plan_day(0))], [morning])
    inp = RulesInput(program, LIBRARY, settings, history, plan_at(wednesday, 9))
    data = json.loads(as_json(summarize(decide(inp))))
    assert data["morning"].startswith("This morning L 0 / R 2, above the program's limit")
