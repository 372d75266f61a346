"""program.toml: the shipped file validates; broken files give precise messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from itb_tui.core.content.program import WARNING_SIGN_IDS, Program, load_program
from itb_tui.core.content.validate import ContentError
from tests.unit.content.program_helpers import PROGRAM, ROUTINE_IDS, write


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_program(path, ROUTINE_IDS)
    return caught.value.problems


def test_shipped_program_validates() -> None:
    program = load_program(PROGRAM, ROUTINE_IDS)
    assert [p.id for p in program.phases] == ["calm", "roll", "strengthen", "stretch"]
    assert program.phases[3].ongoing and program.phases[0].weeks == (1, 2)
    assert [w.week for w in program.return_to_running.weeks] == [1, 2, 3, 4]
    assert tuple(s.id for s in program.warning_signs) == WARNING_SIGN_IDS
    assert program.red_flag("no-improvement") is not None
    assert program.return_to_running.min_pain_free_days == 5
    assert program.form_tips and program.cross_training
    assert "not medical advice" in program.disclaimer
    for phase in program.phases:
        assert set(phase.routines) <= ROUTINE_IDS


def test_phase_weeks_and_run_week_lookup() -> None:
    program: Program = load_program(PROGRAM, ROUTINE_IDS)
    calm, _roll, strengthen, stretch = program.phases
    assert calm.covers(2) and not calm.covers(3)
    assert not strengthen.covers(1) and strengthen.covers(8) and not strengthen.covers(9)
    assert stretch.covers(1) and stretch.covers(200)
    assert calm.weeks_text() == "weeks 1-2" and stretch.weeks_text() == "from week 1"
    rtr = program.return_to_running
    assert rtr.week(1).minutes == (10, 15)
    assert rtr.week(9) == rtr.week(4)
    assert not rtr.week(1).has_long_run and rtr.week(3).has_long_run


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


CASES = [
    (
        _set(("phase", 1, "routines"), ["foam-rolling", "nope"]),
        "phase 2 'roll': field 'routines': expected ids of known routines, got 'nope'",
    ),
    (
        _set(("phase", 0, "colour"), "red"),
        "phase 1 'calm': unknown field 'colour'",
    ),
    (
        _set(("phase", 2, "weeks"), [8, 2]),
        "phase 3 'strengthen': field 'weeks': expected [first, last] with 1 <= first <= last",
    ),
    (
        _set(("phase", 1, "id"), "calm"),
        "phase 'calm' is defined twice",
    ),
    (
        _set(("phase", 0, "id"), "Calm Down"),
        "phase 1: field 'id': expected an id in lowercase-kebab-case",
    ),
    (
        _drop(("disclaimer",)),
        "field 'disclaimer': expected a value (it is required)",
    ),
    (
        _set(("schema_version",), 2),
        "schema_version 2 is newer than this itb-tui understands (1)",
    ),
    (
        _set(("return_to_running", "week", 1, "week"), 3),
        "field 'return_to_running': week 2: field 'week': expected 2 (weeks are numbered",
    ),
    (
        _set(("return_to_running", "week", 0, "runs_per_week"), 5),
        "week 1: field 'runs_per_week': expected at most 4 when alternate_days is true, got 5",
    ),
    (
        _set(("return_to_running", "week", 0, "minutes"), [15, 10]),
        "week 1: field 'minutes': expected [low, high] with 1 <= low <= high <= 300",
    ),
    (
        _set(("return_to_running", "pre_run_routine"), "warm-up"),
        "field 'pre_run_routine': expected the id of a known routine, got 'warm-up'",
    ),
    (
        _set(("return_to_running", "recommended_pain_free_days"), 3),
        "field 'recommended_pain_free_days': expected at least min_pain_free_days (5), got 3",
    ),
    (
        _set(("return_to_running", "min_rehab_weeks"), "four"),
        "field 'min_rehab_weeks': expected a whole number from 0 to 104, got 'four'",
    ),
    (
        _set(("warning_sign", 3, "id"), "knee-hurts"),
        "warning_sign 4 'knee-hurts': field 'id': expected one of 'run-pain-worsens'",
    ),
    (
        _set(("warning_sign", 3, "id"), "knee-hurts"),
        "warning_sign 'swelling' is missing (the app detects it)",
    ),
    (
        _drop(("red_flag", 0, "why")),
        "red_flag 1 'no-weight-bearing': field 'why': expected a value (it is required)",
    ),
    (
        _set(("form", "cross_training"), "swim"),
        "field 'form': field 'cross_training': expected a list of non-empty strings",
    ),
    (
        _set(("phase",), []),
        "field 'phase': expected at least one entry",
    ),
    (
        _set(("return_to_running", "max_single_run_increase_pct"), 0),
        "field 'max_single_run_increase_pct': expected a whole number from 1 to 100, got 0",
    ),
    (
        _drop(("return_to_running", "single_run_window_days")),
        "field 'single_run_window_days': expected a value (it is required)",
    ),
]


@pytest.mark.parametrize(("change", "message"), CASES)
def test_bad_program_names_file_entry_field_and_expectation(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    path = write(tmp_path, change)
    problems = problems_of(path)
    assert any(message in p for p in problems), problems
    assert all(p.startswith(str(path)) for p in problems)


def test_empty_tips_list_is_accepted(tmp_path: Path) -> None:
    program = load_program(write(tmp_path, _set(("form", "tips"), [])), ROUTINE_IDS)
    assert program.form_tips == ()


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["phase"][0]["weeks"] = [0, 2]
        data["return_to_running"]["post_run_routine"] = "sauna"
        data["red_flag"][1]["colour"] = "red"

    problems = problems_of(write(tmp_path, change))
    assert len(problems) == 3, problems
    assert "phase 1 'calm': field 'weeks'" in problems[0]
    assert "field 'post_run_routine': expected the id of a known routine" in problems[1]
    assert problems[2].endswith("red_flag 2 'swelling-instability': unknown field 'colour'")


def test_phase_routines_are_checked_against_the_given_ids() -> None:
    with pytest.raises(ContentError) as caught:
        load_program(PROGRAM, ROUTINE_IDS - {"hip-strength"})
    problems = caught.value.problems
    assert problems == [
        f"{PROGRAM}: phase 3 'strengthen': field 'routines': "
        "expected ids of known routines, got 'hip-strength'"
    ]


def test_not_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "program.toml"
    path.write_text("phase = [", "utf-8")
    problems = problems_of(path)
    assert problems[0].startswith(f"{path}: is not valid TOML")
