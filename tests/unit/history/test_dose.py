"""Whether a recorded set meets its planned dose (001's sets, rep ranges and hold times)."""

from __future__ import annotations

from itb_tui.core.history.dose import dose_gap, least_reps, least_seconds, meets_dose
from itb_tui.core.history.records import ExerciseResult
from tests.factories import shipped_library

EXERCISES = shipped_library().exercises


def test_the_least_a_set_may_be() -> None:
    clam = EXERCISES["clamshell"]  # 15-20 reps at 1 s up, 2 s hold, 2 s down
    assert (least_reps(clam), least_seconds(clam)) == (15, 38)  # half of 75 s, rounded up
    squat = EXERCISES["single-leg-box-squat"]  # 8-10 reps, no tempo: 3 s a rep
    assert least_seconds(squat) == 12
    roll = EXERCISES["tfl-release"]  # 90 s
    assert (least_reps(roll), least_seconds(roll)) == (0, 45)


def test_a_set_meets_its_dose_from_the_low_end_and_half_its_time() -> None:
    clam, roll = EXERCISES["clamshell"], EXERCISES["tfl-release"]
    assert meets_dose(clam, 15) and not meets_dose(clam, 14)
    assert meets_dose(clam, 15, seconds=38) and not meets_dose(clam, 15, seconds=37)
    assert meets_dose(roll, 45) and not meets_dose(roll, 44)


def test_the_gap_names_what_fell_short() -> None:
    clam = EXERCISES["clamshell"]
    result = ExerciseResult("clamshell", "Clamshells", "reps", ("left", "right"), 3)
    result.done = {"left": [15, 15, 15], "right": [15, 12]}
    assert dose_gap(clam, result) == "1 of 6 sets not done; 1 of 6 below 15 reps (12)"
    result.done["right"] = [15, 15, 15]
    assert dose_gap(clam, result) == ""
    assert dose_gap(clam, result, quick=2) == (
        "2 of 6 ended too soon to count (a set takes 38 s at least)"
    )
