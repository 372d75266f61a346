"""Test data built in one place: times, sessions, exercise results, pain logs, shipped content.

Every helper takes keyword arguments for what a test varies and has plain defaults otherwise:
the FakeClock's zone (UTC+1) and day (Monday 2026-11-23), 8:00 for a session, 20:00 for a
pain log, names as the shipped content gives them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from typing import Any

from itb_tui.core.content.library import Library, load_library
from itb_tui.core.content.program import Program, load_program
from itb_tui.core.history.records import (
    BOTH,
    SIDES,
    ExerciseResult,
    MonthHistory,
    PainLog,
    PainSpike,
    SessionRecord,
    session_id_at,
)
from itb_tui.core.plan.due import DUE, OPTIONAL, DueItem
from itb_tui.core.plan.running import RunStage, run_stage
from itb_tui.core.plan.signs import warning_signs
from itb_tui.core.plan.today import today_plan
from itb_tui.core.plan.verdict import Verdict
from itb_tui.core.plan.weeks import RUN_ROUTINE, Readiness, readiness
from itb_tui.core.store.paths import content_dir
from itb_tui.core.store.settings import Settings

TZ = timezone(timedelta(hours=1))  # the FakeClock's zone
TODAY = date(2026, 11, 23)  # a Monday: the FakeClock's day


@cache
def shipped_library() -> Library:
    """The shipped exercises and routines, loaded once (tests must not change it)."""
    return load_library(content_dir())


@cache
def shipped_program() -> Program:
    """The shipped program, loaded once (tests must not change it)."""
    return load_program(content_dir() / "program.toml", set(shipped_library().routines))


def at(
    when: date = TODAY,
    hour: int = 8,
    minute: int = 0,
    *,
    month: int | None = None,
    day: int | None = None,
    tz: tzinfo = TZ,
) -> datetime:
    """``when`` (its ``month`` or ``day`` replaced if given) at ``hour:minute`` in ``tz``."""
    when = when.replace(month=month or when.month, day=day or when.day)
    return datetime.combine(when, time(hour, minute), tzinfo=tz)


def routine_name(routine: str) -> str:
    """The shipped routine's name; "Run" for the guided run; the id for anything else."""
    if routine == RUN_ROUTINE:
        return "Run"
    known = shipped_library().routines.get(routine)
    return known.name if known else routine


def result(
    exercise: str = "clamshell",
    *,
    left: Sequence[int] | None = None,
    right: Sequence[int] | None = None,
    both: Sequence[int] | None = None,
    sets: int | None = None,
    unit: str | None = None,
    name: str | None = None,
    skipped: dict[str, int] | None = None,
) -> ExerciseResult:
    """An exercise's result with the values of each set done on the sides given.

    Per side (left and right) unless ``both`` is given; ``sets`` planned defaults to the most
    sets done; name and unit are the shipped exercise's (seconds for a timed one).
    """
    shipped = shipped_library().exercises.get(exercise)
    sides = (BOTH,) if both is not None else SIDES
    given = {"left": left, "right": right, BOTH: both}
    done = {side: list(values) for side, values in given.items() if values is not None}
    return ExerciseResult(
        exercise,
        name or (shipped.name if shipped else exercise.title()),
        unit or ("seconds" if shipped and shipped.timed else "reps"),
        sides,
        sets if sets is not None else max((len(v) for v in done.values()), default=1),
        done,
        skipped or {},
    )


def run_result(minutes: float) -> ExerciseResult:
    """The one result of a guided run: ``minutes`` of running."""
    return result(RUN_ROUTINE, both=[round(minutes * 60)], sets=1, unit="seconds", name="Run")


def session(
    routine: str = "hip-strength",
    when: date = TODAY,
    *,
    hour: int = 8,
    minute: int = 0,
    tz: tzinfo = TZ,
    start: datetime | None = None,
    minutes: float = 20,
    completed: bool = True,
    exercises: Sequence[ExerciseResult] = (),
    pain_after: int | None = None,
    note: str = "",
    spikes: Sequence[str] = (),
    pain_spikes: Sequence[PainSpike] = (),
    ident: str | None = None,
    name: str | None = None,
) -> SessionRecord:
    """A session of ``routine`` from ``start`` (else ``when`` at ``hour:minute``), ``minutes``
    long; ``spikes`` names exercises with a left-side pain spike 5, 7, 9... minutes in."""
    start = start or at(when, hour, minute, tz=tz)
    spiked = [
        PainSpike(start + timedelta(minutes=5 + 2 * n), e, "left") for n, e in enumerate(spikes)
    ]
    return SessionRecord(
        id=ident or session_id_at(start),
        routine=routine,
        routine_name=name or routine_name(routine),
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        completed=completed,
        exercises=list(exercises),
        pain_after=pain_after,
        note=note,
        pain_spikes=[*pain_spikes, *spiked],
    )


def run(when: date = TODAY, minutes: float = 15, **fields: Any) -> SessionRecord:
    """A guided run of ``minutes`` on ``when`` (other fields as for ``session``)."""
    return session(RUN_ROUTINE, when, minutes=minutes, exercises=[run_result(minutes)], **fields)


def make_session(
    library: Library,
    routine_id: str,
    start: datetime,
    *,
    completed: bool = True,
    done_items: int | None = None,
    pain: int | None = None,
    note: str = "",
    right_short: int = 0,
) -> SessionRecord:
    """A session of a shipped routine with every set done at its target.

    ``done_items`` stops after that many exercises; ``right_short`` takes reps (or
    seconds) off each right-side set, so the right leg reads as the weaker one.
    """
    routine = library.routines[routine_id]
    results = []
    for number, exercise in enumerate(routine.items):
        sides = SIDES if exercise.per_side else (BOTH,)
        unit = "seconds" if exercise.timed else exercise.unit.split()[0]
        done = ExerciseResult(exercise.id, exercise.name, unit, sides, exercise.sets)
        if done_items is None or number < done_items:
            target = exercise.duration_s if exercise.timed else (exercise.reps or (1, 1))[1]
            for side in sides:
                value = (target or 1) - (right_short if side == "right" else 0)
                done.done[side] = [max(1, value)] * exercise.sets
        results.append(done)
    seconds = sum(e.estimated_seconds() for e in routine.items[: done_items or None])
    return session(
        routine.id,
        start=start,
        name=routine.name,
        minutes=seconds / 60,
        completed=completed,
        exercises=results,
        pain_after=pain,
        note=note,
    )


def pain(
    when: date = TODAY,
    score: int = 0,
    context: str = "daily",
    *,
    hour: int = 20,
    minute: int = 0,
    tz: tzinfo = TZ,
    note: str = "",
    swelling: bool | None = None,
) -> PainLog:
    """A pain log of ``score`` on ``when`` at ``hour:minute`` (20:00 by default)."""
    return PainLog(at(when, hour, minute, tz=tz), score, context, note, swelling)


def pain_free(until: date, days: int) -> list[PainLog]:
    """A daily pain log of 0 on each of the ``days`` days up to ``until``."""
    return [pain(until - timedelta(days=n)) for n in range(days)]


# -- program histories: the plan rules' dates and the builders their tests share -------------
# The program started on START; MON is the Monday of program week 4 (the FakeClock's day).

LIBRARY = shipped_library()
PROGRAM = shipped_program()
START = date(2026, 11, 2)  # a Monday
MON = date(2026, 11, 23)  # a Monday, program week 4


def day(offset: int, base: date = MON) -> date:
    """``offset`` days from ``base``."""
    return base + timedelta(days=offset)


def settings(start: date | None = START, running: bool = False) -> Settings:
    """Settings with the program started on ``start``."""
    return Settings(program_start=start, running=running)


def plan(
    today: date,
    sessions: Sequence[SessionRecord] = (),
    logs: Sequence[PainLog] = (),
    **kw: Any,
) -> dict[str, DueItem]:
    """Today's due items by routine id (advice left out), with ``settings(**kw)``."""
    items = today_plan(PROGRAM, settings(**kw), sessions, logs, today, LIBRARY)
    return {item.routine_id: item for item in items if item.kind != "advice"}


def strength(when: date, *, pain_after: int | None = 0, hour: int = 8, **kw: Any) -> SessionRecord:
    """A hip-strength session with every set of every exercise done, rated ``pain_after``."""
    return make_session(LIBRARY, "hip-strength", at(when, hour), pain=pain_after, **kw)


def ready_by(when: date) -> tuple[list[SessionRecord], list[PainLog]]:
    """Three full pain-free strength sessions and a pain-free week before ``when``."""
    return [strength(when - timedelta(days=n)) for n in (6, 4, 2)], pain_free(day(-1, when), 7)


def readiness_on(
    today: date, sessions: list[SessionRecord], logs: list[PainLog], **kw: Any
) -> Readiness:
    """The checks before running on ``today`` over this history (``kw``: see settings)."""
    return readiness(PROGRAM, settings(**kw), sessions, logs, today, LIBRARY)


def started_history(
    sessions: list[SessionRecord], logs: list[PainLog], first_run: date = MON
) -> MonthHistory:
    """``sessions`` and ``logs`` after a rehab that met every readiness check before the first
    run on ``first_run`` (strength well before it, out of the 7 days the strength cap counts),
    so running has started."""
    before = [strength(first_run - timedelta(days=n)) for n in (13, 11, 9)]
    return MonthHistory([*before, *sessions], [*pain_free(first_run - timedelta(days=1), 7), *logs])


def pain_free_week(monday: date, minutes: int = 15) -> list[SessionRecord]:
    """Three runs of ``minutes`` on Monday, Wednesday and Friday, none with pain."""
    return [run(monday + timedelta(days=n), minutes) for n in (0, 2, 4)]


def stage_on(today: date, runs: list[SessionRecord], logs: Sequence[PainLog] = ()) -> RunStage:
    """The run stage the shipped program gives on ``today``."""
    return run_stage(PROGRAM, runs, logs, today)


def signs(today: date, sessions: list[SessionRecord], logs: Sequence[PainLog] = ()) -> list[str]:
    """The ids of the warning signs the shipped program finds on ``today``."""
    return [f.sign.id for f in warning_signs(PROGRAM, sessions, logs, today, LIBRARY)]


def clamshells(reps: int, sets: int = 3) -> ExerciseResult:
    """Clamshells: ``sets`` sets of ``reps`` on each side."""
    return result(left=[reps] * sets, right=[reps] * sets)


# -- the command line ---------------------------------------------------------------------------


def cli_verbs() -> list[str]:
    """Every verb of the ``itb`` command, as its parser has them."""
    from itb_tui.cli import build_parser

    parser = build_parser()
    (commands,) = [action for action in parser._actions if action.dest == "command"]
    assert commands.choices is not None
    return list(commands.choices)


def readiness_attempt(
    test_id: str,
    when: date,
    *,
    left: int = 0,
    right: int = 0,
    minutes: int = 0,
    pain_after: int | None = 0,
    spikes: Sequence[str] = (),
    hour: int = 9,
) -> SessionRecord:
    """A kept readiness test of the shipped program: ``left``/``right`` reps in one set each,
    or ``minutes`` for a timed test, rated ``pain_after``."""
    test = next(t for t in shipped_program().readiness_tests if t.id == test_id)
    if test.timed:
        done = result(test.exercise, both=[minutes * 60], sets=1)
    else:
        done = result(test.exercise, left=[left], right=[right], sets=1)
    record = session(
        f"readiness-{test_id}",
        when,
        hour=hour,
        minutes=10,
        exercises=[done],
        pain_after=pain_after,
        spikes=spikes,
        name=f"Test: {test.name}",
    )
    record.readiness_test = test_id
    return record


def passed_tests(when: date, hour: int = 9) -> list[SessionRecord]:
    """Every shipped readiness test passed on ``when``, one an hour from ``hour``, in order."""
    found = []
    for n, test in enumerate(shipped_program().readiness_tests):
        low = test.target[0]
        found.append(
            readiness_attempt(test.id, when, left=low, right=low, minutes=low, hour=hour + n)
        )
    return found


def weight_bearing_offered(library: Library, verdict: Verdict) -> list[str]:
    """'routine: exercise' for each weight-bearing exercise ``verdict`` offers today (its
    routine due or optional, the exercise not held), and 'run' when the run is."""
    held = verdict.overview.held_exercises
    found = ["run"] if verdict.run.startable else []
    for line in verdict.items:
        routine = library.routines.get(line.routine_id)
        if line.status not in (DUE, OPTIONAL) or line.kind != "routine" or routine is None:
            continue
        kept = held.get(line.routine_id)
        found += [
            f"{routine.id}: {e.id}"
            for e in routine.items
            if e.weight_bearing and (kept is None or e.id not in kept.ids)
        ]
    return found
