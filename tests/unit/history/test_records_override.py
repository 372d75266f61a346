"""A run started on a rest or held day keeps the question it was started after."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from itb_tui.core.history.records import (
    FIRST_SCHEMA,
    KNEES_SCHEMA,
    OUTDOOR_SCHEMA,
    MonthHistory,
    RunDecision,
    SessionRecord,
)

AT = datetime(2026, 11, 23, 8, 0, tzinfo=timezone(timedelta(hours=1)))
ASKED = "Today is a rest day after Sunday's run. Run anyway?"


def test_the_override_round_trips_and_needs_the_newer_schema() -> None:
    run = SessionRecord("r", "run", "Run", AT, AT + timedelta(minutes=20), True, override=ASKED)
    month = MonthHistory([run])
    data = month.to_dict()
    assert data["schema_version"] == OUTDOOR_SCHEMA  # an older version must not drop it
    problems: list[str] = []
    read = MonthHistory.from_dict(data, "test", problems)
    assert problems == [] and read.sessions[0].override == ASKED


def test_a_run_without_one_writes_nothing_new() -> None:
    run = SessionRecord("r", "run", "Run", AT, AT + timedelta(minutes=20), True)
    data = MonthHistory([run]).to_dict()
    assert data["schema_version"] == FIRST_SCHEMA and "override" not in data["sessions"][0]


def test_a_clinicians_name_needs_the_newer_schema_too() -> None:
    """A version that knew run-week decisions (schema 2) but not ``clinician`` would drop it."""
    named = RunDecision(AT, "set", 3, 1, "cleared", True, "Dr Lee")
    assert MonthHistory([], [], [named]).to_dict()["schema_version"] == OUTDOOR_SCHEMA
    plain = RunDecision(AT, "set", 3, 1, "", True)
    assert MonthHistory([], [], [plain]).to_dict()["schema_version"] == KNEES_SCHEMA
