"""The figure in time with the pacer: limbs keep their lengths, frames follow the clock."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.figure import BONES, Figure
from itb_tui.core.content.library import Tempo
from itb_tui.core.session.figure_motion import (
    FRAMES_PER_SECOND,
    STILL,
    blend,
    ease,
    frame,
)
from itb_tui.core.session.pacer import RepPacer
from tests.figures import bridge, clamshell

FIGURES = {"clamshell": clamshell(), "bridge": bridge()}


def lengths(figure: Figure, fraction: float) -> list[float]:
    joints = blend(figure.start, figure.end, fraction).joints
    return [math.dist(joints[a], joints[b]) for a, b in BONES]


def paced(up: int = 2, hold: int = 1, down: int = 2) -> tuple[RepPacer, FakeClock]:
    clock = FakeClock()
    pacer = RepPacer(Tempo(up, hold, down), 3, clock)
    pacer.start()
    return pacer, clock


@pytest.mark.parametrize("name", FIGURES)
def test_the_ends_of_a_blend_are_the_two_positions(name: str) -> None:
    figure = FIGURES[name]
    assert blend(figure.start, figure.end, 0.0) == figure.start
    assert blend(figure.start, figure.end, 1.0) == figure.end


@given(name=st.sampled_from(sorted(FIGURES)), fraction=st.floats(0.0, 1.0))
def test_every_limb_keeps_its_length_all_the_way(name: str, fraction: float) -> None:
    figure = FIGURES[name]
    assert lengths(figure, fraction) == pytest.approx(lengths(figure, 0.0), abs=1e-9)


def test_a_swinging_limb_turns_about_its_joint_rather_than_sliding_straight() -> None:
    figure = clamshell()  # the top knee swings up about the hip
    start, end = figure.start.joints, figure.end.joints
    middle = blend(figure.start, figure.end, 0.5).joints
    straight = tuple((a + b) / 2 for a, b in zip(start["knee"], end["knee"], strict=True))
    thigh = math.dist(start["hip"], start["knee"])
    assert math.dist(middle["hip"], middle["knee"]) == pytest.approx(thigh)
    assert math.dist(start["hip"], straight) < thigh - 0.05  # a straight blend would shrink it
    assert [j for j in start if middle[j] != start[j]]  # and it did move


def test_up_moves_to_the_end_hold_stays_there_and_down_comes_back() -> None:
    pacer, clock = paced()
    assert frame(pacer).fraction == 0.0
    clock.advance(1.0)  # half-way up
    assert frame(pacer).fraction == pytest.approx(ease(0.5))
    clock.advance(1.0)  # the hold
    assert frame(pacer).fraction == 1.0
    clock.advance(2.0)  # half-way down
    assert frame(pacer).fraction == pytest.approx(1 - ease(0.5))
    clock.advance(1.0)  # the next rep starts at the start
    assert frame(pacer).fraction == 0.0


def test_a_moving_figure_wakes_for_its_next_frame_and_a_holding_one_at_the_hold_end() -> None:
    pacer, clock = paced()
    clock.advance(0.3)
    wake = frame(pacer).wake_in
    assert wake == pytest.approx(3 / FRAMES_PER_SECOND - 0.3, abs=0.003)  # the next frame's
    clock.advance(1.7 + 0.4)  # 0.4 s into the 1 s hold
    hold = frame(pacer)
    assert hold.wake_in == pytest.approx(0.6, abs=0.01)


def test_a_paused_stopped_or_finished_set_stands_still() -> None:
    pacer, clock = paced()
    clock.advance(1.0)
    pacer.pause()
    paused = frame(pacer)
    clock.advance(30)
    assert frame(pacer) == paused and paused.wake_in is None
    assert paused.fraction == pytest.approx(ease(0.5))  # where the pause caught it
    pacer.resume()
    clock.advance(100)  # finished: back at the start, still
    assert frame(pacer) == STILL
    assert frame(None) == STILL


def test_the_frame_is_worked_out_from_the_clock_not_from_how_often_it_is_asked() -> None:
    asked, clock_a = paced()
    idle, clock_b = paced()
    for _ in range(37):
        clock_a.advance(0.03)
        frame(asked)
    clock_b.advance(37 * 0.03)
    assert frame(asked) == frame(idle)


@pytest.mark.parametrize("tempo", [(2, 1, 2), (1, 2, 2), (3, 0, 3)])
def test_following_its_wakes_draws_at_most_the_frame_rate(tempo: tuple[int, int, int]) -> None:
    pacer, clock = paced(*tempo)
    rep = sum(tempo)
    fractions, wakes = [frame(pacer).fraction], 0
    while clock.now() - 1000.0 < rep:
        wake = frame(pacer).wake_in
        assert wake is not None
        clock.advance(wake)
        wakes += 1
        fractions.append(frame(pacer).fraction)
    moving = tempo[0] + tempo[2]
    changes = sum(a != b for a, b in itertools.pairwise(fractions))
    assert changes <= moving * FRAMES_PER_SECOND + 1
    assert wakes <= moving * FRAMES_PER_SECOND + 2  # and a single wake for the whole hold
    assert changes >= moving * FRAMES_PER_SECOND - 2  # smooth: every frame drawn
