"""program.toml's readiness tests: the shipped ones load; broken ones give precise messages."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from itb_tui.core.content.library import load_library
from itb_tui.core.content.program import load_program
from itb_tui.core.content.readiness_tests import exercise_kinds
from itb_tui.core.content.validate import ContentError
from itb_tui.core.store.paths import content_dir
from tests.unit.content.program_helpers import PROGRAM, ROUTINE_IDS, write

KINDS = exercise_kinds(load_library(content_dir()).exercises)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_program(path, ROUTINE_IDS, KINDS)
    return caught.value.problems


def test_the_shipped_tests_follow_the_sources() -> None:
    program = load_program(PROGRAM, ROUTINE_IDS, KINDS)
    found = {t.id: (t.exercise, t.target, t.pass_rule) for t in program.readiness_tests}
    assert found["hip-abduction"] == ("side-lying-hip-abduction", (30, 30), "each-side")
    assert found["single-leg-squat"] == ("one-legged-squat", (10, 10), "each-side")
    assert program.enabled_tests == program.readiness_tests
    assert program.readiness.side_ratio_pct == 85
    assert program.readiness.tests_from == date(2026, 12, 7)


def first_test(change: dict[str, Any]) -> Any:
    def apply(data: dict[str, Any]) -> None:
        data["readiness_test"][0].update(change)

    return apply


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"exercise": "moonwalk"}, "field 'exercise': expected the id of a known exercise"),
        ({"pass_rule": "timed"}, "field 'pass_rule': expected 'each-side' (the exercise counts"),
        ({"target": 0}, "field 'target': expected a whole number from 1 to 120, got 0"),
        ({"target": [20, 10]}, "field 'target': expected [low, high]"),
        ({"valid_days": 0}, "field 'valid_days': expected a whole number from 1 to 365"),
        ({"work_on": ["moonwalk"]}, "field 'work_on': expected ids of known exercises"),
        ({"after": ["nothing"]}, "field 'after': expected ids of other readiness tests"),
        ({"after": ["single-leg-squat"]}, "the tests wait for each other in a loop"),
        ({"enabled": "no"}, "field 'enabled': expected true or false"),
        ({"sorce": "001"}, "unknown field 'sorce'"),
    ],
)
def test_a_broken_test_is_named_with_its_field(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    def loop(data: dict[str, Any]) -> None:
        first_test(change)(data)
        if change.get("after") == ["single-leg-squat"]:
            data["readiness_test"][1]["after"] = ["hip-abduction"]

    found = problems_of(write(tmp_path, loop))
    assert any("readiness_test" in p and message in p for p in found), found


def test_a_bad_readiness_table_is_named(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["readiness"] = {"side_ratio_pct": 20, "tests_from": "soon"}

    found = "\n".join(problems_of(write(tmp_path, change)))
    assert "field 'side_ratio_pct': expected a whole number from 50 to 100" in found
    assert "field 'tests_from': expected a date such as 2026-12-07" in found


def test_a_program_without_tests_asks_for_none(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        del data["readiness_test"], data["readiness"]

    program = load_program(write(tmp_path, change), ROUTINE_IDS, KINDS)
    assert program.readiness_tests == () and program.readiness.tests_from == date.min
