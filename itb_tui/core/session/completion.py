"""When a session counts as complete, and what was left out of it.

A session is complete only when every exercise was done at its planned number of sets on
every side. A run (a routine of the "running" category) also needs its time: a 15-minute run
ended after 2 s is not complete. A session that is not complete is kept as it is, but does
not count for streaks, adherence or the program's progress.
"""

from __future__ import annotations

from collections.abc import Sequence

from itb_tui.core.content.library import Routine, format_seconds
from itb_tui.core.history.records import ExerciseResult

RUNNING = "running"


def left_out(result: ExerciseResult) -> str:
    """Why an exercise with nothing done has nothing: 'skipped' (with the key) or 'not
    reached' (the session stopped first)."""
    return "skipped" if result.skipped_sets else "not reached"


def _set_gap(result: ExerciseResult) -> str:
    """'' when every planned set was done; else what is missing, in words: 'skipped' (with
    the key), 'not reached' (the session stopped first), or how many sets were not done."""
    if result.skipped:
        return left_out(result)
    planned = result.sets_planned * len(result.sides)
    done = sum(min(result.sets_done(side), result.sets_planned) for side in result.sides)
    if done >= planned:
        return ""
    return f"{planned - done} of {planned} sets not done"


def _time_gap(result: ExerciseResult, planned_s: int) -> str:
    """'' when the timed work reached its planned time; else how much was done."""
    done_s = sum(sum(values) for values in result.done.values())
    if done_s >= planned_s:
        return ""
    return f"{format_seconds(done_s)} of {format_seconds(planned_s)} done"


def missing_parts(routine: Routine, results: Sequence[ExerciseResult]) -> list[str]:
    """What keeps the session from being complete, one entry per exercise, by name.

    'Clamshells: skipped', 'Glute bridge: 2 of 6 sets not done', 'Easy run: 2 s of 15 min done'.
    """
    missing = []
    for exercise, result in zip(routine.items, results, strict=False):
        gap = _set_gap(result)
        if not gap and routine.category == RUNNING and exercise.timed:
            planned_s = (exercise.duration_s or 0) * exercise.sets * len(result.sides)
            gap = _time_gap(result, planned_s)
        if gap:
            missing.append(f"{result.name}: {gap}")
    missing += [f"{exercise.name}: not reached" for exercise in routine.items[len(results) :]]
    return missing


def is_complete(routine: Routine, results: Sequence[ExerciseResult]) -> bool:
    """True when every set was done (and, for a run, its time): see the module docstring."""
    return not missing_parts(routine, results)
