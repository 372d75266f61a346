"""Exercises, routines and engines for the session tests, and walking an engine by a FakeClock."""

from __future__ import annotations

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import TIMED_KINDS, Exercise, Routine
from itb_tui.core.history.dose import least_seconds
from itb_tui.core.session.engine import Cue, Phase, SessionEngine

INTRO, READY, WORK, SWITCH, REST, PAIN, DONE = (
    Phase.INTRO,
    Phase.READY,
    Phase.WORK,
    Phase.SWITCH,
    Phase.REST,
    Phase.PAIN,
    Phase.DONE,
)


def make_exercise(
    ident: str = "side-hold",
    *,
    kind: str = "hold",
    per_side: bool = True,
    sets: int = 2,
    duration_s: int = 30,
    reps: tuple[int, int] = (10, 12),
    rest_s: int = 20,
) -> Exercise:
    timed = kind in TIMED_KINDS
    return Exercise(
        id=ident,
        name=ident.replace("-", " ").capitalize(),
        kind=kind,
        per_side=per_side,
        sets=sets,
        rest_s=rest_s,
        frequency="daily",
        targets="the hip",
        steps=("Do it.",),
        cues=("Breathe.",),
        reps=None if timed else reps,
        duration_s=duration_s if timed else None,
    )


def make_routine(*items: Exercise, ident: str = "test-routine") -> Routine:
    return Routine(
        id=ident,
        name="Test routine",
        category="strength",
        summary="For tests.",
        description="For tests.",
        items=items,
    )


def engine_for(*items: Exercise, clock: FakeClock, weaker: str | None = None) -> SessionEngine:
    return SessionEngine(make_routine(*items), clock, weaker_side=weaker)


def run_out(engine: SessionEngine, clock: FakeClock) -> list[Cue]:
    """Let the current countdown reach zero and tick once."""
    assert engine.counting_down
    clock.advance(engine.remaining())
    return engine.tick()


def goto(engine: SessionEngine, clock: FakeClock, phase: Phase, side: str, set_no: int) -> None:
    """Press Enter / let countdowns run out until the named step is reached."""
    for _ in range(1000):
        step = engine.step
        if (step.phase, step.side, step.set_no) == (phase, side, set_no):
            return
        if engine.phase in (PAIN, DONE):
            break
        if engine.counting_down and engine.phase in (SWITCH, REST, WORK):
            run_out(engine, clock)
        else:
            engine.done()
    raise AssertionError(f"never reached {phase} {side} {set_no}")


def walk_to_pain(engine: SessionEngine, clock: FakeClock) -> None:
    """Every set done in full: holds run out, each set of reps takes the least time it may."""
    for _ in range(10_000):
        if engine.phase is PAIN:
            return
        if engine.counting_down:
            run_out(engine, clock)
        else:
            if engine.phase is WORK and engine.exercise is not None:
                clock.advance(least_seconds(engine.exercise))
            engine.done()
    raise AssertionError("never reached the pain step")
