"""Whether a recorded set meets its planned dose: the rule behind "complete means done".

001 prescribes each exercise as sets of a rep range or a hold time (3 x 15-20 clamshells,
60-90 s per side on the roller). A set counts as one of the planned sets only when it reached
that dose:
- a set of reps or steps needs at least the low end of its range (14 clamshells is not a set
  of 15-20);
- a hold, roll, massage or timer ended before half its time is cut short: its seconds are
  kept, but it is not one of the planned sets. Half is the app's choice, lenient enough for a
  hold ended a little early, strict enough that Enter pressed at the start never counts;
- a set of reps ended before half the time its low end takes at the exercise's tempo (3 s a
  rep where the content gives none) is cut short too: 15 clamshells at 1 s up, 2 s hold, 2 s
  down take 75 s, so a set ended within 37 s was not done. The session knows how long each set
  took; the history keeps the reps, and the session's ``completed`` says whether it counted.
"""

from __future__ import annotations

import math

from itb_tui.core.content.library import DEFAULT_REP_SECONDS, Exercise, format_seconds
from itb_tui.core.history.records import ExerciseResult

# The share of its planned time a set must last to count (the app's choice, see above).
CUT_SHORT_SHARE = 0.5


def least_seconds(exercise: Exercise) -> int:
    """The fewest seconds a set of ``exercise`` may last and still count (see above)."""
    if exercise.timed:
        planned = exercise.duration_s or 0
    else:
        per_rep = exercise.tempo.total if exercise.tempo else DEFAULT_REP_SECONDS
        planned = (exercise.reps or (0, 0))[0] * max(per_rep, 1)
    return math.ceil(planned * CUT_SHORT_SHARE)


def least_reps(exercise: Exercise) -> int:
    """The fewest reps (or steps) a set of ``exercise`` needs: the low end of its range."""
    return 0 if exercise.timed else (exercise.reps or (0, 0))[0]


def meets_dose(exercise: Exercise, value: int, seconds: int | None = None) -> bool:
    """True when a set that recorded ``value`` (reps, or seconds for a timed exercise) and
    lasted ``seconds`` (None: not known) is one of the planned sets."""
    if exercise.timed:
        return value >= least_seconds(exercise)
    if value < least_reps(exercise):
        return False
    return seconds is None or seconds >= least_seconds(exercise)


def dose_gap(
    exercise: Exercise, result: ExerciseResult, quick: int = 0, *, by_set: bool = True
) -> str:
    """'' when every planned set on every side met the dose; else what fell short, in words.

    ``quick`` counts sets of reps the session saw end too soon (their time is not kept in the
    history). ``by_set`` False checks the number of sets only (a run: its time is checked as a
    whole).
    """
    planned = result.sets_planned * len(result.sides)
    below: list[int] = []
    done = 0
    for side in result.sides:
        values = result.done.get(side, [])
        good = [v for v in values if not by_set or meets_dose(exercise, v)]
        below += [v for v in values if by_set and not meets_dose(exercise, v)]
        done += min(len(good), result.sets_planned)
    done = max(0, done - quick)
    if done >= planned:
        return ""
    missing = planned - done - len(below) - quick
    parts = [f"{missing} of {planned} sets not done"] if missing > 0 else []
    if below and exercise.timed:
        shown = ", ".join(format_seconds(v) for v in below)
        need = format_seconds(least_seconds(exercise))
        parts.append(f"{len(below)} of {planned} cut short ({shown}; a set counts from {need})")
    elif below:
        shown = ", ".join(str(v) for v in below)
        parts.append(
            f"{len(below)} of {planned} below {least_reps(exercise)} {exercise.unit} ({shown})"
        )
    if quick:
        need = format_seconds(least_seconds(exercise))
        parts.append(f"{quick} of {planned} ended too soon to count (a set takes {need} at least)")
    return "; ".join(parts)
