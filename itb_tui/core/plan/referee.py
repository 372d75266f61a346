"""The referee: one input, one verdict per day, and every surface asks it.

Home's Today, the return-to-running screen and its ``r`` key, the run-week dialog, ``itb
today``, ``itb readiness``, ``itb remind`` and the calendar all render the Verdict that
``decide`` returns and decide nothing of their own (tests/unit/test_referee_boundary.py keeps
them from importing the rule modules). The rules themselves live in the plan modules, each
citing its article (verdict.RULES lists them with their ids):

  * today.py: the routines of the current phases and the strength rhythm;
  * running.py, run_walk.py: whether running has started, the run week, today's run and
    its caps;
  * checkin.py: the morning after a run or strength session holds the next one;
  * red_flags.py: a standing red flag holds running;
  * readiness_tests.py: the functional tests before the first run (weeks.readiness);
  * signs.py, progress.py: warning signs, no improvement, progression hints.

``RulesInput`` is everything those rules read, built once; ``decide`` turns it into a Verdict;
``plan_ahead`` asks the same for each coming day, as if each planned session were done.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from itb_tui.core.content.library import Library, Routine
from itb_tui.core.content.program import Program
from itb_tui.core.history.corrections import ruled
from itb_tui.core.history.records import MonthHistory, RunDecision, SessionRecord
from itb_tui.core.plan.due import DONE, DUE, OPTIONAL
from itb_tui.core.plan.judge import judge
from itb_tui.core.plan.overview import IMPROVEMENT_HORIZON_MONTHS, RECENT_MONTHS, Overview
from itb_tui.core.plan.red_flags import RedFlagState
from itb_tui.core.plan.verdict import HELD, ItemVerdict, Verdict, offers_run
from itb_tui.core.store.settings import Settings

if TYPE_CHECKING:
    from itb_tui.core.context import AppContext
    from itb_tui.core.store.files import StoreError


@dataclass(frozen=True)
class RulesInput:
    """Everything the rules read for one moment: content, settings, history, red flags."""

    program: Program
    library: Library
    settings: Settings
    history: MonthHistory
    now: datetime
    flags: RedFlagState = field(default_factory=RedFlagState)

    @property
    def today(self) -> date:
        return self.now.date()

    @cached_property
    def recent(self) -> MonthHistory:
        """What the rules read of the history, derived once: the last RECENT_MONTHS months
        with anything in them, and every month since the program start while it is recent
        (as overview.load_recent reads from disk), so a verdict costs the same after years;
        an entry a correction lowered at its highest (history/corrections.py)."""
        return ruled(self._recent_months())

    def _recent_months(self) -> MonthHistory:
        history = self.history
        months = {(s.started_at.year, s.started_at.month) for s in history.sessions}
        months |= {(p.at.year, p.at.month) for p in history.pain_logs}
        months |= {(d.at.year, d.at.month) for d in history.run_decisions}
        keep = set(sorted(months)[-RECENT_MONTHS:])
        start, today = self.settings.program_start, self.today
        if start is not None and (today - start).days <= IMPROVEMENT_HORIZON_MONTHS * 31:
            keep |= {m for m in months if (start.year, start.month) <= m}
        if len(keep) >= len(months):
            return history
        return MonthHistory(
            [s for s in history.sessions if (s.started_at.year, s.started_at.month) in keep],
            [p for p in history.pain_logs if (p.at.year, p.at.month) in keep],
            [d for d in history.run_decisions if (d.at.year, d.at.month) in keep],
            history.function_scores,  # few, and the first one is the baseline
        )

    def at(self, now: datetime, history: MonthHistory | None = None) -> RulesInput:
        """The same input at another moment (and with another history, if given)."""
        return replace(self, now=now, history=history or self.history)


def load_input(
    context: AppContext, flags: RedFlagState | None = None
) -> tuple[RulesInput, list[StoreError]]:
    """The input for now from the app's context: the recent months (overview.load_recent),
    and the months that could not be read (left out; the caller says so). ``flags``: the red
    flags as the caller read them (the context's when not given)."""
    from itb_tui.core.plan.overview import load_recent  # the same months, read from disk

    now = context.clock.wall()
    recent, unreadable = load_recent(context.store, context.settings, now.date())
    flags = context.red_flags if flags is None else flags
    inp = RulesInput(context.program, context.library, context.settings, recent, now, flags)
    return inp, unreadable


def decide(inp: RulesInput) -> Verdict:
    """The verdict for ``inp``'s day: every routine, the run, the check-in, the checks."""
    return judge(inp)


def anyway_question(verdict: Verdict) -> str:
    """The question ``r`` asks before a run today (override_question); '' when it asks none:
    the run starts at once, or not at all (locked, paused, a red flag, high pain)."""
    run = verdict.run
    return "" if run.startable or not offers_run(run) else override_question(verdict)


def override_question(verdict: Verdict) -> str:
    """The question asked before a run the verdict does not offer: it names why.

    'Today is a rest day after Monday's run. Run anyway?'
    """
    run = verdict.run
    why = run.reason.split(":", 1)[0].rstrip(".")
    if run.status == HELD:
        return f"{why}: today's run is held. Run anyway?"
    if run.status == DONE:
        return f"{why}. Run again anyway?"
    return f"{why}. Run anyway?"


def guided_run(verdict: Verdict, program: Program, *, anyway: bool = False) -> Routine | None:
    """The guided run the verdict allows today: its week, within every cap. ``anyway``: the
    run asked for on a rest or held day (after override_question), at the week's target.
    None while no run week stands (locked, paused, or held by a red flag)."""
    from itb_tui.core.plan.overview import run_routine

    stage = verdict.overview.stage
    if stage is None or not (verdict.run.startable or anyway):
        return None
    minutes = verdict.run.minutes[1] if verdict.run.startable else stage.target.minutes[1]
    return run_routine(stage.week, stage.target, program.form_tips, minutes)


def readiness_session(verdict: Verdict, program: Program, library: Library) -> Routine | None:
    """The guided session of the readiness test the verdict offers today (the first that is
    not passed, locked or waiting after a failure); None when none is offered, or while a red
    flag stands (red_flags.with_red_flags) or high pain holds weight-bearing work (overview)."""
    from itb_tui.core.plan.readiness_tests import routine_for

    test_id = verdict.overview.readiness.next_test
    test = next((t for t in program.enabled_tests if t.id == test_id), None)
    return None if test is None else routine_for(test, library)


def resumable_routines(
    verdict: Verdict, program: Program, library: Library, answered: str = ""
) -> dict[str, Routine]:
    """Each routine as an interrupted session may be taken up again today, as it would start
    now: the library's without what the rules hold (guided_session), and the guided run and
    readiness test the verdict offers. ``answered``: the question a run was started after
    (its ``override``); while the verdict would ask that same question now, the run it
    allows after a yes is offered too. A session whose routine is missing here or differs
    (a held exercise, a new run week) is kept or discarded, never resumed."""
    routines = {
        rid: guided_session(routine, verdict.overview)[0]
        for rid, routine in library.routines.items()
    }
    anyway = bool(answered) and answered == anyway_question(verdict)
    for offered in (
        guided_run(verdict, program, anyway=anyway),
        readiness_session(verdict, program, library),
    ):
        if offered is not None:
            routines[offered.id] = offered
    return routines


def readiness_result(program: Program, session: SessionRecord) -> str | None:
    """What a kept readiness test says at its end, passed or not and why, judged as the
    checklist judges it (readiness_tests.attempt_result); None for any other session."""
    from itb_tui.core.plan.readiness_tests import attempt_result

    return attempt_result(program, session)


def guided_session(routine: Routine, overview: Overview | None) -> tuple[Routine, str]:
    """``routine`` as a guided session may run it today: without the exercises high pain or a
    red flag holds (pain_holds.without_held); and why, '' when nothing of it is held."""
    from itb_tui.core.plan.pain_holds import without_held

    held = overview.held_exercises.get(routine.id) if overview is not None else None
    kept = without_held(routine, held)
    return kept, (held.why if held is not None and kept is not routine else "")


def refuse(verdict: Verdict, program: Program, decision: RunDecision, now: datetime) -> str:
    """Why ``decision`` (a run week by hand, a pause, a resume) cannot be kept today; '' when
    it can."""
    from itb_tui.core.plan.running import refusal

    return refusal(program, verdict.overview.access, decision, now)


def needs_clinician(verdict: Verdict, program: Program, decision: RunDecision) -> bool:
    """A week set by hand that only a named clinician's clearance allows now: before running
    has started, or above the rules' week after a warning sign, a step back or a hold."""
    if decision.week is None or decision.clinician:
        return False
    named = replace(decision, clinician="-", cleared=True)
    now = decision.at
    return bool(refuse(verdict, program, decision, now)) and not refuse(
        verdict, program, named, now
    )


def plan_ahead(inp: RulesInput, days: int) -> list[tuple[date, ItemVerdict]]:
    """(day, line) for each session to do from today for ``days`` days, in day order.

    Each day is decided by ``decide`` as if every earlier planned session had been done: a
    strength day makes the next a rest day, a planned run rests the next day in the
    alternate-day weeks, a week of planned runs moves the run week on. Nothing held or at
    rest today is planned; optional extras are left out, an optional run is kept. From
    tomorrow, runs and strength fall on alternate days: strength waits for a day without a run
    (today is as Today says).
    """
    sessions = list(inp.history.sessions)
    found: list[tuple[date, ItemVerdict]] = []
    for offset in range(days):
        day = inp.today + timedelta(days=offset)
        now = inp.now if offset == 0 else datetime.combine(day, time(6), tzinfo=inp.now.tzinfo)
        verdict = decide(inp.at(now, replace(inp.history, sessions=sessions)))
        lines = [line for line in verdict.items if _planned(line)]
        if offset and any(line.kind == "run" for line in lines):
            lines = [line for line in lines if line.rule != "strength-3-a-week"]
        for line in lines:
            minutes = verdict.run.minutes[1] if line.kind == "run" else 20
            found.append((day, line))
            sessions.append(planned_session(line, day, minutes))
    return found


def _planned(line: ItemVerdict) -> bool:
    """A line for the calendar: due, or an optional run (not extras, advice or rest)."""
    return line.kind != "advice" and (
        line.status == DUE or (line.status == OPTIONAL and line.kind == "run")
    )


def planned_session(line: ItemVerdict, day: date, minutes: int) -> SessionRecord:
    """A completed session of ``line`` on ``day``, as if done (a run holds its minutes)."""
    from itb_tui.core.history.records import ExerciseResult

    start = datetime.combine(day, time(12), tzinfo=UTC)
    exercises = []
    if line.kind == "run":
        done = {"both": [minutes * 60]}
        exercises = [ExerciseResult("run", "Run", "seconds", ("both",), 1, done)]
    return SessionRecord(
        f"planned-{line.routine_id}-{day}",
        line.routine_id,
        line.title,
        start,
        start + timedelta(minutes=minutes),
        completed=True,
        exercises=exercises,
    )
