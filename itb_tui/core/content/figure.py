"""An exercise's figure as data: a stick figure in two positions, a floor and its props.

Coordinates are figure units with x to the right and y up; the floor is y = 0 and every point
lies inside the box ``0 <= x <= width``, ``0 <= y <= height``. A side view shows the near limbs
and the far leg (``far_*``); a front view (``view = "front"``) shows the left limbs as the plain
joint names and the right leg as ``far_*``. Loading and validating a figure from content TOML and
drawing it live elsewhere; this module holds only the shapes both share.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from itb_tui.core.records import record

Point = tuple[float, float]

JOINTS: tuple[str, ...] = (
    "head",
    "shoulder",
    "elbow",
    "hand",
    "hip",
    "knee",
    "ankle",
    "toe",
    "far_knee",
    "far_ankle",
    "far_toe",
)
"""Every joint a pose names, all required."""

BONES: tuple[tuple[str, str], ...] = (
    ("head", "shoulder"),
    ("shoulder", "elbow"),
    ("elbow", "hand"),
    ("shoulder", "hip"),
    ("hip", "knee"),
    ("knee", "ankle"),
    ("ankle", "toe"),
    ("hip", "far_knee"),
    ("far_knee", "far_ankle"),
    ("far_ankle", "far_toe"),
)
"""The segments drawn between joints; each keeps its length from one position to the other."""

PropKind = Literal["roller", "box", "band", "wall"]
PROP_KINDS: tuple[PropKind, ...] = ("roller", "box", "band", "wall")


@record
class Pose:
    """One position: a point for every name in ``JOINTS``."""

    joints: Mapping[str, Point]


@record
class Prop:
    """A thing the figure uses: a roller (``points`` = its centre, with ``radius``), a box (two
    opposite corners), a band (a line through its points) or a wall (two points)."""

    kind: PropKind
    points: tuple[Point, ...]
    radius: float = 0.0


@record
class Figure:
    """An exercise seen from one side (or the front): where it starts and where it ends."""

    width: float
    height: float
    start: Pose
    end: Pose
    props: tuple[Prop, ...] = ()
    view: Literal["side", "front"] = "side"
