"""CSV, JSON and Markdown export, reading JSON back, --since parsing, the history generator."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import (
    ExerciseResult,
    MonthHistory,
    PainLog,
    PainSpike,
)
from itb_tui.core.report.export import CSV_HEADER, export, import_json, parse_since
from itb_tui.core.store.paths import Paths
from tests import factories
from tests.unit.report.export_helpers import CATEGORIES, TODAY, at, bridge, clamshell, session

ROOT = Path(__file__).resolve().parents[3]


def pigeon(seconds: int) -> ExerciseResult:
    return factories.result("pigeon", left=[seconds], right=[seconds], sets=1)


def sample() -> MonthHistory:
    """Three sessions over two months, one stopped early, plus three pain logs."""
    first = session(
        date(2026, 10, 30),
        pain_after=5,
        note='sore, "tight" hip\nsecond line',
        pain_spikes=[PainSpike(at(date(2026, 10, 30), 8, 5), "clamshell", "right", 6)],
    )
    stretch = session(date(2026, 11, 2), "daily-stretch", [pigeon(90)], pain_after=2)
    stopped = session(
        TODAY, exercises=[clamshell([15], []), bridge([])], completed=False, note="Knie | müde"
    )
    logs = [
        PainLog(at(date(2026, 10, 30), 20), 7, "after-run", "ran 5 km, ouch"),
        PainLog(at(date(2026, 11, 2), 20), 3, "rest"),
        PainLog(at(TODAY, 7), 1, "daily"),
    ]
    return MonthHistory([first, stretch, stopped], logs)


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# -- parse_since ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-09-01", date(2026, 9, 1)),
        ("30d", TODAY - timedelta(days=29)),
        ("1d", TODAY),
        ("8w", TODAY - timedelta(days=55)),
        (" 2W ", TODAY - timedelta(days=13)),
    ],
)
def test_parse_since_accepts_dates_and_spans(text: str, expected: date) -> None:
    assert parse_since(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "YYYY-MM-DD"),
        ("yesterday", "YYYY-MM-DD"),
        ("30", "YYYY-MM-DD"),
        ("3m", "YYYY-MM-DD"),
        ("2026/09/01", "YYYY-MM-DD"),
        ("-3d", "YYYY-MM-DD"),
        ("0d", "at least one day"),
        ("2026-02-30", "not a real date"),
        ("99999999999d", "before the year 1"),
    ],
)
def test_parse_since_rejects_anything_else(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_since(text, TODAY)


# -- CSV --------------------------------------------------------------------------------------
def test_csv_has_one_row_per_exercise_side_and_pain_log() -> None:
    history = sample()
    rows = csv_rows(export(history, "csv", None, TODAY))
    sides = sum(len(r.sides) for s in history.sessions for r in s.exercises)
    assert rows[0] == list(CSV_HEADER)
    assert len(rows) == 1 + sides + len(history.pain_logs)
    assert all(len(row) == len(CSV_HEADER) for row in rows)
    assert [row[0] for row in rows[1:]].count("pain") == 3


def test_csv_fields_of_a_session_row_and_a_pain_row() -> None:
    rows = [
        dict(zip(CSV_HEADER, row, strict=True))
        for row in csv_rows(export(sample(), "csv", None, TODAY))[1:]
    ]
    right = rows[1]
    assert right["kind"] == "session"
    assert right["date"] == "2026-10-30"
    assert right["at"] == "2026-10-30T08:00:00-05:00"
    assert (right["id"], right["routine"]) == ("2026-10-30T08-00-00", "hip-strength")
    assert (right["exercise"], right["side"]) == ("clamshell", "right")
    assert (right["sets_planned"], right["sets_done"], right["values"]) == ("3", "2", "14 12")
    assert (right["unit"], right["skipped_sets"], right["pain"]) == ("reps", "1", "5")
    assert right["note"] == 'sore, "tight" hip\nsecond line'
    pain = rows[3]
    assert (pain["kind"], pain["at"], pain["pain"], pain["context"]) == (
        "pain",
        "2026-10-30T20:00:00-05:00",
        "7",
        "after-run",
    )
    assert pain["note"] == "ran 5 km, ouch"
    assert pain["exercise"] == ""


def test_csv_keeps_a_session_without_exercises() -> None:
    history = MonthHistory([session(TODAY, exercises=[])])
    rows = csv_rows(export(history, "csv", None, TODAY))
    assert len(rows) == 2
    assert rows[1][3] == "2026-11-23T08-00-00"


def test_csv_since_limits_the_rows_and_entries_after_today_are_kept_and_said() -> None:
    history = sample()
    history.pain_logs.append(PainLog(at(TODAY + timedelta(days=1)), 4, "rest"))
    text = export(history, "csv", date(2026, 11, 2), TODAY)
    first, _, rest = text.partition("\n")
    assert first == (
        "# 1 entry dated after today (2026-11-23), included as recorded: the clock may have "
        "been ahead, or you crossed time zones."
    )
    rows = csv_rows(rest)
    assert {row[1] for row in rows[1:]} == {"2026-11-02", "2026-11-23", "2026-11-24"}
    assert len(rows) == 1 + 2 + 3 + 3  # pigeon 2 sides, stopped session 3 sides, 3 logs


def test_entries_after_today_are_in_the_json_and_markdown_exports() -> None:
    history = sample()
    history.pain_logs.append(PainLog(at(TODAY + timedelta(days=1)), 4, "rest", "ahead"))
    data = json.loads(export(history, "json", None, TODAY))
    assert data["dated_after_today"].startswith("1 entry dated after today (2026-11-23)")
    assert data["pain_logs"][-1]["note"] == "ahead"
    assert len(import_json(export(history, "json", None, TODAY)).pain_logs) == 4
    text = export(history, "markdown", None, TODAY, categories_by_routine=CATEGORIES)
    assert text.startswith("# IT band rehab report\n\n**1 entry dated after today (2026-11-23)")
    assert "- 2026-11-24, pain log, 4/10 at rest: ahead\n" in text


def test_csv_of_empty_history_is_only_the_header() -> None:
    assert csv_rows(export(MonthHistory(), "csv", None, TODAY)) == [list(CSV_HEADER)]


# -- JSON -------------------------------------------------------------------------------------
def test_json_round_trip_gives_back_every_record() -> None:
    history = sample()
    back = import_json(export(history, "json", None, TODAY))
    assert back.sessions == history.sessions
    assert back.pain_logs == history.pain_logs
    assert back.sessions[0].started_at.utcoffset() == timedelta(hours=-5)


def test_json_shape_uses_iso_text_for_times() -> None:
    data = json.loads(export(sample(), "json", date(2026, 11, 1), TODAY))
    assert data["schema_version"] == 1
    assert len(data["sessions"]) == 2
    assert len(data["pain_logs"]) == 2
    assert data["sessions"][0]["started_at"] == "2026-11-02T08:00:00-05:00"
    assert data["pain_logs"][-1]["at"] == "2026-11-23T07:00:00-05:00"


def test_json_round_trip_of_an_empty_history() -> None:
    assert import_json(export(MonthHistory(), "json", None, TODAY)) == MonthHistory()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "JSON object"),
        ('{"schema_version": 2, "sessions": []}', "newer"),
        ('{"schema_version": 1, "sessions": {}}', "must be lists"),
        (
            '{"schema_version": 1, "pain_logs": '
            '[{"at": "last tuesday", "score": 3, "context": "rest"}]}',
            "date and time",
        ),
        (
            '{"schema_version": 1, "pain_logs": '
            '[{"at": "2026-11-01T08:00:00", "score": 3, "context": "rest"}]}',
            "UTC offset",
        ),
    ],
)
def test_import_json_rejects_bad_input(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        import_json(text)


# -- Markdown ---------------------------------------------------------------------------------
def test_markdown_has_every_section() -> None:
    text = export(sample(), "markdown", None, TODAY, categories_by_routine=CATEGORIES)
    for heading in ("# IT band rehab report", "## Adherence", "## Pain trend", "## Sessions"):
        assert f"\n{heading}\n" in f"\n{text}"
    assert "## Pain spikes" in text
    assert "## Notes" in text
    assert "Period: 2026-10-30 to 2026-11-23 (25 days)" in text
    assert "Self-reported" in text
    assert "| Date | Routine | Done/planned | Pain after |" in text


def test_markdown_figures() -> None:
    text = export(sample(), "markdown", None, TODAY, categories_by_routine=CATEGORIES)
    assert "- Sessions: 3 (2 completed, 1 not complete), 0.3 per week over 3 whole weeks" in text
    assert "- Strength: 1 session, 0.0 per week over 3 whole weeks (target 3 a week" in text
    assert "target met in 0 of 3 whole weeks" in text
    assert "- Stretching: 1 of 25 days (4 %)" in text
    assert "First week, 2026-10-30 to 2026-11-05: mean 4.2/10 over 4 scores" in text
    assert "Last week, 2026-11-17 to 2026-11-23: mean 1.0/10 over 1 score" in text
    assert "- Worst day: 2026-10-30, 7/10 (after a run)" in text
    assert "| 2026-11-23 | Hip strength (not complete) | 1/2 | - |" in text
    assert "- 2026-10-30 08:05, Hip strength: Clamshells, right leg, 6/10" in text
    assert 'Hip strength: sore, "tight" hip second line' in text
    assert "Knie \\| müde" in text


def test_markdown_adherence_counts_full_weeks_on_target() -> None:
    days = [0, 2, 4, 7, 9, 11]  # Mon/Wed/Fri for two weeks
    start = TODAY - timedelta(weeks=2)
    sessions = [session(start + timedelta(days=n), exercises=[bridge([15])]) for n in days]
    sessions += [
        session(start + timedelta(days=n), "daily-stretch", [pigeon(60)]) for n in range(3)
    ]
    text = export(
        MonthHistory(sessions), "markdown", start, TODAY, categories_by_routine=CATEGORIES
    )
    assert "target met in 2 of 2 whole weeks" in text
    assert "- Stretching: 3 of 15 days (20 %)" in text
    assert "No pain scores in this period." in text


def test_markdown_uses_shipped_categories_by_default() -> None:
    text = export(sample(), "markdown", None, TODAY)
    assert "- Stretching: 1 of 25 days" in text


def test_markdown_of_empty_history() -> None:
    text = export(MonthHistory(), "markdown", None, TODAY)
    assert "Period: 2026-11-23 to 2026-11-23 (1 day)" in text
    assert "No pain scores in this period." in text
    assert text.count("None.") == 3  # sessions, spikes, notes


def test_markdown_lists_only_the_last_sessions() -> None:
    sessions = [session(TODAY - timedelta(days=n), exercises=[bridge([15])]) for n in range(50)]
    text = export(MonthHistory(sessions), "markdown", None, TODAY, categories_by_routine=CATEGORIES)
    assert text.count("| Hip strength |") == 40
    assert "Showing 40 of 50 sessions" in text
    assert f"| {TODAY.isoformat()} |" in text


REPORT = [
    "# IT band rehab report",
    "",
    "**Left out (could not be read): 2026-09.toml.**",
    "",
    "Period: 2026-10-30 to 2026-11-23 (25 days)",
    "",
    "*Self-reported data recorded in itb-tui; not a clinical measurement.*",
    "",
    "## Adherence",
    "",
    "- Sessions: 5 (4 completed, 1 not complete), 1.0 per week over 3 whole weeks",
    "- Strength: 3 sessions, 0.7 per week over 3 whole weeks (target 3 a week, not on"
    " consecutive days); target met in 0 of 3 whole weeks",
    "- Stretching: 1 of 25 days (4 %), target daily",
    "- Strength on back-to-back days: 1 time",
    "",
    "## Pain trend",
    "",
    "- First week, 2026-10-30 to 2026-11-05: mean 4.2/10 over 4 scores",
    "- Last week, 2026-11-17 to 2026-11-23: mean 1.3/10 over 3 scores",
    "- Worst day: 2026-10-30, 7/10 (after a run)",
    "- Days with a pain score: 5",
    "",
    "## Sessions",
    "",
    "| Date | Routine | Done/planned | Pain after |",
    "|---|---|---|---|",
    "| 2026-10-30 | Hip strength | 2/2 | 5/10 |",
    "| 2026-11-02 | Daily stretch | 1/1 | 2/10 |",
    "| 2026-11-17 | Hip strength | 2/2 | 1/10 |",
    "| 2026-11-18 | Hip strength | 2/2 | - |",
    "| 2026-11-23 | Hip strength (not complete) | 1/2 | - |",
    "",
    "## Pain spikes",
    "",
    "- 2026-10-30 08:05, Hip strength: Clamshells, right leg, 6/10",
    "",
    "## Red flags",
    "",
    "- None ticked.",
    "",
    "## Notes",
    "",
    '- 2026-10-30, Hip strength: sore, "tight" hip second line',
    "- 2026-10-30, pain log, 7/10 after a run: ran 5 km, ouch",
    "- 2026-11-18, Hip strength: felt \\| fine",
    "- 2026-11-23, Hip strength: Knie \\| müde",
]


def test_markdown_report_line_by_line() -> None:
    """The whole report of a small history: every section, figure and escaped cell."""
    history = sample()
    history.sessions += [  # strength on back-to-back days, one rated, one with a note
        session(date(2026, 11, 17), pain_after=1),
        session(date(2026, 11, 18), note="felt | fine"),
    ]
    history.pain_logs.append(PainLog(at(date(2026, 11, 18), 21), 2, "during-run"))
    text = export(
        history,
        "markdown",
        None,
        TODAY,
        categories_by_routine=CATEGORIES,
        left_out=["2026-09.toml"],
    )
    assert text.splitlines() == REPORT
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_export_rejects_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(sample(), "pdf", None, TODAY)  # type: ignore[arg-type]


# -- the history generator --------------------------------------------------------------------
def _generator() -> ModuleType:
    name = "generate_history"
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_generate_writes_loadable_month_files(tmp_path: Path) -> None:
    generator = _generator()
    out = generator.generate(tmp_path, days=62, seed=3, end=date(2026, 11, 30))
    store = HistoryStore(Paths(tmp_path, tmp_path / "config"))
    history = store.everything()
    assert store.months() == ["2026-09", "2026-10", "2026-11"]
    assert (out.sessions, out.pain_logs, out.months) == (62, 62, 3)
    assert len(history.sessions) == 62
    assert len(history.pain_logs) == 62
    days = sorted({s.started_at.date() for s in history.sessions})
    assert (days[0], days[-1], len(days)) == (date(2026, 9, 30), date(2026, 11, 30), 62)
    assert {s.routine for s in history.sessions} == {
        "hip-strength",
        "daily-stretch",
        "foam-rolling",
    }
    assert all(s.exercises for s in history.sessions)
    assert sum(s.exercises_done() for s in history.sessions) > 62 * 2
    with pytest.raises(FileExistsError):
        generator.generate(tmp_path, days=1)


def test_generate_default_span_is_whole_years() -> None:
    generator = _generator()
    assert generator._span_start(date(2026, 11, 23), 5) == date(2021, 11, 24)
    assert (date(2026, 11, 23) - generator._span_start(date(2026, 11, 23), 5)).days + 1 == 1826


def test_one_day_has_no_weekly_rate_and_no_weeks_outside_it() -> None:
    text = export(sample(), "markdown", TODAY, TODAY, categories_by_routine=CATEGORIES)
    assert "Period: 2026-11-23 to 2026-11-23 (1 day)" in text
    assert "- Sessions: 1 (0 completed, 1 not complete), the period holds no whole week" in text
    assert "too short for a weekly rate" in text
    assert "7.0" not in text and "per week" not in text
    trend = text[text.index("## Pain trend") : text.index("## Sessions")]
    assert set(re.findall(r"\d{4}-\d\d-\d\d", trend)) <= {"2026-11-23"}, trend
