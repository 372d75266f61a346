"""Figures as SVG: both positions on a floor, props drawn, greys only; the README's copies."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from itb_tui.core.content.figure import BONES, Figure, Pose, Prop
from itb_tui.core.content.library import Library
from itb_tui.core.report import figure_svg as svg_module
from itb_tui.core.report.figure_svg import MARGIN, SCALE, figure_svg, svg_size

ROOT = Path(__file__).resolve().parents[3]
NS = {"svg": "http://www.w3.org/2000/svg"}
STANDING = Pose(
    {
        "head": (10.0, 80.0),
        "shoulder": (10.0, 70.0),
        "elbow": (10.0, 56.0),
        "hand": (10.0, 43.0),
        "hip": (10.0, 45.0),
        "knee": (10.0, 23.0),
        "ankle": (10.0, 2.0),
        "toe": (17.0, 0.0),
        "far_knee": (11.0, 23.0),
        "far_ankle": (11.0, 2.0),
        "far_toe": (18.0, 0.0),
    }
)
PROPS = (
    Prop("roller", ((30.0, 5.0),), 5.0),
    Prop("box", ((25.0, 0.0), (40.0, 20.0))),
    Prop("band", ((5.0, 25.0), (15.0, 25.0), (20.0, 30.0))),
    Prop("wall", ((45.0, 0.0), (45.0, 90.0))),
)
FIGURE = Figure(width=50, height=90, start=STANDING, end=STANDING, props=PROPS)


def px(units: float) -> str:
    """A length in figure units as the SVG writes it: pixels to one decimal."""
    text = f"{units * SCALE:.1f}"
    return text.removesuffix(".0")


def parse(text: str) -> ET.Element:
    return ET.fromstring(text)


def limbs(root: ET.Element) -> list[ET.Element]:
    """The solid limb segments: lines as wide as a limb and not dashed."""
    width = px(svg_module.LIMB)
    return [
        line
        for line in root.iterfind("svg:line", NS)
        if line.get("stroke-width") == width and line.get("stroke-dasharray") is None
    ]


def test_both_positions_are_drawn_with_the_start_as_a_ghost_in_the_second() -> None:
    root = parse(figure_svg(FIGURE))
    assert len(limbs(root)) == 2 * len(BONES)  # every bone, neck included, in each position
    ghosts = [line for line in root.iterfind("svg:line", NS) if line.get("stroke-dasharray")]
    assert len(ghosts) == len(BONES)
    heads = [c for c in root.iterfind("svg:circle", NS) if c.get("r") == px(svg_module.HEAD_RADIUS)]
    assert len(heads) == 3


def test_the_floor_runs_under_each_position_and_y_points_up() -> None:
    root = parse(figure_svg(FIGURE))
    floor_y = px(MARGIN + FIGURE.height)
    floors = [
        line
        for line in root.iterfind("svg:line", NS)
        if line.get("y1") == line.get("y2") == floor_y and line.get("stroke-width") == px(1)
    ]
    assert len(floors) == 2
    # The toe at y = 0 sits on the floor; the head at y = 80 is 80 units above it.
    toe_line = [line for line in limbs(root) if line.get("y2") == floor_y]
    assert toe_line
    head = next(
        c for c in root.iterfind("svg:circle", NS) if c.get("r") == px(svg_module.HEAD_RADIUS)
    )
    assert float(floor_y) - float(head.get("cy", "0")) == pytest.approx(80 * SCALE)


def test_each_prop_is_drawn() -> None:
    root = parse(figure_svg(FIGURE))
    rollers = [c for c in root.iterfind("svg:circle", NS) if c.get("r") == px(5)]
    assert len(rollers) == 2  # one in each position
    polylines = list(root.iterfind("svg:polyline", NS))
    boxes = [p for p in polylines if len(p.get("points", "").split()) == 5]
    bands = [p for p in polylines if p.get("stroke-dasharray")]
    assert len(boxes) == 2 and len(bands) == 2
    walls = [line for line in root.iterfind("svg:line", NS) if line.get("x1") == line.get("x2")]
    assert len(walls) >= 2


def test_only_greys_so_it_reads_without_colour() -> None:
    text = figure_svg(FIGURE)
    colours = set(re.findall(r'(?:stroke|fill)="(#[0-9a-fA-F]{6})"', text))
    assert colours
    for colour in colours:
        red, green, blue = colour[1:3], colour[3:5], colour[5:7]
        assert red == green == blue, colour


def test_the_size_and_title() -> None:
    text = figure_svg(FIGURE, 'Squat <"deep"> & hold')
    root = parse(text)
    width, height = svg_size(FIGURE)
    assert (root.get("width"), root.get("height")) == (px(width / SCALE), px(height / SCALE))
    assert root.get("aria-label") == 'Squat <"deep"> & hold: start and end positions'
    assert parse(figure_svg(FIGURE)).get("aria-label") is None


def test_the_readme_figures_are_the_shipped_ones_and_listed(library: Library) -> None:
    """screenshots/figures/ holds what scripts/figures.py writes now; the README shows each."""
    folder = ROOT / "screenshots" / "figures"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Exercises\n", 1)[1].split("\n## ", 1)[0]
    for exercise in library.exercises.values():
        assert exercise.figure is not None
        path = folder / f"{exercise.id}.svg"
        assert path.read_text(encoding="utf-8") == figure_svg(exercise.figure, exercise.name), (
            f"{path} is out of date: run scripts/figures.py"
        )
        assert f"screenshots/figures/{exercise.id}.svg" in section
        assert exercise.name in section
    assert {p.stem for p in folder.glob("*.svg")} == set(library.exercises)
