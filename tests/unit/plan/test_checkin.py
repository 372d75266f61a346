"""The morning check-in and its rule, over synthetic histories and the shipped program."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from itb_tui.core.content.program import load_program
from itb_tui.core.content.validate import ContentError
from itb_tui.core.history.records import MonthHistory, PainLog, SessionRecord
from itb_tui.core.plan.checkin import (
    MorningAnswer,
    checkin_due,
    days_missed,
    missed_checkins,
    missed_text,
    morning_verdict,
    restart_note,
)
from itb_tui.core.plan.due import DUE, REST, DueItem
from itb_tui.core.plan.overview import build_overview
from itb_tui.core.plan.referee import RulesInput, decide
from itb_tui.core.plan.weeks import pain_free_streak
from itb_tui.core.shell.today_line import as_json, line, summarize, text
from itb_tui.core.store.paths import content_dir
from itb_tui.core.store.settings import Settings
from tests.factories import LIBRARY, PROGRAM, START, at, day, run, session, started_history

WED = day(2)  # Wed 25 Nov: the run of Mon 23 Nov was two days ago, the next one is due
STRENGTH_IDS = {"hip-strength"}


def morning(when: date, score: int, compared: str = "same", swelling: bool = False) -> PainLog:
    return MorningAnswer(score, compared, swelling).log(at(when, 7))


def overview_items(
    today: date, sessions: list[SessionRecord], logs: list[PainLog], band: int = 0
) -> dict[str, DueItem]:
    program = replace(PROGRAM, acceptable_morning_pain=band)
    settings = Settings(program_start=START, running=True, onboarded=True)
    overview = build_overview(
        program, settings, LIBRARY, started_history(sessions, logs), at(today, 9)
    )
    return {item.routine_id: item for item in overview.items if item.kind != "advice"}


def test_a_worse_morning_after_a_run_holds_the_next_run() -> None:
    logs = [morning(day(1), 1), morning(WED, 2, "worse")]
    items = overview_items(WED, [run(day(0))], logs, band=2)
    assert items["run"].status == REST
    assert items["run"].reason.startswith("This morning 2/10, worse than yesterday")
    assert "today's run is held" in items["run"].reason
    assert items["pre-run"].status == REST  # the warm-up goes with the run


def test_a_settled_morning_after_a_run_lets_the_planned_run_go_ahead() -> None:
    logs = [morning(day(1), 0), morning(WED, 0, "better")]
    items = overview_items(WED, [run(day(0))], logs)
    assert items["run"].status == DUE
    assert items["run"].reason.startswith("Run week 1: 10-15 min easy")


def test_a_settled_week_progresses_and_a_worse_morning_holds_the_progressed_run() -> None:
    week_one = [run(day(d)) for d in (0, 2, 4)]
    monday = day(7)
    settled = overview_items(monday, week_one, [morning(monday, 0)])
    assert settled["run"].status == DUE
    assert settled["run"].reason.startswith("Run week 2: 15-16 min")  # the single-run guard
    held = overview_items(monday, week_one, [morning(day(6), 0), morning(monday, 1)])
    assert held["run"].status == REST  # a higher score than yesterday's is worse too


def test_morning_above_the_band_holds_the_run_but_not_strength() -> None:
    logs = [morning(day(1), 1, "same")]
    items = overview_items(day(1), [run(day(-1)), session("hip-strength", day(-1))], logs)
    verdict = morning_verdict(0, [run(day(-1))], logs, day(1), STRENGTH_IDS)
    assert verdict is not None and verdict.holds_run and not verdict.holds_strength
    assert items["hip-strength"].status == DUE
    allowed = morning_verdict(2, [run(day(-1))], logs, day(1), STRENGTH_IDS)
    assert allowed is not None and not allowed.holds_run  # a physio's band of 2 allows it


def test_a_worse_morning_after_strength_holds_the_next_strength_session() -> None:
    sessions = [session("hip-strength", day(0))]
    logs = [morning(day(1), 0), morning(day(2), 1, "worse")]
    items = overview_items(day(2), sessions, logs, band=3)
    assert items["hip-strength"].status == REST
    assert "today's strength session is held" in items["hip-strength"].reason


def test_swelling_holds_and_a_later_settled_morning_releases() -> None:
    sessions = [run(day(0))]
    swollen = [morning(day(1), 0, "same", swelling=True)]
    held = morning_verdict(0, sessions, swollen, WED, STRENGTH_IDS)
    assert held is not None and held.holds_run and held.holds_strength
    assert "with swelling" in held.text(WED)
    assert held.text(WED).startswith("On the morning of Tue 24 Nov")
    released = morning_verdict(0, sessions, [*swollen, morning(WED, 0)], WED, STRENGTH_IDS)
    assert released is not None and not released.holds_run
    assert "settled, so the plan goes on as planned" in released.text(WED)


def test_without_a_run_or_strength_session_nothing_is_held() -> None:
    logs = [morning(day(1), 0), morning(WED, 4, "worse")]
    verdict = morning_verdict(0, [], logs, WED, STRENGTH_IDS)
    assert verdict is not None and verdict.after is None and not verdict.holds_run
    assert verdict.text(WED) == "This morning 4/10, worse than yesterday."


def test_an_old_morning_decides_nothing() -> None:
    logs = [morning(day(-10), 5, "worse")]
    assert morning_verdict(0, [run(day(-11))], logs, WED, STRENGTH_IDS) is None


def test_a_check_in_at_zero_is_a_pain_free_day() -> None:
    logs = [morning(WED - timedelta(days=n), 0) for n in range(1, 6)]
    streak, _ = pain_free_streak(logs, WED)
    assert streak == 5


def test_check_in_due_once_a_day_unless_skipped() -> None:
    assert checkin_due([], WED, None)
    assert not checkin_due([morning(WED, 0)], WED, None)
    assert checkin_due([morning(day(1), 0)], WED, None)
    assert not checkin_due([], WED, WED)
    assert checkin_due([], WED, day(1))  # yesterday's skip is over


def test_missed_check_ins_are_named_from_the_last_one() -> None:
    assert missed_checkins([], WED, START) == []  # the habit has not started
    logs = [morning(day(-1), 0)]
    assert missed_checkins(logs, WED, START) == [day(0), day(1)]
    assert missed_text(missed_checkins(logs, WED, START)) == (
        "Check-in missed on Mon 23 Nov and Tue 24 Nov: those days are not counted as pain-free."
    )
    assert missed_checkins([morning(day(1), 0)], WED, START) == []


def test_restart_note_after_two_days_uses_the_program_rules() -> None:
    sessions = [session("daily-stretch", day(-1))]
    assert days_missed(sessions, [], WED) == 2
    assert days_missed([], [], WED) == 0
    items = [DueItem("daily-stretch", "Daily stretch", "Once a day", DUE)]
    note = restart_note(2, items, 3)
    assert note.startswith("2 days missed: restart with Daily stretch today")
    assert "at most 3 times a week, never two days in a row" in note
    assert "run week 3" in note
    assert restart_note(1, items, None) == ""
    assert "Short of time" not in note


def test_restart_note_offers_a_short_strength_session_when_strength_is_due() -> None:
    items = [DueItem("hip-strength", "Hip strength", "Strength: due today", DUE)]
    note = restart_note(3, items, None, {"hip-strength"})
    assert note.endswith(
        "Short of time? A shorter Hip strength keeps the key exercises "
        "(m on Home, or itb start hip-strength --minutes 15)."
    )
    rest = [items[0]._replace(status=REST)]
    assert "Short of time" not in restart_note(3, rest, None, {"hip-strength"})


def test_answer_is_checked_and_stored_as_a_morning_log() -> None:
    log = MorningAnswer(3, "worse", True).log(datetime(2026, 11, 25, 7, tzinfo=at(WED).tzinfo))
    assert (log.context, log.compared, log.swelling) == ("morning", "worse", True)
    with pytest.raises(ValueError):
        MorningAnswer(11, "same", False)
    with pytest.raises(ValueError):
        MorningAnswer(2, "fine", False)


def test_morning_log_round_trips_and_old_logs_still_read() -> None:
    month = MonthHistory(
        [], [morning(WED, 2, "better", swelling=False), PainLog(at(WED), 1, "daily")]
    )
    problems: list[str] = []
    again = MonthHistory.from_dict(month.to_dict(), "test", problems)
    assert problems == [] and again.pain_logs == month.pain_logs
    assert "compared" not in month.to_dict()["pain_logs"][1]


def test_the_band_is_read_from_the_program_and_checked(tmp_path: Path) -> None:
    shipped = (content_dir() / "program.toml").read_text(encoding="utf-8")
    assert PROGRAM.acceptable_morning_pain == 0
    path = tmp_path / "program.toml"
    path.write_text(shipped.replace("acceptable_pain = 0", "acceptable_pain = 5"))
    assert load_program(path, set(LIBRARY.routines)).acceptable_morning_pain == 5
    for beyond in (6, 11):  # Silbernagel et al. (2007) accept up to 5/10 at most
        path.write_text(shipped.replace("acceptable_pain = 0", f"acceptable_pain = {beyond}"))
        with pytest.raises(ContentError, match="acceptable_pain"):
            load_program(path, set(LIBRARY.routines))


def test_overview_and_the_shell_summary_say_what_the_morning_held() -> None:
    program = replace(PROGRAM, acceptable_morning_pain=0)
    settings = Settings(program_start=START, running=True, onboarded=True)
    history = started_history([run(day(0))], [morning(day(1), 0), morning(WED, 2, "worse")])
    overview = build_overview(program, settings, LIBRARY, history, at(WED, 9))
    assert [item.routine_id for item in overview.held] == ["hip-strength", "pre-run", "run", "ice"]
    summary = summarize(decide(RulesInput(program, LIBRARY, settings, history, at(WED, 9))))
    assert not summary.checkin_due and summary.morning_decides
    shown = text(summary)
    assert "  --- Run: This morning 2/10, worse than yesterday" in shown
    assert line(summary) == "itb: Foam rolling, Daily stretch"
    data = json.loads(as_json(summary))
    assert [item["id"] for item in data["held"]] == ["hip-strength", "pre-run", "run", "ice"]


def test_overview_gives_the_restart_note_after_days_away() -> None:
    settings = Settings(program_start=START, onboarded=True)
    history = MonthHistory([session("daily-stretch", day(-3))], [morning(day(-3), 0)])
    overview = build_overview(PROGRAM, settings, LIBRARY, history, at(WED, 9))
    assert overview.restart_note.startswith("4 days missed: restart with Foam rolling")
    assert overview.missed_checkins == [day(n) for n in range(-2, 2)]
    assert overview.checkin_due
    inp = RulesInput(PROGRAM, LIBRARY, settings, history, at(WED, 9))
    assert "4 days missed" in text(summarize(decide(inp)))
