"""Each shipped figure against its article: the one or two angles the description fixes.

The sources are /work/shared/sources 000-003 (the numbers in each docstring); side views face
right, so "in front" is a larger x. Every measurement goes through figure_geometry.
"""

from __future__ import annotations

import pytest

from itb_tui.core.content.figure import Figure, Point, Pose, Prop
from itb_tui.core.content.figure_geometry import (
    angle_at,
    bend,
    distance,
    fraction_along,
    gap_to_line,
    off_line,
    to_floor,
)
from itb_tui.core.content.library import Library

ON_FLOOR = 3.0  # a joint this close to the floor rests on it (a limb has some thickness)
TOUCH = 3.0  # a point this close to another touches it


@pytest.fixture
def figures(library: Library) -> dict[str, Figure]:
    return {key: e.figure for key, e in library.exercises.items() if e.figure is not None}


def at(pose: Pose, joint: str) -> Point:
    return pose.joints[joint]


def height(pose: Pose, joint: str) -> float:
    return pose.joints[joint][1]


def only(figure: Figure, kind: str) -> Prop:
    (prop,) = [p for p in figure.props if p.kind == kind]
    return prop


def rests_on_roller(pose: Pose, roller: Prop, a: str, b: str) -> float:
    """Where the roller sits along the bone a-b (0 at a, 1 at b); it must touch the bone."""
    centre = roller.points[0]
    assert gap_to_line(centre, at(pose, a), at(pose, b)) <= roller.radius + TOUCH
    return fraction_along(centre, at(pose, a), at(pose, b))


def wall_x(figure: Figure) -> float:
    return only(figure, "wall").points[0][0]


# -- rolling and massage ------------------------------------------------------------------------
def test_quad_roll(figures: dict[str, Figure]) -> None:
    """000/001: face down on the forearms, the roller under the front of the thigh, well above
    the knee; on a sore spot the knee bends and straightens."""
    figure = figures["quad-roll"]
    roller = only(figure, "roller")
    for pose in (figure.start, figure.end):
        assert to_floor(pose, "hip", "shoulder") <= 20  # lying face down
        assert height(pose, "elbow") <= ON_FLOOR  # on the forearms
        assert 0.25 <= rests_on_roller(pose, roller, "knee", "hip") <= 0.9
    assert bend(figure.start, "hip", "knee", "ankle") <= 20
    assert bend(figure.end, "hip", "knee", "ankle") >= 70


def test_glute_massage(figures: dict[str, Figure]) -> None:
    """000: seated, the ball under one buttock, hands on the floor behind for support."""
    figure = figures["glute-massage"]
    ball = only(figure, "roller")
    for pose in (figure.start, figure.end):
        assert distance(at(pose, "hip"), ball.points[0]) <= ball.radius + TOUCH
        assert height(pose, "hand") <= ON_FLOOR and at(pose, "hand")[0] < at(pose, "hip")[0]
        assert to_floor(pose, "hip", "shoulder") >= 30  # sitting, leaning back a little


def test_tfl_release(figures: dict[str, Figure]) -> None:
    """001: side-lying on the forearm, the roller under the outer hip, the top foot on the floor
    in front; small movements over 3-4 inches (about 4 figure units)."""
    figure = figures["tfl-release"]
    roller = only(figure, "roller")
    for pose in (figure.start, figure.end):
        assert abs(at(pose, "hip")[0] - roller.points[0][0]) <= 5
        assert height(pose, "hip") == pytest.approx(roller.points[0][1] + roller.radius, abs=1)
        assert height(pose, "elbow") <= ON_FLOOR and height(pose, "hand") <= ON_FLOOR
        assert height(pose, "toe") <= ON_FLOOR and at(pose, "ankle")[0] > at(pose, "hip")[0]
    assert distance(at(figure.start, "hip"), at(figure.end, "hip")) <= 5


def test_lateral_quad_roll(figures: dict[str, Figure]) -> None:
    """001: the roller under the outer thigh from mid-thigh up to the hip, never within 4-6
    inches (about a quarter of the thigh) of the knee."""
    figure = figures["lateral-quad-roll"]
    roller = only(figure, "roller")
    start = rests_on_roller(figure.start, roller, "knee", "hip")
    end = rests_on_roller(figure.end, roller, "knee", "hip")
    assert 0.4 <= start <= 0.6  # mid-thigh
    assert end >= 0.75  # up by the hip
    assert min(start, end) >= 0.25
    assert height(figure.start, "far_knee") <= ON_FLOOR  # the other leg bent out, taking weight


def test_glute_foam_roll(figures: dict[str, Figure]) -> None:
    """001: sitting on the roller, the ankle of that side crossed over the other knee (a
    figure 4), hands on the floor behind."""
    figure = figures["glute-foam-roll"]
    roller = only(figure, "roller")
    for pose in (figure.start, figure.end):
        assert distance(at(pose, "hip"), roller.points[0]) <= roller.radius + TOUCH
        assert distance(at(pose, "ankle"), at(pose, "far_knee")) <= TOUCH
        assert height(pose, "hand") <= ON_FLOOR and at(pose, "hand")[0] < at(pose, "hip")[0]
        assert height(pose, "far_toe") <= ON_FLOOR


# -- hip strength -------------------------------------------------------------------------------
def test_clamshell(figures: dict[str, Figure]) -> None:
    """001: side-lying with hips and knees bent to about 45 degrees, feet together; the top
    knee opens without the pelvis rolling back."""
    figure = figures["clamshell"]
    start, end = figure.start, figure.end
    for knee in ("knee", "far_knee"):
        assert bend(start, "shoulder", "hip", knee) == pytest.approx(45, abs=7)
    assert bend(start, "hip", "knee", "ankle") == pytest.approx(45, abs=7)
    assert distance(at(start, "knee"), at(start, "far_knee")) <= 1  # knees stacked
    for pose in (start, end):
        assert distance(at(pose, "ankle"), at(pose, "far_ankle")) <= 1  # heels together
        assert height(pose, "far_knee") <= ON_FLOOR  # the bottom leg on the floor
    assert height(end, "knee") - height(end, "far_knee") >= 8  # the top knee lifts
    assert at(end, "hip") == at(start, "hip") and at(end, "shoulder") == at(start, "shoulder")


def side_leg_raise(figure: Figure) -> float:
    """The checks side-lying abduction and side-leg lifts share; the raise in degrees."""
    start, end = figure.start, figure.end
    for pose in (start, end):
        assert bend(pose, "hip", "knee", "ankle") <= 8  # top leg straight
        assert 5 <= bend(pose, "hip", "far_knee", "far_ankle") <= 40  # bottom knee bent
        assert height(pose, "far_knee") <= ON_FLOOR  # ...and on the floor
        assert to_floor(pose, "hip", "shoulder") <= 10  # lying on the side
    assert to_floor(start, "hip", "ankle") <= 10  # in line with the body
    assert at(end, "hip") == at(start, "hip")  # hips stay stacked
    return to_floor(end, "hip", "ankle")


def test_side_lying_hip_abduction(figures: dict[str, Figure]) -> None:
    """001: the straight top leg raised to about 45 degrees, bottom knee slightly bent."""
    assert side_leg_raise(figures["side-lying-hip-abduction"]) == pytest.approx(45, abs=5)


def test_side_leg_lift(figures: dict[str, Figure]) -> None:
    """003 names the lift without an angle: the straight top leg goes up, short of abduction's
    45 degrees since the hips must not roll back."""
    assert 20 <= side_leg_raise(figures["side-leg-lift"]) <= 40


def test_glute_bridge(figures: dict[str, Figure]) -> None:
    """001: on the back, knees bent and feet flat; at the top a straight line from shoulders
    to knees."""
    figure = figures["glute-bridge"]
    start, end = figure.start, figure.end
    assert height(start, "hip") <= ON_FLOOR * 2 and bend(start, "hip", "knee", "ankle") >= 70
    assert angle_at(end, "shoulder", "hip", "knee") == pytest.approx(180, abs=5)
    assert off_line(end, "shoulder", "hip", "knee") <= 1
    assert height(end, "hip") - height(start, "hip") >= 6
    for pose in (start, end):
        assert height(pose, "shoulder") <= ON_FLOOR * 2  # shoulders stay down
        assert height(pose, "ankle") <= ON_FLOOR and height(pose, "toe") <= ON_FLOOR


def test_single_leg_glute_bridge(figures: dict[str, Figure]) -> None:
    """001: one leg straight, level with the other thigh; at the top shoulders, hips and the
    working knee in line."""
    figure = figures["single-leg-glute-bridge"]
    start, end = figure.start, figure.end
    assert angle_at(end, "shoulder", "hip", "far_knee") == pytest.approx(180, abs=5)
    for pose in (start, end):
        assert bend(pose, "hip", "knee", "ankle") <= 8
        assert angle_at(pose, "knee", "hip", "far_knee") <= 8  # level with the other thigh
        assert height(pose, "far_ankle") <= ON_FLOOR  # the working foot planted


def test_lateral_band_walk(figures: dict[str, Figure]) -> None:
    """001, a front view: a band just above the knees, feet hip-width apart and never together,
    one foot stepping out to the side."""
    figure = figures["lateral-band-walk"]
    assert figure.view == "front"
    band = only(figure, "band")
    start, end = figure.start, figure.end
    left, right = min(x for x, _ in band.points), max(x for x, _ in band.points)
    for _, y in band.points:
        assert 0 <= y - height(start, "knee") <= 4  # just above the knees
    assert left <= at(start, "far_knee")[0] and at(end, "knee")[0] <= right
    hip_width = distance(at(start, "ankle"), at(start, "far_ankle"))
    assert hip_width >= 8
    assert distance(at(end, "ankle"), at(end, "far_ankle")) >= hip_width + 4  # the step out


def test_single_leg_box_squat(figures: dict[str, Figure]) -> None:
    """001, a front view: the standing knee over the second toe all the way; the buttocks just
    touch a box of 18-20 in; the other foot off the floor."""
    figure = figures["single-leg-box-squat"]
    assert figure.view == "front"
    (_, bottom), (_, top) = sorted(only(figure, "box").points, key=lambda p: p[1])
    for pose in (figure.start, figure.end):
        assert abs(at(pose, "knee")[0] - at(pose, "toe")[0]) <= 1
        assert height(pose, "far_ankle") > ON_FLOOR
    assert 0 <= height(figure.end, "hip") - top <= 5
    # 18-20 in against a thigh of about 18 in: the box stands about as high as the thigh is long.
    assert top - bottom == pytest.approx(22, abs=3)


def test_one_legged_squat(figures: dict[str, Figure]) -> None:
    """003 with the caution of 001: a shallow squat on one leg, knee over the second toe, a
    hand on the wall for balance."""
    figure = figures["one-legged-squat"]
    assert figure.view == "front"
    for pose in (figure.start, figure.end):
        assert abs(at(pose, "knee")[0] - at(pose, "toe")[0]) <= 1
        assert height(pose, "toe") <= ON_FLOOR
        assert abs(at(pose, "hand")[0] - wall_x(figure)) <= 1.5
        assert height(pose, "far_ankle") > ON_FLOOR
    drop = height(figure.start, "hip") - height(figure.end, "hip")
    assert 3 <= drop <= 12  # shallow


def test_fire_hydrant(figures: dict[str, Figure]) -> None:
    """003 (standing side leg lifts): upright, a hand on the wall, the outer leg lifted out to
    the side without leaning the body."""
    figure = figures["fire-hydrant"]
    assert figure.view == "front"
    start, end = figure.start, figure.end
    for pose in (start, end):
        assert to_floor(pose, "hip", "shoulder") >= 85
        assert height(pose, "toe") <= ON_FLOOR
        assert abs(at(pose, "hand")[0] - wall_x(figure)) <= 1.5
        assert bend(pose, "hip", "far_knee", "far_ankle") <= 10
    assert 90 - to_floor(start, "hip", "far_ankle") <= 10
    assert 20 <= 90 - to_floor(end, "hip", "far_ankle") <= 45
    assert height(end, "far_toe") > ON_FLOOR
    assert at(end, "ankle") == at(start, "ankle")  # the standing leg stays


# -- stretches ----------------------------------------------------------------------------------
def test_couch_stretch(figures: dict[str, Figure]) -> None:
    """000: the back knee in the corner on the floor, its shin up the wall; first both knees
    down with hands on the floor, then the front foot forward into a lunge, chest upright."""
    figure = figures["couch-stretch"]
    start, end = figure.start, figure.end
    for pose in (start, end):
        assert height(pose, "knee") <= ON_FLOOR
        assert to_floor(pose, "knee", "ankle") >= 75
        assert abs(at(pose, "ankle")[0] - wall_x(figure)) <= 2
    assert height(start, "far_knee") <= ON_FLOOR and height(start, "hand") <= ON_FLOOR
    assert height(end, "far_toe") <= ON_FLOOR and height(end, "far_ankle") <= ON_FLOOR
    assert bend(end, "hip", "far_knee", "far_ankle") == pytest.approx(90, abs=15)
    assert to_floor(end, "hip", "shoulder") >= 75


def test_pigeon(figures: dict[str, Figure]) -> None:
    """001: the front knee forward behind the wrist and sharply bent, the back leg straight
    behind on the floor; up on the hands, then lowered onto the forearms."""
    figure = figures["pigeon"]
    start, end = figure.start, figure.end
    for pose in (start, end):
        assert bend(pose, "hip", "knee", "ankle") <= 15
        assert height(pose, "knee") <= ON_FLOOR * 2 and height(pose, "ankle") <= ON_FLOOR * 2
        assert bend(pose, "hip", "far_knee", "far_ankle") >= 90
    assert at(start, "far_knee")[0] <= at(start, "hand")[0] + 1
    assert height(end, "elbow") <= ON_FLOOR
    assert to_floor(end, "hip", "shoulder") < to_floor(start, "hip", "shoulder") - 15


def half_kneeling(figure: Figure) -> None:
    """The back knee on the floor and the front foot flat, in both positions."""
    for pose in (figure.start, figure.end):
        assert height(pose, "knee") <= ON_FLOOR
        assert height(pose, "far_ankle") <= ON_FLOOR and height(pose, "far_toe") <= ON_FLOOR


def test_hip_flexor_stretch(figures: dict[str, Figure]) -> None:
    """001: half-kneeling, front knee at a right angle; the hips move forward with the back
    flat, and the arm of the kneeling side reaches overhead."""
    figure = figures["hip-flexor-stretch"]
    start, end = figure.start, figure.end
    half_kneeling(figure)
    assert bend(start, "hip", "far_knee", "far_ankle") == pytest.approx(90, abs=10)
    assert at(end, "hip")[0] - at(start, "hip")[0] >= 4
    assert to_floor(end, "knee", "hip") < to_floor(start, "knee", "hip")
    assert to_floor(end, "hip", "shoulder") >= 80
    assert height(end, "hand") > height(end, "head")


def test_kneeling_tfl_stretch(figures: dict[str, Figure]) -> None:
    """002, a front view: kneeling on the side to stretch, hips shifted a little out toward it,
    the body leaning the other way with that arm over the head."""
    figure = figures["kneeling-tfl-stretch"]
    assert figure.view == "front"
    start, end = figure.start, figure.end
    half_kneeling(figure)
    assert 1 <= at(end, "hip")[0] - at(start, "hip")[0] <= 5  # out toward the kneeling knee
    assert 70 <= to_floor(end, "hip", "shoulder") <= 85
    assert at(end, "shoulder")[0] < at(end, "hip")[0]  # leaning the other way
    assert height(end, "hand") > height(end, "head") and at(end, "hand")[0] < at(end, "head")[0]


def test_figure_4_stretch(figures: dict[str, Figure]) -> None:
    """001/002: on the back, knees bent, one ankle on the other knee; for more, the bottom
    thigh drawn toward the chest with the hands, head and shoulders down."""
    figure = figures["figure-4-stretch"]
    start, end = figure.start, figure.end
    for pose in (start, end):
        assert distance(at(pose, "ankle"), at(pose, "far_knee")) <= TOUCH
        assert height(pose, "shoulder") <= ON_FLOOR * 2 and height(pose, "head") <= 6
    assert height(start, "far_toe") <= ON_FLOOR
    assert bend(start, "hip", "far_knee", "far_ankle") == pytest.approx(90, abs=20)
    pull = bend(end, "shoulder", "hip", "far_knee") - bend(start, "shoulder", "hip", "far_knee")
    assert pull >= 30
    assert gap_to_line(at(end, "hand"), at(end, "hip"), at(end, "far_knee")) <= TOUCH


def test_calf_stretch(figures: dict[str, Figure]) -> None:
    """002 names it; the steps: hands on the wall at shoulder height, the back leg straight with
    its heel down, the front knee bending as the hips lean toward the wall."""
    figure = figures["calf-stretch"]
    start, end = figure.start, figure.end
    wall = wall_x(figure)
    for pose in (start, end):
        assert bend(pose, "hip", "knee", "ankle") <= 8
        assert height(pose, "ankle") <= ON_FLOOR and height(pose, "toe") <= ON_FLOOR
        assert abs(at(pose, "hand")[0] - wall) <= 1.5
        assert abs(height(pose, "hand") - height(pose, "shoulder")) <= 8
    assert bend(end, "hip", "far_knee", "far_ankle") > bend(start, "hip", "far_knee", "far_ankle")
    assert wall - at(end, "hip")[0] < wall - at(start, "hip")[0]


# -- readiness tests ----------------------------------------------------------------------------
def test_brisk_walk(figures: dict[str, Figure]) -> None:
    """001's walking on flat ground, as a readiness test: upright, a stride, the front heel and
    the back toes on the floor; the legs swap places from one position to the other."""
    figure = figures["brisk-walk"]
    start, end = figure.start, figure.end
    for pose in (start, end):
        assert to_floor(pose, "hip", "shoulder") >= 80  # upright
    assert height(start, "ankle") <= ON_FLOOR and height(start, "far_toe") <= ON_FLOOR
    assert at(start, "ankle")[0] > at(start, "hip")[0] > at(start, "far_ankle")[0]
    assert at(end, "far_ankle")[0] > at(end, "hip")[0] > at(end, "ankle")[0]
    assert bend(start, "hip", "knee", "ankle") <= 15  # the front knee nearly straight


def test_single_leg_hop(figures: dict[str, Figure]) -> None:
    """A readiness test, front view: on one leg, knee over the second toe; a soft knee on the
    floor, then the whole body off it."""
    figure = figures["single-leg-hop"]
    assert figure.view == "front"
    start, end = figure.start, figure.end
    for pose in (start, end):
        assert abs(at(pose, "knee")[0] - at(pose, "toe")[0]) <= 1
        assert height(pose, "far_ankle") > height(pose, "ankle") + 5  # the other foot up
    assert height(start, "toe") <= ON_FLOOR < height(end, "toe")
    assert height(end, "hip") - height(start, "hip") >= 8  # straightens and leaves the floor


# -- recovery -----------------------------------------------------------------------------------
def test_ice(figures: dict[str, Figure]) -> None:
    """001: sitting still, the pack resting on the knee; nothing moves."""
    figure = figures["ice"]
    pack = only(figure, "box")
    (left, bottom), (right, _) = sorted(pack.points)
    knee_x, knee_y = at(figure.start, "knee")
    assert left <= knee_x <= right and 0 <= bottom - knee_y <= TOUCH
    assert figure.start == figure.end
    assert bend(figure.start, "hip", "knee", "ankle") <= 10


def test_every_shipped_exercise_has_its_angle_test(figures: dict[str, Figure]) -> None:
    tested = {
        name.removeprefix("test_").replace("_", "-")
        for name in globals()
        if name.startswith("test_") and name != "test_every_shipped_exercise_has_its_angle_test"
    }
    assert set(figures) <= tested
