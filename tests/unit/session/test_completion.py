"""When a session is complete: every set done, and for a run, its time."""

from __future__ import annotations

from dataclasses import replace

import pytest

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import Library
from itb_tui.core.history.in_progress import snapshot
from itb_tui.core.history.stats import adherence_calendar, streak
from itb_tui.core.plan.overview import run_routine
from itb_tui.core.session.completion import is_complete, missing_parts
from itb_tui.core.session.engine import Phase, SessionEngine
from itb_tui.core.session.progress_file import restore
from itb_tui.tui.screens.summary import summary_text
from tests.factories import shipped_library, shipped_program
from tests.unit.session.engine_helpers import make_exercise, make_routine, run_out, walk_to_pain


def finish(engine: SessionEngine, clock: FakeClock) -> None:
    walk_to_pain(engine, clock)
    engine.rate_pain(0)
    assert engine.phase is Phase.DONE


def test_every_exercise_skipped_is_not_complete(fake_clock: FakeClock) -> None:
    routine = make_routine(
        make_exercise("clam", kind="reps"), make_exercise("bridge", kind="reps", per_side=False)
    )
    engine = SessionEngine(routine, fake_clock)
    engine.skip_exercise()
    engine.skip_exercise()
    assert engine.progress() == (0, 6)  # "sets done 0 of 6", not 6 of 6
    finish(engine, fake_clock)
    record = engine.record()
    assert record.completed is False
    assert engine.missing() == ["Clam: skipped", "Bridge: skipped"]
    today = fake_clock.wall().date()
    assert streak([record], today) == 0
    cells = {cell.day: cell for cell in adherence_calendar([record], today, 1)[0]}
    assert cells[today].completed == frozenset()


def test_one_set_skipped_is_named_with_the_count(fake_clock: FakeClock) -> None:
    engine = SessionEngine(make_routine(make_exercise("clam", kind="reps", sets=2)), fake_clock)
    engine.done()  # intro
    engine.skip()  # set 1, left
    finish(engine, fake_clock)
    assert engine.record().completed is False
    assert engine.missing() == ["Clam: 1 of 4 sets not done"]


def test_every_set_done_is_complete(fake_clock: FakeClock) -> None:
    engine = SessionEngine(make_routine(make_exercise("clam", kind="reps")), fake_clock)
    finish(engine, fake_clock)
    assert engine.record().completed is True and engine.missing() == []


def test_a_run_ended_after_two_seconds_is_not_complete(
    fake_clock: FakeClock, library: Library
) -> None:
    program = shipped_program()
    routine = run_routine(1, program.return_to_running.week(1))
    engine = SessionEngine(routine, fake_clock)
    engine.done()  # intro
    run_out(engine, fake_clock)  # the lead-in
    fake_clock.advance(2)
    engine.done()  # ends the run now
    engine.rate_pain(0)
    record = engine.record()
    assert record.completed is False
    assert engine.missing() == ["Easy run: 2 s of 15 min done"]
    full = SessionEngine(routine, fake_clock)
    finish(full, fake_clock)
    assert full.record().completed is True


@pytest.mark.parametrize(
    ("held", "missing"),
    [(10, ["Hold: 1 of 1 cut short (10 s; a set counts from 15 s)"]), (15, [])],
    ids=["before half its time", "at half its time"],
)
def test_a_hold_ended_before_half_its_time_is_cut_short(
    fake_clock: FakeClock, held: int, missing: list[str]
) -> None:
    routine = make_routine(make_exercise("hold", sets=1, per_side=False))
    engine = SessionEngine(routine, fake_clock)
    engine.done()
    run_out(engine, fake_clock)
    fake_clock.advance(held)
    engine.done()
    assert engine.results()[0].done == {"both": [held]}  # its seconds are kept
    assert engine.missing() == missing
    assert is_complete(routine, engine.results()) == (not missing)
    running = replace(routine, category="running")  # a run counts its time as a whole
    assert missing_parts(running, engine.results()) == [f"Hold: {held} s of 30 s done"]


def enter_through(engine: SessionEngine, clock: FakeClock, work_s: float = 0) -> None:
    """Enter on every step, ``work_s`` seconds into each set; then a pain rating of 0."""
    while engine.phase is not Phase.PAIN:
        if engine.phase is Phase.WORK:
            clock.advance(work_s)
        engine.done()
    engine.rate_pain(0)


def test_enter_through_foam_rolling_is_not_complete(fake_clock: FakeClock) -> None:
    """Each 90 s roll ended after 1 s was recorded as a completed session."""
    library = shipped_library()
    engine = SessionEngine(library.routines["foam-rolling"], fake_clock)
    enter_through(engine, fake_clock, work_s=1)
    record = engine.record()
    assert all(values == [1] for r in record.exercises for values in r.done.values())
    assert record.completed is False
    assert engine.missing() == [
        "TFL release: 2 of 2 cut short (1 s, 1 s; a set counts from 45 s)",
        "Lateral quad roll: 2 of 2 cut short (1 s, 1 s; a set counts from 45 s)",
        "Glute foam roll: 2 of 2 cut short (1 s, 1 s; a set counts from 45 s)",
    ]
    text = summary_text(record, engine.missing()).plain
    assert "Foam rolling - not complete" in text
    assert "0 of 3 exercises done in full" in text
    assert "Lateral quad roll: 2 of 2 cut short" in text


def test_enter_through_hip_strength_in_no_time_is_not_complete(fake_clock: FakeClock) -> None:
    library = shipped_library()
    engine = SessionEngine(library.routines["hip-strength"], fake_clock)
    enter_through(engine, fake_clock)
    assert engine.record().completed is False
    assert engine.missing()[0] == (
        "Clamshells: 6 of 6 ended too soon to count (a set takes 38 s at least)"
    )
    assert len(engine.missing()) == 6


def test_hip_strength_at_the_least_time_of_each_set_is_complete(fake_clock: FakeClock) -> None:
    engine = SessionEngine(shipped_library().routines["hip-strength"], fake_clock)
    finish(engine, fake_clock)
    assert engine.record().completed is True and engine.missing() == []


def test_a_set_below_the_low_end_of_its_range_is_not_a_planned_set(
    fake_clock: FakeClock,
) -> None:
    """One rep per set was recorded as a completed session."""
    engine = SessionEngine(make_routine(make_exercise("clam", kind="reps")), fake_clock)
    while engine.phase is not Phase.PAIN:
        if engine.phase is Phase.WORK:
            engine.adjust(-100)  # down to 0
            engine.adjust(1)
            fake_clock.advance(60)
        engine.done()
    engine.rate_pain(0)
    assert engine.results()[0].done == {"left": [1, 1], "right": [1, 1]}
    assert engine.record().completed is False
    assert engine.missing() == ["Clam: 4 of 4 below 10 reps (1, 1, 1, 1)"]


def test_a_set_ended_too_soon_stays_so_after_a_resume(fake_clock: FakeClock) -> None:
    routine = make_routine(make_exercise("clam", kind="reps"))
    engine = SessionEngine(routine, fake_clock)
    engine.done()  # intro
    engine.done()  # set 1, left, in no time
    saved = snapshot(engine)
    again = SessionEngine(routine, fake_clock)
    restore(again, saved["resume"], engine.record())
    finish(again, fake_clock)
    assert again.record().completed is False
    assert again.missing() == ["Clam: 1 of 4 ended too soon to count (a set takes 15 s at least)"]


def test_a_stopped_session_names_what_was_not_reached(fake_clock: FakeClock) -> None:
    routine = make_routine(
        make_exercise("clam", kind="reps"), make_exercise("bridge", kind="reps", per_side=False)
    )
    engine = SessionEngine(routine, fake_clock)
    engine.done()  # intro
    fake_clock.advance(15)
    engine.done()  # set 1, left
    assert engine.record().completed is False
    assert engine.missing() == ["Clam: 3 of 4 sets not done", "Bridge: not reached"]


def test_a_session_without_the_exercises_held_today_is_never_complete(
    fake_clock: FakeClock, library: Library
) -> None:
    """After high pain the standing exercises are left out of hip strength (001): every set
    of the rest done is still not the routine in full, and the record keeps them, skipped."""
    from itb_tui.core.plan.pain_holds import HeldExercises, without_held

    routine = library.routines["hip-strength"]
    held = HeldExercises(("lateral-band-walk", "single-leg-box-squat"), "Pain 8/10: held.")
    lying = without_held(routine, held)
    assert [e.id for e in lying.items] == [
        "clamshell",
        "side-lying-hip-abduction",
        "glute-bridge",
        "single-leg-glute-bridge",
    ]
    assert lying.description.startswith("Pain 8/10: held.")
    assert len(lying.priorities) == 4 and lying.priorities[0] == routine.priorities[0]
    assert without_held(routine, None) is routine
    engine = SessionEngine(lying, fake_clock)
    finish(engine, fake_clock)
    record = engine.record()
    assert record.completed is False
    assert engine.missing() == [
        "Lateral band walks: held today",
        "Single-leg box squat: held today",
    ]
    left_out = {r.exercise: r for r in record.exercises if r.skipped}
    assert set(left_out) == {"lateral-band-walk", "single-leg-box-squat"}
    assert left_out["lateral-band-walk"].skipped_sets
