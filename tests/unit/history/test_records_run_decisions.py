"""Run-week decisions in the history files and in every export."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from dataclasses import replace

import pytest

from itb_tui.core.content.library import Library
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import MonthHistory, PainLog, RunDecision
from itb_tui.core.history.stats import routine_categories
from itb_tui.core.report.export import export, import_json
from itb_tui.core.report.export_file import export_bytes
from itb_tui.core.store.files import StoreError
from tests.tui.history_data import TODAY, at
from tests.unit.report.pdf_helpers import read

SET = RunDecision(
    at(TODAY, 7), "week", 3, rules_week=2, note="physio: [ok] \x1b[31mgo", cleared=True
)
PAUSE = RunDecision(at(TODAY, 9), "pause", note="")
LOG = PainLog(at(TODAY, 8), 1, "daily")


def test_a_decision_round_trips_through_its_month_file(store: HistoryStore) -> None:
    store.add_run_decision(SET)
    store.add_run_decision(PAUSE)
    store.add_pain_log(LOG)
    data = tomllib.loads(store.month_path("2026-11").read_text())
    # Each record's own id is newer than schema 3 (as the order the decisions were made in,
    # ``seq``, is newer than 2): an older version reads the rest and never rewrites it.
    assert data["schema_version"] == 4
    assert len(data["run_decisions"][0].pop("uid")) == 26  # a ULID, given when written
    assert data["run_decisions"][0] == {
        "at": SET.at,
        "decision": "week",
        "week": 3,
        "rules_week": 2,
        "physio_cleared": True,
        "seq": 1,  # the order made, which the latest wins by whatever the clock said
        "note": SET.note,
    }
    again = HistoryStore(store.paths).everything()
    assert again.run_decisions == [replace(SET, seq=1), replace(PAUSE, seq=2)]
    assert again.pain_logs == [LOG]


def test_a_month_without_decisions_has_none(store: HistoryStore) -> None:
    store.add_pain_log(LOG)
    text = store.month_path("2026-11").read_text()
    assert "run_decisions" not in text
    assert HistoryStore(store.paths).everything() == MonthHistory([], [LOG])


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ('decision = "week"', "field 'week'"),
        ('decision = "stop"', "field 'decision'"),
        ('decision = "pause"\nsoon = 1', "unknown field 'soon'"),
    ],
)
def test_a_bad_decision_leaves_its_month_untouched(
    store: HistoryStore, table: str, problem: str
) -> None:
    path = store.month_path("2026-11")
    path.parent.mkdir(parents=True)
    raw = f"schema_version = 2\n[[run_decisions]]\nat = 2026-11-23T07:00:00+01:00\n{table}\n"
    path.write_text(raw)
    with pytest.raises(StoreError, match=problem):
        store.add_pain_log(LOG)
    assert path.read_text() == raw


def history() -> MonthHistory:
    return MonthHistory([], [LOG], [SET, PAUSE])


def test_the_markdown_and_pdf_reports_list_each_decision_with_its_note(library: Library) -> None:
    markdown = export(history(), "markdown", None, TODAY, categories_by_routine={})
    section = markdown.split("## Run week set by hand\n\n", 1)[1].split("\n\n", 1)[0]
    assert section.splitlines() == [
        "- 2026-11-23 07:00, run week 3 set (the rules gave week 2), cleared by the physio:"
        " physio: \\[ok\\] go",  # Markdown shows the brackets as typed, never a link
        "- 2026-11-23 09:00, running paused",
    ]
    categories = routine_categories(library)
    _pages, text = read(export_bytes(history(), "pdf", None, TODAY, categories))
    assert "Run week set by hand" in text and "physio: [ok] go" in text
    assert "running paused" in text
    plain = export(MonthHistory([], [LOG]), "markdown", None, TODAY, categories_by_routine={})
    assert "Run week set by hand" not in plain


def test_csv_and_json_exports_hold_the_decisions_and_json_reads_back() -> None:
    rows = list(csv.DictReader(io.StringIO(export(history(), "csv", None, TODAY))))
    decided = [r for r in rows if r["kind"] == "run-decision"]
    assert [(r["context"], r["values"], r["note"]) for r in decided] == [
        ("week", "3", "physio: [ok] go"),
        ("pause", "", ""),
    ]
    assert decided[0]["id"] == "run-week-2026-11-23T07-00-00"
    text = export(history(), "json", None, TODAY)
    assert json.loads(text)["run_decisions"][0]["week"] == 3
    assert import_json(text) == history()
    assert "run_decisions" not in export(MonthHistory([], [LOG]), "json", None, TODAY)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            '[[pain_logs]]\nat = 0001-01-01T08:00:00+01:00\nscore = 2\ncontext = "rest"\n',
            "expected a date and time from 1970 to 2200",
        ),
        (
            '[[run_decisions]]\nat = 2026-11-23T07:00:00+01:00\ndecision = "week"\nweek = 999\n',
            "field 'week': expected a whole number from 1 to 52",
        ),
    ],
)
def test_dates_and_weeks_out_of_bounds_are_refused(
    store: HistoryStore, entry: str, problem: str
) -> None:
    path = store.month_path("2026-11")
    path.parent.mkdir(parents=True)
    path.write_text(f"schema_version = 2\n{entry}")
    with pytest.raises(StoreError, match=problem):
        store.everything()
