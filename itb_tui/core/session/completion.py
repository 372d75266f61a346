"""When a session counts as complete, and what was left out of it.

A session is complete only when every exercise was done at its planned number of sets on
every side, each set at its planned dose (history/dose.py: a set of reps at the low end of its
range at least, a hold not cut short before half its time, a set not ended too soon). A run (a
routine of the "running" category) needs its time as a whole: a 15-minute run ended after 2 s
is not complete. A session that is not complete is kept as it is, but does not count for
streaks, adherence or the program's progress.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from itb_tui.core.content.library import Routine, format_seconds
from itb_tui.core.history.dose import dose_gap
from itb_tui.core.history.records import ExerciseResult

RUNNING = "running"


def left_out(result: ExerciseResult) -> str:
    """Why an exercise with nothing done has nothing: 'skipped' (with the key) or 'not
    reached' (the session stopped first)."""
    return "skipped" if result.skipped_sets else "not reached"


def _time_gap(result: ExerciseResult, planned_s: int) -> str:
    """'' when the timed work reached its planned time; else how much was done."""
    done_s = sum(sum(values) for values in result.done.values())
    if done_s >= planned_s:
        return ""
    return f"{format_seconds(done_s)} of {format_seconds(planned_s)} done"


def missing_parts(
    routine: Routine, results: Sequence[ExerciseResult], quick: Mapping[int, int] | None = None
) -> list[str]:
    """What keeps the session from being complete, one entry per exercise, by name.

    'Clamshells: skipped', 'Glute bridge: 2 of 6 sets not done', 'Easy run: 2 s of 15 min
    done', 'Lateral quad roll: 2 of 2 cut short (1 s, 1 s; a set counts from 45 s)'.
    ``quick`` counts, by item, the sets of reps the session saw end too soon.
    """
    missing = []
    running = routine.category == RUNNING
    for item, (exercise, result) in enumerate(zip(routine.items, results, strict=False)):
        if result.skipped:
            gap = left_out(result)
        else:
            gap = dose_gap(exercise, result, (quick or {}).get(item, 0), by_set=not running)
        if not gap and running and exercise.timed:
            planned_s = (exercise.duration_s or 0) * exercise.sets * len(result.sides)
            gap = _time_gap(result, planned_s)
        if gap:
            missing.append(f"{result.name}: {gap}")
    missing += [f"{exercise.name}: not reached" for exercise in routine.items[len(results) :]]
    missing += [f"{exercise.name}: held today" for exercise in routine.held]
    return missing


def is_complete(
    routine: Routine, results: Sequence[ExerciseResult], quick: Mapping[int, int] | None = None
) -> bool:
    """True when every set met its dose (and, for a run, its time): see the module docstring."""
    return not missing_parts(routine, results, quick)
