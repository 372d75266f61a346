"""Pain reaches the rules whatever the hour: the next morning decides (001's warning signs;
the pain-monitoring model of Silbernagel et al., AJSM 2007), over synthetic histories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

import pytest

from itb_tui.core.content.program import Program
from itb_tui.core.history.records import MonthHistory, PainLog, SessionRecord
from itb_tui.core.plan.referee import RulesInput, decide
from itb_tui.core.plan.run_today import run_stage
from itb_tui.core.plan.signs import step_back_signs
from itb_tui.core.plan.verdict import Verdict
from tests.factories import at, pain, run
from tests.unit.plan.test_weeks import LIBRARY, MON, PROGRAM, day, ready_by, settings


def morning(when: date, score: int, compared: str = "same", hour: int = 8) -> PainLog:
    """A morning check-in of ``score`` on ``when``."""
    return PainLog(at(when, hour), score, "morning", "", False, compared)


def week_of_runs(monday: date, hour: int) -> list[SessionRecord]:
    return [run(monday + timedelta(days=n), hour=hour) for n in (0, 2, 4)]


def worse_mornings(monday: date) -> list[PainLog]:
    """0/10 the morning of each run (Mon, Wed, Fri at 06:00), 2/10 'worse' the next day."""
    logs = []
    for n in (0, 2, 4):
        logs.append(morning(monday + timedelta(days=n), 0, hour=6))
        logs.append(morning(monday + timedelta(days=n + 1), 2, "worse"))
    return logs


def with_band(band: int) -> Program:
    return replace(PROGRAM, acceptable_morning_pain=band)


def verdict_on(
    today: date,
    runs: Sequence[SessionRecord],
    logs: Sequence[PainLog],
    *,
    program: Program = PROGRAM,
    hour: int = 9,
) -> Verdict:
    sessions, ready_logs = ready_by(MON)
    history = MonthHistory([*sessions, *runs], [*ready_logs, *logs])
    return decide(RulesInput(program, LIBRARY, settings(), history, at(today, hour)))


@pytest.mark.parametrize("hour", [7, 18])
def test_worse_mornings_after_runs_keep_the_week_whatever_the_hour_of_the_runs(hour: int) -> None:
    stage = run_stage(PROGRAM, week_of_runs(MON, hour), worse_mornings(MON), day(7))
    assert stage.week == 1
    assert stage.last_week == "step-back"  # 2/10 is above the band of 0: pain after a run


def test_a_daily_log_26_hours_after_a_run_is_pain_after_it() -> None:
    logs = [pain(day(1), 4, "daily", hour=9, minute=20)]  # the run ended at 07:20
    found = step_back_signs(PROGRAM, [run(MON, hour=7)], logs, day(1))
    assert [f.sign.id for f in found] == ["pain-after-run"]
    assert found[0].evidence == "pain 4/10 26 h 5 min after the run on Mon 23 Nov"


def test_pain_after_the_next_morning_check_in_is_not_pain_after_the_run() -> None:
    logs = [morning(day(1), 0), pain(day(1), 3, "daily", hour=20)]
    assert step_back_signs(PROGRAM, [run(MON, hour=7)], logs, day(1)) == []


def test_pain_after_a_run_ends_at_the_next_run() -> None:
    runs = [run(MON, hour=7), run(day(2), hour=7)]
    found = step_back_signs(PROGRAM, runs, [pain(day(2), 3, "daily", hour=20)], day(2))
    assert [f.evidence for f in found] == ["pain 3/10 12 h 45 min after the run on Wed 25 Nov"]


def test_pain_after_a_run_counts_above_the_band_only() -> None:
    logs = [pain(day(1), 2, "daily", hour=9)]
    assert step_back_signs(with_band(2), [run(MON, hour=7)], logs, day(1)) == []
    assert step_back_signs(with_band(1), [run(MON, hour=7)], logs, day(1))


def test_a_morning_worse_than_before_the_run_within_the_band_keeps_the_week() -> None:
    program = with_band(2)
    logs = worse_mornings(MON)
    logs = [replace(log, score=1) if log.score == 2 else log for log in logs]
    stage = run_stage(program, week_of_runs(MON, 18), logs, day(7))
    assert (stage.week, stage.last_week) == (1, "repeat")
    assert "the morning after the run on Mon 23 Nov" in stage.evidence


def test_a_settled_week_within_the_band_moves_on() -> None:
    program = with_band(2)
    logs = [replace(log, score=1, compared="same") for log in worse_mornings(MON)]
    stage = run_stage(program, week_of_runs(MON, 18), logs, day(7))
    assert (stage.week, stage.last_week) == (2, "progress")


def test_an_unsettled_morning_holds_the_next_planned_run_not_the_next_day() -> None:
    """Monday's run, Tuesday (a rest day) 2/10 worse, Wednesday 0/10 better: Wednesday's
    run is the next planned one and is held; Thursday's settled morning frees Thursday."""
    program = with_band(2)
    runs = [run(MON, hour=18)]
    logs = [morning(MON, 0, hour=6), morning(day(1), 2, "worse"), morning(day(2), 0, "better")]
    held = verdict_on(day(2), runs, logs, program=program)
    assert held.run.status == "held"
    assert "Tue 24 Nov" in held.run.reason
    logs.append(morning(day(3), 0))
    assert verdict_on(day(3), runs, logs, program=program).run.status in ("due", "optional")


def test_a_week_whose_mornings_are_worse_on_average_than_the_week_before_holds() -> None:
    program = with_band(2)
    first = [morning(MON + timedelta(days=n), 0, hour=6) for n in range(7)]
    second = [morning(day(7 + n), 1, hour=6) for n in range(7)]
    runs = week_of_runs(MON, 18) + week_of_runs(day(7), 18)
    stage = run_stage(program, runs, first + second, day(14))
    assert (stage.week, stage.last_week) == (2, "repeat")
    assert "mornings" in stage.evidence
