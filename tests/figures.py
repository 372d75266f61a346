"""Figures built by hand for the tests (and the figure benchmark): a clamshell and a bridge.

Each pose is a chain of (length, degrees) from the hip, so both positions have the same limb
lengths by construction.
"""

from __future__ import annotations

import math
from dataclasses import replace

from itb_tui.core.content.figure import Figure, Point, Pose
from itb_tui.core.content.library import Exercise, Library

# Each bone: (parent, child, length); a pose gives each bone's angle in degrees.
LENGTHS: tuple[tuple[str, str, float], ...] = (
    ("hip", "shoulder", 3.0),
    ("shoulder", "head", 1.0),
    ("shoulder", "elbow", 1.3),
    ("elbow", "hand", 1.2),
    ("hip", "knee", 2.2),
    ("knee", "ankle", 2.0),
    ("ankle", "toe", 0.6),
    ("hip", "far_knee", 2.2),
    ("far_knee", "far_ankle", 2.0),
    ("far_ankle", "far_toe", 0.6),
)


def pose(hip: Point, degrees: dict[str, float]) -> Pose:
    """A pose from the hip's place and each child joint's bone angle."""
    joints: dict[str, Point] = {"hip": hip}
    for parent, child, length in LENGTHS:
        angle = math.radians(degrees[child])
        x, y = joints[parent]
        joints[child] = (x + length * math.cos(angle), y + length * math.sin(angle))
    return Pose(joints)


_LYING = {"shoulder": 180.0, "head": 175.0, "elbow": -150.0, "hand": 80.0}


def clamshell() -> Figure:
    """Side-lying, hips and knees bent, feet together; the top knee opens."""
    legs = {**_LYING, "toe": 180.0, "far_knee": -15.0, "far_ankle": -175.0, "far_toe": 180.0}
    start = pose((5.0, 1.0), {**legs, "knee": -10.0, "ankle": -170.0})
    end = pose((5.0, 1.0), {**legs, "knee": 30.0, "ankle": -125.0})
    return Figure(width=8.0, height=3.0, start=start, end=end, view="front")


def bridge() -> Figure:
    """On the back, knees bent, feet flat; the hips lift into a line from shoulders to knees."""
    common = {"head": 175.0, "elbow": -5.0, "hand": 0.0, "toe": 0.0, "far_toe": 0.0}
    start = pose(
        (4.5, 0.6),
        {**common, "shoulder": 180.0, "knee": 45.0, "ankle": -75.0, "far_knee": 48.0,
         "far_ankle": -72.0},
    )  # fmt: skip
    end = pose(
        (4.6, 2.0),
        {**common, "shoulder": 205.0, "knee": 25.0, "ankle": -95.0, "far_knee": 27.0,
         "far_ankle": -93.0, "elbow": -30.0},
    )  # fmt: skip
    return Figure(width=8.0, height=3.5, start=start, end=end)


def with_figure(library: Library, exercise_id: str, figure: Figure | None) -> Exercise:
    """Give ``exercise_id`` ``figure`` (None: no figure) in ``library`` and in every routine
    that uses it."""
    exercise = replace(library.exercises[exercise_id], figure=figure)
    library.exercises[exercise_id] = exercise
    for routine_id, routine in list(library.routines.items()):
        items = tuple(
            replace(item, figure=figure) if item.id == exercise_id else item
            for item in routine.items
        )
        library.routines[routine_id] = replace(routine, items=items)
    return exercise
