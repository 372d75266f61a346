"""The session engine: a state machine over the steps of a routine, driven by an injected clock.

Each step's countdown is a StepTimer (timer.py), so a stalled event loop never makes it drift.
The UI calls ``tick()`` as often as it likes, renders the state, and forwards keys to the
action methods. What was recorded and the history record are in record.py; saving and
restoring a session in progress_file.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from itb_tui.core.clock import Clock
from itb_tui.core.content.library import Exercise, Routine
from itb_tui.core.history.dose import meets_dose
from itb_tui.core.history.records import (
    NO_KNEES,
    ExerciseResult,
    Knees,
    PainSpike,
    SessionRecord,
    session_id_at,
)
from itb_tui.core.session.completion import missing_parts
from itb_tui.core.session.record import Rating, SetLog, quick_sets, results, session_record
from itb_tui.core.session.steps import Cue, CueKind, Phase, Step, build_steps, side_order
from itb_tui.core.session.timer import StepTimer, whole_seconds

__all__ = [  # the steps and cues are named from here too
    "Cue",
    "CueKind",
    "Phase",
    "SessionEngine",
    "Step",
    "build_steps",
    "side_order",
]

ADJUST_SECONDS = 10
# A set records from 0 reps up to twice the top of its target range, and never more than this.
REP_CAP = 60


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
        self.timer = StepTimer(clock)
        self.rating = Rating()
        self.pain_spikes: list[PainSpike] = []
        # A run started on a day the rules said rest or held: the question answered before it
        # (referee.override_question), kept with the session and in its progress file.
        self.override = ""
        self.log = SetLog()
        self.reps = 0
        self._step_from = clock.now()  # when the step in hand began
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

    @property
    def paused(self) -> bool:
        return self.timer.paused

    @paused.setter
    def paused(self, paused: bool) -> None:
        self.timer.paused = paused

    def remaining(self) -> float:
        """Seconds left on the current countdown (0 when the step does not count down)."""
        return self.timer.remaining() if self.counting_down else 0.0

    def shown_seconds(self) -> int:
        """The whole seconds to display: 0.2 s left still shows 1."""
        return whole_seconds(self.remaining())

    def total_seconds(self) -> float:
        """The full length of the current countdown, adjustments included."""
        return self.timer.length

    def work_steps(self) -> list[int]:
        return [i for i, step in enumerate(self.steps) if step.phase is Phase.WORK]

    def progress(self) -> tuple[int, int]:
        """(sets done so far, all sets): a skipped set is behind us but not done."""
        work = self.work_steps()
        return sum(1 for i in work if i < self.index and i in self.log.done), len(work)

    # -- time -----------------------------------------------------------------------------
    def tick(self) -> list[Cue]:
        """Check the clock: fire countdown cues once each, and move on when time is up."""
        if not self.counting_down or self.paused:
            return []
        due, over = self.timer.check()
        cues: list[Cue] = []
        if due is not None and self.phase is not Phase.SWITCH:
            cues.append(Cue(CueKind.COUNTDOWN, due))
        if over:
            cues.extend(self._finish_step(full=True))
        return cues

    def _enter(self, index: int) -> list[Cue]:
        self.index = index
        step = self.step
        self.timer.start(step.seconds)
        self._step_from = self.clock.now()
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
                self.log.record(self.index, round(done))
                if full:
                    cues.append(Cue(CueKind.WORK_END))
            elif self.reps > 0:
                took = round(self.clock.now() - self._step_from)
                quick = meets_dose(exercise, self.reps) and not meets_dose(
                    exercise, self.reps, took
                )
                self.log.record(self.index, self.reps, quick=quick)
            else:  # a set of 0 reps was not done: it is recorded as skipped
                self.log.skip(self.index)
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
        self.timer.toggle_pause()

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
        self.timer.extend(float(ADJUST_SECONDS * direction))

    def skip(self) -> list[Cue]:
        """s: skip this set (or rest, or lead-in); on an exercise's intro, skip the exercise."""
        step = self.step
        if step.phase is Phase.INTRO:
            return self.skip_exercise()
        if step.phase in (Phase.READY, Phase.WORK):
            work = self.index if step.phase is Phase.WORK else self.index + 1
            self.log.skip(work)
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
            if self.steps[target].phase is Phase.WORK and target not in self.log.done:
                self.log.skip(target)
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
        self.log.forget_from(target)
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
        """Record the pain rating of a session stopped early (it stays where it was)."""
        self.rating = Rating.given(score, note, swelling, knees)

    def answer_limp(self, limped: bool) -> None:
        """Record the answer to "Did you limp?" (asked at the end of a walk test)."""
        self.rating = replace(self.rating, limped=limped)

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

    def resume_at(self, index: int) -> None:
        """Go to the set at ``index`` from its lead-in: a restored session starts the set in
        hand again."""
        if not 0 <= index < len(self.steps):
            raise ValueError("the saved position is outside the routine")
        self._enter(self._lead_in(index))

    def score_spike(self, knees: Knees, score: int | None = None) -> None:
        """Give the last pain spike (there is one) its ``score``, or each knee's score and
        the worse of them as its score."""
        worse = knees.worse if knees else score
        self.pain_spikes[-1] = replace(self.pain_spikes[-1], score=worse, knees=knees)

    # -- results (see record.py) ------------------------------------------------------------
    def results(self) -> list[ExerciseResult]:
        return results(self)

    def missing(self) -> list[str]:
        """What was skipped or cut short, by name (empty when every set was done)."""
        return missing_parts(self.routine, self.results(), quick_sets(self))

    def record(self) -> SessionRecord:
        """The session as it stands, for the history."""
        return session_record(self)
