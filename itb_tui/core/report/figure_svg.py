"""An exercise's figure as SVG: the start and end positions side by side, on a floor line.

Black on white and shades of grey only, so it reads in print and without colour: the near
limbs solid black, the far leg grey, props outlined, and in the end position a dashed ghost of
the start so the movement shows. Used by the README's pictures and the PDF report.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from itb_tui.core.content.figure import BONES, Figure, Point, Pose, Prop

SCALE = 2.5  # SVG pixels per figure unit
MARGIN = 6.0  # figure units around each position
GAP = 14.0  # figure units between the two positions, where the arrow goes
HEAD_RADIUS = 4.5
LIMB = 2.4
INK = "#111111"
FAR = "#8a8a8a"
GHOST = "#b4b4b4"
PROP_FILL = "#e6e6e6"


def _fmt(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


class _Canvas:
    """Maps figure units (y up, floor at 0) to SVG pixels (y down) for one panel."""

    def __init__(self, left: float, height: float) -> None:
        self.left, self.height = left, height

    def xy(self, point: Point) -> tuple[str, str]:
        x, y = point
        return _fmt((self.left + x) * SCALE), _fmt((MARGIN + self.height - y) * SCALE)

    def line(self, a: Point, b: Point, stroke: str, width: float, dash: str = "") -> str:
        (x1, y1), (x2, y2) = self.xy(a), self.xy(b)
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        return (
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{stroke}" '
            f'stroke-width="{_fmt(width * SCALE)}" stroke-linecap="round"{extra}/>'
        )

    def circle(self, centre: Point, radius: float, stroke: str, fill: str, dash: str = "") -> str:
        x, y = self.xy(centre)
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        return (
            f'<circle cx="{x}" cy="{y}" r="{_fmt(radius * SCALE)}" stroke="{stroke}" '
            f'stroke-width="{_fmt(1.2 * SCALE)}" fill="{fill}"{extra}/>'
        )


def _limb_colour(a: str, b: str) -> str:
    return FAR if a.startswith("far_") or b.startswith("far_") else INK


def _person(canvas: _Canvas, pose: Pose, *, ghost: bool = False) -> list[str]:
    """The stick figure: far leg first so the near limbs are drawn over it, then the head."""
    joints = pose.joints
    ordered = sorted(BONES, key=lambda bone: _limb_colour(*bone) == INK)
    parts = []
    for a, b in ordered:
        if "head" in (a, b):
            continue
        colour = GHOST if ghost else _limb_colour(a, b)
        parts.append(canvas.line(joints[a], joints[b], colour, LIMB, "4 5" if ghost else ""))
    parts.extend(_neck_and_head(canvas, joints["shoulder"], joints["head"], ghost))
    return parts


def _neck_and_head(canvas: _Canvas, shoulder: Point, head: Point, ghost: bool) -> list[str]:
    """The neck stops at the head's outline; the head is a circle round its point."""
    (sx, sy), (hx, hy) = shoulder, head
    length = max(((hx - sx) ** 2 + (hy - sy) ** 2) ** 0.5, 1e-9)
    reach = max(length - HEAD_RADIUS, 0.0) / length
    neck_end = (sx + (hx - sx) * reach, sy + (hy - sy) * reach)
    colour, dash = (GHOST, "4 5") if ghost else (INK, "")
    return [
        canvas.line(shoulder, neck_end, colour, LIMB, dash),
        canvas.circle(head, HEAD_RADIUS, colour, "none" if ghost else "#ffffff", dash),
    ]


def _prop(canvas: _Canvas, prop: Prop) -> list[str]:
    points = prop.points
    if prop.kind == "roller":
        return [canvas.circle(points[0], prop.radius, INK, PROP_FILL)]
    if prop.kind == "box":
        (x1, y1), (x2, y2) = points
        corners = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
        return [_polyline(canvas, corners, INK, 1.2, PROP_FILL)]
    if prop.kind == "band":
        return [_polyline(canvas, points, INK, 1.4, "none", dash="2 3")]
    return [canvas.line(points[0], points[1], INK, 2.0)]


def _polyline(
    canvas: _Canvas, points: Iterable[Point], stroke: str, width: float, fill: str, dash: str = ""
) -> str:
    coords = " ".join(",".join(canvas.xy(point)) for point in points)
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<polyline points="{coords}" stroke="{stroke}" stroke-width="{_fmt(width * SCALE)}" '
        f'fill="{fill}" stroke-linejoin="round"{extra}/>'
    )


def _panel(figure: Figure, left: float, pose: Pose, ghost: Pose | None) -> list[str]:
    canvas = _Canvas(left, figure.height)
    floor = canvas.line((-MARGIN / 2, 0), (figure.width + MARGIN / 2, 0), INK, 1.0)
    parts = [floor]
    for prop in figure.props:
        parts.extend(_prop(canvas, prop))
    if ghost is not None:
        parts.extend(_person(canvas, ghost, ghost=True))
    parts.extend(_person(canvas, pose))
    return parts


def _arrow(left: float, middle: float) -> str:
    """A plain arrow from the start panel to the end panel, at mid-height."""
    x1, x2, y = (left + 3) * SCALE, (left + GAP - 3) * SCALE, middle * SCALE
    head = 2.2 * SCALE
    return (
        f'<path d="M{_fmt(x1)},{_fmt(y)} H{_fmt(x2)} M{_fmt(x2 - head)},{_fmt(y - head)} '
        f'L{_fmt(x2)},{_fmt(y)} L{_fmt(x2 - head)},{_fmt(y + head)}" stroke="{INK}" '
        f'stroke-width="{_fmt(1.2 * SCALE)}" fill="none" stroke-linecap="round"/>'
    )


def svg_size(figure: Figure) -> tuple[float, float]:
    """The width and height in SVG pixels of ``figure_svg(figure)``."""
    panel = figure.width + 2 * MARGIN
    return (2 * panel + GAP) * SCALE, (figure.height + 2 * MARGIN) * SCALE


def figure_svg(figure: Figure, title: str = "") -> str:
    """The figure as a standalone SVG document; ``title`` (the exercise's name) labels it."""
    width, height = svg_size(figure)
    panel = figure.width + 2 * MARGIN
    label = ""
    if title:
        text = escape(f"{title}: start and end positions", {'"': "&quot;"})
        label = f' role="img" aria-label="{text}"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_fmt(width)}" '
        f'height="{_fmt(height)}" viewBox="0 0 {_fmt(width)} {_fmt(height)}"{label}>',
        f'<rect width="{_fmt(width)}" height="{_fmt(height)}" fill="#ffffff"/>',
        *_panel(figure, MARGIN, figure.start, None),
        _arrow(panel, MARGIN + figure.height / 2),
        *_panel(figure, panel + GAP + MARGIN, figure.end, figure.start),
        "</svg>",
    ]
    return "\n".join(parts) + "\n"
