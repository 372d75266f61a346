"""An exercise's figure drawn as text: braille dots (U+2800, 2x4 dots a cell), plain lines out.

A terminal cell is about twice as tall as it is wide, so a braille dot is about square: one
scale for x and y keeps the figure's proportions. The floor (y = 0) is the bottom row of dots;
the figure sits centred left to right. Anything outside the canvas is left out, never wrapped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from itb_tui.core.content.figure import BONES, Figure, Point, Pose, Prop

BRAILLE_BASE = 0x2800
# The bit of each dot in a cell, by (column, row) inside the cell.
DOT_BITS: Mapping[tuple[int, int], int] = {
    (0, 0): 0x01,
    (0, 1): 0x02,
    (0, 2): 0x04,
    (1, 0): 0x08,
    (1, 1): 0x10,
    (1, 2): 0x20,
    (0, 3): 0x40,
    (1, 3): 0x80,
}
HEAD_SHARE = 0.45  # the head's radius as a share of the head-to-shoulder bone


def _nearest(value: float) -> int:
    """Rounded half up, the same way everywhere on the canvas."""
    return math.floor(value + 0.5)


class DotCanvas:
    """``columns x rows`` cells of braille; dots are addressed from the top left."""

    def __init__(self, columns: int, rows: int) -> None:
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.width = 2 * self.columns
        self.height = 4 * self.rows
        self._cells = [[0] * self.columns for _ in range(self.rows)]

    def dot(self, x: int, y: int) -> None:
        """Set one dot; a dot off the canvas is ignored."""
        if 0 <= x < self.width and 0 <= y < self.height:
            self._cells[y // 4][x // 2] |= DOT_BITS[(x % 2, y % 4)]

    def line(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        """Every dot on the straight line from ``start`` to ``end`` (both ends included);
        only the part on the canvas is walked, however far off the ends lie."""
        clipped = _clip(start, end, self.width - 1, self.height - 1)
        if clipped is None:
            return
        (x0, y0), (x1, y1) = clipped
        steps = math.ceil(max(abs(x1 - x0), abs(y1 - y0)))
        for i in range(steps + 1):
            t = i / steps if steps else 0.0
            self.dot(_nearest(x0 + (x1 - x0) * t), _nearest(y0 + (y1 - y0) * t))

    def circle(self, centre: tuple[int, int], radius: float) -> None:
        """A ring of dots, found column by column and row by row so it has no gaps and
        costs the canvas's size at most; a radius under one dot is a single dot."""
        cx, cy = centre
        if radius < 1:
            self.dot(cx, cy)
            return
        for x in range(
            max(0, math.ceil(cx - radius)), min(self.width, math.floor(cx + radius) + 1)
        ):
            rise = math.sqrt(max(0.0, radius * radius - (x - cx) ** 2))
            self.dot(x, _nearest(cy - rise))
            self.dot(x, _nearest(cy + rise))
        for y in range(
            max(0, math.ceil(cy - radius)), min(self.height, math.floor(cy + radius) + 1)
        ):
            run = math.sqrt(max(0.0, radius * radius - (y - cy) ** 2))
            self.dot(_nearest(cx - run), y)
            self.dot(_nearest(cx + run), y)

    def lines(self) -> list[str]:
        """The canvas as text, one string of ``columns`` characters per row; a cell without
        dots is a space (blank braille is not blank in every font)."""
        return ["".join(chr(BRAILLE_BASE + b) if b else " " for b in row) for row in self._cells]


def _clip(
    start: tuple[float, float], end: tuple[float, float], right: float, bottom: float
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The part of a segment inside ``0..right x 0..bottom`` (Liang-Barsky), or None."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 + 0.5), (dx, right + 0.5 - x0), (-dy, y0 + 0.5), (dy, bottom + 0.5 - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return (x0 + dx * low, y0 + dy * low), (x0 + dx * high, y0 + dy * high)


class _Mapping:
    """Figure units to dots: one scale for both axes, floor on the bottom row, centred."""

    def __init__(self, figure: Figure, canvas: DotCanvas) -> None:
        width, height = max(figure.width, 1e-9), max(figure.height, 1e-9)
        self.scale = min((canvas.width - 1) / width, (canvas.height - 1) / height)
        self.left = (canvas.width - 1 - width * self.scale) / 2
        self.bottom = canvas.height - 1

    def __call__(self, point: Point) -> tuple[int, int]:
        x, y = point
        return _nearest(self.left + x * self.scale), _nearest(self.bottom - y * self.scale)


def rows_to_fit(figure: Figure, columns: int) -> int:
    """The rows ``figure`` takes when drawn ``columns`` wide (its height at the width's scale)."""
    if columns <= 0:
        return 0
    scale = (2 * columns - 1) / max(figure.width, 1e-9)
    return max(1, math.ceil((figure.height * scale + 1) / 4))


def draw_pose(figure: Figure, pose: Pose, columns: int, rows: int) -> list[str]:
    """``pose`` of ``figure`` with its floor and props, fitted into ``columns x rows`` cells."""
    canvas = DotCanvas(columns, rows)
    if canvas.width == 0 or canvas.height == 0:
        return []
    to_dots = _Mapping(figure, canvas)
    canvas.line((0, to_dots.bottom), (canvas.width - 1, to_dots.bottom))
    if figure.width <= 0 or figure.height <= 0:
        return canvas.lines()  # no box to fit: the floor alone
    for prop in figure.props:
        _draw_prop(canvas, to_dots, prop)
    joints = pose.joints
    for a, b in BONES:
        canvas.line(to_dots(joints[a]), to_dots(joints[b]))
    neck = math.dist(joints["head"], joints["shoulder"])
    canvas.circle(to_dots(joints["head"]), HEAD_SHARE * neck * to_dots.scale)
    return canvas.lines()


def _draw_prop(canvas: DotCanvas, to_dots: _Mapping, prop: Prop) -> None:
    points = [to_dots(p) for p in prop.points]
    if prop.kind == "roller" and points:
        canvas.circle(points[0], prop.radius * to_dots.scale)
    elif prop.kind == "box" and len(points) >= 2:
        (x0, y0), (x1, y1) = points[0], points[1]
        _polyline(canvas, [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])
    else:  # a band or a wall: a line through its points
        _polyline(canvas, points)


def _polyline(canvas: DotCanvas, points: Iterable[tuple[int, int]]) -> None:
    previous: tuple[int, int] | None = None
    for point in points:
        if previous is not None:
            canvas.line(previous, point)
        previous = point
