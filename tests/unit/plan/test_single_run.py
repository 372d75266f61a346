"""The single-run spike guard over synthetic histories.

Garmin-RUNSAFE cohort (5,205 runners, 18 months; BJSM 2025, doi:10.1136/bjsports-2024-109380):
a run more than 10 % longer than the longest run of the previous 30 days raised the
overuse-injury rate; today's run is capped there, and a first run (or the first after 30 days
without one) keeps to week 1's range.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from itb_tui.core.history.records import RunDecision
from itb_tui.core.plan.running import run_stage
from itb_tui.core.plan.single_run import single_run_cap
from tests.factories import MON, PROGRAM, at, day, run


def test_the_first_run_ever_keeps_to_week_ones_range() -> None:
    guard = single_run_cap(PROGRAM, [], MON)
    assert guard.cut((20, 30)) == (10, 15)
    assert guard.cut((10, 15)) == (10, 15) and guard.reason((10, 15)) == ""
    assert "no run in the last 30 days" in guard.reason((20, 30))


def test_after_30_days_without_a_run_back_to_week_ones_range() -> None:
    """A run 30 days ago still counts; 31 days ago it has left the window."""
    assert single_run_cap(PROGRAM, [run(day(-30), 40)], MON).cut((20, 30)) == (20, 30)
    assert single_run_cap(PROGRAM, [run(day(-31), 40)], MON).cut((20, 30)) == (10, 15)


def test_a_long_run_last_week_caps_today_at_10_percent_more() -> None:
    runs = [run(day(-6), 12), run(day(-4), 20), run(day(-2), 18)]
    guard = single_run_cap(PROGRAM, runs, MON)
    assert guard.cut((20, 30)) == (20, 22)
    assert guard.cut((25, 30)) == (22, 22)
    assert "longest run of the last 30 days (20 min on Thu 19 Nov" in guard.reason((20, 30))


def test_the_cap_shows_in_the_run_stage_with_its_reason() -> None:
    """Week 3 set by hand; the longest run of the last 30 days was 20 min."""
    runs = [run(day(-6), 12), run(day(-4), 20), run(day(-2), 18)]
    week_three = RunDecision(at(day(-1), 18), "week", 3, cleared=True)
    stage = run_stage(PROGRAM, runs, [], MON, set_weeks=[week_three])
    assert stage.week == 3 and stage.today_minutes == (20, 22)
    assert stage.today_text.startswith(
        "Run week 3: 20-22 min easy; at most 22 min today, 10 % more than"
    )
    assert "Garmin-RUNSAFE, BJSM 2025" in stage.today_text


def test_a_run_week_whose_range_is_below_the_cap_is_not_changed() -> None:
    runs = [run(day(-20), 40), run(day(-2), 12)]
    stage = run_stage(PROGRAM, runs, [], MON)
    assert stage.today_minutes == stage.target.minutes
    assert "at most" not in stage.today_text and "RUNSAFE" not in stage.today_text


def test_a_run_today_is_not_its_own_longest() -> None:
    today = [run(MON - timedelta(days=1), 10), run(MON, 60, hour=7)]
    assert single_run_cap(PROGRAM, today, MON).cut((20, 30)) == (11, 11)


def test_a_short_stopped_run_does_not_hold_later_runs_below_week_ones_start() -> None:
    """001: running comes back with runs of 10-15 minutes once the checks are met. A run
    stopped after 3 minutes caps the next at week 1's 10, not at 3 (3 x 110 % rounded down)."""
    stopped = [run(day(-2), 3, completed=False)]
    guard = single_run_cap(PROGRAM, stopped, MON)
    assert guard.cut((10, 15)) == (10, 10)
    assert guard.reason((10, 15)).startswith("at most 10 min today, week 1's first runs")
    stage = run_stage(PROGRAM, stopped, [], MON)
    assert stage.week == 1 and stage.today_minutes == (10, 10)


def test_the_cap_is_always_a_minute_over_the_longest_run() -> None:
    """A percentage rounded down that adds nothing would keep the longest run's length for
    good: 15 min + 5 % is 15, so the cap is 16."""
    rtr = replace(PROGRAM.return_to_running, max_single_run_increase_pct=5)
    program = replace(PROGRAM, return_to_running=rtr)
    assert single_run_cap(program, [run(day(-2), 15)], MON).cut((20, 30)) == (16, 16)
