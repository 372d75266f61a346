"""Sessions for the export tests: 8:00 at UTC-5, with clamshells and bridges."""

from __future__ import annotations

from datetime import date, timedelta, timezone
from functools import partial
from typing import Any

from itb_tui.core.history.records import ExerciseResult, SessionRecord
from tests import factories

ZONE = timezone(timedelta(hours=-5))


TODAY = factories.TODAY  # a Monday


CATEGORIES = {"hip-strength": "strength", "daily-stretch": "stretch"}


at = partial(factories.at, tz=ZONE)


def clamshell(left: list[int], right: list[int], skipped: int = 0) -> ExerciseResult:
    skipped_sets = {"right": skipped} if skipped else None
    return factories.result(left=left, right=right, sets=3, skipped=skipped_sets)


def bridge(values: list[int]) -> ExerciseResult:
    return factories.result("glute-bridge", both=values, sets=3)


def session(
    day: date,
    routine: str = "hip-strength",
    exercises: list[ExerciseResult] | None = None,
    **fields: Any,
) -> SessionRecord:
    """A 40-minute session at 8:00 on ``day`` (UTC-5), with clamshells and bridges unless given."""
    if exercises is None:
        exercises = [clamshell([15, 16, 15], [14, 12], 1), bridge([15, 15, 15])]
    return factories.session(routine, day, tz=ZONE, minutes=40, exercises=exercises, **fields)
