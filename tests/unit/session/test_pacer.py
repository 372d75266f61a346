"""The rep pacer: phases and counts from the clock, each cue once, pauses, stalls, early stops."""

from __future__ import annotations

import pytest

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import Tempo
from itb_tui.core.session.pacer import PacerCue, RepPacer

CLAMSHELL = Tempo(up=1, hold=2, down=2)  # 5 s a rep


def started(tempo: Tempo = CLAMSHELL, target: int = 3) -> tuple[RepPacer, FakeClock]:
    clock = FakeClock()
    pacer = RepPacer(tempo, target, clock)
    pacer.start()
    return pacer, clock


def run(pacer: RepPacer, clock: FakeClock, seconds: float, step: float = 0.25) -> list[PacerCue]:
    cues = pacer.tick()
    for _ in range(round(seconds / step)):
        clock.advance(step)
        cues.extend(pacer.tick())
    return cues


def test_before_start_it_shows_the_first_up_and_cues_nothing() -> None:
    pacer = RepPacer(CLAMSHELL, 3, FakeClock())
    assert (pacer.rep, pacer.phase, pacer.seconds_left(), pacer.completed) == (1, "up", 1.0, 0)
    assert pacer.tick() == []
    assert not pacer.running and not pacer.finished


@pytest.mark.parametrize(
    ("elapsed", "rep", "phase", "left", "completed"),
    [
        (0.0, 1, "up", 1.0, 0),
        (0.999, 1, "up", 0.001, 0),
        (1.0, 1, "hold", 2.0, 0),  # a boundary belongs to the phase that starts there
        (2.5, 1, "hold", 0.5, 0),
        (3.0, 1, "down", 2.0, 0),
        (4.999, 1, "down", 0.001, 0),
        (5.0, 2, "up", 1.0, 1),
        (6.0, 2, "hold", 2.0, 1),
        (14.0, 3, "down", 1.0, 2),
        (15.0, 3, "down", 0.0, 3),
        (99.0, 3, "down", 0.0, 3),
    ],
)
def test_state_at_exact_phase_boundaries(
    elapsed: float, rep: int, phase: str, left: float, completed: int
) -> None:
    pacer, clock = started()
    clock.advance(elapsed)
    assert (pacer.rep, pacer.phase, pacer.completed) == (rep, phase, completed)
    assert pacer.seconds_left() == pytest.approx(left, abs=1e-6)
    assert pacer.finished is (completed == 3)


def test_small_steps_do_not_lose_a_boundary_to_float_error() -> None:
    pacer, clock = started()
    for _ in range(10):
        clock.advance(0.1)
    assert pacer.phase == "hold"


def test_every_phase_and_rep_is_cued_exactly_once_in_order() -> None:
    pacer, clock = started(target=2)
    assert run(pacer, clock, 20) == [
        PacerCue("up", 1),
        PacerCue("hold", 1),
        PacerCue("down", 1),
        PacerCue("rep", 1),
        PacerCue("up", 2),
        PacerCue("hold", 2),
        PacerCue("down", 2),
        PacerCue("rep", 2),
    ]
    assert pacer.finished and not pacer.running
    assert pacer.tick() == []


def test_a_phase_cue_fires_at_its_start_and_not_again() -> None:
    pacer, clock = started()
    assert pacer.tick() == [PacerCue("up", 1)]
    assert pacer.tick() == []
    clock.advance(0.999)
    assert pacer.tick() == []
    clock.advance(0.001)
    assert pacer.tick() == [PacerCue("hold", 1)]
    assert pacer.tick() == []


def test_a_zero_hold_is_skipped() -> None:
    pacer, clock = started(Tempo(up=1, hold=0, down=3), target=2)
    cues = run(pacer, clock, 8)
    assert [cue.kind for cue in cues] == ["up", "down", "rep", "up", "down", "rep"]
    assert pacer.completed == 2


def test_pause_freezes_and_resume_continues_exactly() -> None:
    pacer, clock = started()
    pacer.tick()
    clock.advance(0.5)
    pacer.pause()
    clock.advance(100)
    assert (pacer.phase, pacer.seconds_left(), pacer.completed) == ("up", 0.5, 0)
    assert pacer.tick() == [] and not pacer.running
    pacer.resume()
    assert pacer.tick() == []
    clock.advance(0.5)
    assert pacer.tick() == [PacerCue("hold", 1)]
    assert pacer.elapsed() == pytest.approx(1.0)


def test_resume_without_pause_changes_nothing() -> None:
    pacer, clock = started()
    clock.advance(2)
    pacer.resume()
    assert pacer.elapsed() == pytest.approx(2.0)


def test_a_stall_fires_only_the_current_phase_and_the_rep_count() -> None:
    pacer, clock = started(target=5)
    assert pacer.tick() == [PacerCue("up", 1)]
    clock.advance(12.5)  # two whole reps and into the hold of rep 3
    assert pacer.tick() == [PacerCue("rep", 2), PacerCue("hold", 3)]
    assert pacer.tick() == []
    assert (pacer.completed, pacer.rep) == (2, 3)


def test_a_stall_past_the_end_reports_every_rep_once() -> None:
    pacer, clock = started(target=3)
    pacer.tick()
    clock.advance(1000)
    assert pacer.tick() == [PacerCue("rep", 3)]
    assert pacer.tick() == []
    assert pacer.finished and pacer.completed == 3


def test_stop_early_counts_only_completed_reps() -> None:
    pacer, clock = started(target=10)
    run(pacer, clock, 12)  # rep 3 in progress
    assert pacer.stop_early() == 2
    clock.advance(60)
    assert pacer.tick() == []
    assert pacer.completed == 2 and pacer.stop_early() == 2


def test_stop_early_before_start_is_zero() -> None:
    assert RepPacer(CLAMSHELL, 3, FakeClock()).stop_early() == 0


def test_stop_early_while_paused_keeps_the_paused_count() -> None:
    pacer, clock = started(target=10)
    clock.advance(7)
    pacer.pause()
    clock.advance(30)
    assert pacer.stop_early() == 1


def test_start_again_restarts_from_rep_one() -> None:
    pacer, clock = started()
    run(pacer, clock, 7)
    pacer.start()
    assert pacer.tick() == [PacerCue("up", 1)]
    assert pacer.completed == 0


@pytest.mark.parametrize(("tempo", "target"), [(CLAMSHELL, 0), (Tempo(0, 0, 0), 3)])
def test_nothing_to_pace_is_refused(tempo: Tempo, target: int) -> None:
    with pytest.raises(ValueError):
        RepPacer(tempo, target, FakeClock())
