"""What a session has recorded so far, set by set, and the history record built from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from itb_tui.core.history.records import (
    BOTH,
    NO_KNEES,
    ExerciseResult,
    Knees,
    SessionRecord,
    scored,
)
from itb_tui.core.session.completion import is_complete
from itb_tui.core.session.steps import Phase

if TYPE_CHECKING:  # the engine imports this module
    from itb_tui.core.content.library import Exercise
    from itb_tui.core.session.engine import SessionEngine


@dataclass
class SetLog:
    """The work steps recorded (step index -> seconds or reps), those skipped, and the sets of
    reps that ended too soon to count (history/dose.py)."""

    done: dict[int, int] = field(default_factory=dict)
    skipped: set[int] = field(default_factory=set)
    quick: set[int] = field(default_factory=set)

    def record(self, index: int, amount: int, *, quick: bool = False) -> None:
        self.done[index] = amount
        if quick:
            self.quick.add(index)
        else:
            self.quick.discard(index)

    def skip(self, index: int) -> None:
        """The set at ``index`` was skipped: whatever it recorded is forgotten."""
        self.skipped.add(index)
        self.done.pop(index, None)
        self.quick.discard(index)

    def forget_from(self, index: int) -> None:
        """Going back to ``index``: what was recorded or skipped from there on is forgotten."""
        self.done = {i: amount for i, amount in self.done.items() if i < index}
        self.skipped = {i for i in self.skipped if i < index}
        self.quick = {i for i in self.quick if i < index}


@dataclass(frozen=True)
class Rating:
    """What the user said at the end: pain from 0 to 10 (the worse knee's when each knee was
    scored), each knee's score, a note, swelling, a limp (a walk test; None: not asked)."""

    pain_after: int | None = None
    note: str = ""
    swelling: bool | None = None
    knees: Knees = NO_KNEES
    limped: bool | None = None

    @classmethod
    def given(
        cls, score: int, note: str = "", swelling: bool | None = None, knees: Knees = NO_KNEES
    ) -> Rating:
        if not 0 <= score <= 10:
            raise ValueError("pain is rated from 0 to 10")
        return cls(scored(score, knees), note.strip(), swelling, knees)


def _nothing_yet(engine: SessionEngine, exercise: Exercise) -> ExerciseResult:
    """The result of ``exercise`` before any set."""
    return ExerciseResult(
        exercise=exercise.id,
        name=exercise.name,
        unit="seconds" if exercise.timed else exercise.unit.split()[0],
        sides=engine.sides if exercise.per_side else (BOTH,),
        sets_planned=exercise.sets,
    )


def results(engine: SessionEngine) -> list[ExerciseResult]:
    """Each exercise's sets done and skipped, by side, in the routine's order; then each
    exercise held today (plan/pain_holds), with every set skipped."""
    found = []
    log = engine.log
    for item, exercise in enumerate(engine.routine.items):
        result = _nothing_yet(engine, exercise)
        for index, step in enumerate(engine.steps):
            if step.item != item or step.phase is not Phase.WORK:
                continue
            if index in log.done:
                result.done.setdefault(step.side, []).append(log.done[index])
            elif index in log.skipped:
                result.skipped_sets[step.side] = result.skipped_sets.get(step.side, 0) + 1
        found.append(result)
    for exercise in engine.routine.held:
        result = _nothing_yet(engine, exercise)
        result.skipped_sets = dict.fromkeys(result.sides, exercise.sets)
        found.append(result)
    return found


def quick_sets(engine: SessionEngine) -> dict[int, int]:
    """By routine item, how many of its sets ended too soon to count."""
    found: dict[int, int] = {}
    for index in engine.log.quick:
        item = engine.steps[index].item
        found[item] = found.get(item, 0) + 1
    return found


def session_record(engine: SessionEngine) -> SessionRecord:
    """The session as it stands, for the history: complete only when finished with every set
    done (see completion.py)."""
    exercises = results(engine)
    return SessionRecord(
        id=engine.session_id,
        routine=engine.routine.id,
        routine_name=engine.routine.name,
        started_at=engine.started_at,
        ended_at=engine.clock.wall(),
        completed=engine.phase is Phase.DONE
        and is_complete(engine.routine, exercises, quick_sets(engine)),
        exercises=exercises,
        pain_after=engine.rating.pain_after,
        pain_after_knees=engine.rating.knees,
        note=engine.rating.note,
        swelling=engine.rating.swelling,
        pain_spikes=list(engine.pain_spikes),
        override=engine.override,
        short_minutes=engine.routine.short_minutes,
        readiness_test=engine.routine.readiness_test,
        limped=engine.rating.limped,
    )
