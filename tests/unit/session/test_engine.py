"""The session engine, driven by a FakeClock: nothing here waits for real time."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import (
    READY_SECONDS,
    SWITCH_SECONDS,
    Library,
)
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.in_progress import fingerprint, snapshot
from itb_tui.core.history.records import ExerciseResult, MonthHistory, SessionRecord
from itb_tui.core.session.engine import (
    ADJUST_SECONDS,
    Cue,
    CueKind,
    Phase,
    SessionEngine,
    side_order,
)
from itb_tui.core.session.progress_file import restore
from itb_tui.core.session.view import next_text
from tests.unit.session.engine_helpers import (
    DONE,
    INTRO,
    PAIN,
    READY,
    REST,
    SWITCH,
    WORK,
    engine_for,
    goto,
    make_exercise,
    make_routine,
    run_out,
    walk_to_pain,
)


def nudge(engine: SessionEngine, direction: int, times: int) -> None:
    """Press + (direction 1) or - (direction -1) ``times`` times."""
    for _ in range(times):
        engine.adjust(direction)


def kinds(cues: list[Cue]) -> list[CueKind]:
    return [cue.kind for cue in cues]


def layout(engine: SessionEngine) -> list[tuple[Phase, int, str, int]]:
    return [(s.phase, s.set_no, s.side, s.seconds) for s in engine.steps]


def tick_through(
    engine: SessionEngine, clock: FakeClock, every: float = 0.25
) -> list[tuple[float, Cue]]:
    """Tick every ``every`` seconds until the step changes; (seconds since start, cue) pairs."""
    start, index, seen = clock.now(), engine.index, []
    for _ in range(100_000):
        clock.advance(every)
        seen.extend((clock.now() - start, cue) for cue in engine.tick())
        if engine.index != index:
            return seen
    raise AssertionError("the step never ended")


def result(engine: SessionEngine, exercise_id: str) -> ExerciseResult:
    return next(r for r in engine.results() if r.exercise == exercise_id)


# -- layout -------------------------------------------------------------------------------------
def test_timed_per_side_layout_alternates_sides_set_by_set(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(sets=2, duration_s=30, rest_s=20), clock=fake_clock)
    assert layout(engine) == [
        (INTRO, 0, "both", 0),
        (READY, 1, "left", READY_SECONDS),
        (WORK, 1, "left", 30),
        (SWITCH, 1, "right", SWITCH_SECONDS),
        (WORK, 1, "right", 30),
        (REST, 1, "left", 20),
        (READY, 2, "left", READY_SECONDS),
        (WORK, 2, "left", 30),
        (SWITCH, 2, "right", SWITCH_SECONDS),
        (WORK, 2, "right", 30),
        (PAIN, 0, "both", 0),
        (DONE, 0, "both", 0),
    ]


def test_reps_layout_has_no_lead_in_and_no_countdown(fake_clock: FakeClock) -> None:
    reps = make_exercise("bridge", kind="reps", per_side=False, sets=3, rest_s=0)
    engine = engine_for(reps, clock=fake_clock)
    assert layout(engine) == [
        (INTRO, 0, "both", 0),
        (WORK, 1, "both", 0),
        (WORK, 2, "both", 0),
        (WORK, 3, "both", 0),
        (PAIN, 0, "both", 0),
        (DONE, 0, "both", 0),
    ]


@pytest.mark.parametrize(
    ("weaker", "first"),
    [("right", "right"), ("left", "left"), (None, "left"), ("", "left")],
)
def test_weaker_side_goes_first(fake_clock: FakeClock, weaker: str | None, first: str) -> None:
    engine = engine_for(make_exercise(sets=3), clock=fake_clock, weaker=weaker)
    other = "left" if first == "right" else "right"
    assert engine.sides == side_order(weaker) == (first, other)
    work_sides = [s.side for s in engine.steps if s.phase is WORK]
    assert work_sides == [first, other] * 3
    assert {s.side for s in engine.steps if s.phase is REST} == {first}
    assert {s.side for s in engine.steps if s.phase is SWITCH} == {other}


# -- countdowns ---------------------------------------------------------------------------------
def test_hold_remaining_is_deadline_minus_now(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1, duration_s=30), clock=fake_clock)
    assert engine.phase is INTRO and not engine.counting_down and engine.remaining() == 0.0
    engine.done()
    assert engine.phase is READY and engine.remaining() == READY_SECONDS
    engine.done()
    assert engine.phase is WORK and engine.counting_down
    assert engine.remaining() == 30.0 and engine.total_seconds() == 30.0
    fake_clock.advance(12.25)
    assert engine.remaining() == 17.75
    assert engine.tick() == []
    fake_clock.advance(17.5)
    assert engine.remaining() == 0.25 and engine.shown_seconds() == 1
    fake_clock.advance(10)  # past the deadline, no tick yet
    assert engine.remaining() == 0.0 and engine.phase is WORK
    assert kinds(engine.tick()) == [CueKind.WORK_END, CueKind.SAVED]
    assert engine.phase is PAIN


@pytest.mark.parametrize(
    ("elapsed", "shown"),
    [
        (0, 30),
        (0.25, 30),
        (0.999, 30),
        (1.0, 29),
        (1.5, 29),
        (29.0, 1),
        (29.8, 1),
        (30, 0),
        (45, 0),
    ],
)
def test_shown_seconds_rounds_up(fake_clock: FakeClock, elapsed: float, shown: int) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1, duration_s=30), clock=fake_clock)
    engine.done()
    engine.done()
    fake_clock.advance(elapsed)
    assert engine.shown_seconds() == shown


def test_pause_freezes_and_resume_continues(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1, duration_s=30), clock=fake_clock)
    engine.done()
    engine.done()
    fake_clock.advance(10)
    engine.toggle_pause()
    assert engine.paused and engine.remaining() == 20.0
    fake_clock.advance(100)
    assert engine.tick() == []
    assert engine.phase is WORK and engine.remaining() == 20.0 and engine.shown_seconds() == 20
    engine.toggle_pause()
    assert not engine.paused and engine.remaining() == 20.0
    fake_clock.advance(5)
    assert engine.remaining() == 15.0
    fake_clock.advance(15)
    assert kinds(engine.tick()) == [CueKind.WORK_END, CueKind.SAVED]
    assert result(engine, "side-hold").done == {"both": [30]}


def test_pause_does_nothing_without_a_countdown(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise("bridge", kind="reps", per_side=False), clock=fake_clock)
    engine.toggle_pause()
    assert not engine.paused  # intro
    engine.done()
    assert engine.phase is WORK
    engine.toggle_pause()
    assert not engine.paused  # a counted set


def test_adjust_time_plus_and_minus(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1, duration_s=30), clock=fake_clock)
    engine.done()
    engine.done()
    engine.adjust(+1)
    assert engine.remaining() == 30 + ADJUST_SECONDS
    assert engine.total_seconds() == 30 + ADJUST_SECONDS
    engine.adjust(-1)
    engine.adjust(-1)
    assert engine.remaining() == 30 - ADJUST_SECONDS
    assert engine.total_seconds() == 30 - ADJUST_SECONDS


@pytest.mark.parametrize(("left", "total_after"), [(5.0, 26.0), (0.5, 30.5), (1.0, 30.0)])
def test_adjust_never_leaves_less_than_one_second(
    fake_clock: FakeClock, left: float, total_after: float
) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1, duration_s=30), clock=fake_clock)
    engine.done()
    engine.done()
    fake_clock.advance(30 - left)
    engine.adjust(-1)
    assert engine.remaining() == 1.0
    assert engine.shown_seconds() == 1
    assert engine.total_seconds() == total_after
    engine.adjust(-1)
    assert engine.remaining() == 1.0
    assert engine.phase is WORK


def test_adjust_while_paused_changes_the_frozen_time(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1, duration_s=30), clock=fake_clock)
    engine.done()
    engine.done()
    fake_clock.advance(10)
    engine.toggle_pause()
    engine.adjust(+1)
    fake_clock.advance(50)
    assert engine.paused and engine.remaining() == 30.0
    engine.toggle_pause()
    fake_clock.advance(4)
    assert engine.remaining() == 26.0


def test_adjust_lengthens_lead_in_and_rest(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=2, rest_s=20), clock=fake_clock)
    engine.done()
    assert engine.phase is READY
    engine.adjust(+1)
    assert engine.remaining() == READY_SECONDS + ADJUST_SECONDS
    engine.done()
    run_out(engine, fake_clock)
    assert engine.phase is REST
    engine.adjust(+1)
    assert engine.remaining() == 20 + ADJUST_SECONDS


def test_adjust_changes_reps_on_a_counted_set(fake_clock: FakeClock) -> None:
    reps = make_exercise("bridge", kind="reps", per_side=False, sets=2, reps=(10, 12), rest_s=0)
    engine = engine_for(reps, clock=fake_clock)
    engine.adjust(+1)  # intro: nothing to adjust
    assert engine.reps == 0 and engine.phase is INTRO
    engine.done()
    assert engine.phase is WORK and engine.reps == 10 and not engine.counting_down
    nudge(engine, +1, 3)
    assert engine.reps == 13
    nudge(engine, -1, 20)
    assert engine.reps == 0
    engine.adjust(+1)
    engine.adjust(+1)
    assert engine.remaining() == 0.0 and not engine.counting_down
    assert kinds(engine.done()) == [CueKind.SAVED]
    assert engine.phase is WORK and engine.step.set_no == 2
    assert engine.reps == 10  # each set starts at the low end of the range
    engine.done()
    assert result(engine, "bridge").done == {"both": [2, 10]}


# -- sides, switching, rest ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("weaker", "first", "second"), [("left", "left", "right"), ("right", "right", "left")]
)
def test_switch_sides_cue_then_go(
    fake_clock: FakeClock, weaker: str, first: str, second: str
) -> None:
    reps = make_exercise("clam", kind="reps", sets=2, rest_s=20)
    engine = engine_for(reps, clock=fake_clock, weaker=weaker)
    assert engine.done() == []
    assert (engine.phase, engine.step.side) == (WORK, first)
    cues = engine.done()
    assert cues == [Cue(CueKind.SAVED), Cue(CueKind.SWITCH_SIDES, side=second)]
    assert (engine.phase, engine.step.side, engine.remaining()) == (SWITCH, second, SWITCH_SECONDS)
    seen = tick_through(engine, fake_clock)
    assert [cue for _, cue in seen] == [Cue(CueKind.GO)]  # no 3-2-1 on a side switch
    assert seen[0][0] == SWITCH_SECONDS
    assert (engine.phase, engine.step.side, engine.step.set_no) == (WORK, second, 1)


def test_rest_between_sets_then_next_set(fake_clock: FakeClock) -> None:
    reps = make_exercise("clam", kind="reps", sets=2, rest_s=45)
    engine = engine_for(reps, clock=fake_clock)
    goto(engine, fake_clock, WORK, "right", 1)
    assert kinds(engine.done()) == [CueKind.SAVED]
    assert engine.phase is REST and engine.remaining() == 45.0
    assert next_text(engine) == "Next: left leg, set 2 of 2"
    seen = tick_through(engine, fake_clock)
    assert [(t, c.kind, c.value) for t, c in seen] == [
        (42.0, CueKind.COUNTDOWN, 3),
        (43.0, CueKind.COUNTDOWN, 2),
        (44.0, CueKind.COUNTDOWN, 1),
        (45.0, CueKind.REST_OVER, 0),
    ]
    assert (engine.phase, engine.step.side, engine.step.set_no) == (WORK, "left", 2)
    goto(engine, fake_clock, WORK, "right", 2)
    engine.done()
    assert engine.phase is PAIN  # no rest after the last set


def test_cue_sequence_of_a_timed_per_side_exercise(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(sets=2, duration_s=10, rest_s=8), clock=fake_clock)
    engine.done()
    seen: list[Cue] = []
    while engine.phase is not PAIN:
        seen.extend(cue for _, cue in tick_through(engine, fake_clock))
    countdown = [Cue(CueKind.COUNTDOWN, n) for n in (3, 2, 1)]
    work_end = [*countdown, Cue(CueKind.WORK_END), Cue(CueKind.SAVED)]
    assert seen == [
        *countdown,
        Cue(CueKind.GO),  # ready, left 1
        *work_end,
        Cue(CueKind.SWITCH_SIDES, side="right"),
        Cue(CueKind.GO),  # switch, no countdown
        *work_end,
        *countdown,
        Cue(CueKind.REST_OVER),
        *countdown,
        Cue(CueKind.GO),  # ready, left 2
        *work_end,
        Cue(CueKind.SWITCH_SIDES, side="right"),
        Cue(CueKind.GO),
        *work_end,
    ]
    assert result(engine, "side-hold").done == {"left": [10, 10], "right": [10, 10]}


# -- countdown cues -----------------------------------------------------------------------------
def test_countdown_cues_fire_once_each_at_the_right_moment(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1), clock=fake_clock)
    engine.done()
    seen = tick_through(engine, fake_clock, every=0.125)
    assert [(t, c.kind, c.value) for t, c in seen] == [
        (2.0, CueKind.COUNTDOWN, 3),
        (3.0, CueKind.COUNTDOWN, 2),
        (4.0, CueKind.COUNTDOWN, 1),
        (5.0, CueKind.GO, 0),
    ]


def test_stall_fires_only_the_current_countdown(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1), clock=fake_clock)
    engine.done()
    fake_clock.advance(3.5)  # 1.5 s left: 3 was never seen
    assert engine.tick() == [Cue(CueKind.COUNTDOWN, 2)]
    fake_clock.advance(0.25)
    assert engine.tick() == []
    fake_clock.advance(0.5)
    assert engine.tick() == [Cue(CueKind.COUNTDOWN, 1)]
    fake_clock.advance(0.5)
    assert engine.tick() == []
    fake_clock.advance(0.25)
    assert engine.tick() == [Cue(CueKind.GO)]


def test_stall_to_the_last_second_fires_only_one(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1, duration_s=30), clock=fake_clock)
    engine.done()
    engine.done()
    fake_clock.advance(29.5)
    assert engine.tick() == [Cue(CueKind.COUNTDOWN, 1)]
    fake_clock.advance(0.25)
    assert engine.tick() == []
    fake_clock.advance(0.25)
    assert kinds(engine.tick()) == [CueKind.WORK_END, CueKind.SAVED]


def test_stall_past_the_end_fires_no_countdown(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1, duration_s=30), clock=fake_clock)
    engine.done()
    fake_clock.advance(60)
    assert engine.tick() == [Cue(CueKind.GO)]
    assert engine.phase is WORK and engine.remaining() == 30.0  # the hold starts in full


def test_adding_time_rearms_the_countdown(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1, duration_s=30), clock=fake_clock)
    engine.done()
    engine.done()
    fake_clock.advance(27.5)
    assert engine.tick() == [Cue(CueKind.COUNTDOWN, 3)]
    engine.adjust(+1)
    seen = tick_through(engine, fake_clock)
    assert [c for _, c in seen if c.kind is CueKind.COUNTDOWN] == [
        Cue(CueKind.COUNTDOWN, 3),
        Cue(CueKind.COUNTDOWN, 2),
        Cue(CueKind.COUNTDOWN, 1),
    ]
    assert result(engine, "side-hold").done == {"both": [40]}


# -- drift --------------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(6))
def test_timer_never_drifts_with_irregular_ticks(fake_clock: FakeClock, seed: int) -> None:
    """Each countdown ends at the first tick at or after its deadline, however ticks fall.

    Intervals are multiples of 1/64 s, so the float arithmetic is exact and the
    assertions can be too.
    """
    rng = random.Random(seed)
    engine = engine_for(
        make_exercise(sets=2, duration_s=45, rest_s=30),
        make_exercise("long-roll", kind="roll", per_side=False, sets=1, duration_s=90),
        clock=fake_clock,
    )
    engine.done()
    active, index = 0.0, engine.index
    while engine.phase is not PAIN:
        if not engine.counting_down:
            engine.done()
            active, index = 0.0, engine.index
            continue
        step = engine.step
        interval = rng.randint(1, 160) / 64  # 1/64 s .. 2.5 s
        if rng.random() < 0.05:
            engine.toggle_pause()
        fake_clock.advance(interval)
        if not engine.paused:
            active += interval
        assert engine.remaining() == max(0.0, step.seconds - active)
        engine.tick()
        if engine.index != index:
            # ended on the first tick at or after the deadline: no drift either way
            assert step.seconds <= active < step.seconds + interval
            active, index = 0.0, engine.index
        else:
            assert engine.paused or active < step.seconds
    assert result(engine, "side-hold").done == {"left": [45, 45], "right": [45, 45]}
    assert result(engine, "long-roll").done == {"both": [90]}


def test_many_tiny_ticks_add_up_exactly(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=1, duration_s=60), clock=fake_clock)
    engine.done()
    engine.done()
    ticks = 0
    while engine.phase is WORK:
        fake_clock.advance(1 / 256)
        engine.tick()
        ticks += 1
    assert ticks == 60 * 256
    assert result(engine, "side-hold").done == {"both": [60]}


# -- finishing early ----------------------------------------------------------------------------
def _at_hold(clock: FakeClock) -> SessionEngine:
    engine = engine_for(make_exercise(per_side=False, sets=1, duration_s=30), clock=clock)
    engine.done()
    engine.done()
    assert engine.phase is WORK
    return engine


def test_finishing_a_hold_early_records_the_elapsed_seconds(fake_clock: FakeClock) -> None:
    engine = _at_hold(fake_clock)
    fake_clock.advance(12.75)
    assert engine.done() == [Cue(CueKind.SAVED)]  # no WORK_END: the user ended it
    assert result(engine, "side-hold").done == {"both": [13]}
    assert engine.phase is PAIN


def test_finishing_early_leaves_out_paused_time(fake_clock: FakeClock) -> None:
    engine = _at_hold(fake_clock)
    fake_clock.advance(5)
    engine.toggle_pause()
    fake_clock.advance(100)
    engine.toggle_pause()
    fake_clock.advance(5)
    engine.done()
    assert result(engine, "side-hold").done == {"both": [10]}


def test_finishing_early_after_adding_time(fake_clock: FakeClock) -> None:
    engine = _at_hold(fake_clock)
    engine.adjust(+1)
    fake_clock.advance(35)
    engine.done()
    assert result(engine, "side-hold").done == {"both": [35]}


def test_a_shortened_hold_records_what_was_held(fake_clock: FakeClock) -> None:
    engine = _at_hold(fake_clock)
    engine.adjust(-1)
    fake_clock.advance(20)
    assert kinds(engine.tick()) == [CueKind.WORK_END, CueKind.SAVED]
    assert result(engine, "side-hold").done == {"both": [20]}


def test_finishing_a_shortened_hold_early(fake_clock: FakeClock) -> None:
    engine = _at_hold(fake_clock)
    engine.adjust(-1)
    fake_clock.advance(5)
    engine.done()
    assert result(engine, "side-hold").done == {"both": [5]}


# -- skipping -----------------------------------------------------------------------------------
def test_skip_a_set_in_progress(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(sets=2), clock=fake_clock)
    goto(engine, fake_clock, WORK, "left", 1)
    fake_clock.advance(10)
    assert engine.skip() == [Cue(CueKind.SAVED), Cue(CueKind.SWITCH_SIDES, side="right")]
    assert (engine.phase, engine.step.side) == (SWITCH, "right")
    res = result(engine, "side-hold")
    assert res.done == {} and res.skipped_sets == {"left": 1}


def test_skip_on_the_lead_in_skips_its_set(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(sets=2), clock=fake_clock)
    engine.done()
    assert engine.phase is READY
    assert kinds(engine.skip()) == [CueKind.SAVED, CueKind.SWITCH_SIDES]
    assert (engine.phase, engine.step.side, engine.step.set_no) == (SWITCH, "right", 1)
    assert result(engine, "side-hold").skipped_sets == {"left": 1}


def test_skip_on_switch_or_rest_only_skips_the_wait(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise("clam", kind="reps", sets=2, rest_s=30), clock=fake_clock)
    goto(engine, fake_clock, SWITCH, "right", 1)
    assert engine.skip() == []
    assert (engine.phase, engine.step.side) == (WORK, "right")
    engine.done()
    assert engine.phase is REST
    engine.skip()
    assert (engine.phase, engine.step.side, engine.step.set_no) == (WORK, "left", 2)
    res = result(engine, "clam")
    assert res.skipped_sets == {} and res.done == {"left": [10], "right": [10]}


def test_skip_on_the_intro_skips_the_whole_exercise(fake_clock: FakeClock) -> None:
    first = make_exercise(sets=2)
    second = make_exercise("bridge", kind="reps", per_side=False, sets=1)
    engine = engine_for(first, second, clock=fake_clock)
    assert kinds(engine.skip()) == [CueKind.SAVED]
    assert (engine.phase, engine.exercise) == (INTRO, second)
    res = result(engine, "side-hold")
    assert res.skipped and not res.complete
    assert res.skipped_sets == {"left": 2, "right": 2}


def test_skip_exercise_keeps_what_was_done(fake_clock: FakeClock) -> None:
    first = make_exercise("clam", kind="reps", sets=2)
    second = make_exercise("bridge", kind="reps", per_side=False, sets=1)
    engine = engine_for(first, second, clock=fake_clock)
    goto(engine, fake_clock, WORK, "left", 1)
    engine.adjust(+1)
    engine.done()
    assert engine.phase is SWITCH
    assert kinds(engine.skip_exercise()) == [CueKind.SAVED]
    assert (engine.phase, engine.exercise) == (INTRO, second)
    res = result(engine, "clam")
    assert res.done == {"left": [11]}
    assert res.skipped_sets == {"left": 1, "right": 2}
    assert not res.skipped
    engine.skip_exercise()
    assert engine.phase is PAIN
    assert engine.skip_exercise() == [] and engine.phase is PAIN


def test_skip_while_paused_does_not_leave_the_next_step_paused(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(per_side=False, sets=2, rest_s=30), clock=fake_clock)
    goto(engine, fake_clock, REST, "both", 1)
    engine.toggle_pause()
    engine.skip()
    assert engine.phase is READY
    assert not engine.paused
    fake_clock.advance(2)
    assert engine.remaining() == READY_SECONDS - 2


# -- back ---------------------------------------------------------------------------------------
def _timed_two_sets(clock: FakeClock) -> SessionEngine:
    """At the second set's hold, with both first-set holds recorded (30 s each)."""
    engine = engine_for(
        make_exercise(sets=2, duration_s=30, rest_s=20),
        make_exercise("bridge", kind="reps", per_side=False, sets=1),
        clock=clock,
    )
    goto(engine, clock, WORK, "left", 2)
    assert result(engine, "side-hold").done == {"left": [30], "right": [30]}
    return engine


def test_back_lands_on_the_previous_set_and_forgets_it(fake_clock: FakeClock) -> None:
    engine = _timed_two_sets(fake_clock)
    cues = engine.back()
    assert cues == [Cue(CueKind.SAVED), Cue(CueKind.SWITCH_SIDES, side="right")]
    assert (engine.phase, engine.step.side, engine.step.set_no) == (SWITCH, "right", 1)
    assert engine.remaining() == SWITCH_SECONDS
    assert result(engine, "side-hold").done == {"left": [30]}
    engine.back()
    assert (engine.phase, engine.step.side, engine.step.set_no) == (READY, "left", 1)
    assert result(engine, "side-hold").done == {}
    engine.back()
    assert engine.phase is INTRO and engine.index == 0
    assert engine.back() == [] and engine.index == 0


def test_back_from_the_next_intro_reopens_the_last_set(fake_clock: FakeClock) -> None:
    engine = _timed_two_sets(fake_clock)
    goto(engine, fake_clock, INTRO, "both", 0)
    assert engine.exercise is not None and engine.exercise.id == "bridge"
    assert result(engine, "side-hold").done == {"left": [30, 30], "right": [30, 30]}
    engine.back()
    assert (engine.phase, engine.step.side, engine.step.set_no) == (SWITCH, "right", 2)
    assert result(engine, "side-hold").done == {"left": [30, 30], "right": [30]}


def test_back_forgets_skips_too_and_unpauses(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(sets=1), clock=fake_clock)
    engine.done()
    engine.skip()  # skips left
    assert result(engine, "side-hold").skipped_sets == {"left": 1}
    engine.toggle_pause()
    assert engine.paused
    engine.back()
    assert (engine.phase, engine.step.side) == (READY, "left")
    assert not engine.paused
    assert result(engine, "side-hold").skipped_sets == {}


def test_back_from_pain_and_done(fake_clock: FakeClock) -> None:
    engine = engine_for(
        make_exercise("bridge", kind="reps", per_side=False, sets=2), clock=fake_clock
    )
    walk_to_pain(engine, fake_clock)
    assert result(engine, "bridge").done == {"both": [10, 10]}
    engine.back()
    assert (engine.phase, engine.step.set_no) == (WORK, 2)
    assert result(engine, "bridge").done == {"both": [10]}
    walk_to_pain(engine, fake_clock)
    engine.rate_pain(0)
    assert engine.phase is DONE
    assert engine.back() == [] and engine.phase is DONE


# -- whole routine ------------------------------------------------------------------------------
def test_hip_strength_routine_from_start_to_done(
    library: Library, fake_clock: FakeClock, store: HistoryStore
) -> None:
    routine = library.routine("hip-strength")
    engine = SessionEngine(routine, fake_clock, weaker_side="right")
    assert engine.record().completed is False
    while engine.phase is not PAIN:
        if engine.counting_down:
            run_out(engine, fake_clock)
            continue
        step = engine.step
        exercise = engine.exercise
        clam = step.phase is WORK and exercise is not None and exercise.id == "clamshell"
        if clam and (step.set_no, step.side) == (1, "right"):
            engine.adjust(+1)
            engine.adjust(+1)
        if step.phase is WORK and exercise is not None:
            fake_clock.advance(60)  # the set's reps take their time
        engine.done()
    assert engine.progress() == (len(engine.work_steps()), len(engine.work_steps()))
    assert engine.done() == [] and engine.phase is PAIN
    with pytest.raises(ValueError):
        engine.rate_pain(11)
    assert engine.phase is PAIN
    engine.rate_pain(2, "  felt fine  ")
    assert engine.phase is DONE
    record = engine.record()
    assert record.completed is True
    assert record.pain_after == 2 and record.note == "felt fine"
    assert record.routine == "hip-strength" and record.routine_name == "Hip strength"
    assert [r.exercise for r in record.exercises] == [item.id for item in routine.items]
    by_id = {r.exercise: r for r in record.exercises}
    assert by_id["clamshell"].sides == ("right", "left")
    assert by_id["clamshell"].done == {"right": [17, 15, 15], "left": [15, 15, 15]}
    assert by_id["side-lying-hip-abduction"].done == {"right": [12] * 3, "left": [12] * 3}
    assert by_id["glute-bridge"].sides == ("both",)
    assert by_id["glute-bridge"].done == {"both": [15, 15, 15]}
    assert by_id["lateral-band-walk"].unit == "steps"
    assert by_id["lateral-band-walk"].done == {"both": [10, 10, 10]}
    assert by_id["single-leg-box-squat"].done == {"right": [8] * 3, "left": [8] * 3}
    for res in record.exercises:
        assert res.complete and res.skipped_sets == {} and res.sets_planned == 3
        assert res.unit in ("reps", "steps")
    # the waits: the side switches, the rests between sets and a minute for each set
    switches = 4 * 3 * SWITCH_SECONDS
    rests = 2 * (45 + 45 + 45 + 60 + 45 + 60)
    sets = len(engine.work_steps()) * 60
    assert record.duration_s == switches + rests + sets
    store.save_session(record)
    assert store.everything().sessions == [record]


def test_pain_spike_pauses_and_is_recorded(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(sets=1), clock=fake_clock)
    assert engine.pain_spike() is not None  # on the intro: no countdown to pause
    goto(engine, fake_clock, WORK, "left", 1)
    fake_clock.advance(4)
    spike = engine.pain_spike()
    assert spike is not None
    assert (spike.exercise, spike.side, spike.at) == ("side-hold", "left", fake_clock.wall())
    assert engine.paused and engine.remaining() == 26.0
    assert engine.record().pain_spikes[-1] == spike
    engine.toggle_pause()
    walk_to_pain(engine, fake_clock)
    assert engine.pain_spike() is None


# -- snapshot and restore -----------------------------------------------------------------------
def _reload(engine: SessionEngine, store: HistoryStore) -> tuple[dict[str, Any], SessionRecord]:
    """Save the snapshot to disk and read it back as the app does."""
    store.progress.save(engine)
    data = store.progress.load()
    assert data is not None
    problems: list[str] = []
    month = MonthHistory.from_dict(
        {"schema_version": 1, "sessions": [data["record"]]}, "progress", problems
    )
    assert problems == []
    return data["resume"], month.sessions[0]


def test_restore_resumes_the_set_in_hand_from_its_lead_in(
    fake_clock: FakeClock, store: HistoryStore
) -> None:
    routine = make_routine(
        make_exercise(sets=2, duration_s=30, rest_s=20),
        make_exercise("bridge", kind="reps", per_side=False, sets=2),
    )
    engine = SessionEngine(routine, fake_clock, weaker_side="right")
    goto(engine, fake_clock, WORK, "left", 1)  # right side done first
    fake_clock.advance(10)
    engine.pain_spike()
    resume, record = _reload(engine, store)

    later = FakeClock(datetime(2026, 11, 24, 9, 0, tzinfo=timezone(timedelta(hours=1))))
    again = SessionEngine(routine, later)  # the weaker side comes from the snapshot
    restore(again, resume, record)
    assert again.sides == ("right", "left")
    assert again.steps == engine.steps
    assert again.index == engine.index - 1
    assert (again.phase, again.step.side, again.step.set_no) == (SWITCH, "left", 1)
    assert again.remaining() == SWITCH_SECONDS and not again.paused
    assert again.started_at == engine.started_at
    assert again.pain_spikes == engine.pain_spikes
    assert again.results() == engine.results()
    assert result(again, "side-hold").done == {"right": [30]}
    walk_to_pain(again, later)
    again.rate_pain(1)
    record_done = again.record()
    assert record_done.completed
    assert record_done.exercises[0].done == {"right": [30, 30], "left": [30, 30]}
    assert record_done.exercises[1].done == {"both": [10, 10]}


def test_restore_on_a_counted_set_starts_that_set(
    fake_clock: FakeClock, store: HistoryStore
) -> None:
    routine = make_routine(make_exercise("bridge", kind="reps", per_side=False, sets=3, rest_s=0))
    engine = SessionEngine(routine, fake_clock)
    engine.done()
    engine.adjust(+1)
    engine.done()
    engine.adjust(+1)  # in hand, not saved
    resume, record = _reload(engine, store)
    again = SessionEngine(routine, FakeClock())
    restore(again, resume, record)
    assert (again.phase, again.step.set_no, again.reps) == (WORK, 2, 10)
    assert result(again, "bridge").done == {"both": [11]}


@pytest.mark.parametrize(
    "change",
    [
        {"sets": 3},
        {"per_side": False},
        {"rest_s": 0},
        {"id": "other-hold"},
        {"kind": "reps", "reps": (10, 12), "duration_s": None},
    ],
)
def test_restore_refuses_a_changed_routine(
    fake_clock: FakeClock, store: HistoryStore, change: dict[str, Any]
) -> None:
    hold = make_exercise(sets=2, duration_s=30, rest_s=20)
    engine = SessionEngine(make_routine(hold), fake_clock)
    goto(engine, fake_clock, WORK, "left", 2)
    resume, record = _reload(engine, store)
    changed = make_routine(replace(hold, **change))
    again = SessionEngine(changed, FakeClock())
    assert fingerprint(again.routine) != fingerprint(engine.routine)
    with pytest.raises(ValueError, match="changed"):
        restore(again, resume, record)
    assert again.index == 0 and again.results()[0].done == {}


def test_restore_accepts_a_changed_duration(fake_clock: FakeClock, store: HistoryStore) -> None:
    hold = make_exercise(per_side=False, sets=2, duration_s=30, rest_s=20)
    engine = SessionEngine(make_routine(hold), fake_clock)
    goto(engine, fake_clock, WORK, "both", 2)
    resume, record = _reload(engine, store)
    again = SessionEngine(make_routine(replace(hold, duration_s=40)), FakeClock())
    restore(again, resume, record)
    assert (again.phase, again.step.set_no) == (READY, 2)
    again.done()
    assert again.remaining() == 40.0


def test_restore_refuses_a_position_outside_the_routine(fake_clock: FakeClock) -> None:
    engine = engine_for(make_exercise(sets=1), clock=fake_clock)
    saved = snapshot(engine)
    saved["resume"]["step"] = len(engine.steps) + 3
    again = engine_for(make_exercise(sets=1), clock=FakeClock())
    with pytest.raises(ValueError, match="outside"):
        restore(again, saved["resume"], engine.record())


def test_next_text_and_progress(fake_clock: FakeClock) -> None:
    engine = engine_for(
        make_exercise("clam", kind="reps", sets=2, rest_s=30),
        make_exercise("bridge", kind="reps", per_side=False, sets=1),
        clock=fake_clock,
    )
    assert next_text(engine) == "Next: left leg, set 1 of 2"
    assert engine.progress() == (0, 5)
    goto(engine, fake_clock, WORK, "right", 1)
    assert next_text(engine) == "Next: rest 30 s"
    assert engine.progress() == (1, 5)
    goto(engine, fake_clock, WORK, "right", 2)
    assert next_text(engine) == "Next: Bridge"
    engine.done()
    engine.done()
    assert next_text(engine) == "Next: rate your pain, then the summary"


# -- rep counter bounds -------------------------------------------------------------------------
def test_rep_counter_stays_between_zero_and_twice_the_target(fake_clock: FakeClock) -> None:
    bridge = make_exercise("bridge", kind="reps", per_side=False, sets=2, reps=(10, 12), rest_s=0)
    engine = engine_for(bridge, clock=fake_clock)
    engine.done()  # intro -> first set
    assert engine.phase is WORK and engine.reps == 10 and engine.rep_limit() == 24
    nudge(engine, +1, 40)
    assert engine.reps == 24
    nudge(engine, -1, 40)
    assert engine.reps == 0
    big = make_exercise("walk", kind="reps", per_side=False, sets=1, reps=(40, 50), rest_s=0)
    wide = engine_for(big, clock=fake_clock)
    wide.done()
    assert wide.rep_limit() == 60  # twice 50, capped


def test_a_set_of_zero_reps_is_recorded_as_skipped(fake_clock: FakeClock) -> None:
    bridge = make_exercise("bridge", kind="reps", per_side=False, sets=2, reps=(10, 12), rest_s=0)
    engine = engine_for(bridge, clock=fake_clock)
    engine.done()
    nudge(engine, -1, 10)
    engine.done()  # first set: 0 reps
    engine.done()  # second set: 10 reps
    result = engine.results()[0]
    assert result.done == {"both": [10]}
    assert result.skipped_sets == {"both": 1}
    assert not result.complete


def test_two_sessions_started_in_one_second_both_stay_in_the_history(
    fake_clock: FakeClock, store: HistoryStore
) -> None:
    routine = make_routine(make_exercise("clam", kind="reps", sets=1))
    first = SessionEngine(routine, fake_clock, new_id=store.free_session_id)
    store.save_session(first.record())
    store.save_session(first.record())  # saving the same session again replaces it
    second = SessionEngine(routine, fake_clock, new_id=store.free_session_id)
    store.save_session(second.record())
    ids = [s.id for s in store.everything().sessions]
    assert ids == [first.session_id, f"{first.session_id}-2"]
    assert first.session_id == fake_clock.wall().strftime("%Y-%m-%dT%H-%M-%S")
