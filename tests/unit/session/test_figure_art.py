"""The figure drawn in braille: exact dots, scale, clipping and tiny canvases."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from itb_tui.core.content.figure import JOINTS, Figure, Pose, Prop
from itb_tui.core.session.figure_art import (
    BRAILLE_BASE,
    DOT_BITS,
    DotCanvas,
    draw_pose,
    rows_to_fit,
)
from tests.figures import bridge, clamshell


def dots(lines: list[str]) -> set[tuple[int, int]]:
    """The dots set in braille ``lines``, as (x, y) from the top left."""
    found = set()
    for row, line in enumerate(lines):
        for column, char in enumerate(line):
            bits = ord(char) - BRAILLE_BASE if char != " " else 0
            for (dx, dy), bit in DOT_BITS.items():
                if bits & bit:
                    found.add((2 * column + dx, 4 * row + dy))
    return found


def standing(x: float = 1.0) -> Pose:
    """Every joint on one upright line, head on top at y = 7, toes on the floor."""
    heights = dict(zip(JOINTS[:8], (7, 6, 5, 4, 3, 2, 1, 0), strict=True))
    heights |= {"far_knee": 2, "far_ankle": 1, "far_toe": 0}
    return Pose({name: (x, float(y)) for name, y in heights.items()})


def test_a_line_sets_each_dot_between_its_ends() -> None:
    canvas = DotCanvas(2, 1)
    canvas.line((0, 0), (3, 3))
    assert canvas.lines() == ["\u2811\u2884"]  # dots (0,0), (1,1) | (2,2), (3,3)


def test_a_tiny_standing_figure_is_drawn_dot_for_dot() -> None:
    figure = Figure(width=3.0, height=7.0, start=standing(), end=standing())
    # Scale 1: a column of dots at x = 1 from the head (y 0) to the toes (y 7), the floor
    # along the bottom dot row; the cell without dots is a space.
    assert draw_pose(figure, figure.start, 2, 2) == ["\u28b8 ", "\u28f8\u28c0"]


def test_the_figure_keeps_its_proportions_and_fills_the_narrow_side() -> None:
    box = Prop("box", ((0.0, 0.0), (4.0, 2.0)))
    pose = Pose(dict.fromkeys(JOINTS, (2.0, 1.0)))
    figure = Figure(width=4.0, height=2.0, start=pose, end=pose, props=(box,))
    for columns, rows in ((20, 10), (40, 5), (10, 30)):
        drawn = dots(draw_pose(figure, pose, columns, rows))
        xs = [x for x, y in drawn if y == min(y for _x, y in drawn)]  # the box's top edge
        width = max(xs) - min(xs)
        height = max(y for _x, y in drawn) - min(y for _x, y in drawn)
        assert abs(width - 2 * height) <= 2  # twice as wide as tall, as the box is
        assert width >= 2 * columns - 3 or height >= 4 * rows - 3  # it fills one side


def test_the_floor_is_the_bottom_dot_row_across_the_whole_width() -> None:
    figure = clamshell()
    drawn = dots(draw_pose(figure, figure.start, 12, 3))
    assert {(x, 11) for x in range(24)} <= drawn


@given(
    columns=st.integers(0, 12),
    rows=st.integers(0, 6),
    points=st.lists(
        st.tuples(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)),
        min_size=len(JOINTS),
        max_size=len(JOINTS),
    ),
    radius=st.floats(0, 1e3),
)
def test_whatever_the_points_the_drawing_stays_inside_its_box(
    columns: int, rows: int, points: list[tuple[float, float]], radius: float
) -> None:
    pose = Pose(dict(zip(JOINTS, points, strict=True)))
    props = (
        Prop("roller", (points[0],), radius=radius),
        Prop("box", (points[1], points[2])),
        Prop("band", tuple(points[3:6])),
        Prop("wall", (points[6], points[7])),
    )
    figure = Figure(width=5.0, height=3.0, start=pose, end=pose, props=props)
    lines = draw_pose(figure, pose, columns, rows)
    assert len(lines) == (rows if columns and rows else 0)
    assert all(len(line) == columns for line in lines)


def test_an_empty_canvas_or_an_empty_box_draws_nothing_and_does_not_fail() -> None:
    figure = bridge()
    assert draw_pose(figure, figure.start, 0, 5) == []
    assert draw_pose(figure, figure.start, 5, 0) == []
    assert draw_pose(figure, figure.start, -3, -1) == []
    flat = Figure(width=0.0, height=0.0, start=standing(0.0), end=standing(0.0))
    assert len(draw_pose(flat, flat.start, 4, 2)) == 2
    assert rows_to_fit(figure, 0) == 0


def test_props_are_drawn_where_they_stand() -> None:
    pose = Pose(dict.fromkeys(JOINTS, (0.0, 0.0)))
    roller = Prop("roller", ((5.0, 2.0),), radius=1.0)
    wall = Prop("wall", ((9.0, 0.0), (9.0, 4.0)))
    figure = Figure(width=10.0, height=4.0, start=pose, end=pose, props=(roller, wall))
    drawn = dots(draw_pose(figure, pose, 11, 3))  # 22 x 12 dots: scale 2.1, 0.5 dot margin
    ring = {(x, y) for x, y in drawn if 8 <= x <= 14 and y < 11}
    assert ring and all(abs(((x - 11) ** 2 + (y - 7) ** 2) ** 0.5 - 2.1) < 1 for x, y in ring)
    assert {(19, y) for y in range(3, 12)} <= drawn  # the wall, up from the floor


def test_rows_to_fit_gives_the_rows_the_figure_takes_at_a_width() -> None:
    figure = Figure(width=4.0, height=2.0, start=standing(), end=standing())
    # 39 dots across at 9.75 dots a unit: 19.5 dots above the floor's row, 21 dot rows in all
    assert rows_to_fit(figure, 20) == 6
    assert rows_to_fit(figure, 4) == 2  # 7 dots across: 3.5 dots above the floor
