"""When a session is complete: every set done, and for a run, its time."""

from __future__ import annotations

from dataclasses import replace

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import Library
from itb_tui.core.history.stats import adherence_calendar, streak
from itb_tui.core.plan.overview import run_routine
from itb_tui.core.session.completion import is_complete, missing_parts
from itb_tui.core.session.engine import Phase, SessionEngine
from tests.factories import shipped_program
from tests.unit.session.test_engine import make_exercise, make_routine, run_out, walk_to_pain


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


def test_a_hold_ended_early_still_counts_outside_a_run(fake_clock: FakeClock) -> None:
    routine = make_routine(make_exercise("hold", sets=1, per_side=False))
    engine = SessionEngine(routine, fake_clock)
    engine.done()
    run_out(engine, fake_clock)
    fake_clock.advance(10)
    engine.done()
    assert is_complete(routine, engine.results())
    running = replace(routine, category="running")
    assert missing_parts(running, engine.results()) == ["Hold: 10 s of 30 s done"]


def test_a_stopped_session_names_what_was_not_reached(fake_clock: FakeClock) -> None:
    routine = make_routine(
        make_exercise("clam", kind="reps"), make_exercise("bridge", kind="reps", per_side=False)
    )
    engine = SessionEngine(routine, fake_clock)
    engine.done()  # intro
    engine.done()  # set 1, left
    assert engine.record().completed is False
    assert engine.missing() == ["Clam: 3 of 4 sets not done", "Bridge: not reached"]
