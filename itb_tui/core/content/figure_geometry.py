"""Measuring a figure's pose: distances, the angle at a joint, the slope of a bone.

Angles are in degrees. Checks of a figure (its content rules, and the tests that hold each
shipped figure to its article) measure with these and nothing else.
"""

from __future__ import annotations

import math

from itb_tui.core.content.figure import Point, Pose


def distance(a: Point, b: Point) -> float:
    """The straight-line distance between two points."""
    return math.hypot(b[0] - a[0], b[1] - a[1])


def bone_length(pose: Pose, a: str, b: str) -> float:
    """The length of the segment between joints ``a`` and ``b`` in ``pose``."""
    return distance(pose.joints[a], pose.joints[b])


def direction(pose: Pose, a: str, b: str) -> float:
    """The heading from ``a`` to ``b``: 0 is to the right, 90 straight up, -90 straight down."""
    (ax, ay), (bx, by) = pose.joints[a], pose.joints[b]
    return math.degrees(math.atan2(by - ay, bx - ax))


def angle_at(pose: Pose, a: str, joint: str, b: str) -> float:
    """The angle at ``joint`` between its segments to ``a`` and ``b``: 180 is straight."""
    turn = abs(direction(pose, joint, a) - direction(pose, joint, b)) % 360
    return 360 - turn if turn > 180 else turn


def bend(pose: Pose, a: str, joint: str, b: str) -> float:
    """How far ``joint`` is bent from straight: 0 for a straight limb, 90 for a right angle."""
    return 180 - angle_at(pose, a, joint, b)


def to_floor(pose: Pose, a: str, b: str) -> float:
    """The angle between the line from ``a`` to ``b`` and the floor: 0 level, 90 upright."""
    heading = abs(direction(pose, a, b)) % 180
    return 180 - heading if heading > 90 else heading


def gap_to_line(point: Point, a: Point, b: Point) -> float:
    """How far ``point`` lies from the straight line through ``a`` and ``b``."""
    (ax, ay), (bx, by), (px, py) = a, b, point
    span = distance(a, b)
    if span == 0:
        return distance(a, point)
    return abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / span


def fraction_along(point: Point, a: Point, b: Point) -> float:
    """Where ``point`` falls along the segment from ``a`` (0) to ``b`` (1), seen square on."""
    (ax, ay), (bx, by), (px, py) = a, b, point
    span = distance(a, b) ** 2
    return 0.0 if span == 0 else ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / span


def off_line(pose: Pose, a: str, joint: str, b: str) -> float:
    """How far ``joint`` lies from the straight line through ``a`` and ``b``, in figure units."""
    return gap_to_line(pose.joints[joint], pose.joints[a], pose.joints[b])
