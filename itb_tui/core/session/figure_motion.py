"""The figure's position in time with the rep pacer: up = start to end, hold = end, down = back.

Everything is worked out from the pacer's state (its phase and the seconds left in it, which it
derives from the clock), never by counting ticks. Between the two positions every bone turns
about its parent joint along the tree from the hip, so limbs keep their lengths; a straight
blend of the points would shrink a limb that swings. The drawn frame changes at most
``FRAMES_PER_SECOND`` times a second while the figure moves (enough for the slow moves of rehab
work), and not at all while it stands.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from itb_tui.core.content.figure import BONES, Point, Pose
from itb_tui.core.session.pacer import RepPacer

FRAMES_PER_SECOND = 8
ROOT = "hip"
WAKE_SLACK = 0.002  # wake just after a frame's start, never a hair before it


def _bone_tree() -> tuple[tuple[str, str], ...]:
    """The bones as (parent, child), parents first, walking out from the hip."""
    order: list[tuple[str, str]] = []
    reached = {ROOT}
    frontier = [ROOT]
    while frontier:
        joint = frontier.pop(0)
        for a, b in BONES:
            for parent, child in ((a, b), (b, a)):
                if parent == joint and child not in reached:
                    reached.add(child)
                    frontier.append(child)
                    order.append((parent, child))
    return tuple(order)


BONE_TREE = _bone_tree()


def _turn(start: float, end: float) -> float:
    """The shorter signed turn from angle ``start`` to ``end`` (radians)."""
    return (end - start + math.pi) % (2 * math.pi) - math.pi


def _polar(a: Point, b: Point) -> tuple[float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    return math.hypot(dx, dy), math.atan2(dy, dx)


def blend(start: Pose, end: Pose, fraction: float) -> Pose:
    """The pose ``fraction`` of the way from ``start`` (0) to ``end`` (1), bone by bone."""
    if fraction <= 0:
        return start
    if fraction >= 1:
        return end
    s, e = start.joints, end.joints
    (x0, y0), (x1, y1) = s[ROOT], e[ROOT]
    joints: dict[str, Point] = {ROOT: (x0 + (x1 - x0) * fraction, y0 + (y1 - y0) * fraction)}
    for parent, child in BONE_TREE:
        length_s, angle_s = _polar(s[parent], s[child])
        length_e, angle_e = _polar(e[parent], e[child])
        length = length_s + (length_e - length_s) * fraction
        angle = angle_s + _turn(angle_s, angle_e) * fraction
        px, py = joints[parent]
        joints[child] = (px + length * math.cos(angle), py + length * math.sin(angle))
    return Pose(_in_order(joints, s))


def _in_order(joints: dict[str, Point], like: Mapping[str, Point]) -> dict[str, Point]:
    return {name: joints[name] for name in like}


def ease(t: float) -> float:
    """Slow out of one position and into the other (smoothstep), 0 -> 0 and 1 -> 1."""
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


@dataclass(frozen=True)
class Frame:
    """Where the figure is (0 = start position, 1 = end) and when it next changes."""

    fraction: float
    wake_in: float | None  # seconds to the next different frame; None: it stands still


STILL = Frame(0.0, None)


def frame(pacer: RepPacer | None, fps: int = FRAMES_PER_SECOND) -> Frame:
    """The frame for the pacer's state now: moving in up and down, still otherwise.

    During a hold the figure waits at the end position until the hold's end; paused, stopped
    or finished it stands where the set is.
    """
    if pacer is None or not pacer.started:
        return STILL
    phase, left = pacer.phase, pacer.seconds_left()
    seconds = dict(pacer.phases)[phase]
    running = pacer.running
    if phase == "hold":
        return Frame(1.0, left + WAKE_SLACK if running else None)
    into = max(0.0, seconds - left)
    count = seconds * fps
    index = min(count, math.floor(into * fps + 1e-9))
    progress = ease(index / count)
    fraction = progress if phase == "up" else 1.0 - progress
    if not running:
        return Frame(fraction, None)
    next_start = (index + 1) / fps
    return Frame(fraction, min(next_start - into, left) + WAKE_SLACK)
