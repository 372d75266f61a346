"""Pain reaches the rules whatever the hour: the next morning decides (001's warning signs;
the pain-monitoring model of Silbernagel et al., AJSM 2007), over synthetic histories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

import pytest

from itb_tui.core.content.program import Program
from itb_tui.core.history.records import Knees, MonthHistory, PainLog, PainSpike, SessionRecord
from itb_tui.core.plan.red_flags import FlagChange, RedFlagState
from itb_tui.core.plan.referee import RulesInput, decide
from itb_tui.core.plan.run_today import run_stage
from itb_tui.core.plan.signs import step_back_signs
from itb_tui.core.plan.verdict import Verdict, offers_run
from tests.factories import (
    LIBRARY,
    MON,
    PROGRAM,
    at,
    day,
    pain,
    readiness_attempt,
    ready_by,
    run,
    session,
    settings,
)


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
    flags: RedFlagState | None = None,
) -> Verdict:
    sessions, ready_logs = ready_by(MON)
    history = MonthHistory([*sessions, *runs], [*ready_logs, *logs])
    inp = RulesInput(
        program, LIBRARY, settings(), history, at(today, hour), flags or RedFlagState()
    )
    return decide(inp)


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


# -- high pain, any way in (001's warning signs) ---------------------------------------------


def high_pain_ways(when: date) -> dict[str, tuple[list[SessionRecord], list[PainLog]]]:
    """8/10 with swelling as each way records it, the day after Monday's run: (runs, logs)."""
    spike = PainSpike(at(MON, 7, 10), "easy-run", "both", 8)
    return {
        "quick log": ([run(MON)], [pain(when, 8, "daily", hour=7, swelling=True)]),
        "itb log-pain at rest": ([run(MON)], [pain(when, 8, "rest", hour=7)]),
        "after a run": ([replace(run(MON, hour=7), pain_after=8, swelling=True)], []),
        "check-in": ([run(MON)], [morning(when, 8, hour=7)]),
        "a pain spike's score": ([replace(run(MON, hour=7), pain_spikes=[spike])], []),
        "swelling alone": ([run(MON)], [pain(when, 2, "daily", hour=7, swelling=True)]),
    }


@pytest.mark.parametrize("way", list(high_pain_ways(day(1))))
def test_high_pain_any_way_in_holds_the_run_and_the_weight_bearing_work(way: str) -> None:
    runs, logs = high_pain_ways(day(1))[way]
    found = verdict_on(day(2), runs, logs, hour=9)
    assert found.run.status == "held" and found.run.rule == "high-pain"
    assert not offers_run(found.run)  # no "run anyway" at 7/10 or more, or with swelling
    lines = {line.routine_id: line for line in found.items}
    strength = lines["hip-strength"]
    assert strength.status == "due"  # the lying exercises are not weight-bearing
    assert "Lateral band walks, Single-leg box squat are held until a lower score" in (
        strength.reason
    )
    held = found.overview.held_exercises["hip-strength"]
    assert held.ids == ("lateral-band-walk", "single-leg-box-squat")
    assert found.overview.hints == []


def test_high_pain_holds_each_weight_bearing_exercise_of_every_routine() -> None:
    """One notion of weight-bearing: the standing exercises of every routine are held, on
    today's plan or not; lying exercises, stretches and rolling are not."""
    found = verdict_on(day(2), [run(MON)], [pain(day(1), 8, "daily", hour=7)], hour=9)
    held = {rid: h.ids for rid, h in found.overview.held_exercises.items()}
    assert held == {
        "hip-strength": ("lateral-band-walk", "single-leg-box-squat"),
        "pre-run": ("lateral-band-walk",),
        "side-leg-lifts": ("fire-hydrant", "one-legged-squat"),
        "glute-tfl-stretch": ("calf-stretch",),
    }
    lines = {line.routine_id: line for line in found.items}
    assert lines["daily-stretch"].status == "due" and "held" not in lines["daily-stretch"].reason
    assert lines["foam-rolling"].status == "due"


def test_a_lower_score_lifts_the_high_pain_hold() -> None:
    logs = [pain(day(1), 8, "daily", hour=7), pain(day(1), 3, "daily", hour=19)]
    found = verdict_on(day(2), [run(MON)], logs)
    assert found.overview.high_pain is None
    assert all(line.rule != "high-pain" for line in found.items)


def test_a_morning_of_8_long_after_the_last_load_does_not_offer_the_run() -> None:
    found = verdict_on(day(9), [run(MON)], [morning(day(9), 8, hour=7)])
    assert found.overview.morning is not None and found.overview.morning.after is None
    assert (found.run.status, found.run.rule) == ("held", "high-pain")


def test_high_pain_hides_progression_hints() -> None:
    from itb_tui.core.plan.progress import progression_hints

    sessions, _ = ready_by(MON)
    assert progression_hints(sessions, LIBRARY, MON)  # the rehab earned a hint
    found = verdict_on(day(1), [run(MON)], [pain(day(1), 7, "daily", hour=7)])
    assert found.overview.hints == []


def test_a_spike_of_5_or_more_in_a_run_is_pain_that_builds() -> None:
    spike = PainSpike(at(MON, 7, 10), "easy-run", "both", 5)
    found = step_back_signs(PROGRAM, [replace(run(MON, hour=7), pain_spikes=[spike])], [], MON)
    assert [f.sign.id for f in found] == ["run-pain-worsens"]
    low = replace(spike, score=4)
    assert step_back_signs(PROGRAM, [replace(run(MON, hour=7), pain_spikes=[low])], [], MON) == []


# -- red flags hold what they should (001's red flags) ----------------------------------------


def flagged(flag: str) -> RedFlagState:
    return RedFlagState([FlagChange(flag, at(MON, 6), True)])


@pytest.mark.parametrize("flag", ["no-weight-bearing", "swelling-instability", "nerve-symptoms"])
def test_flags_of_the_leg_hold_every_weight_bearing_routine(flag: str) -> None:
    found = verdict_on(day(1), [], [], flags=flagged(flag))
    lines = {line.routine_id: line for line in found.items}
    strength = lines["hip-strength"]
    assert strength.status == "due"
    assert "Lateral band walks, Single-leg box squat are held" in strength.reason
    assert strength.reason.endswith("Ask your professional before continuing.")
    held = found.overview.held_exercises["hip-strength"]
    assert held.ids == ("lateral-band-walk", "single-leg-box-squat")
    assert lines["daily-stretch"].status == "due"


def test_other_flags_add_ask_your_professional_to_each_item() -> None:
    found = verdict_on(day(1), [], [], flags=flagged("clicking-locking"))
    due = found.with_status("due")
    assert due and all(
        line.reason.endswith("Ask your professional before continuing.") for line in due
    )
    assert all(line.rule != "red-flag-weight-bearing" for line in found.items)


def test_the_weight_bearing_flag_is_read_and_checked() -> None:
    bearing = {e.id for e in LIBRARY.exercises.values() if e.weight_bearing}
    standing = {"lateral-band-walk", "single-leg-box-squat", "fire-hydrant", "one-legged-squat"}
    tests = {"brisk-walk", "single-leg-hop"}  # the readiness tests' own exercises
    assert bearing == standing | tests | {"calf-stretch"}  # the rest lie, sit or kneel
    holding = {f.id for f in PROGRAM.red_flags if f.holds_weight_bearing}
    assert holding == {"no-weight-bearing", "swelling-instability", "nerve-symptoms"}


# -- pain read everywhere (001: pain during the hip-strength exercises) -----------------------


def test_spikes_in_the_pre_run_clamshells_are_pain_during_strength() -> None:
    from itb_tui.core.plan.signs import strength_pain_signs

    warm_up = session("pre-run", day(2), hour=7, spikes=["clamshell"])
    found = strength_pain_signs(PROGRAM, [warm_up], LIBRARY, day(2))
    assert [f.sign.id for f in found] == ["pain-during-strength"]
    assert "Pre-run warm-up" in found[0].evidence
    stretch = session("daily-stretch", day(2), hour=7, spikes=["pigeon"])
    assert strength_pain_signs(PROGRAM, [stretch], LIBRARY, day(2)) == []


def test_a_spike_in_a_kept_strength_readiness_test_is_pain_during_strength() -> None:
    """001: pain in the hip-strength exercises is a sign to back off, in a readiness test of
    one of them too, kept as it is when discarded (a kept pain log of context exercise)."""
    from itb_tui.core.plan.signs import strength_pain_signs

    for test_id in ("hip-abduction", "single-leg-squat"):
        attempt = readiness_attempt(test_id, day(2), left=5, right=5, spikes=[exercise(test_id)])
        found = strength_pain_signs(PROGRAM, [attempt], LIBRARY, day(2))
        assert [f.sign.id for f in found] == ["pain-during-strength"], test_id
    calm = readiness_attempt("hip-abduction", day(2), left=30, right=30)
    assert strength_pain_signs(PROGRAM, [calm], LIBRARY, day(2)) == []


def exercise(test_id: str) -> str:
    """The exercise a shipped readiness test runs."""
    return next(t.exercise for t in PROGRAM.readiness_tests if t.id == test_id)


def test_an_exercise_pain_log_holds_the_run_week_like_pain_during_strength() -> None:
    logs = [morning(day(3), 0), pain(day(3), 6, "exercise", hour=12)]  # not after a run
    stage = verdict_on(day(4), week_of_runs(MON, 7)[:2], logs).overview.stage
    assert stage is not None and "Holding at week 1" in stage.evidence
    assert "pain 6/10 during exercise on Thu 26 Nov" in stage.evidence


def test_a_daily_log_above_the_band_in_a_run_week_keeps_the_week() -> None:
    logs = [morning(day(5), 0), pain(day(6), 1, "daily", hour=12)]  # not after a run
    stage = run_stage(PROGRAM, week_of_runs(MON, 7), logs, day(7))
    assert (stage.week, stage.last_week) == (1, "repeat")
    assert "pain 1/10 daily on Sun 29 Nov" in stage.evidence


# -- both knees: a knee not given carries its last score ---------------------------------------


def knee_log(when: date, left: int | None, right: int | None, context: str = "daily") -> PainLog:
    knees = Knees(left, right)
    return PainLog(at(when, 20), knees.worse or 0, context, knees=knees)


def test_a_week_of_left_0_after_right_3_is_not_a_week_of_pain_free_days() -> None:
    from itb_tui.core.plan.weeks import readiness

    logs = [knee_log(MON - timedelta(days=8), 0, 3)]
    logs += [knee_log(MON - timedelta(days=n), 0, None) for n in range(1, 8)]
    sessions, _ = ready_by(MON)
    both = replace(settings(), painful_knee="both")
    found = decide(RulesInput(PROGRAM, LIBRARY, both, MonthHistory(sessions, logs), at(MON, 9)))
    pain_free = found.overview.readiness.checks[0]
    assert not pain_free.met and "0 pain-free days" in pain_free.evidence
    # with one painful knee the logs are read as written
    one = readiness(PROGRAM, settings(), sessions, logs, MON, LIBRARY).checks[0]
    assert one.met


def test_a_session_rated_for_one_knee_carries_the_other_knees_last_score() -> None:
    """Both knees hurt, a daily log of L 0 / R 4, then hip strength rated "L 0" only: the
    right knee is still at 4 after it, so the session is not strength work without pain
    (001), and a week of daily logs of "L 0" after it is not a pain-free week."""
    sessions, logs = ready_by(MON)
    logs = [*logs, knee_log(MON - timedelta(days=3), 0, 4)]
    last = sessions[-1]
    sessions[-1] = replace(last, pain_after=0, pain_after_knees=Knees(0, None))
    logs += [knee_log(MON - timedelta(days=n), 0, None) for n in (2, 1)]
    both = replace(settings(), painful_knee="both")
    found = decide(RulesInput(PROGRAM, LIBRARY, both, MonthHistory(sessions, logs), at(MON, 9)))
    checks = {check.name: check for check in found.overview.readiness.checks}
    strength = checks["Strength work without pain"]
    assert not strength.met and "pain 4/10 after the session on Sat 21 Nov" in strength.evidence
    # a single score after the session still counts as the worse knee's, as written
    sessions[-1] = replace(last, pain_after=0)
    found = decide(RulesInput(PROGRAM, LIBRARY, both, MonthHistory(sessions, logs), at(MON, 9)))
    checks = {check.name: check for check in found.overview.readiness.checks}
    assert checks["Strength work without pain"].met


def test_a_log_after_a_session_rated_for_both_knees_carries_from_that_rating() -> None:
    from itb_tui.core.plan.knees import carry_all

    rated = replace(session("hip-strength", day(-2), pain_after=5), pain_after_knees=Knees(1, 5))
    logs = [knee_log(day(-3), 0, 0), knee_log(day(-1), 0, None)]
    sessions, carried = carry_all([rated], logs, "both")
    assert sessions == [rated] and carried[0] == logs[0]
    assert (carried[1].knees, carried[1].score) == (Knees(0, 5), 5)
    assert carry_all([rated], logs, "left") == ([rated], logs)


def test_a_discarded_session_rated_for_one_knee_keeps_the_other_knee_carried() -> None:
    """Discarding keeps the rating as a pain log (kept_pain.py); a knee not given in it
    carries its last score there too."""
    from itb_tui.core.plan.kept_pain import kept_pain_logs
    from itb_tui.core.plan.knees import carry_knees

    rated = replace(session("hip-strength", day(-1), pain_after=0), pain_after_knees=Knees(0))
    (kept,) = kept_pain_logs(rated)
    carried = carry_knees([knee_log(day(-2), 0, 4), kept], "both")
    assert (carried[1].knees, carried[1].score) == (Knees(0, 4), 4)


def test_a_knee_never_scored_carries_the_last_single_score() -> None:
    from itb_tui.core.plan.knees import carry_knees

    logs = [pain(day(-2), 4), knee_log(day(-1), 0, None)]
    carried = carry_knees(logs, "both")
    assert carried[0] == logs[0]
    assert (carried[1].knees, carried[1].score) == (Knees(0, 4), 4)
    assert carry_knees(logs, "left") == logs
