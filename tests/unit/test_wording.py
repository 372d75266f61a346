"""Words and numbers as shown: plurals, empty values, names rather than ids."""

from __future__ import annotations

from datetime import UTC, datetime

from itb_tui.core.history.records import ExerciseResult, PainSpike, SessionRecord
from itb_tui.tui.screens.resume import resume_screen
from itb_tui.tui.screens.summary import summary_text
from tests.factories import result, session

AT = datetime(2026, 11, 20, 7, 30, tzinfo=UTC)


def record(*results: ExerciseResult, spikes: tuple[str, ...] = ()) -> SessionRecord:
    """A stopped five-minute strength session with a pain spike in each of ``spikes``."""
    return session(
        ident="s1",
        start=AT,
        minutes=5,
        completed=False,
        exercises=results,
        pain_spikes=[PainSpike(AT, ident, "left", 3) for ident in spikes],
    )


def bridge(done: dict[str, list[int]]) -> ExerciseResult:
    return result("glute-bridge", sets=3, **done)


def test_a_side_with_nothing_done_shows_no_empty_brackets() -> None:
    text = summary_text(record(bridge({"left": [12], "right": []}))).plain
    assert "Glute bridge: left 1/3 (12 reps), right 0/3\n" in text + "\n"
    assert "( reps)" not in text and "()" not in text


def test_one_second_and_one_rep_are_singular() -> None:
    hold = result("plank", both=[1], unit="seconds", name="Side plank")
    text = summary_text(record(hold, bridge({"left": [1], "right": [10, 12]}))).plain
    assert "Side plank: 1/1 (1 second)" in text
    assert "left 1/3 (1 rep), right 2/3 (10 12 reps)" in text


def test_pain_during_names_the_exercise() -> None:
    text = summary_text(record(bridge({"left": [12]}), spikes=("glute-bridge", "clamshell"))).plain
    assert "Pain noted during: Glute bridge, Clamshell" in text
    assert "glute-bridge" not in text


def test_the_resume_question_counts_sets_in_words() -> None:
    one = resume_screen(record(bridge({"left": [12]})), True)
    assert "1 set done." in one.text
    three = resume_screen(record(bridge({"left": [12, 12], "right": [3]})), True)
    assert "3 sets done." in three.text


def test_the_red_flag_summary_has_plain_punctuation() -> None:
    from itb_tui.core.content.program import RedFlag
    from itb_tui.tui.screens.red_flags import advice

    flags = [RedFlag("a", "The knee locks.", ""), RedFlag("b", "It is hot and red", "")]
    text = advice(flags).plain
    assert "You ticked: The knee locks; It is hot and red." in text
    assert ".;" not in text


def test_the_calendar_legend_explains_every_mark_a_day_can_show() -> None:
    from itb_tui.core.content.library import CATEGORIES
    from itb_tui.tui.screens.calendar import CATEGORY_MARKS, legend

    shown = legend().plain
    for category in CATEGORIES:
        assert category in CATEGORY_MARKS
        assert f"{CATEGORY_MARKS[category][0]} " in shown
    assert "O run" in shown
