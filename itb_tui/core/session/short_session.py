"""A session that fits the day: a routine cut to a number of minutes by its items' priority.

The full strength session takes about 48 minutes; on a day without them, a short session keeps
the most useful work instead of none (the app's choice; the articles give full doses only).
Rules:
  * items ranked by the content's ``priority`` (1 first; items without one come after every
    ranked item, in routine order); the hip abductors rank first in the shipped routine;
  * the session is the longest run of the ranked items, from the first, that fits the minutes
    at one set each (estimated as the full session is: Exercise.estimated_seconds); an item
    that does not fit ends it, so a lower-ranked item is never kept in place of a higher one;
  * reduced sets: then, highest priority first, each item goes up to half its planned sets
    (rounded up) while the minutes allow; per-side items keep both sides (weaker first,
    steps.side_order, after 001);
  * the result is marked short (Routine.short_minutes), and so is the session record: it
    never counts as a full strength session (weeks.py, today.py).
"""

from __future__ import annotations

from dataclasses import replace

from itb_tui.core.content.library import Exercise, Routine

MIN_MINUTES = 5
MAX_MINUTES = 120
OFFERED_MINUTES = (10, 15, 20, 30)  # what the app offers (m on Home); the shell takes any


class TooShort(ValueError):
    """Not even the first item fits the minutes asked for."""


def ranked(routine: Routine) -> list[Exercise]:
    """The routine's items, highest priority first; ties and unranked items in routine order."""
    order = sorted(
        range(len(routine.items)),
        key=lambda index: (routine.priority(index) is None, routine.priority(index) or 0, index),
    )
    return [routine.items[index] for index in order]


def reduced_sets(exercise: Exercise) -> int:
    """Half the planned sets, rounded up."""
    return (exercise.sets + 1) // 2


def short_session(routine: Routine, minutes: int) -> Routine:
    """``routine`` cut to at most ``minutes`` minutes (see the module docstring).

    Raises TooShort when not even one set of the first item fits.
    """
    budget = minutes * 60
    kept: list[Exercise] = []
    for exercise in ranked(routine):  # one set each, as far down the ranking as fits
        one = replace(exercise, sets=1)
        if _seconds(kept) + one.estimated_seconds() > budget:
            break
        kept.append(one)
    if not kept:
        need = -(-replace(ranked(routine)[0], sets=1).estimated_seconds() // 60)
        raise TooShort(f"{routine.name} needs at least {need} minutes for one exercise")
    for index, exercise in enumerate(kept):  # then more sets, highest priority first
        more = replace(exercise, sets=reduced_sets(routine_item(routine, exercise.id)))
        if _seconds(kept) - exercise.estimated_seconds() + more.estimated_seconds() <= budget:
            kept[index] = more
    return replace(
        routine,
        name=f"{routine.name}, {minutes} min",
        items=tuple(kept),
        priorities=(),
        short_minutes=minutes,
    )


def routine_item(routine: Routine, exercise_id: str) -> Exercise:
    return next(item for item in routine.items if item.id == exercise_id)


def _seconds(items: list[Exercise]) -> int:
    return sum(item.estimated_seconds() for item in items)


def describe(short: Routine, full: Routine) -> str:
    """'Clamshells, Side-lying hip abduction; 1 set each' or 'all 6 exercises; 8 sets in all'."""
    count = len(short.items)
    if count == len(full.items):
        what = f"all {count} exercises"
    else:
        what = ", ".join(item.name for item in short.items)
    sets = sum(item.sets for item in short.items)
    return f"{what}; " + ("1 set each" if sets == count else f"{sets} sets in all")
