"""Exercise figures in the content: read, checked, and every problem named as the app names it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from itb_tui import cli
from itb_tui.core.content.figure import BONES, JOINTS, Figure, Prop
from itb_tui.core.content.figure_geometry import bone_length
from itb_tui.core.content.library import Library, load_library
from itb_tui.core.content.validate import ContentError
from itb_tui.core.store.paths import Paths, content_dir

# A wall sit seen from the side, back to a wall: standing at the start, thighs level at the end.
STAND = {
    "head": [14, 78],
    "shoulder": [14, 69],
    "elbow": [15, 55],
    "hand": [16, 42],
    "hip": [14, 43],
    "knee": [15, 21],
    "ankle": [15, 3],
    "toe": [22, 1],
    "far_knee": [15, 21],
    "far_ankle": [15, 3],
    "far_toe": [22, 1],
}
SIT = {
    "head": [14, 56],
    "shoulder": [14, 47],
    "elbow": [15, 33],
    "hand": [16, 20],
    "hip": [14, 21],
    "knee": [36, 21],
    "ankle": [36, 3],
    "toe": [43, 1],
    "far_knee": [36, 21],
    "far_ankle": [36, 3],
    "far_toe": [43, 1],
}
FIGURE: dict[str, Any] = {
    "width": 60,
    "height": 85,
    "start": STAND,
    "end": SIT,
    "props": [{"kind": "wall", "points": [[8, 0], [8, 84]]}],
}
WALL_SIT: dict[str, Any] = {
    "id": "wall-sit",
    "name": "Wall sit",
    "kind": "hold",
    "per_side": False,
    "sets": 2,
    "duration_s": 40,
    "rest_s": 30,
    "frequency": "Every other day",
    "targets": "The thighs.",
    "equipment": [],
    "steps": ["Slide down the wall.", "Hold."],
    "cues": ["Knees over toes."],
    "errors": [],
    "source": "mine",
}
WHERE = "exercise 1 'wall-sit': field 'figure'"


def write_user(paths: Paths, figure: dict[str, Any] | None) -> Path:
    """The user's content file with the wall sit, carrying ``figure`` when given."""
    exercise = dict(WALL_SIT, figure=figure) if figure is not None else dict(WALL_SIT)
    paths.config.mkdir(parents=True, exist_ok=True)
    paths.user_content.write_text(tomli_w.dumps({"exercise": [exercise]}), encoding="utf-8")
    return paths.user_content


def problems_with(paths: Paths, change: Any) -> list[str]:
    """The problems of the wall sit's figure after ``change`` edits a copy of it."""
    figure = copy.deepcopy(FIGURE)
    change(figure)
    user = write_user(paths, figure)
    with pytest.raises(ContentError) as info:
        load_library(content_dir(), user)
    return [p.removeprefix(f"{user}: ") for p in info.value.problems]


# -- the shipped content and the user's own -----------------------------------------------------
def test_every_shipped_exercise_has_a_figure(library: Library) -> None:
    missing = [e.id for e in library.exercises.values() if e.figure is None]
    assert missing == []


def test_every_shipped_figure_keeps_its_bones_and_names_every_joint(library: Library) -> None:
    for exercise in library.exercises.values():
        figure = exercise.figure
        assert figure is not None
        for pose in (figure.start, figure.end):
            assert set(pose.joints) == set(JOINTS), exercise.id
        if figure.view == "side":
            for a, b in BONES:
                first, last = bone_length(figure.start, a, b), bone_length(figure.end, a, b)
                assert abs(first - last) <= 0.03 * max(first, last), (exercise.id, a, b)


def test_a_users_exercise_may_have_a_figure_or_none(paths: Paths) -> None:
    mine = load_library(content_dir(), write_user(paths, FIGURE))
    figure = mine.exercises["wall-sit"].figure
    assert isinstance(figure, Figure)
    assert (figure.width, figure.height, figure.view) == (60, 85, "side")
    assert figure.start.joints["knee"] == (15.0, 21.0)
    assert figure.end.joints["knee"] == (36.0, 21.0)
    assert figure.props == (Prop("wall", ((8.0, 0.0), (8.0, 84.0))),)
    plain = load_library(content_dir(), write_user(paths, None))
    assert plain.exercises["wall-sit"].figure is None


def test_a_figure_survives_a_routine_dose(paths: Paths) -> None:
    """A routine item copies the exercise with its own dose; the figure goes with it."""
    mine = load_library(content_dir())
    item = mine.routine("hip-strength").items[0]
    assert item.figure is not None and item.figure == mine.exercises[item.id].figure


# -- the problems, each named -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pose", "joint", "point", "expected"),
    [
        (
            "end",
            "far_toe",
            None,
            "field 'end': field 'far_toe': expected a point [x, y] of two numbers "
            "(every joint is required)",
        ),
        (
            "start",
            "nose",
            [14, 80],
            f"field 'start': unknown joint 'nose' (the joints are {', '.join(JOINTS)})",
        ),
        (
            "start",
            "hand",
            [16, "low"],
            "field 'start': field 'hand': expected a point [x, y] of two numbers, got [16, 'low']",
        ),
        (
            "end",
            "toe",
            [61, 1],
            "field 'end': field 'toe': expected a point inside the figure's box "
            "(0 <= x <= 60, 0 <= y <= 85), got [61, 1]",
        ),
        (
            "end",
            "toe",
            [43, -0.5],
            "field 'end': field 'toe': expected a point on or above the floor (y >= 0), "
            "got [43, -0.5]",
        ),
        (
            "end",
            "knee",
            [36, 24],
            "bone knee-ankle is 18.0 long at the start and 21.0 at the end; "
            "a bone keeps its length (within 3%)",
        ),
    ],
)
def test_a_wrong_joint_is_named(
    paths: Paths, pose: str, joint: str, point: list[Any] | None, expected: str
) -> None:
    def change(figure: dict[str, Any]) -> None:
        if point is None:
            del figure[pose][joint]
        else:
            figure[pose][joint] = point

    assert problems_with(paths, change) == [f"{WHERE}: {expected}"]


def test_a_small_difference_in_length_is_tolerated(paths: Paths) -> None:
    figure = copy.deepcopy(FIGURE)
    figure["end"]["hand"] = [16, 20.3]  # the forearm 13.0 long, then 12.7: within 3 %
    mine = load_library(content_dir(), write_user(paths, figure))
    assert mine.exercises["wall-sit"].figure is not None


def test_a_front_view_lets_a_bone_look_shorter_but_not_vanish(paths: Paths) -> None:
    def front(figure: dict[str, Any]) -> None:
        figure["view"] = "front"
        figure["end"]["knee"] = [25, 21]  # the thigh points at you: 22 long, then 11

    figure = copy.deepcopy(FIGURE)
    front(figure)
    assert load_library(content_dir(), write_user(paths, figure)).exercises["wall-sit"].figure

    def vanish(figure: dict[str, Any]) -> None:
        front(figure)
        figure["end"]["knee"] = [15, 22]

    assert problems_with(paths, vanish) == [
        f"{WHERE}: bone hip-knee is 22.0 long at the start and 1.4 at the end; in a front view "
        "a bone may look shorter, but not below a quarter of its length"
    ]


def test_width_height_and_view_are_checked(paths: Paths) -> None:
    def change(figure: dict[str, Any]) -> None:
        figure["width"] = 0
        del figure["height"]
        figure["view"] = "top"

    assert problems_with(paths, change) == [
        f"{WHERE}: field 'width': expected a number above 0 and at most 1000, got 0",
        f"{WHERE}: field 'height': expected a value (it is required)",
        f"{WHERE}: field 'view': expected one of 'side', 'front', got 'top'",
    ]


def test_an_unknown_figure_field_is_named(paths: Paths) -> None:
    problems = problems_with(paths, lambda f: f.update(colour="red"))
    assert problems == [f"{WHERE}: unknown field 'colour'"]


@pytest.mark.parametrize(
    ("prop", "expected"),
    [
        (
            {"kind": "roller", "points": [[30, 5]]},
            "field 'radius': expected a number above 0 (a roller's radius), got None",
        ),
        (
            {"kind": "roller", "points": [[30, 5], [40, 5]], "radius": 5},
            "field 'points': expected one point [x, y], its centre, for a roller, "
            "got [[30, 5], [40, 5]]",
        ),
        (
            {"kind": "box", "points": [[30, 0]]},
            "field 'points': expected two points [x, y], opposite corners, for a box, "
            "got [[30, 0]]",
        ),
        (
            {"kind": "box", "points": [[30, 0], [30, 20]]},
            "field 'points': expected two opposite corners of a box with some width and height, "
            "got [[30, 0], [30, 20]]",
        ),
        (
            {"kind": "band", "points": [[30, 20]]},
            "field 'points': expected two or more points [x, y] along it, for a band, "
            "got [[30, 20]]",
        ),
        (
            {"kind": "wall", "points": [[8, 0], [8, 40], [8, 84]]},
            "field 'points': expected two points [x, y], its ends, for a wall, "
            "got [[8, 0], [8, 40], [8, 84]]",
        ),
        (
            {"kind": "wall", "points": [[8, 0], [8, 84]], "radius": 2},
            "field 'radius': expected no radius for a wall (only a roller has one)",
        ),
        (
            {"kind": "mat", "points": [[8, 0], [40, 0]]},
            "field 'kind': expected one of 'roller', 'box', 'band', 'wall', got 'mat'",
        ),
        (
            {"kind": "roller", "points": [[30, 4]], "radius": 5},
            "field 'points': expected a centre at least the radius (5) above the floor, "
            "got [30, 4]",
        ),
        (
            {"kind": "roller", "points": [[57, 10]], "radius": 5},
            "field 'points': expected a centre at least the radius (5) inside the figure's box "
            "(0 <= x <= 60, 0 <= y <= 85), got [57, 10]",
        ),
        (
            {"kind": "band", "points": [[30, 20], [70, 20]]},
            "field 'points': expected a point inside the figure's box "
            "(0 <= x <= 60, 0 <= y <= 85), got [70, 20]",
        ),
    ],
)
def test_a_malformed_prop_is_named(paths: Paths, prop: dict[str, Any], expected: str) -> None:
    problems = problems_with(paths, lambda f: f["props"].append(prop))
    assert problems == [f"{WHERE}: prop 2: {expected}"]


def test_itb_check_reports_a_figure_problem(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    figure = copy.deepcopy(FIGURE)
    figure["end"].pop("head")
    write_user(paths, figure)
    code = cli.main(["--config-dir", str(paths.config), "check"])
    out = capsys.readouterr().out
    assert code == 1
    assert "BROKEN  your exercises and routines" in out
    assert f"{WHERE}: field 'end': field 'head': expected a point [x, y]" in out
