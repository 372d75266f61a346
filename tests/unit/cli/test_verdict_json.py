"""The verdict in the shell, as a contract: ``itb today --format json`` and ``itb readiness``."""

from __future__ import annotations

import json

import pytest

from itb_tui import cli
from itb_tui.core.history.records import PainLog
from itb_tui.core.plan.red_flags import FlagChange, RedFlagState
from itb_tui.core.shell import readiness_view
from itb_tui.core.shell.today_line import as_json, summarize
from itb_tui.core.store.paths import Paths
from tests.factories import PROGRAM, at, day
from tests.unit.cli.helpers import folders  # noqa: F401 - the fixture
from tests.unit.plan.helpers import FIRST_WEEK, verdict

RUN_KEYS = {"status", "week", "minutes", "reason", "rule", "article"}


def test_today_json_has_the_run_the_held_reasons_and_the_standing_flags() -> None:
    worse = PainLog(at(day(2), 7), 2, "morning", compared="worse")
    found = verdict(day(2), FIRST_WEEK[:1], [worse], hour=9)
    data = json.loads(as_json(summarize(found)))
    assert data["schema"] == 1
    assert set(data["run"]) == RUN_KEYS
    assert (data["run"]["status"], data["run"]["week"]) == ("held", 1)
    assert data["run"]["minutes"] == [0, 0] and data["run"]["reason"].startswith("This morning")
    assert data["held"] and all(item["reason"] for item in data["held"])
    assert {item["status"] for item in data["held"]} == {"held"}
    assert data["red_flags"] == []


def test_today_json_gives_the_minutes_after_the_caps_and_the_flag_date() -> None:
    found = verdict(day(2), FIRST_WEEK[:1])
    run = json.loads(as_json(summarize(found)))["run"]
    assert (run["status"], run["week"], run["minutes"]) == ("optional", 1, [10, 15])
    flag = PROGRAM.red_flags[0]
    flags = RedFlagState([FlagChange(flag.id, at(day(1), 21), True)])
    data = json.loads(as_json(summarize(verdict(day(2), FIRST_WEEK[:1], flags=flags))))
    assert data["red_flags"] == [{"id": flag.id, "text": flag.text, "ticked": "2026-11-24"}]
    assert (data["run"]["status"], data["run"]["rule"]) == ("held", "red-flag")


def test_readiness_json_lists_each_check_met_or_not_with_its_evidence() -> None:
    sore = PainLog(at(day(1), 20), 3, "daily")
    data = json.loads(readiness_view.as_json(verdict(day(2), FIRST_WEEK[:1], [sore])))
    assert data["schema"] == 1 and data["ready"] is False
    checks = {c["name"]: c for c in data["checks"]}
    assert checks["Pain-free daily life"]["met"] is False
    assert "3/10" in checks["Pain-free daily life"]["evidence"]
    assert all(set(c) == {"name", "met", "evidence"} for c in data["checks"])
    assert set(data["run"]) == RUN_KEYS and data["run"]["week"] == 1


def test_readiness_text_marks_each_check() -> None:
    shown = readiness_view.text(verdict(day(2), FIRST_WEEK[:1]))
    assert "2 of 3 checks met" in shown  # no daily log since Monday: no longer a streak
    assert "  [ ] Pain-free daily life: 0 pain-free days in a row" in shown
    assert "  [x] Weeks of rehab: " in shown
    assert "Run today: optional, run week 1, 10-15 min." in shown


def test_the_verbs_print_the_contract(
    folders: Paths,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["readiness", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["run"]["status"] == "locked" and data["ready"] is False
    assert cli.main(["readiness"]) == 0
    assert "[ ] Weeks of rehab" in capsys.readouterr().out
    cli.main(["today", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 1 and data["run"]["status"] == "locked"


def test_remind_announces_nothing_the_morning_held() -> None:
    from itb_tui.core.shell.remind import reminders

    worse = PainLog(at(day(2), 7), 2, "morning", compared="worse")
    found = verdict(day(2), FIRST_WEEK[:1], [worse], hour=9)
    held = {line.routine_id for line in found.held}
    assert {"run", "hip-strength"} <= held
    announced = {r.id for r in reminders(summarize(found))}
    assert announced and not announced & held


def test_both_jsons_list_the_readiness_tests_with_the_next_one() -> None:
    """Additive to schema 1: ``readiness_tests``, one entry per enabled test."""
    from datetime import date, timedelta

    from itb_tui.core.history.records import MonthHistory
    from itb_tui.core.plan.referee import RulesInput, decide
    from tests.factories import LIBRARY, readiness_attempt, ready_by, settings

    today = date(2026, 12, 14)
    sessions, logs = ready_by(today)
    failed = readiness_attempt("hip-abduction", today - timedelta(days=1), left=30, right=24)
    inp = RulesInput(
        PROGRAM,
        LIBRARY,
        settings(today - timedelta(weeks=5)),
        MonthHistory([*sessions, failed], logs),
        at(today, 12),
    )
    found = decide(inp)
    today_data = json.loads(as_json(summarize(found)))
    ready_data = json.loads(readiness_view.as_json(found))
    assert today_data["schema"] == ready_data["schema"] == 1
    assert today_data["readiness_tests"] == ready_data["readiness_tests"]
    abduction, squat, walk, hops = today_data["readiness_tests"]
    assert abduction["id"] == "hip-abduction" and abduction["passed"] is False
    assert abduction["line"].startswith("Side-lying hip abduction: L 30 / R 24, failed yesterday")
    assert (abduction["next"], squat["next"]) == (False, True)  # waiting 2 days; squat is due
    assert walk["next"] is hops["next"] is False and hops["line"].startswith(
        "Single-leg hops: locked"
    )
    assert ready_data["ready"] is False and found.run.status == "locked"
    assert "  [ ] Single-leg squat: not tried yet" in readiness_view.text(found)
