"""Spoken phrases for a real routine: what is said, when, and only once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import Library, Routine
from itb_tui.core.session.cue_text import (
    CueTracker,
    TrackerCue,
    TrackerKind,
    set_announcement,
    spoken,
    spoken_all,
)
from itb_tui.core.session.engine import Cue, CueKind, Phase, SessionEngine
from itb_tui.core.session.pacer import PacerCue
from tests.factories import shipped_library


@pytest.fixture(scope="module")
def library() -> Library:
    return shipped_library()


class Driver:
    """Runs an engine the way the app does: every cue of a tick, then the tracker's."""

    def __init__(self, routine: Routine, weaker: str | None = "left") -> None:
        self.clock = FakeClock()
        self.engine = SessionEngine(routine, self.clock, weaker)
        self.tracker = CueTracker()
        self.said: list[str] = []
        self.hear([])

    def hear(self, cues: Sequence[Cue | PacerCue | TrackerCue]) -> None:
        everything = [*cues, *self.tracker.update(self.engine)]
        self.said.extend(p for cue in everything if (p := spoken(cue, self.engine)))

    def tick_for(self, seconds: float, step: float = 0.25) -> None:
        for _ in range(round(seconds / step)):
            self.clock.advance(step)
            self.hear(self.engine.tick())

    def press_done(self) -> None:
        self.hear(self.engine.done())

    def take(self) -> list[str]:
        said, self.said = self.said, []
        return said


def one_hold(library: Library, seconds: int) -> Routine:
    """A routine of one couch stretch held for ``seconds``."""
    stretch = replace(library.exercises["couch-stretch"], duration_s=seconds)
    return replace(library.routine("quick-mobility"), items=(stretch,))


def test_hip_strength_first_exercise_phrase_by_phrase(library: Library) -> None:
    run = Driver(library.routine("hip-strength"))
    assert run.take() == ["Clamshells"]
    run.tick_for(30)  # the intro waits for the user: silence
    assert run.take() == []
    run.press_done()
    assert run.take() == ["Clamshells, left side, set 1 of 3, 15 to 20 reps"]
    run.tick_for(60)  # a rep set does not count down: silence
    assert run.take() == []
    run.press_done()
    assert run.take() == ["switch sides, right leg"]
    run.tick_for(5)  # no 3-2-1 during a side switch
    assert run.take() == ["go"]
    run.press_done()
    assert run.take() == ["rest 45 seconds"]
    run.tick_for(45)
    assert run.take() == ["3", "2", "1", "Clamshells, left side, set 2 of 3, 15 to 20 reps"]


def test_next_exercise_and_a_both_sides_exercise(library: Library) -> None:
    run = Driver(library.routine("hip-strength"))
    run.hear(run.engine.skip_exercise())
    run.hear(run.engine.skip_exercise())
    assert run.take()[1:] == ["next: side-lying hip abduction", "next: glute bridge"]
    run.press_done()
    assert run.take() == ["Glute bridge, set 1 of 3, 15 reps"]


def test_steps_exercise_names_its_unit(library: Library) -> None:
    run = Driver(library.routine("pre-run"))
    run.hear(run.engine.skip_exercise())
    run.hear(run.engine.skip_exercise())
    run.press_done()
    assert run.take()[-1] == "Lateral band walks, 10 to 15 steps each way"


def test_timed_hold_says_ten_seconds_and_the_countdown_and_nothing_else(
    library: Library,
) -> None:
    run = Driver(library.routine("daily-stretch"), weaker="right")
    run.hear(run.engine.skip_exercise())
    assert run.take() == ["Pigeon", "next: hip flexor stretch"]
    run.press_done()
    assert run.take() == ["Hip flexor stretch, right side, 60 seconds"]
    run.tick_for(5)
    assert run.take() == ["3", "2", "1", "go"]
    run.tick_for(49.75)
    assert run.take() == []
    run.tick_for(0.25)  # 10 s left
    assert run.take() == ["10 seconds"]
    run.tick_for(10)
    assert run.take() == ["3", "2", "1", "switch sides, left leg"]


def test_a_timed_set_of_several_sets_is_announced_with_the_set(library: Library) -> None:
    stretch = replace(library.exercises["hip-flexor-stretch"], sets=3, rest_s=30)
    routine = replace(library.routine("daily-stretch"), items=(stretch,))
    run = Driver(routine)
    run.press_done()
    assert run.take() == [
        "Hip flexor stretch",
        "Hip flexor stretch, left side, set 1 of 3, 60 seconds",
    ]
    run.tick_for(5 + 60 + 5 + 60)
    assert run.take()[-1] == "rest 30 seconds"
    run.tick_for(30)
    assert run.take()[-1] == "Hip flexor stretch, left side, set 2 of 3, 60 seconds"


@pytest.mark.parametrize(("seconds", "warned"), [(19, False), (20, True), (150, True)])
def test_ten_seconds_only_on_holds_of_20_s_or_more(
    library: Library, seconds: int, warned: bool
) -> None:
    run = Driver(one_hold(library, seconds))
    run.press_done()
    run.tick_for(5)
    run.take()
    run.tick_for(seconds)
    assert run.take().count("10 seconds") == int(warned)


def test_ten_seconds_is_skipped_when_a_stall_makes_it_stale(library: Library) -> None:
    run = Driver(one_hold(library, 150))
    run.press_done()
    run.tick_for(5)
    run.take()
    run.clock.advance(145)  # the loop stalled: 5 s left
    run.hear(run.engine.tick())
    run.tick_for(5)
    assert run.take() == ["3", "2", "1", "switch sides, right leg"]


def test_ten_seconds_still_said_after_a_short_stall(library: Library) -> None:
    run = Driver(one_hold(library, 150))
    run.press_done()
    run.tick_for(5)
    run.take()
    run.clock.advance(141.5)  # 8.5 s left
    run.hear(run.engine.tick())
    assert run.take() == ["10 seconds"]


def test_ten_seconds_once_per_step_even_after_more_time(library: Library) -> None:
    run = Driver(one_hold(library, 60))
    run.press_done()
    run.tick_for(5 + 51)
    run.engine.adjust(+1)  # ten seconds more: now 19 s left
    run.tick_for(15)
    assert run.take().count("10 seconds") == 1


def test_no_ten_seconds_while_paused(library: Library) -> None:
    run = Driver(one_hold(library, 60))
    run.press_done()
    run.tick_for(5 + 45)
    run.engine.toggle_pause()
    run.take()
    run.tick_for(60)
    assert run.take() == []
    run.engine.toggle_pause()
    run.tick_for(5)
    assert run.take() == ["10 seconds"]


def test_each_step_is_announced_once_and_again_by_a_restored_sessions_tracker(
    library: Library,
) -> None:
    run = Driver(library.routine("hip-strength"))
    run.take()
    for _ in range(3):
        run.hear([])
    assert run.take() == []
    run.tracker = CueTracker()  # a restored session's coach starts a new tracker
    run.hear([])
    assert run.take() == ["Clamshells"]


def test_the_end_says_done(library: Library) -> None:
    run = Driver(one_hold(library, 60))
    run.hear(run.engine.skip_exercise())
    assert run.engine.phase is Phase.PAIN
    assert run.take()[-1] == "done"
    run.engine.rate_pain(1)
    run.hear([])
    assert run.take() == []


def test_a_whole_session_never_speaks_every_second(library: Library) -> None:
    run = Driver(library.routine("foam-rolling"))
    while run.engine.phase is not Phase.PAIN:
        if run.engine.counting_down:
            run.tick_for(1)
        else:
            run.press_done()
    said = run.take()
    assert said.count("10 seconds") == 6  # three rolls, two sides each
    assert said.count("go") == 6
    assert [p for p in said if p.startswith("next")] == [
        "next: lateral quad roll",
        "next: glute foam roll",
    ]
    assert said[-1] == "done"
    assert said[:16] == [
        "TFL release",
        "TFL release, left side, 90 seconds",
        *("3", "2", "1", "go"),
        *("10 seconds", "3", "2", "1", "switch sides, right leg", "go"),
        *("10 seconds", "3", "2", "1"),
    ]
    assert len(said) == 3 * 16 + 1


def test_acronyms_keep_their_capitals(library: Library) -> None:
    items = (library.exercises["quad-roll"], library.exercises["tfl-release"])
    run = Driver(replace(library.routine("foam-rolling"), items=items))
    run.hear(run.engine.skip_exercise())
    assert run.take() == ["Quad roll", "next: TFL release"]


def test_pacer_cues_and_silent_cues(library: Library) -> None:
    engine = SessionEngine(library.routine("hip-strength"), FakeClock())
    assert [spoken(PacerCue(kind, 1), engine) for kind in ("up", "hold", "down")] == [
        "up",
        "hold",
        "down",
    ]
    assert spoken(PacerCue("rep", 12), engine) == "12"
    for kind in (CueKind.WORK_END, CueKind.REST_OVER, CueKind.SAVED):
        assert spoken(Cue(kind), engine) is None
    assert spoken(TrackerCue(TrackerKind.ANNOUNCE, 999), engine) is None


def test_spoken_all_joins_one_tick_into_one_utterance(library: Library) -> None:
    engine = SessionEngine(library.routine("hip-strength"), FakeClock())
    cues = [Cue(CueKind.COUNTDOWN, 1), Cue(CueKind.SAVED), Cue(CueKind.GO)]
    assert spoken_all(cues, engine) == "1. go"
    assert spoken_all([Cue(CueKind.SAVED)], engine) is None


def test_set_announcement_of_a_single_set(library: Library) -> None:
    engine = SessionEngine(library.routine("quick-mobility"), FakeClock(), "right")
    ready = engine.steps[1]
    assert set_announcement(library.exercises["quad-roll"], ready) == (
        "Quad roll, right side, 150 seconds"
    )
