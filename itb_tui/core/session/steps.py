"""The steps of a session and what it signals: phases, cues, and the layout of a routine."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from itb_tui.core.content.library import READY_SECONDS, SWITCH_SECONDS, Routine
from itb_tui.core.history.records import BOTH


class Phase(StrEnum):
    INTRO = "intro"
    READY = "ready"
    WORK = "work"
    SWITCH = "switch"
    REST = "rest"
    PAIN = "pain"
    DONE = "done"


class CueKind(StrEnum):
    COUNTDOWN = "countdown"  # value: 3, 2, 1
    GO = "go"  # a lead-in or side switch ended: work starts
    WORK_END = "work_end"  # a hold, roll or timer reached zero
    SWITCH_SIDES = "switch_sides"  # value: 0; ``side`` names the new side
    REST_OVER = "rest_over"
    SAVED = "saved"  # a set was recorded or removed: save the progress


@dataclass(frozen=True)
class Cue:
    """Something the user should hear or see flash, or the app should act on."""

    kind: CueKind
    value: int = 0
    side: str = ""


@dataclass(frozen=True)
class Step:
    """One place in the session; ``seconds`` > 0 means it counts down and then moves on."""

    phase: Phase
    item: int = -1
    set_no: int = 0
    side: str = BOTH
    seconds: int = 0


def side_order(weaker: str | None) -> tuple[str, str]:
    """Both legs, the weaker first (source 001: start single-leg work with the weaker leg)."""
    return ("right", "left") if weaker == "right" else ("left", "right")


def build_steps(routine: Routine, sides: tuple[str, str], paced: bool = False) -> list[Step]:
    """Lay out the whole session: sides alternate set by set, rest between sets. A hold, and
    with ``paced`` (the rep pacer on) a set with a tempo, starts after a get-ready."""
    steps: list[Step] = []
    for index, exercise in enumerate(routine.items):
        steps.append(Step(Phase.INTRO, index))
        order = sides if exercise.per_side else (BOTH,)
        lead_in = exercise.timed or (paced and exercise.paceable)
        for set_no in range(1, exercise.sets + 1):
            for position, side in enumerate(order):
                if position > 0:
                    steps.append(Step(Phase.SWITCH, index, set_no, side, SWITCH_SECONDS))
                elif lead_in:
                    steps.append(Step(Phase.READY, index, set_no, side, READY_SECONDS))
                steps.append(Step(Phase.WORK, index, set_no, side, exercise.duration_s or 0))
            if set_no < exercise.sets and exercise.rest_s > 0:
                steps.append(Step(Phase.REST, index, set_no, order[0], exercise.rest_s))
    steps.append(Step(Phase.PAIN))
    steps.append(Step(Phase.DONE))
    return steps
