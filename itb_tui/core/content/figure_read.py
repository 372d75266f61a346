"""Reading an exercise's ``[exercise.figure]`` table and checking it like the rest of the content.

A figure is refused, with every problem named (file, entry, field, what was expected), when a
joint is missing or unknown, a point lies outside its box or below the floor, a prop is
malformed, or a bone changes length between the two positions. In a side view a bone keeps its
length within ``BONE_TOLERANCE``; in a front view a thigh or shin that swings toward you looks
shorter, so there a bone may shrink, but never below ``FRONT_VIEW_SHORTEST`` of its length in
the other position.
"""

from __future__ import annotations

import math
from typing import Literal, cast

from itb_tui.core.content.figure import BONES, JOINTS, PROP_KINDS, Figure, Point, Pose, Prop
from itb_tui.core.content.figure_geometry import bone_length
from itb_tui.core.content.validate import TableReader

BONE_TOLERANCE = 0.03
FRONT_VIEW_SHORTEST = 0.25
MAX_SIZE = 1000
VIEWS = ("side", "front")
# How many points each prop takes (fewest, most), and how a problem says it.
PROP_POINTS: dict[str, tuple[int, int, str]] = {
    "roller": (1, 1, "one point [x, y], its centre"),
    "box": (2, 2, "two points [x, y], opposite corners"),
    "band": (2, 64, "two or more points [x, y] along it"),
    "wall": (2, 2, "two points [x, y], its ends"),
}
POINT = "a point [x, y] of two numbers"


def _number(value: object) -> float | None:
    """``value`` as a finite float, or None when it is not a plain number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _point(value: object) -> Point | None:
    if not isinstance(value, list) or len(value) != 2:
        return None
    x, y = _number(value[0]), _number(value[1])
    return None if x is None or y is None else (x, y)


def _size(reader: TableReader, key: str) -> float | None:
    reader.mark_seen(key)
    if key not in reader.table:
        reader.problem(key, "a value (it is required)", got=False)
        return None
    value = _number(reader.table[key])
    if value is None or not 0 < value <= MAX_SIZE:
        reader.problem(key, f"a number above 0 and at most {MAX_SIZE}", reader.table[key])
        return None
    return value


class _Box:
    """The figure's box: where every point must lie."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height

    def check(self, reader: TableReader, key: str, point: Point, reach: float = 0.0) -> bool:
        """Whether ``point`` (and ``reach`` around it) is inside; a problem names it if not."""
        x, y = point
        if reach <= x <= self.width - reach and reach <= y <= self.height - reach:
            return True  # the usual case, checked without building the messages
        shown = [_short(x), _short(y)]
        what = f"a centre at least the radius ({_short(reach)}) " if reach else "a point "
        if y - reach < 0:
            floor = "above the floor" if reach else "on or above the floor (y >= 0)"
            reader.problem(key, what + floor, shown)
            return False
        if x - reach < 0 or x + reach > self.width or y + reach > self.height:
            inside = f"0 <= x <= {_short(self.width)}, 0 <= y <= {_short(self.height)}"
            reader.problem(key, f"{what}inside the figure's box ({inside})", shown)
            return False
        return True


def _short(value: float) -> float | int:
    return int(value) if value == int(value) else value


def _pose(parent: TableReader, key: str, box: _Box | None) -> Pose | None:
    reader = parent.sub(key, required=True)
    if reader is None or not reader.ok:
        return None
    before = len(reader.problems)
    joints: dict[str, Point] = {}
    for name in JOINTS:
        reader.mark_seen(name)
        if name not in reader.table:
            reader.problem(name, f"{POINT} (every joint is required)", got=False)
            continue
        point = _point(reader.table[name])
        if point is None:
            reader.problem(name, POINT, reader.table[name])
        elif box is None or box.check(reader, name, point):
            joints[name] = point
    for name in reader.table:
        if name not in JOINTS:
            reader.problems.append(
                f"{reader.where}: unknown joint '{name}' (the joints are {', '.join(JOINTS)})"
            )
    return Pose(joints) if len(reader.problems) == before else None


def _prop(table: object, where: str, box: _Box | None, problems: list[str]) -> Prop | None:
    reader = TableReader(table, where, problems)
    if not reader.ok:
        return None
    before = len(problems)
    kind = reader.choice("kind", PROP_KINDS)
    reader.mark_seen("points", "radius")
    raw = reader.table.get("points")
    points = [_point(p) for p in raw] if isinstance(raw, list) else []
    fewest, most, wanted = PROP_POINTS.get(kind or "", (1, 64, ""))
    if kind is not None and (not fewest <= len(points) <= most or None in points):
        reader.problem("points", f"{wanted}, for a {kind}", raw, got=raw is not None)
    radius = _number(reader.table.get("radius", 0.0))
    if kind == "roller" and (radius is None or radius <= 0):
        reader.problem("radius", "a number above 0 (a roller's radius)", reader.table.get("radius"))
    elif kind is not None and kind != "roller" and "radius" in reader.table:
        reader.problem("radius", f"no radius for a {kind} (only a roller has one)", got=False)
    if kind == "box" and len(points) == 2 and None not in points:
        (x1, y1), (x2, y2) = cast(list[Point], points)
        if x1 == x2 or y1 == y2:
            reader.problem(
                "points", "two opposite corners of a box with some width and height", raw
            )
    reader.finish()
    if len(problems) > before or kind is None:
        return None
    found = tuple(cast(list[Point], points))
    reach = radius or 0.0
    if box is not None and not all(box.check(reader, "points", p, reach) for p in found):
        return None
    return Prop(kind=kind, points=found, radius=reach)  # type: ignore[arg-type]


def _bone_problems(reader: TableReader, start: Pose, end: Pose, view: str) -> None:
    for a, b in BONES:
        first, last = bone_length(start, a, b), bone_length(end, a, b)
        longer, shorter = max(first, last), min(first, last)
        if view == "front":
            if shorter < longer * FRONT_VIEW_SHORTEST:
                reader.problems.append(
                    f"{reader.where}: bone {a}-{b} is {first:.1f} long at the start and "
                    f"{last:.1f} at the end; in a front view a bone may look shorter, but not "
                    "below a quarter of its length"
                )
        elif longer - shorter > longer * BONE_TOLERANCE:
            reader.problems.append(
                f"{reader.where}: bone {a}-{b} is {first:.1f} long at the start and "
                f"{last:.1f} at the end; a bone keeps its length (within "
                f"{BONE_TOLERANCE:.0%})"
            )


def read_figure(exercise: TableReader) -> Figure | None:
    """The exercise's figure, None when it has none or when its problems were recorded."""
    reader = exercise.sub("figure")
    if reader is None or not reader.ok:
        return None
    before = len(reader.problems)
    width, height = _size(reader, "width"), _size(reader, "height")
    view = reader.choice("view", VIEWS, required=False) or "side"
    box = _Box(width, height) if width is not None and height is not None else None
    start, end = _pose(reader, "start", box), _pose(reader, "end", box)
    props = [
        _prop(table, f"{reader.where}: prop {number}", box, reader.problems)
        for number, table in enumerate(reader.tables("props", required=False), start=1)
    ]
    reader.finish()
    if start is not None and end is not None:
        _bone_problems(reader, start, end, view)
    if len(reader.problems) > before or start is None or end is None or box is None:
        return None
    return Figure(
        width=box.width,
        height=box.height,
        start=start,
        end=end,
        props=tuple(p for p in props if p is not None),
        view=cast(Literal["side", "front"], view),
    )
