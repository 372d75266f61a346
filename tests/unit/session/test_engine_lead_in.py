"""Every set that runs on its own gets the same get-ready, and one rule for carrying on.

A hold, and with the rep pacer on a set with a tempo, starts after a get-ready of
READY_SECONDS (the second side after the switch-sides countdown). Space pauses and resumes any
countdown where it stopped; a session resumed after quitting or a crash starts the set in hand
again from its full lead-in (get-ready, or switch sides), never from the middle of one.
"""

from __future__ import annotations

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import READY_SECONDS, SWITCH_SECONDS, Library
from itb_tui.core.history.in_progress import snapshot
from itb_tui.core.history.records import MonthHistory
from itb_tui.core.session.coach import Coach
from itb_tui.core.session.engine import CueKind, Phase, SessionEngine
from itb_tui.core.session.progress_file import restore


def paced_session(library: Library) -> tuple[SessionEngine, Coach, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(library.routine("hip-strength"), clock, paced=True)
    return engine, Coach(engine, clock, pacer=True), clock


def test_paced_sets_get_a_get_ready_and_unpaced_ones_do_not(library: Library) -> None:
    routine = library.routine("hip-strength")
    paced = SessionEngine(routine, FakeClock(), paced=True)
    plain = SessionEngine(routine, FakeClock())
    clam = routine.items[0]
    assert clam.paceable and clam.per_side
    firsts = [s for s in paced.steps if s.item == 0 and s.phase is not Phase.INTRO][:4]
    assert [(s.phase, s.side) for s in firsts] == [
        (Phase.READY, "left"),
        (Phase.WORK, "left"),
        (Phase.SWITCH, "right"),
        (Phase.WORK, "right"),
    ]
    assert firsts[0].seconds == READY_SECONDS
    assert not any(s.phase is Phase.READY and s.item == 0 for s in plain.steps)


def test_the_pacer_starts_up_only_when_the_get_ready_is_over(library: Library) -> None:
    engine, coach, clock = paced_session(library)
    said = coach.after(engine.done())  # intro -> get ready
    assert engine.phase is Phase.READY and not coach.pacing
    assert said.phrase is not None and not said.phrase.endswith("up")
    clock.advance(READY_SECONDS - 0.5)
    coach.after(engine.tick())
    assert engine.phase is Phase.READY and not coach.pacing
    clock.advance(0.5)
    cues = engine.tick()
    assert CueKind.GO in [cue.kind for cue in cues]
    said = coach.after(cues)
    assert engine.phase is Phase.WORK and coach.status() == "Rep 1 of 20 - UP"
    assert said.phrase is not None and said.phrase.endswith("up")


def test_enter_on_the_get_ready_starts_the_paced_set_at_once(library: Library) -> None:
    engine, coach, _clock = paced_session(library)
    coach.after(engine.done())
    coach.after(coach.finish_set())  # Enter skips the lead-in, as on a hold
    assert engine.phase is Phase.WORK and coach.pacing


def test_space_resumes_a_hold_and_a_switch_where_they_stopped(library: Library) -> None:
    clock = FakeClock()
    engine = SessionEngine(library.routine("daily-stretch"), clock)
    engine.done()
    for phase in (Phase.READY, Phase.WORK, Phase.SWITCH):
        while engine.phase is not phase:
            clock.advance(engine.remaining())
            engine.tick()
        clock.advance(2)
        left = engine.remaining()
        engine.toggle_pause()
        clock.advance(60)
        engine.toggle_pause()
        assert engine.phase is phase and engine.remaining() == left


def _resumed(engine: SessionEngine) -> SessionEngine:
    """A new engine restored from ``engine``'s snapshot, as after a restart."""
    problems: list[str] = []
    saved = snapshot(engine)
    month = MonthHistory.from_dict(
        {"schema_version": 1, "sessions": [saved["record"]]}, "progress", problems
    )
    again = SessionEngine(engine.routine, FakeClock())
    restore(again, saved["resume"], month.sessions[0])
    return again


def test_a_resumed_session_starts_the_set_in_hand_from_a_full_lead_in(library: Library) -> None:
    clock = FakeClock()
    engine = SessionEngine(library.routine("daily-stretch"), clock)
    engine.done()
    clock.advance(READY_SECONDS + 10)  # ten seconds into the first hold
    engine.tick()
    again = _resumed(engine)
    assert (again.phase, again.remaining()) == (Phase.READY, READY_SECONDS)
    clock.advance(engine.remaining())
    engine.tick()
    clock.advance(2)  # two seconds into the side switch
    engine.tick()
    assert engine.phase is Phase.SWITCH
    again = _resumed(engine)
    assert (again.phase, again.remaining()) == (Phase.SWITCH, SWITCH_SECONDS)


def test_a_resumed_paced_session_keeps_its_get_ready(library: Library) -> None:
    engine, coach, _clock = paced_session(library)
    coach.after(engine.done())
    coach.after(coach.finish_set())  # into the paced set
    again = _resumed(engine)
    assert again.steps == engine.steps
    assert (again.phase, again.remaining()) == (Phase.READY, READY_SECONDS)
