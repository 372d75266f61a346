"""Plan rules over synthetic histories, date by date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta, timezone

import pytest

from itb_tui.core.clock import FakeClock
from itb_tui.core.history.records import (
    PainLog,
    PainSpike,
    SessionRecord,
)
from itb_tui.core.plan.progress import Improvement, no_improvement, progression_hints
from itb_tui.core.plan.run_walk import run_days
from itb_tui.core.plan.running import run_minutes
from itb_tui.core.plan.signs import warning_signs
from itb_tui.core.plan.today import today_plan
from itb_tui.core.plan.weeks import (
    current_phases,
    pain_free_streak,
    program_week,
    readiness,
)
from itb_tui.core.session.engine import Phase, SessionEngine
from tests.factories import (
    LIBRARY,
    MON,
    PROGRAM,
    START,
    at,
    clamshells,
    day,
    pain,
    pain_free,
    pain_free_week,
    plan,
    ready_by,
    result,
    run,
    session,
    settings,
    signs,
    stage_on,
    strength,
)
from tests.factories import (
    readiness_on as _checks,
)

# -- program weeks and phases ------------------------------------------------------------


def test_program_week_counts_seven_day_blocks_from_the_start() -> None:
    assert program_week(START, START) == 1
    assert program_week(START, day(6, START)) == 1
    assert program_week(START, day(7, START)) == 2
    assert program_week(START, day(-1, START)) == 0


@pytest.mark.parametrize(
    ("week", "phases"),
    [
        (1, ["calm", "roll", "stretch"]),
        (2, ["calm", "roll", "strengthen", "stretch"]),
        (5, ["strengthen", "stretch"]),
        (9, ["stretch"]),
    ],
)
def test_current_phases(week: int, phases: list[str]) -> None:
    assert [p.id for p in current_phases(PROGRAM, week)] == phases


# -- today's plan --------------------------------------------------------------------------


def test_week_one_with_no_history() -> None:
    items = today_plan(PROGRAM, settings(), [], [], START, LIBRARY)
    routines = {i.routine_id: i.status for i in items if i.kind == "routine"}
    assert routines == {
        "foam-rolling": "due",
        "daily-stretch": "due",
        "quick-mobility": "optional",
        "glute-tfl-stretch": "optional",
        "ice": "optional",
    }
    advice = [i for i in items if i.kind == "advice"]
    assert any("50-70 %" in i.reason for i in advice)
    assert any(i.title == "Cross-training" and "Swimming" in i.reason for i in advice)
    assert not any(i.kind == "run" for i in items)


def test_daily_stretch_done_only_by_a_completed_session_today() -> None:
    today = day(2, START)
    assert plan(today)["daily-stretch"].status == "due"
    assert plan(today, [session("daily-stretch", day(-1, today))])["daily-stretch"].status == "due"
    stopped = session("daily-stretch", today, completed=False)
    assert plan(today, [stopped])["daily-stretch"].status == "due"
    assert plan(today, [session("daily-stretch", today)])["daily-stretch"].status == "done"


def test_foam_rolling_only_in_its_weeks_and_advice_only_in_phase_one() -> None:
    assert "foam-rolling" in plan(day(27, START))  # week 4
    assert "foam-rolling" not in plan(day(28, START))  # week 5
    week3 = today_plan(PROGRAM, settings(), [], [], day(14, START), LIBRARY)
    assert not any(i.kind == "advice" for i in week3)


def test_no_start_date_counts_as_week_one() -> None:
    items = plan(MON, start=None)
    assert "foam-rolling" in items and "hip-strength" not in items


def test_strength_starts_in_week_two_and_stays_after_its_phase() -> None:
    assert "hip-strength" not in plan(day(6, START))
    assert plan(day(7, START))["hip-strength"].status == "due"
    assert plan(day(70, START))["hip-strength"].status == "due"  # week 11


def test_strength_through_a_week_day_by_day() -> None:
    done = [session("hip-strength", day(0)), session("hip-strength", day(2))]
    expected = {
        0: ("done", "Strength: 1 of 3 in the last 7 days; done today"),
        1: ("rest", "Strength: 1 of 3 in the last 7 days; done yesterday, so rest today"),
        2: ("done", "Strength: 2 of 3 in the last 7 days; done today"),
        3: ("rest", "Strength: 2 of 3 in the last 7 days; done yesterday, so rest today"),
        4: ("due", "Strength: 2 of 3 in the last 7 days; due today"),
    }
    for offset, (status, reason) in expected.items():
        today = day(offset)
        item = plan(today, [s for s in done if s.started_at.date() <= today])["hip-strength"]
        assert (item.status, item.reason) == (status, reason), offset


def test_strength_three_times_then_rest_until_the_seven_days_roll_on() -> None:
    done = [session("hip-strength", day(n)) for n in (0, 2, 4)]
    saturday = plan(day(5), done)["hip-strength"]
    assert saturday.reason == "Strength: 3 of 3 in the last 7 days; rest until Mon 30 Nov"
    assert plan(day(6), done)["hip-strength"].status == "rest"
    monday = plan(day(7), done)["hip-strength"]
    assert (monday.status, monday.reason) == (
        "due",
        "Strength: 2 of 3 in the last 7 days; due today",
    )


def test_strength_cap_is_a_rolling_seven_days_not_the_iso_week() -> None:
    # Thu, Sat, then Mon and Wed: four in seven days if weeks were counted Monday to Sunday.
    done = [session("hip-strength", day(n)) for n in (-4, -2, 0)]
    item = plan(day(2), done)["hip-strength"]
    assert item.status == "rest"
    assert item.reason == "Strength: 3 of 3 in the last 7 days; rest until Thu 26 Nov"
    assert plan(day(3), done)["hip-strength"].status == "due"


def test_strength_on_sunday_means_rest_on_monday_with_a_fresh_count() -> None:
    sunday = session("hip-strength", day(-1))
    item = plan(MON, [sunday])["hip-strength"]
    assert item.status == "rest"
    assert item.reason == "Strength: 1 of 3 in the last 7 days; done yesterday, so rest today"


def test_any_strength_routine_counts_and_two_on_one_day_count_once() -> None:
    done = [session("side-leg-lifts", day(0)), session("hip-strength", day(0), hour=18)]
    assert (
        plan(day(2), done)["hip-strength"].reason
        == "Strength: 1 of 3 in the last 7 days; due today"
    )
    stopped = session("hip-strength", day(1), completed=False)
    assert plan(day(2), [stopped])["hip-strength"].status == "due"  # stopped before any set
    some = session("hip-strength", day(1), completed=False, exercises=[clamshells(15, sets=1)])
    assert plan(day(2), [some])["hip-strength"].status == "rest"  # a set done: it counts


def test_sessions_count_on_their_own_local_date() -> None:
    # Tuesday 23:30 in New York is Wednesday 05:30 at UTC+1: it still counts on Tuesday.
    new_york = timezone(timedelta(hours=-5))
    late = session("hip-strength", day(1), hour=23, tz=new_york)
    assert plan(day(2), [late])["hip-strength"].status == "rest"
    assert plan(day(1), [late])["hip-strength"].status == "done"
    # Monday 00:30 in Tokyo is Sunday afternoon in UTC: it counts on Monday.
    tokyo = timezone(timedelta(hours=9))
    early = session("daily-stretch", day(0), hour=0, tz=tokyo)
    assert plan(day(0), [early])["daily-stretch"].status == "done"
    assert plan(day(-1), [early])["daily-stretch"].status == "due"


def test_running_adds_pre_run_run_and_ice() -> None:
    items = plan(MON, *ready_by(MON), running=True)
    assert [items[k].status for k in ("pre-run", "run", "ice")] == ["due", "due", "due"]
    assert items["run"].kind == "run"
    assert items["run"].reason.startswith("Run week 1: 10-15 min easy")
    assert items["ice"].reason.startswith("After today's run")


def test_after_a_run_ice_is_due_until_done_after_it() -> None:
    ready, logs = ready_by(MON)
    runs = [*ready, run(MON, hour=7)]
    items = plan(MON, runs, logs, running=True)
    assert items["run"].status == "done" and items["ice"].status == "due"
    assert "pre-run" not in items
    iced_before = [*runs, session("ice", MON, hour=6)]
    assert plan(MON, iced_before, logs, running=True)["ice"].status == "due"
    iced = [*runs, session("pre-run", MON, hour=6), session("ice", MON, hour=9)]
    items = plan(MON, iced, logs, running=True)
    assert items["ice"].status == "done" and items["pre-run"].status == "done"


def test_rest_day_after_a_run_hides_pre_run_and_ice() -> None:
    ready, logs = ready_by(MON)
    items = plan(day(1), [*ready, run(MON)], logs, running=True)
    assert items["run"].status == "rest"
    assert items["run"].reason == "Today is a rest day after Monday's run: run every other day."
    assert "pre-run" not in items and "ice" not in items


def test_unlocked_running_is_offered_as_optional() -> None:
    today = day(30, START)
    sessions = [strength(day(n, START)) for n in (21, 23, 25)]
    items = plan(today, sessions, pain_free(today, 5))
    assert items["run"].status == "optional"
    assert items["run"].reason.startswith("You meet the checks")
    assert "run" not in plan(today, sessions, pain_free(today, 4))


# -- readiness ------------------------------------------------------------------------------


def test_pain_free_days_five_is_enough_four_is_not() -> None:
    today = MON
    five = _checks(today, [], pain_free(today, 5)).checks[0]
    four = _checks(today, [], pain_free(today, 4)).checks[0]
    assert five.met and five.evidence.startswith(
        "5 pain-free days in a row (need 5, 7 recommended)"
    )
    assert not four.met and "days without a log don't count" in four.evidence


def test_knee_pain_recorded_anywhere_that_day_breaks_the_streak() -> None:
    """001: running starts once pain has been absent in all daily activities. A day whose
    logs say 0 is not pain-free when a spike in foam rolling, a rating after a stretch, swelling
    or a log in another context says pain that day."""
    logs = pain_free(MON, 7)
    assert pain_free_streak(logs, MON)[0] == 7
    rolled = session("foam-rolling", day(-2), spikes=["tfl-release"])
    assert pain_free_streak(logs, MON, [rolled]) == (2, "pain 1/10 on Sat 21 Nov")
    stretched = session("daily-stretch", day(-1), pain_after=3)
    assert pain_free_streak(logs, MON, [stretched]) == (1, "pain 3/10 on Sun 22 Nov")
    during = pain(day(-3), 2, "during-run", hour=7)
    assert pain_free_streak([*logs, during], MON) == (3, "pain 2/10 on Fri 20 Nov")
    swollen = pain(day(-1), 0, "exercise", swelling=True)
    assert pain_free_streak([*logs, swollen], MON) == (1, "swelling on Sun 22 Nov")
    sore_and_swollen = pain(day(-1), 4, "daily", swelling=True, hour=20)
    assert pain_free_streak([*logs, sore_and_swollen], MON) == (
        1,
        "pain 4/10 with swelling on Sun 22 Nov",
    )
    unrated = replace(session("daily-stretch", day(-1)), swelling=True)
    assert pain_free_streak(logs, MON, [unrated]) == (1, "swelling on Sun 22 Nov")
    assert pain_free_streak(logs, MON, [session("daily-stretch", day(-1), pain_after=0)])[0] == 7


def test_today_not_logged_yet_does_not_break_the_streak() -> None:
    logs = pain_free(day(-1), 5)
    assert pain_free_streak(logs, MON)[0] == 5
    assert pain_free_streak([*logs, pain(MON, 0)], MON)[0] == 6


def test_a_gap_or_any_pain_breaks_the_streak() -> None:
    gap = [log for log in pain_free(MON, 7) if log.at.date() != day(-2)]
    assert pain_free_streak(gap, MON) == (
        2,
        "no daily pain log on Sat 21 Nov (days without a log don't count)",
    )
    mixed = [*pain_free(MON, 7), pain(day(-3), 1, "rest", hour=9)]
    assert pain_free_streak(mixed, MON) == (3, "pain 1/10 on Fri 20 Nov")
    runs_only = [pain(day(-n), 0, "during-run") for n in range(7)]
    assert pain_free_streak(runs_only, MON)[0] == 0


def with_spike(record: SessionRecord, exercise: str = "clamshell") -> SessionRecord:
    return replace(record, pain_spikes=[PainSpike(record.started_at, exercise, "left")])


def test_strength_check_needs_three_pain_free_complete_sessions() -> None:
    days = [day(-6), day(-4), day(-2)]
    clean = [strength(d) for d in days]
    check = _checks(MON, clean, []).checks[1]
    assert check.met and check.evidence.startswith("last 3 sessions in full, with no pain")
    assert not _checks(MON, clean[1:], []).checks[1].met
    spiked = [*clean[:2], with_spike(strength(days[2]))]
    check = _checks(MON, spiked, []).checks[1]
    assert not check.met and check.evidence == "pain during Clamshells on Sat 21 Nov"
    older_spike = [with_spike(strength(day(-8))), *clean]
    assert _checks(MON, older_spike, []).checks[1].met


def test_strength_check_needs_pain_zero_after_each_session() -> None:
    """001: every phase-3 exercise "without pain": a 2/10 afterwards is pain."""
    clean = [strength(d) for d in (day(-6), day(-4))]
    for rating, evidence in (
        (2, "pain 2/10 after the session on Sat 21 Nov"),
        (None, "no pain rating after the session on Sat 21 Nov (rate it in History)"),
    ):
        check = _checks(MON, [*clean, strength(day(-2), pain_after=rating)], []).checks[1]
        assert (check.met, check.evidence) == (False, evidence)


def test_strength_check_needs_every_exercise_at_its_sets_on_both_sides() -> None:
    sessions = [strength(day(-n)) for n in (6, 4)]
    last = strength(day(-2))
    squat = next(r for r in last.exercises if r.exercise == "single-leg-box-squat")
    squat.done["right"] = []  # every painful-side set skipped
    check = _checks(MON, [*sessions, last], []).checks[1]
    assert not check.met
    assert check.evidence == (
        "Single-leg box squat not done at the planned sets on both sides on Sat 21 Nov"
    )
    missing = replace(strength(day(-2)), exercises=strength(day(-2)).exercises[:-1])
    assert not _checks(MON, [*sessions, missing], []).checks[1].met  # the squat not recorded


def test_a_strength_session_stopped_for_pain_counts_in_the_strength_check() -> None:
    """001: pain during a phase-3 exercise; stopping the session because of it is no escape."""
    clean = [strength(day(-n)) for n in (8, 6, 4)]
    stopped = with_spike(strength(day(-2), completed=False, done_items=2), "glute-bridge")
    check = _checks(MON, [*clean, stopped], []).checks[1]
    assert not check.met and check.evidence == "pain during Glute bridge on Sat 21 Nov"
    assert not _checks(day(1), [*clean, stopped], pain_free(MON, 7)).ready
    # Stopped without any pain (the phone rang): left out, the three before it still count.
    quiet = strength(day(-2), completed=False, done_items=2)
    assert _checks(MON, [*clean, quiet], []).checks[1].met


def test_the_strength_check_reads_the_last_fourteen_days_only() -> None:
    """Three good sessions a month ago met the check; they say how the knee was, not is."""
    month_ago = [strength(day(-n)) for n in (30, 28, 26)]
    check = _checks(MON, month_ago, []).checks[1]
    assert (check.met, check.evidence) == (False, "0 of 3 sessions in full in the last 14 days")
    assert _checks(MON, [strength(day(-n)) for n in (13, 11, 9)], []).checks[1].met
    assert not _checks(MON, [strength(day(-n)) for n in (14, 11, 9)], []).checks[1].met


def test_one_rep_per_set_does_not_meet_the_strength_check() -> None:
    """A set below the low end of its range is not a planned set, even in a session that was
    saved as completed."""

    def one_rep(record: SessionRecord) -> SessionRecord:
        for done in record.exercises:
            done.done = {side: [1] * len(values) for side, values in done.done.items()}
        return record

    sessions = [one_rep(strength(d)) for d in (day(-6), day(-4), day(-2))]
    check = _checks(MON, sessions, []).checks[1]
    assert not check.met
    assert check.evidence.startswith("Clamshells, Side-lying hip abduction, Glute bridge")
    assert check.evidence.endswith("not done at the planned sets on both sides on Sat 21 Nov")


def test_enter_through_hip_strength_in_no_time_does_not_meet_the_strength_check() -> None:
    sessions = []
    for when in (day(-6), day(-4), day(-2)):
        clock = FakeClock(at(when))
        engine = SessionEngine(LIBRARY.routines["hip-strength"], clock)
        while engine.phase is not Phase.PAIN:
            engine.done()  # Enter at once on every step
        engine.rate_pain(0)
        sessions.append(engine.record())
    check = _checks(MON, sessions, []).checks[1]
    assert (check.met, check.evidence) == (False, "0 of 3 sessions in full in the last 14 days")


def test_a_stopped_session_without_a_rating_fails_the_strength_check_until_rated() -> None:
    clean = [strength(day(-n)) for n in (8, 6, 4)]
    unrated = strength(day(-2), completed=False, done_items=2, pain_after=None)
    check = _checks(MON, [*clean, unrated], []).checks[1]
    assert not check.met
    assert check.evidence == "no pain rating after the session on Sat 21 Nov (rate it in History)"
    rated = replace(unrated, pain_after=0)
    assert _checks(MON, [*clean, rated], []).checks[1].met


def test_rehab_weeks_and_overall_readiness() -> None:
    """001: running starts "around weeks 4-6": program week 4 is the earliest."""
    sessions = [strength(day(n, START)) for n in (14, 16, 18)]
    week_short = day(20, START)  # program week 3
    result = _checks(week_short, sessions, pain_free(week_short, 7))
    assert [c.met for c in result.checks] == [True, True, False] and not result.ready
    assert result.checks[2].evidence.startswith("2 full weeks done (need 3, so from program week 4")
    ready = _checks(day(21, START), sessions, pain_free(day(21, START), 7))  # week 4, day 1
    assert ready.ready
    assert not _checks(MON, sessions, pain_free(MON, 7), start=None).checks[2].met


# -- return to running ---------------------------------------------------------------------


def test_no_runs_means_week_one() -> None:
    stage = stage_on(MON, [])
    assert (stage.week, stage.target.minutes, stage.last_week) == (1, (10, 15), "start")
    assert not stage.rest_today and not stage.hills_and_track


def test_a_pain_free_week_moves_on_one_week() -> None:
    runs = pain_free_week(MON)
    assert stage_on(day(6), runs).week == 1
    stage = stage_on(day(7), runs)
    assert (stage.week, stage.last_week, stage.target.minutes) == (2, "progress", (15, 20))
    assert stage.evidence == "Week 1 was pain-free (3 runs): on to week 2."


def test_pain_or_too_few_runs_repeats_the_week() -> None:
    sore = [*pain_free_week(MON)[:2], run(day(4), pain_after=1)]
    stage = stage_on(day(7), sore)
    assert (stage.week, stage.last_week) == (1, "repeat")
    assert "pain 1/10 after the run on Fri 27 Nov" in stage.evidence
    assert stage_on(day(7), [run(MON)]).week == 1
    assert stage_on(day(7), [*pain_free_week(MON)[:2], run(day(4), completed=False)]).week == 2


def test_runs_count_by_day_a_rest_day_apart_in_weeks_that_alternate_days() -> None:
    """001: weeks 1-2 "alternate days only": two runs on one day, or a run the day after
    another, do not make a week of runs; in a week that does not alternate, one a day counts."""
    same_day = [run(MON), run(MON, hour=18)]
    stage = stage_on(day(7), same_day)
    assert (stage.week, stage.last_week) == (1, "repeat")
    assert stage.evidence == (
        "Only 1 run in full a rest day apart in the week of Mon 23 Nov: repeat week 1."
    )
    assert stage_on(day(7), [run(MON), run(day(1))]).week == 1
    assert stage_on(day(7), [run(MON), run(day(1)), run(day(3))]).week == 2  # greedy: Mon, Thu
    assert stage_on(day(7), [run(MON), run(day(2))]).week == 2
    stage = stage_on(day(7), [*same_day, run(day(1)), run(day(2))])
    assert stage.evidence == "Week 1 was pain-free (2 runs): on to week 2."
    assert len(run_days([*same_day, run(day(1))], alternate_days=False)) == 2


def test_a_warning_sign_steps_back_one_week_not_to_the_start() -> None:
    runs = pain_free_week(MON) + pain_free_week(day(7)) + pain_free_week(day(14), 20)
    assert stage_on(day(21), runs).week == 4
    last_run = runs[-1]
    lingering = pain(day(18), 3, "after-run", hour=last_run.ended_at.hour + 3)
    stage = stage_on(day(21), runs, [lingering])
    assert (stage.week, stage.last_week) == (2, "step-back")
    assert "Back one week to week 2, not to the start" in stage.evidence


def test_a_sign_this_week_steps_back_at_once_and_only_once() -> None:
    runs = pain_free_week(MON) + pain_free_week(day(7))
    this_week = [run(day(14), 20), run(day(16), 20, spikes=("run", "run"))]
    stage = stage_on(day(17), runs + this_week)
    assert (stage.week, stage.last_week) == (2, "step-back")
    assert stage.rest_today  # pain built up during yesterday's run: settle first
    swelling = pain(day(16), 2, swelling=True)
    assert stage_on(day(17), runs + this_week, [swelling]).week == 2  # two signs, one step
    assert stage_on(day(21), runs + this_week, [swelling]).week == 2  # no second step
    assert stage_on(day(20), runs + this_week).rest_today is False


def test_step_back_never_goes_below_week_one() -> None:
    runs = [run(MON, spikes=("run", "run")), run(day(2))]
    assert stage_on(day(3), runs).week == 1
    assert stage_on(day(7), runs).week == 1


def test_alternate_days_and_weekly_count_decide_rest_days() -> None:
    runs = pain_free_week(MON)
    assert stage_on(day(1), runs[:1]).rest_today
    assert not stage_on(day(2), runs[:1]).rest_today
    full = stage_on(day(6), runs)
    assert full.rest_today and full.today_text == "3 of 3 runs done this week."
    sunday = [run(day(6))]
    monday = stage_on(day(7), sunday)
    assert monday.rest_today and monday.runs_this_week == 0
    assert stage_on(day(4), runs).ran_today


def test_week_four_caps_the_weekly_increase_and_hills_wait_for_week_six() -> None:
    runs: list[SessionRecord] = []
    for n, minutes in enumerate((15, 20, 25, 25, 25)):
        runs += pain_free_week(day(7 * n), minutes)
    stage = stage_on(day(35), runs)
    assert stage.week == 6 and stage.target.week == 4 and stage.hills_and_track
    assert stage.max_weekly_minutes == 82  # 3 x 25 min + 10 %
    assert "at most 82 min in total this week" in stage.today_text
    week5 = stage_on(day(28), runs[:-3])
    assert week5.week == 5 and not week5.hills_and_track


def test_run_minutes_and_local_dates_of_runs() -> None:
    assert run_minutes(run(MON, 18)) == 18
    bare = session("run", MON, minutes=25)
    assert run_minutes(bare) == 25
    late = run(day(-1), hour=23, tz=timezone(timedelta(hours=-5)))  # Sunday night in New York
    stage = stage_on(MON, [late])
    assert stage.rest_today and stage.runs_this_week == 0


# -- warning signs ---------------------------------------------------------------------------


def test_run_pain_worsens() -> None:
    assert signs(MON, [run(MON, spikes=("run", "run"))]) == ["run-pain-worsens"]
    assert signs(MON, [run(MON, spikes=("run",))]) == []
    rising = [pain(MON, 2, "during-run", hour=7), pain(MON, 4, "during-run", hour=8)]
    assert signs(MON, [], rising) == ["run-pain-worsens"]
    falling = [pain(MON, 4, "during-run", hour=7), pain(MON, 2, "during-run", hour=8)]
    assert signs(MON, [], falling) == []
    two_days = [pain(day(-1), 2, "during-run"), pain(MON, 4, "during-run")]
    assert signs(MON, [], two_days) == []


def test_pain_after_run_counts_from_two_hours_after_it_ended() -> None:
    runs = [run(MON, hour=7, minutes=30)]  # ends 07:30
    assert signs(MON, runs, [pain(MON, 2, "after-run", hour=10)]) == ["pain-after-run"]
    assert signs(MON, runs, [pain(MON, 2, "after-run", hour=9)]) == []  # 1.5 h
    assert signs(MON, runs, [pain(MON, 0, "after-run", hour=12)]) == []
    assert signs(MON, [], [pain(MON, 3, "after-run", hour=12)]) == []
    # 30 h later: pain after that run until the next morning check-in, and not after it
    assert signs(day(2), runs, [pain(day(1), 3, "daily", hour=14)]) == ["pain-after-run"]
    answered = [pain(day(1), 0, "morning", hour=8), pain(day(1), 3, "daily", hour=14)]
    assert signs(day(2), runs, answered) == []
    found = warning_signs(PROGRAM, runs, [pain(MON, 2, "after-run", hour=10)], MON, LIBRARY)
    assert found[0].evidence == "pain 2/10 2 h 30 min after the run on Mon 23 Nov"


def test_pain_during_strength_in_the_last_fourteen_days() -> None:
    spiked = session("hip-strength", day(-13), spikes=("clamshell",))
    assert signs(MON, [spiked]) == ["pain-during-strength"]
    assert signs(day(1), [spiked]) == []
    stopped = session("hip-strength", MON, completed=False, spikes=("glute-bridge",))
    assert signs(MON, [stopped]) == ["pain-during-strength"]
    assert signs(MON, [session("daily-stretch", MON, spikes=("pigeon",))]) == []


def test_swelling_is_the_yes_no_answer_within_fourteen_days() -> None:
    assert signs(MON, [], [pain(day(-3), 1, swelling=True)]) == ["swelling"]
    assert signs(MON, [], [pain(day(-3), 1, note="knee puffy", swelling=False)]) == []
    assert signs(MON, [], [pain(day(-3), 1, note="knee swollen")]) == []  # a note is not asked
    assert signs(MON, [], [pain(day(-20), 1, swelling=True)]) == []
    rated = replace(session("hip-strength", day(-2)), swelling=True)
    assert signs(MON, [rated]) == ["swelling"]


def test_the_same_sign_told_twice_on_one_day_is_listed_once() -> None:
    """A check-in and a quick log that both say 8/10 with swelling are one line on Home and the
    return-to-running screen, not two; a different day is its own line."""
    twice = [pain(day(-1), 8, swelling=True, hour=7), pain(day(-1), 8, "morning", swelling=True)]
    assert signs(MON, [], twice) == ["swelling"]
    assert signs(MON, [], [*twice, pain(day(-2), 8, swelling=True)]) == ["swelling", "swelling"]


def test_signs_are_listed_newest_first() -> None:
    found = signs(
        MON,
        [session("hip-strength", day(-5), spikes=("clamshell",))],
        [pain(day(-1), 1, swelling=True)],
    )
    assert found == ["swelling", "pain-during-strength"]


# -- no improvement --------------------------------------------------------------------------


def rehab_history(weeks: int, first: int, last: int) -> tuple[list[SessionRecord], list[PainLog]]:
    days = weeks * 7
    sessions = [session("daily-stretch", day(n, START)) for n in range(0, days, 2)]
    logs = [pain(day(n, START), first if n < 14 else last) for n in range(days)]
    return sessions, logs


def _improvement(today: date, sessions: list[SessionRecord], logs: list[PainLog]) -> Improvement:
    return no_improvement(PROGRAM, settings(), sessions, logs, today)


def test_no_improvement_after_six_weeks_is_flagged() -> None:
    sessions, logs = rehab_history(6, 3, 3)
    result = _improvement(day(41, START), sessions, logs)
    assert result.flagged and result.red_flag is not None
    assert result.red_flag.id == "no-improvement"
    assert "3.0/10 in the first two weeks and 3.0/10" in result.evidence
    assert not _improvement(day(40, START), sessions, logs).flagged  # only 5 full weeks


def test_improvement_or_too_little_rehab_is_not_flagged() -> None:
    better, logs = rehab_history(6, 4, 2)
    assert not _improvement(day(41, START), better, logs).flagged
    sessions, same = rehab_history(6, 3, 3)
    sparse = sessions[::4]  # one session every 8 days
    result = _improvement(day(41, START), sparse, same)
    assert not result.flagged and "needs 2 or more" in result.evidence
    _, zero = rehab_history(6, 0, 0)
    assert not _improvement(day(41, START), sessions, zero).flagged
    assert not _improvement(day(41, START), sessions, []).flagged


# -- progression hints -----------------------------------------------------------------------


def strength_with(reps: int, when: date, spikes: tuple[str, ...] = ()) -> SessionRecord:
    return session("hip-strength", when, exercises=[clamshells(reps)], spikes=spikes)


def hints(sessions: list[SessionRecord]) -> list[str]:
    return [hint.exercise_id for hint in progression_hints(sessions, LIBRARY, MON)]


def test_progression_after_three_sessions_at_the_top_of_the_range() -> None:
    sessions = [strength_with(20, day(-n)) for n in (5, 3, 1)]
    found = progression_hints(sessions, LIBRARY, MON)
    assert [h.exercise_id for h in found] == ["clamshell"]
    assert "loop band" in found[0].suggestion
    assert hints(sessions[1:]) == []
    assert hints([*sessions[:2], strength_with(19, day(-1))]) == []
    assert hints([*sessions[:2], strength_with(20, day(-1), spikes=("clamshell",))]) == []
    assert hints([strength_with(15, day(-7)), *sessions]) == ["clamshell"]  # only the last 3


def test_progression_ignores_light_doses_and_missing_sets() -> None:
    sessions = [strength_with(20, day(-n)) for n in (5, 3, 1)]
    warm_up = session("pre-run", MON, exercises=[clamshells(15, sets=1)])
    assert hints([*sessions, warm_up]) == ["clamshell"]
    short = session("hip-strength", MON, exercises=[clamshells(20, sets=2)])
    short.exercises[0].sets_planned = 3
    assert hints([*sessions, short]) == []


def test_no_hint_without_a_progression() -> None:
    bridges = result("single-leg-glute-bridge", left=[12] * 3, right=[12] * 3)
    sessions = [session("hip-strength", day(-n), exercises=[bridges]) for n in (5, 3, 1)]
    assert hints(sessions) == []


def test_dataclass_replace_keeps_program_rules_data_driven() -> None:
    rtr = replace(PROGRAM.return_to_running, min_pain_free_days=3)
    program = replace(PROGRAM, return_to_running=rtr)
    check = readiness(program, settings(), [], pain_free(MON, 3), MON, LIBRARY).checks[0]
    assert check.met
