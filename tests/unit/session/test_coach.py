"""The coach: the rep pacer beside the engine, and what is announced when."""

from __future__ import annotations

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import Library
from itb_tui.core.session.actions import SessionAction
from itb_tui.core.session.coach import Coach
from itb_tui.core.session.engine import Phase, SessionEngine


def paced(library: Library) -> tuple[SessionEngine, Coach, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(library.routine("hip-strength"), clock)
    coach = Coach(engine, clock, pacer=True)
    said = coach.after(engine.done())  # intro -> first set of clamshells
    assert said.phrase is not None and said.phrase.endswith("up")
    return engine, coach, clock


def test_pacer_counts_reps_and_ends_the_set_at_the_target(library: Library) -> None:
    engine, coach, clock = paced(library)
    clam = engine.exercise
    assert clam is not None and clam.tempo is not None and clam.reps is not None
    assert coach.pacing and coach.status() == "Rep 1 of 20 - UP"
    assert coach.after([]).phrase is None  # nothing new yet
    clock.advance(clam.tempo.up)
    assert coach.after([]).phrase == "hold"
    clock.advance(clam.tempo.total * clam.reps[1])
    said = coach.after([])
    assert said.save
    assert engine.phase is Phase.SWITCH
    assert engine.results()[0].done == {"left": [20]}


def test_enter_ends_a_paced_set_with_the_reps_done(library: Library) -> None:
    engine, coach, clock = paced(library)
    clam = engine.exercise
    assert clam is not None and clam.tempo is not None
    clock.advance(clam.tempo.total * 4 + 0.5)
    coach.after([])
    coach.after(coach.finish_set())
    assert engine.results()[0].done == {"left": [4]}


def test_pause_freezes_the_pacer(library: Library) -> None:
    engine, coach, clock = paced(library)
    clam = engine.exercise
    assert clam is not None and clam.tempo is not None
    coach.toggle_pause()
    assert engine.paused and coach.next_wake() is None
    clock.advance(100)
    assert coach.after([]).phrase is None
    assert engine.reps == 0
    coach.toggle_pause()
    clock.advance(clam.tempo.total)
    coach.after([])
    assert engine.reps == 1


def test_without_the_pacer_reps_wait_for_enter(library: Library) -> None:
    clock = FakeClock()
    engine = SessionEngine(library.routine("hip-strength"), clock)
    coach = Coach(engine, clock, pacer=False)
    coach.after(engine.done())
    clock.advance(600)
    coach.after([])
    assert not coach.pacing and engine.phase is Phase.WORK
    assert coach.after(coach.finish_set()).save


def test_countdown_alerts_once_and_speaks_numbers(library: Library) -> None:
    clock = FakeClock()
    engine = SessionEngine(library.routine("daily-stretch"), clock)
    coach = Coach(engine, clock)
    coach.after(engine.done())  # intro -> get ready (5 s)
    clock.advance(2.5)
    said = coach.after(engine.tick())
    assert said.alert and said.phrase == "3"
    assert not coach.after(engine.tick()).alert


def test_the_screen_wakes_when_the_shown_second_or_the_pacer_changes(library: Library) -> None:
    engine, coach, clock = paced(library)
    clam = engine.exercise
    assert clam is not None and clam.tempo is not None
    assert coach.wake_in() == clam.tempo.up  # the pacer's next phase
    coach.toggle_pause()
    assert coach.wake_in() is None  # a paused pacer changes nothing by itself
    coach.toggle_pause()
    coach.after(coach.finish_set())  # on to the switch of sides, a countdown
    assert engine.counting_down and not coach.pacing
    clock.advance(0.25)
    assert coach.wake_in() == 0.75  # when the shown second changes
    engine.toggle_pause()
    assert coach.wake_in() is None


def test_a_set_a_pause_a_pain_spike_and_a_stop_ask_for_a_save(library: Library) -> None:
    clock = FakeClock()
    engine = SessionEngine(library.routine("hip-strength"), clock)
    coach = Coach(engine, clock)
    done = SessionAction.DONE
    assert not coach.after(engine.done(), done).save  # the intro: nothing recorded yet
    assert coach.after(engine.done(), done).save  # a set recorded
    for action in (SessionAction.PAUSE, SessionAction.PAIN_SPIKE, SessionAction.QUIT_SESSION):
        assert coach.after([], action).save
    for no_save in (SessionAction.ADJUST, None):
        assert not coach.after([], no_save).save
