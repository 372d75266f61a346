"""Live a synthetic user day by day, and check the invariants as the days go.

``live`` applies each day's actions in time order through the app's gates (see users.py),
checks ``at_run`` whenever the user starts a run, ``at_test`` whenever they ask for a
readiness test and ``each_day`` at the end of every day,
and raises AssertionError with the story so far at the first broken invariant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from itb_tui.core.history.records import RunDecision
from itb_tui.core.plan.due import DUE, OPTIONAL
from itb_tui.core.plan.referee import (
    needs_clinician,
    override_question,
    readiness_session,
    refuse,
)
from itb_tui.core.plan.weeks import RUN_ROUTINE

from . import outdoors
from .corrections import Correct, correct
from .invariants import Tracker, end_of
from .surfaces import Look, look
from .users import (
    FIRST_DAY,
    NO_PAIN,
    Action,
    Attempt,
    CheckIn,
    Flag,
    Follow,
    ImportRun,
    LogPain,
    LogRun,
    Pain,
    Pause,
    Run,
    Session,
    SetWeek,
    Simulation,
    SkipCheckIn,
    User,
    at,
)

DayCheck = Callable[[Simulation, Look, Tracker], list[str]]
RunCheck = Callable[[Simulation, Look, bool], list[str]]
TestCheck = Callable[[Simulation, Look], list[str]]


class Broken(AssertionError):
    """An invariant does not hold: the problem, the user and what happened."""


def observe(sim: Simulation, now: datetime) -> Look:
    """Every surface at ``now``; a moment with every check met is remembered (I4)."""
    seen = look(sim, now)
    if seen.overview.readiness.ready:
        sim.ready_seen = True
    return seen


def fail(sim: Simulation, problems: list[str]) -> None:
    story = "\n".join(f"    {line}" for line in sim.story[-40:])
    raise Broken("\n".join(problems) + f"\n  user: {sim.user.describe()}\n  story:\n{story}")


def start_run(sim: Simulation, now: datetime, action: Run, at_run: RunCheck | None) -> None:
    """`r` on the return-to-running screen: a run the verdict offers starts at once; on a rest
    or held day the question that names why is asked, answered yes and kept with the run.
    It starts once the session before it has ended (one session at a time)."""
    now = sim.slot(now)
    seen = observe(sim, now)
    override = ""
    if not seen.can_run:
        if not seen.may_ask:
            sim.note(now, f"r: no run can be started ({seen.verdict.run.status})")
            return
        override = override_question(seen.verdict)
    if at_run is not None and (problems := at_run(sim, seen, bool(override))):
        fail(sim, problems)
    sim.run(now.date(), action, planned(seen), override)


def planned(seen: Look) -> int:
    """The minutes of the run the plan gives (the week's target on a day it gives none)."""
    stage = seen.overview.stage
    return (
        seen.verdict.run.minutes[1] if seen.can_run else (stage.target.minutes[1] if stage else 15)
    )


def outdoors_run(sim: Simulation, now: datetime, action: LogRun | ImportRun) -> None:
    """A run done outdoors, logged or imported at ``now``, whatever the verdict says."""
    if isinstance(action, LogRun):
        outdoors.log_run(sim, now, action, planned(observe(sim, now)))
    else:
        outdoors.import_run(sim, now, action)


def take_test(sim: Simulation, now: datetime, action: Attempt, at_test: TestCheck | None) -> bool:
    """`t` on the return-to-running screen: the test the verdict offers, done as ``action``
    says; False when none is offered (a red flag or high pain holds it, or none is due)."""
    now = sim.slot(now)
    seen = observe(sim, now)
    routine = readiness_session(seen.verdict, sim.program, sim.library)
    if at_test is not None and (problems := at_test(sim, seen)):
        fail(sim, problems)
    if routine is None:
        sim.note(now, "t: no readiness test offered")
        return False
    sim.test(now, action, routine)
    return True


def decide(sim: Simulation, now: datetime, action: SetWeek | Pause) -> None:
    """The run-week dialog: a week that needs a clinician's clearance (needs_clinician) is
    kept only with a name and a yes to "Has <name> cleared you?"; any other decision only
    when the referee's refuse() lets it."""
    verdict = observe(sim, now).verdict
    rules_week = verdict.overview.access.rules_week
    if isinstance(action, Pause):
        decision = RunDecision(now, "resume" if action.resume else "pause", rules_week=rules_week)
    else:
        decision = RunDecision(now, "week", action.week, rules_week)
        if needs_clinician(verdict, sim.program, decision):
            if not (action.clinician and action.cleared):
                sim.note(now, f"w: {decision.describe()} needs a clinician's name: not kept")
                return
            decision = replace(decision, clinician=action.clinician, cleared=True)
        else:
            decision = replace(decision, note=action.clinician)
    why = refuse(verdict, sim.program, decision, now)
    if why:
        sim.note(now, f"w: {decision.describe()} refused: {why}")
    else:
        sim.decide(decision)


def follow(
    sim: Simulation, day: date, action: Follow, at_run: RunCheck | None, at_test: TestCheck | None
) -> None:
    """Each readiness test offered, done as ``action.test`` says, then every session Today
    offers as due, in full and rated 0; the run when offered."""
    now = at(day, action.hour)
    seen = observe(sim, now)
    if action.test is not None and seen.overview.readiness.next_test:
        for _ in range(
            len(sim.program.enabled_tests) + 1
        ):  # each once at most: a pass stands, a failure waits
            if not take_test(sim, now, action.test, at_test):
                break
        seen = observe(sim, now)
    for line in seen.verdict.items:
        if line.status != DUE and not (line.kind == "run" and line.status == OPTIONAL):
            continue
        if line.kind == "routine" and line.routine_id in sim.library.routines:
            sim.session(
                day, Session(action.hour, line.routine_id, "complete", NO_PAIN, None, False)
            )
        elif line.kind == "run" and action.outdoors:
            minutes = planned(seen)
            end = sim.slot(at(day, action.hour, 20)) + timedelta(minutes=minutes + 1)
            pain = Pain(action.run_pain)
            done: LogRun | ImportRun = (
                LogRun(end.hour, end.minute, 1, minutes, 0, None, None, pain, False)
                if action.outdoors == "log"
                else ImportRun(end.hour, end.minute, "fit", "ago", 1, minutes, 0, None, pain)
            )
            outdoors_run(sim, end, done)
        elif line.kind == "run":
            run = Run(action.hour, 20, None, "complete", 0, Pain(action.run_pain), False)
            start_run(sim, at(day, action.hour, 20), run, at_run)


def act(
    sim: Simulation,
    day: date,
    action: Action,
    at_run: RunCheck | None,
    at_test: TestCheck | None = None,
) -> None:
    if isinstance(action, Correct):
        correct(sim, day, action)
    elif isinstance(action, CheckIn | LogPain):
        sim.log(day, action)
    elif isinstance(action, SkipCheckIn):
        sim.skip(day, action)
    elif isinstance(action, Session):
        sim.session(day, action)
    elif isinstance(action, Run):
        start_run(sim, at(day, action.hour, action.minute), action, at_run)
    elif isinstance(action, SetWeek | Pause):
        decide(sim, at(day, action.hour, 3), action)
    elif isinstance(action, Flag):
        sim.flag(day, action)
    elif isinstance(action, Follow):
        follow(sim, day, action, at_run, at_test)
    elif isinstance(action, Attempt):
        take_test(sim, at(day, action.hour), action, at_test)
    elif isinstance(action, LogRun | ImportRun):
        outdoors_run(sim, at(day, action.hour, action.minute), action)


def live(
    user: User,
    each_day: list[DayCheck],
    at_run: RunCheck | None = None,
    *,
    final: Callable[[Simulation, Look], list[str]] | None = None,
    at_test: TestCheck | None = None,
) -> Simulation:
    """Every day of ``user``, the checks after each; returns the simulation at the end."""
    sim = Simulation(user)
    tracker = Tracker()
    seen: Look | None = None
    for number, actions in enumerate(user.days):
        day = FIRST_DAY + timedelta(days=number)
        for action in actions:
            act(sim, day, action, at_run, at_test)
        seen = observe(sim, end_of(day))
        problems = [p for check in each_day for p in check(sim, seen, tracker)]
        if problems:
            fail(sim, problems)
        stage = seen.overview.stage
        tracker.week = stage.week if stage is not None else None
        sim.note(
            end_of(day), f"end of day: run week {tracker.week}, offered {sorted(seen.home_due())}"
        )
    if final is not None and seen is not None and (problems := final(sim, seen)):
        fail(sim, problems)
    return sim


__all__ = ["RUN_ROUTINE", "Broken", "live"]
