"""The session engine: a state machine over the steps of a routine, driven by an injected clock.

Remaining time is always ``deadline - clock.now()``; nothing counts ticks, so a stalled event
loop never makes a countdown drift. The UI calls ``tick()`` as often as it likes, renders the
state, and forwards keys to the action methods.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from itb_tui.core.clock import Clock
from itb_tui.core.content.library import READY_SECONDS, SWITCH_SECONDS, Exercise, Routine
from itb_tui.core.history.records import (
    BOTH,
    NO_KNEES,
    ExerciseResult,
    Knees,
    PainSpike,
    SessionRecord,
    scored,
    session_id_at,
)
from itb_tui.core.session.completion import is_complete, missing_parts

ADJUST_SECONDS = 10
# A set records from 0 reps up to twice the top of its target range, and never more than this.
REP_CAP = 60
COUNTDOWN_FROM = 3


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


class SessionEngine:
    """Steps through a routine. All times come from ``clock``; nothing here waits."""

    def __init__(
        self,
        routine: Routine,
        clock: Clock,
        weaker_side: str | None = None,
        *,
        paced: bool = False,
        new_id: Callable[[datetime], str] = session_id_at,
    ) -> None:
        """``new_id`` names the session from its start time (the store gives one not taken)."""
        self.routine = routine
        self.clock = clock
        self.sides = side_order(weaker_side)
        self.paced = paced  # the rep pacer is on: sets with a tempo get a get-ready too
        self.steps = build_steps(routine, self.sides, paced)
        self.started_at = clock.wall()
        self.session_id = new_id(self.started_at)
        self.index = 0
        self.paused = False
        self.pain_after: int | None = None
        self.pain_after_knees = NO_KNEES
        self.note = ""
        self.swelling: bool | None = None
        self.pain_spikes: list[PainSpike] = []
        self._records: dict[int, int] = {}
        self._skipped: set[int] = set()
        self._deadline = 0.0
        self._paused_remaining = 0.0
        self._cued: set[int] = set()
        self._length = 0.0
        self.reps = 0
        self._enter(0)

    # -- state ----------------------------------------------------------------------------
    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def phase(self) -> Phase:
        return self.step.phase

    @property
    def exercise(self) -> Exercise | None:
        item = self.step.item
        return self.routine.items[item] if item >= 0 else None

    @property
    def counting_down(self) -> bool:
        return self.step.seconds > 0

    def remaining(self) -> float:
        """Seconds left on the current countdown (0 when the step does not count down)."""
        if not self.counting_down:
            return 0.0
        if self.paused:
            return self._paused_remaining
        return max(0.0, self._deadline - self.clock.now())

    def shown_seconds(self) -> int:
        """The whole seconds to display: 0.2 s left still shows 1."""
        return math.ceil(self.remaining() - 1e-9)

    def total_seconds(self) -> float:
        """The full length of the current countdown, adjustments included."""
        return self._length

    def work_steps(self) -> list[int]:
        return [i for i, step in enumerate(self.steps) if step.phase is Phase.WORK]

    def progress(self) -> tuple[int, int]:
        """(sets done so far, all sets): a skipped set is behind us but not done."""
        work = self.work_steps()
        return sum(1 for i in work if i < self.index and i in self._records), len(work)

    def upcoming(self) -> Step | None:
        """The next step the user will notice (not a lead-in)."""
        start = self.index + 1
        if self.phase in (Phase.READY, Phase.SWITCH):
            start += 1  # the work it leads into is what is on screen now
        for step in self.steps[start:]:
            if step.phase not in (Phase.READY, Phase.SWITCH):
                return step
        return None

    def next_text(self) -> str:
        """'Next: right leg, set 2 of 3' or 'Next: Glute bridge'."""
        step = self.upcoming()
        if step is None:
            return ""
        if step.phase is Phase.PAIN:
            return "Next: rate your pain, then the summary"
        if step.phase is Phase.DONE:
            return "Next: the summary"
        if step.phase is Phase.INTRO:
            return f"Next: {self.routine.items[step.item].name}"
        if step.phase is Phase.REST:
            return f"Next: rest {step.seconds} s"
        exercise = self.routine.items[step.item]
        side = f"{step.side} leg, " if step.side != BOTH else ""
        return f"Next: {side}set {step.set_no} of {exercise.sets}"

    # -- time -----------------------------------------------------------------------------
    def tick(self) -> list[Cue]:
        """Check the clock: fire countdown cues once each, and move on when time is up."""
        if not self.counting_down or self.paused:
            return []
        left = self._deadline - self.clock.now()
        cues: list[Cue] = []
        shown = math.ceil(left - 1e-9)
        if 1 <= shown <= COUNTDOWN_FROM and shown not in self._cued:
            self._cued.update(range(shown, COUNTDOWN_FROM + 1))
            if self.phase is not Phase.SWITCH:
                cues.append(Cue(CueKind.COUNTDOWN, shown))
        if left <= 0:
            cues.extend(self._finish_step(full=True))
        return cues

    def _enter(self, index: int) -> list[Cue]:
        self.index = index
        step = self.step
        self.paused = False
        self._cued = set()
        self._length = float(step.seconds)
        self._deadline = self.clock.now() + step.seconds
        self._paused_remaining = float(step.seconds)
        if step.phase is Phase.WORK and not self.routine.items[step.item].timed:
            self.reps = (self.routine.items[step.item].reps or (0, 0))[0]
        if step.phase is Phase.SWITCH:
            return [Cue(CueKind.SWITCH_SIDES, side=step.side)]
        return []

    def _advance(self) -> list[Cue]:
        if self.index + 1 >= len(self.steps):
            return []
        return self._enter(self.index + 1)

    def _finish_step(self, *, full: bool) -> list[Cue]:
        step = self.step
        cues: list[Cue] = []
        if step.phase is Phase.WORK:
            exercise = self.routine.items[step.item]
            if exercise.timed:
                done = self.total_seconds() - (0.0 if full else self.remaining())
                self._records[self.index] = round(done)
                if full:
                    cues.append(Cue(CueKind.WORK_END))
            elif self.reps > 0:
                self._records[self.index] = self.reps
            else:  # a set of 0 reps was not done: it is recorded as skipped
                self._skipped.add(self.index)
            cues.append(Cue(CueKind.SAVED))
        elif step.phase is Phase.REST and full:
            cues.append(Cue(CueKind.REST_OVER))
        elif step.phase in (Phase.READY, Phase.SWITCH) and full:
            cues.append(Cue(CueKind.GO))
        self.paused = False
        return cues + self._advance()

    # -- actions --------------------------------------------------------------------------
    def done(self) -> list[Cue]:
        """Enter: start, finish the hold or set now, or skip the lead-in or rest."""
        if self.phase in (Phase.PAIN, Phase.DONE):
            return []
        return self._finish_step(full=False)

    def toggle_pause(self) -> None:
        if not self.counting_down or self.phase in (Phase.PAIN, Phase.DONE):
            return
        if self.paused:
            self._deadline = self.clock.now() + self._paused_remaining
        else:
            self._paused_remaining = self.remaining()
        self.paused = not self.paused

    def rep_limit(self) -> int:
        """The most reps the current set can record: twice its target's top, capped."""
        exercise = self.exercise
        top = exercise.reps[1] if exercise is not None and exercise.reps else REP_CAP
        return min(REP_CAP, 2 * top)

    def adjust(self, direction: int) -> None:
        """+/-: ten seconds more or less on a countdown, one rep more or less on a set."""
        step = self.step
        if step.phase is Phase.WORK and not self.counting_down:
            self.reps = max(0, min(self.rep_limit(), self.reps + direction))
            return
        if not self.counting_down:
            return
        delta = float(ADJUST_SECONDS * direction)
        delta = max(delta, 1.0 - self.remaining())  # never below one second left
        self._length += delta
        self._deadline += delta
        self._paused_remaining += delta
        self._cued = {n for n in self._cued if n > self.shown_seconds()}

    def skip(self) -> list[Cue]:
        """s: skip this set (or rest, or lead-in); on an exercise's intro, skip the exercise."""
        step = self.step
        if step.phase is Phase.INTRO:
            return self.skip_exercise()
        if step.phase in (Phase.READY, Phase.WORK):
            work = self.index if step.phase is Phase.WORK else self.index + 1
            self._skipped.add(work)
            self._records.pop(work, None)
            return [Cue(CueKind.SAVED), *self._enter(work + 1)]
        if step.phase in (Phase.SWITCH, Phase.REST):
            return self._advance()
        return []

    def skip_exercise(self) -> list[Cue]:
        """n: skip what is left of this exercise and go to the next one's intro."""
        item = self.step.item
        if item < 0:
            return []
        target = self.index
        while self.steps[target].item == item:
            if self.steps[target].phase is Phase.WORK and target not in self._records:
                self._skipped.add(target)
            target += 1
        self.paused = False
        return [Cue(CueKind.SAVED), *self._enter(target)]

    def _lead_in(self, index: int) -> int:
        """The READY or SWITCH step in front of a work step, else ``index`` itself."""
        before = self.steps[index - 1].phase if index > 0 else None
        if self.steps[index].phase is Phase.WORK and before in (Phase.READY, Phase.SWITCH):
            return index - 1
        return index

    def back(self) -> list[Cue]:
        """b: go back to the previous set or intro, forgetting what was recorded from there on."""
        target = self.index - 1
        while target > 0 and self.steps[target].phase not in (Phase.INTRO, Phase.WORK):
            target -= 1
        if target < 0 or self.phase is Phase.DONE:
            return []
        target = self._lead_in(target)
        for index in [i for i in self._records if i >= target]:
            del self._records[index]
        self._skipped = {i for i in self._skipped if i < target}
        self.paused = False
        return [Cue(CueKind.SAVED), *self._enter(target)]

    def restart_step(self) -> None:
        """Start the step in hand again from now: a resumed session's lead-in counts from the
        moment the session is back on screen, not from when it was read."""
        self._enter(self.index)

    def rate_pain(
        self, score: int, note: str = "", swelling: bool | None = None, knees: Knees = NO_KNEES
    ) -> None:
        """Record the end-of-session pain rating and go to the summary."""
        if self.phase is not Phase.PAIN:
            return
        self.rate_stopped(score, note, swelling, knees)
        self._advance()

    def rate_stopped(
        self, score: int, note: str = "", swelling: bool | None = None, knees: Knees = NO_KNEES
    ) -> None:
        """Record the pain rating of a session stopped early (it stays where it was); with
        ``knees`` scored, the rating is the worse knee's."""
        if not 0 <= score <= 10:
            raise ValueError("pain is rated from 0 to 10")
        self.pain_after = scored(score, knees)
        self.pain_after_knees = knees
        self.note = note.strip()
        self.swelling = swelling

    def pain_spike(self) -> PainSpike | None:
        """Note pain felt during the current exercise and side, and pause."""
        exercise = self.exercise
        if exercise is None:
            return None
        spike = PainSpike(self.clock.wall(), exercise.id, self.step.side)
        self.pain_spikes.append(spike)
        if self.counting_down and not self.paused:
            self.toggle_pause()
        return spike

    def score_spike(self, knees: Knees) -> None:
        """Give the last pain spike each knee's score (its score: the worse knee's)."""
        if self.pain_spikes and knees:
            self.pain_spikes[-1] = replace(self.pain_spikes[-1], score=knees.worse, knees=knees)

    # -- results --------------------------------------------------------------------------
    def results(self) -> list[ExerciseResult]:
        results = []
        for item, exercise in enumerate(self.routine.items):
            sides = self.sides if exercise.per_side else (BOTH,)
            result = ExerciseResult(
                exercise=exercise.id,
                name=exercise.name,
                unit="seconds" if exercise.timed else exercise.unit.split()[0],
                sides=tuple(sides),
                sets_planned=exercise.sets,
            )
            for index, step in enumerate(self.steps):
                if step.item != item or step.phase is not Phase.WORK:
                    continue
                if index in self._records:
                    result.done.setdefault(step.side, []).append(self._records[index])
                elif index in self._skipped:
                    result.skipped_sets[step.side] = result.skipped_sets.get(step.side, 0) + 1
            results.append(result)
        return results

    def missing(self) -> list[str]:
        """What was skipped or cut short, by name (empty when every set was done)."""
        return missing_parts(self.routine, self.results())

    def record(self) -> SessionRecord:
        """The session as it stands, for the history: complete only when finished with every
        set done (see completion.py)."""
        results = self.results()
        return SessionRecord(
            id=self.session_id,
            routine=self.routine.id,
            routine_name=self.routine.name,
            started_at=self.started_at,
            ended_at=self.clock.wall(),
            completed=self.phase is Phase.DONE and is_complete(self.routine, results),
            exercises=results,
            pain_after=self.pain_after,
            pain_after_knees=self.pain_after_knees,
            note=self.note,
            swelling=self.swelling,
            pain_spikes=list(self.pain_spikes),
        )

    def fingerprint(self) -> str:
        """Identifies the layout of steps, so a resume is refused if the routine changed."""
        return ";".join(
            f"{e.id}:{e.sets}:{int(e.per_side)}:{int(e.timed)}:{int(e.rest_s > 0)}"
            for e in self.routine.items
        )

    def snapshot(self) -> dict[str, Any]:
        """Everything needed to resume, or to keep the session as an incomplete one."""
        return {
            "record": self.record().to_dict(),
            "resume": {
                "routine": self.routine.id,
                "fingerprint": self.fingerprint(),
                "sides": list(self.sides),
                "paced": self.paced,
                "step": self.index,
                "records": [[index, amount] for index, amount in sorted(self._records.items())],
                "skipped": sorted(self._skipped),
            },
        }

    def restore(self, resume: dict[str, Any], record: SessionRecord) -> None:
        """Continue a saved session from the start of the step it was on."""
        if resume.get("fingerprint") != self.fingerprint():
            raise ValueError("the routine has changed since this session was saved")
        self.sides = (resume["sides"][0], resume["sides"][1])
        self.paced = bool(resume.get("paced", False))  # the layout the steps were saved in
        self.steps = build_steps(self.routine, self.sides, self.paced)
        self.started_at = record.started_at
        self.session_id = record.id
        self.pain_spikes = list(record.pain_spikes)
        self._records = {int(i): int(a) for i, a in resume["records"]}
        self._skipped = {int(i) for i in resume["skipped"]}
        step = int(resume["step"])
        if not 0 <= step < len(self.steps):
            raise ValueError("the saved position is outside the routine")
        self.paused = False
        self._enter(self._lead_in(step))  # the set in hand restarts from its lead-in
