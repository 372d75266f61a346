"""What the session screen says, built in the core from the engine's state."""

from __future__ import annotations

from dataclasses import replace

import pytest

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import READY_SECONDS, Exercise, Tempo
from itb_tui.core.session import view
from itb_tui.core.session.actions import SessionAction
from itb_tui.core.session.engine import Phase, SessionEngine
from tests.unit.session.engine_helpers import (
    engine_for,
    goto,
    make_exercise,
    make_routine,
    walk_to_pain,
)


def text(lines: tuple[view.Line, ...]) -> list[str]:
    """The lines as plain text."""
    return ["".join(part for part, _style in line) for line in lines]


def styled(lines: tuple[view.Line, ...]) -> list[tuple[str, str]]:
    """The parts that carry a style."""
    return [(part, style) for line in lines for part, style in line if style]


def hold(**change: object) -> Exercise:
    return replace(make_exercise(sets=2, duration_s=30, rest_s=20), **change)


def clams(**change: object) -> Exercise:
    return replace(make_exercise("clam", kind="reps", sets=2, reps=(10, 12)), **change)


def test_header_names_the_routine_in_bold_the_exercise_and_the_sets_done(
    fake_clock: FakeClock,
) -> None:
    engine = engine_for(hold(), clams(), clock=fake_clock)
    assert view.header(engine) == (
        ("Test routine", "b"),
        (" - exercise 1 of 2 - sets done 0 of 8", ""),
    )
    goto(engine, fake_clock, Phase.WORK, "right", 1)
    assert view.header(engine)[1] == (" - exercise 1 of 2 - sets done 1 of 8", "")
    walk_to_pain(engine, fake_clock)
    assert view.header(engine)[1] == (" - finishing - sets done 8 of 8", "")


def test_banner_says_what_is_happening_and_on_which_leg(fake_clock: FakeClock) -> None:
    engine = engine_for(hold(sets=2), clock=fake_clock, weaker="right")
    seen = []
    while engine.phase is not Phase.PAIN:
        seen.append((view.banner(engine), view.banner_side(engine)))
        engine.done()
    assert seen == [
        ("GET SET UP - press Enter to start", "both"),
        ("GET READY - RIGHT LEG", "right"),
        ("RIGHT LEG", "right"),
        ("SWITCH SIDES - now the LEFT LEG", "left"),
        ("LEFT LEG", "left"),
        ("REST", "rest"),
        ("GET READY - RIGHT LEG", "right"),
        ("RIGHT LEG", "right"),
        ("SWITCH SIDES - now the LEFT LEG", "left"),
        ("LEFT LEG", "left"),
    ]
    assert view.banner(engine) == "HOW IS YOUR KNEE?"
    engine.rate_pain(2)
    assert view.banner(engine) == "SESSION DONE"


def test_banner_on_a_set_says_the_leg_or_run_and_pause(fake_clock: FakeClock) -> None:
    engine = engine_for(hold(per_side=False), clock=fake_clock)
    goto(engine, fake_clock, Phase.WORK, "both", 1)
    assert view.banner(engine) == "BOTH LEGS"
    engine.toggle_pause()
    assert view.banner(engine) == "PAUSED - BOTH LEGS"
    run = SessionEngine(replace(make_routine(hold(per_side=False)), category="running"), fake_clock)
    goto(run, fake_clock, Phase.READY, "both", 1)
    assert view.banner(run) == "GET READY - RUN"


def test_countdown_shows_whole_seconds_of_the_full_length_or_nothing(
    fake_clock: FakeClock,
) -> None:
    engine = engine_for(hold(), clock=fake_clock)
    assert view.countdown(engine) is None  # the intro does not count down
    engine.done()
    fake_clock.advance(0.5)
    assert view.countdown(engine) == view.Countdown(READY_SECONDS, READY_SECONDS)
    engine.adjust(+1)
    assert view.countdown(engine) == view.Countdown(READY_SECONDS + 10, READY_SECONDS + 10)


def test_set_info_of_an_intro_gives_the_dose_and_the_rest(fake_clock: FakeClock) -> None:
    engine = engine_for(hold(), clock=fake_clock)
    assert view.set_info(engine) == (
        (("2 x 30 s per side", "b"), (" - rest 20 s between sets", "")),
    )
    single = engine_for(hold(sets=1), clock=fake_clock)
    assert text(view.set_info(single)) == ["30 s per side"]


def test_set_info_of_a_hold_a_run_a_rest_and_a_lead_in(fake_clock: FakeClock) -> None:
    engine = engine_for(hold(), clock=fake_clock)
    goto(engine, fake_clock, Phase.WORK, "left", 1)
    assert text(view.set_info(engine)) == ["Set 1 of 2 - hold 30 s"]
    goto(engine, fake_clock, Phase.REST, "left", 1)
    assert text(view.set_info(engine)) == ["Set 1 of 2 - hold 30 s"]  # a hold's rest: the hold
    reps = engine_for(clams(), clock=fake_clock)
    goto(reps, fake_clock, Phase.SWITCH, "right", 1)
    assert text(view.set_info(reps)) == ["Set 1 of 2 - target 10-12 reps"]
    goto(reps, fake_clock, Phase.REST, "left", 1)
    assert text(view.set_info(reps)) == ["Rest after set 1 of 2 - Enter to start the next set"]
    run = SessionEngine(replace(make_routine(hold(per_side=False)), category="running"), fake_clock)
    goto(run, fake_clock, Phase.WORK, "both", 1)
    assert text(view.set_info(run)) == ["Side hold - 30 s"]


def test_set_info_of_a_reps_set_counts_the_reps_or_shows_the_pacer(fake_clock: FakeClock) -> None:
    engine = engine_for(clams(tempo=Tempo(2, 1, 2)), clock=fake_clock)
    goto(engine, fake_clock, Phase.WORK, "left", 1)
    engine.adjust(+1)
    lines = view.set_info(engine)
    assert text(lines) == [
        "Set 1 of 2 - target 10-12 reps - tempo: 2 s up, 1 s hold, 2 s down",
        "Done: 11  (+/- to change, Enter when the set is done)",
    ]
    assert styled(lines) == [("10-12 reps", "b"), ("11", "b")]
    paced = view.set_info(engine, pacer_status="Rep 4 of 12 - HOLD")
    assert text(paced)[1] == "Rep 4 of 12 - HOLD  (Enter ends the set with the reps done)"
    assert styled(paced)[-1] == ("Rep 4 of 12 - HOLD", "b")


def test_set_info_at_the_end_says_enter_rates_once_the_rating_was_closed(
    fake_clock: FakeClock,
) -> None:
    engine = engine_for(hold(sets=1), clock=fake_clock)
    walk_to_pain(engine, fake_clock)
    assert text(view.set_info(engine)) == [""]
    assert text(view.set_info(engine, rating_closed=True)) == [
        "Every set is recorded. Enter to rate your pain; q to stop here."
    ]


def test_intro_lines_put_the_cautions_first_then_the_rest_in_order() -> None:
    exercise = hold(
        cautions=("Stop if it pinches.",),
        equipment=("a mat", "a wall"),
        steps=("Lie down.", "Lift."),
        errors=("Rolling back.",),
        frequency="daily",
    )
    lines = view.intro_lines(exercise)
    assert text(lines) == [
        "! Stop if it pinches.",
        "the hip",
        "You need: a mat, a wall",
        "1. Lie down.",
        "2. Lift.",
        "Common errors:",
        "x Rolling back.",
        "How often: daily",
    ]
    assert styled(lines) == [
        ("! Stop if it pinches.", "yellow"),
        ("the hip", "dim"),
        ("You need:", "b"),
        ("Common errors:", "b"),
        ("How often:", "b"),
    ]
    bare = view.intro_lines(hold(frequency=""))
    assert text(bare) == ["the hip", "1. Do it."]


@pytest.mark.parametrize("level", [0, 1, 2, 5])
def test_guide_shows_the_progression_taken_then_the_intro_or_the_cues(
    fake_clock: FakeClock, level: int
) -> None:
    exercise = hold(progressions=("Hold 45 s.", "Add a band."))
    engine = engine_for(exercise, clock=fake_clock)
    step = exercise.progressions[min(level, 2) - 1]
    taken = [f"+ Your progression: {step}"] if level else []
    levels = {"side-hold": level}
    assert text(view.guide(engine, levels)) == [*taken, *text(view.intro_lines(exercise))]
    engine.done()
    guide = view.guide(engine, levels)
    assert text(guide) == [*taken, "- Breathe."]
    assert styled(guide) == [(line, "green") for line in taken]


def test_guide_without_an_exercise_is_empty(fake_clock: FakeClock) -> None:
    engine = engine_for(hold(sets=1), clock=fake_clock)
    walk_to_pain(engine, fake_clock)
    assert text(view.guide(engine, {})) == [""]
    assert view.session_view(engine).exercise == ""


def test_next_text_skips_lead_ins(fake_clock: FakeClock) -> None:
    engine = engine_for(hold(sets=1), clams(sets=1), clock=fake_clock)
    assert view.next_text(engine) == "Next: left leg, set 1 of 1"
    engine.done()  # the get-ready: what is on screen is the set it leads into
    assert view.next_text(engine) == "Next: right leg, set 1 of 1"
    goto(engine, fake_clock, Phase.WORK, "right", 1)
    assert view.next_text(engine) == "Next: Clam"
    walk_to_pain(engine, fake_clock)
    assert view.next_text(engine) == "Next: the summary"
    engine.rate_pain(0)
    assert view.next_text(engine) == ""


def test_session_view_gathers_every_part(fake_clock: FakeClock) -> None:
    engine = engine_for(hold(), clock=fake_clock)
    engine.done()
    shown = view.session_view(engine, progressions={"side-hold": 0})
    assert shown == view.SessionView(
        header=view.header(engine),
        exercise="Side hold",
        banner_side="left",
        banner="GET READY - LEFT LEG",
        countdown=view.Countdown(READY_SECONDS, READY_SECONDS),
        set_info=((("Set 1 of 2 - hold 30 s", ""),),),
        guide=((("- Breathe.", ""),),),
        next="Next: right leg, set 1 of 2",
    )


def test_keys_offered_follow_the_step(fake_clock: FakeClock) -> None:
    engine = engine_for(clams(sets=1), clock=fake_clock)

    def offered(pacing: bool = False, closed: bool = False) -> set[str]:
        actions = set(SessionAction) - {SessionAction.SKIP_EXERCISE, SessionAction.SCORE_SPIKE}
        return {a.value for a in actions if view.offered(engine, a, pacing, closed)}

    assert offered() == {"done", "skip", "pain_spike", "quit_session"}  # the intro
    engine.done()
    assert offered() == {"done", "skip", "back", "adjust", "pain_spike", "quit_session"}
    assert "pause" in offered(pacing=True)
    walk_to_pain(engine, fake_clock)
    assert offered() == {"quit_session"}
    assert offered(closed=True) == {"done", "quit_session"}


def test_enter_says_start_on_an_intro(fake_clock: FakeClock) -> None:
    engine = engine_for(hold(), clock=fake_clock)
    assert view.enter_word(engine, "Done") == "Start"
    engine.done()
    assert view.enter_word(engine, "Done") == "Done"


def test_pain_noted_names_the_side_the_exercise_the_score_the_pause_and_the_first_caution(
    fake_clock: FakeClock,
) -> None:
    from itb_tui.core.history.records import Knees

    engine = engine_for(
        hold(name="Pigeon", cautions=("Stop if it pinches.", "Other.")), clock=fake_clock
    )
    goto(engine, fake_clock, Phase.WORK, "left", 1)
    engine.pain_spike()  # it pauses the hold
    said = view.pain_noted(engine, "left")
    assert said == "Pain noted (left) in Pigeon, no score. Paused. Stop if it pinches."
    engine.score_spike(Knees(), 4)
    engine.toggle_pause()
    assert (
        view.pain_noted(engine, "left") == "Pain noted (left) in Pigeon: 4/10. Stop if it pinches."
    )
    plain = engine_for(hold(name="Pigeon"), clock=fake_clock)
    goto(plain, fake_clock, Phase.WORK, "left", 1)
    plain.pain_spike()
    plain.score_spike(Knees(2, 5))
    said = view.pain_noted(plain, "both knees", per_knee=True)
    knees = "in Pigeon: L 2 / R 5. Paused. k: score each knee."
    assert said == f"Pain noted (both knees) {knees} {view.EASE_OFF}"


def test_a_pain_spike_scored_per_knee_is_offered_and_told_only_when_both_knees_hurt(
    fake_clock: FakeClock,
) -> None:
    from itb_tui.core.history.records import Knees

    engine = engine_for(hold(name="Pigeon"), clock=fake_clock)
    goto(engine, fake_clock, Phase.WORK, "left", 1)
    score = SessionAction.SCORE_SPIKE
    assert not view.offered(engine, score, False, False, per_knee=True)  # no spike yet
    engine.pain_spike()
    assert view.offered(engine, score, False, False, per_knee=True)
    assert not view.offered(engine, score, False, False, per_knee=False)
    assert "k: score each knee." in view.pain_noted(engine, "left", per_knee=True)
    assert "k: score" not in view.pain_noted(engine, "left")
    engine.score_spike(Knees(2, 5))
    assert engine.pain_spikes[-1].score == 5
    assert view.spike_exercise(engine) == "Pigeon"
    assert view.spike_scored(engine) == "Pain during Pigeon: L 2 / R 5."
    engine.toggle_pause()  # the spike paused the hold
    walk_to_pain(engine, fake_clock)
    assert not view.offered(engine, score, False, False, per_knee=True)  # at the end


def test_the_figure_shown_is_the_exercise_in_hand(fake_clock: FakeClock) -> None:
    from tests.figures import bridge

    figure = bridge()
    engine = engine_for(hold(figure=figure), clock=fake_clock)
    assert view.figure(engine) is figure
    walk_to_pain(engine, fake_clock)
    assert view.figure(engine) is None
