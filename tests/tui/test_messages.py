"""The app's messages take their fields as dataclasses do: in order or by name, defaults
after; they are equal when their type and fields are, and show their fields."""

from __future__ import annotations

import pytest

from itb_tui.tui.messages import OpenPlace, PainReported, SetRunWeek, StartRoutine


def test_fields_in_order_by_name_and_by_default() -> None:
    started = StartRoutine("ice", minutes=5)
    assert (started.routine_id, started.replace, started.minutes) == ("ice", False, 5)
    assert StartRoutine("ice", True, 3).replace is True
    assert PainReported(7).swelling is None
    assert started.handler_name == "on_start_routine"  # still a Textual message


def test_equal_by_type_and_fields_and_shown_with_them() -> None:
    assert OpenPlace("red_flags") == OpenPlace("red_flags")
    assert OpenPlace("red_flags") != OpenPlace("check_in")
    assert SetRunWeek() == SetRunWeek()
    assert SetRunWeek() != StartRoutine("ice")  # type: ignore[comparison-overlap]
    assert repr(StartRoutine("ice")) == "StartRoutine(routine_id='ice', replace=False, minutes=0)"


@pytest.mark.parametrize(
    "make",
    [
        lambda: StartRoutine(),  # type: ignore[call-arg]
        lambda: StartRoutine("ice", colour="red"),  # type: ignore[call-arg]
        lambda: StartRoutine("ice", routine_id="ice"),  # type: ignore[misc]
        lambda: StartRoutine("ice", False, 5, 1),  # type: ignore[call-arg]
    ],
)
def test_a_missing_unknown_repeated_or_extra_field_is_refused(make: object) -> None:
    with pytest.raises(TypeError):
        make()  # type: ignore[operator]
