"""A session that fits the day: cut by priority, never over the minutes, both sides."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itb_tui.core.content.library import Routine
from itb_tui.core.history.records import BOTH
from itb_tui.core.session.short_session import (
    MAX_MINUTES,
    MIN_MINUTES,
    TooShort,
    ranked,
    short_session,
)
from itb_tui.core.session.steps import Phase, build_steps, side_order
from tests.examples import examples
from tests.factories import shipped_library
from tests.unit.content.library_helpers import content, edit, problems_of  # noqa: F401

LIBRARY = shipped_library()
HIP = LIBRARY.routine("hip-strength")
STRENGTH_ROUTINES = [r for r in LIBRARY.routines.values() if r.category == "strength"]


def test_the_shipped_hip_session_ranks_the_hip_abductors_first() -> None:
    assert [item.id for item in ranked(HIP)][:3] == [
        "clamshell",
        "side-lying-hip-abduction",
        "single-leg-glute-bridge",
    ]


def test_fifteen_minutes_of_hip_strength() -> None:
    short = short_session(HIP, 15)
    assert short.short_minutes == 15
    assert short.name == "Hip strength, 15 min"
    assert short.estimated_seconds() <= 15 * 60
    assert [item.id for item in short.items][:3] == [item.id for item in ranked(HIP)][:3]
    assert all(item.sets < full.sets for item, full in zip(short.items, ranked(HIP), strict=False))


def test_fewer_minutes_keep_fewer_exercises_from_the_top() -> None:
    assert [item.id for item in short_session(HIP, 5).items] == ["clamshell"]
    assert len(short_session(HIP, 10).items) < len(short_session(HIP, 15).items)


def test_more_time_gives_more_sets_to_the_first_exercise_first() -> None:
    twenty = short_session(HIP, 20)
    assert twenty.items[0].sets == 2  # half of 3, rounded up
    assert twenty.items[1].sets == 1  # no room for a second set of the next one


def test_too_few_minutes_for_one_exercise_is_refused() -> None:
    with pytest.raises(TooShort, match="Hip strength needs at least 4 minutes"):
        short_session(HIP, 3)


def test_an_item_without_priority_comes_after_the_ranked_ones() -> None:
    loose = replace(HIP, priorities=(None, 2, None, 1))
    assert [item.id for item in ranked(loose)] == [
        "single-leg-glute-bridge",
        "side-lying-hip-abduction",
        "clamshell",
        "glute-bridge",
        "lateral-band-walk",
        "single-leg-box-squat",
    ]


def test_priority_is_checked_in_the_content(content: Path) -> None:  # noqa: F811
    path = content / "routines.toml"
    edit(path, 'exercise = "clamshell"\npriority = 1', 'exercise = "clamshell"\npriority = 0')
    assert any(
        "field 'priority': expected a whole number from 1 to 99, got 0" in problem
        for problem in problems_of(content)
    )


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    """A shipped strength routine with priorities shuffled, some left out."""
    routine = draw(st.sampled_from(STRENGTH_ROUTINES))
    priorities = draw(
        st.lists(
            st.none() | st.integers(1, 99), min_size=len(routine.items), max_size=len(routine.items)
        )
    )
    return replace(routine, priorities=tuple(priorities))


@settings(max_examples=examples(150), deadline=None)
@given(
    routine=routines(),
    minutes=st.integers(MIN_MINUTES, MAX_MINUTES),
    weaker=st.sampled_from([None, "left", "right"]),
)
def test_never_over_the_minutes_both_sides_weaker_first_highest_priority_first(
    routine: Routine, minutes: int, weaker: str | None
) -> None:
    try:
        short = short_session(routine, minutes)
    except TooShort:
        first = replace(ranked(routine)[0], sets=1)
        assert first.estimated_seconds() > minutes * 60
        return
    assert short.estimated_seconds() <= minutes * 60
    order = ranked(routine)
    kept = [item.id for item in short.items]
    assert kept == [item.id for item in order[: len(kept)]]  # the top of the ranking, in order
    pairs = zip(short.items, order, strict=False)
    assert all(1 <= item.sets <= (full.sets + 1) // 2 for item, full in pairs)
    sides = side_order(weaker)
    for index, item in enumerate(short.items):
        work = [s for s in build_steps(short, sides) if s.phase is Phase.WORK and s.item == index]
        if item.per_side:
            assert [s.side for s in work] == list(sides) * item.sets
        else:
            assert [s.side for s in work] == [BOTH] * item.sets


@pytest.mark.parametrize(
    ("minutes", "message"),
    [("3", "'3' is not a number of minutes from 5 to 120"), ("abc", "'abc' is not a number")],
)
def test_itb_start_refuses_minutes_out_of_range(
    minutes: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from itb_tui import cli

    args = ["--data-dir", str(tmp_path / "d"), "--config-dir", str(tmp_path / "c")]
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*args, "start", "hip-strength", "--minutes", minutes])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
