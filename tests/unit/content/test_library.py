"""The shipped content, and the messages a broken content file gets."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from itb_tui.core.content.library import (
    CONTENT_SCHEMA,
    INTRO_SECONDS,
    READY_SECONDS,
    TIMED_KINDS,
    Library,
    load_library,
)
from itb_tui.core.content.validate import read_toml
from itb_tui.core.store.paths import Paths, content_dir
from tests.unit.content.library_helpers import content as content  # the fixture: a copy to break
from tests.unit.content.library_helpers import edit, problems_of

REQUIRED_ROUTINES = (
    "quick-mobility",
    "foam-rolling",
    "hip-strength",
    "daily-stretch",
    "pre-run",
    "ice",
)


def entry(path: Path, noun: str, ident: str) -> str:
    """How messages name an entry: '<file>: exercise 12 'couch-stretch''."""
    ids = [t["id"] for t in tomllib.loads(path.read_text(encoding="utf-8"))[noun]]
    return f"{path}: {noun} {ids.index(ident) + 1} '{ident}'"


USER_EXERCISE = """
[[exercise]]
id = "wall-sit"
name = "Wall sit"
kind = "hold"
per_side = false
sets = 2
duration_s = 40
rest_s = 30
frequency = "Every other day"
targets = "The thighs."
equipment = []
steps = ["Slide down the wall.", "Hold."]
cues = ["Knees over toes."]
errors = []
source = "mine"
"""


# -- the shipped content ------------------------------------------------------------------------
def test_every_shipped_file_is_valid_toml_of_this_schema() -> None:
    files = sorted(content_dir().glob("*.toml"))
    assert {f.name for f in files} >= {"exercises.toml", "routines.toml"}
    for path in files:
        assert read_toml(path)["schema_version"] == CONTENT_SCHEMA, path


def test_the_shipped_library_loads(library: Library) -> None:
    assert len(library.exercises) >= 15
    assert len(library.routines) >= len(REQUIRED_ROUTINES)
    for ident, exercise in library.exercises.items():
        assert exercise.id == ident
        assert exercise.steps and exercise.cues and exercise.name
        if exercise.timed:
            assert exercise.duration_s and exercise.reps is None
            if exercise.duration_range_s:
                low, high = exercise.duration_range_s
                assert low <= exercise.duration_s <= high, ident
        else:
            assert exercise.reps and exercise.duration_s is None
        assert exercise.tempo is None or exercise.kind not in TIMED_KINDS


def test_every_routine_item_names_an_existing_exercise(library: Library) -> None:
    for routine in library.routines.values():
        assert routine.items, routine.id
        assert routine.origin == "shipped"
        for item in routine.items:
            shipped = library.exercises[item.id]
            assert (item.kind, item.per_side, item.steps) == (
                shipped.kind,
                shipped.per_side,
                shipped.steps,
            )


def test_the_program_names_existing_routines(library: Library) -> None:
    path = content_dir() / "program.toml"
    if not path.exists():
        pytest.skip("no program.toml")
    data = read_toml(path)
    named = [r for phase in data.get("phase", []) for r in phase.get("routines", [])]
    named += [v for k, v in data.get("return_to_running", {}).items() if k.endswith("_routine")]
    assert named
    assert set(named) <= set(library.routines)


@pytest.mark.parametrize("ident", REQUIRED_ROUTINES)
def test_required_routines_exist_with_a_duration(library: Library, ident: str) -> None:
    routine = library.routine(ident)
    assert routine.id == ident
    assert routine.estimated_seconds() > INTRO_SECONDS
    assert routine.estimated_minutes() > 0


def test_routine_doses_override_the_exercise(library: Library) -> None:
    quick = library.routine("quick-mobility")
    assert [i.id for i in quick.items] == ["quad-roll", "couch-stretch", "glute-massage", "pigeon"]
    assert quick.items[3].duration_s == 120
    pre_run = library.routine("pre-run")
    tfl = pre_run.items[0]
    assert (tfl.id, tfl.duration_s, tfl.sets) == ("tfl-release", 60, 1)
    assert library.exercises["tfl-release"].duration_s == 90
    assert pre_run.items[1].sets == 1 and library.exercises["clamshell"].sets == 3


def test_estimated_seconds_of_a_timer(library: Library) -> None:
    ice = library.routine("ice")
    minutes = ice.items[0].duration_s
    assert minutes is not None
    assert ice.estimated_seconds() == INTRO_SECONDS + minutes + READY_SECONDS
    assert ice.estimated_minutes() == round((INTRO_SECONDS + minutes + READY_SECONDS) / 60)


def test_unknown_routine_lists_the_known_ones(library: Library) -> None:
    with pytest.raises(KeyError, match=r"no routine called 'nope'.*hip-strength"):
        library.routine("nope")


# -- broken files -------------------------------------------------------------------------------
def test_wrong_type(content: Path) -> None:
    path = content / "exercises.toml"
    where = entry(path, "exercise", "quad-roll")
    edit(path, "sets = 1\nduration_s = 150", 'sets = "one"\nduration_s = 150')
    edit(path, "per_side = true", 'per_side = "yes"')
    problems = problems_of(content)
    assert problems[:2] == [
        f"{where}: field 'sets': expected a whole number from 1 to 20, got 'one'",
        f"{where}: field 'per_side': expected true or false, got 'yes'",
    ]


def test_weight_bearing_is_true_or_false(content: Path) -> None:
    path = content / "exercises.toml"
    where = entry(path, "exercise", "lateral-band-walk")
    edit(path, "weight_bearing = true", 'weight_bearing = "standing"')
    expected = f"{where}: field 'weight_bearing': expected true or false, got 'standing'"
    assert problems_of(content)[0] == expected


def test_unknown_field(content: Path) -> None:
    path = content / "exercises.toml"
    where = entry(path, "exercise", "quad-roll")
    edit(path, 'id = "quad-roll"\n', 'id = "quad-roll"\ncolour = "red"\n')
    assert problems_of(content)[0] == f"{where}: unknown field 'colour'"


def test_missing_field(content: Path) -> None:
    path = content / "exercises.toml"
    where = entry(path, "exercise", "quad-roll")
    edit(path, 'frequency = "After a workout or in a separate mobility session"\n', "")
    assert problems_of(content)[0] == (
        f"{where}: field 'frequency': expected a value (it is required)"
    )


def test_reps_on_a_hold(content: Path) -> None:
    path = content / "exercises.toml"
    where = entry(path, "exercise", "couch-stretch")
    edit(path, 'id = "couch-stretch"\n', 'id = "couch-stretch"\nreps = [5, 10]\n')
    assert problems_of(content)[0] == (
        f"{where}: field 'reps': expected no 'reps' for a hold exercise (use duration_s)"
    )


def test_duration_on_a_counted_exercise(content: Path) -> None:
    path = content / "exercises.toml"
    where = entry(path, "exercise", "clamshell")
    edit(path, 'id = "clamshell"\n', 'id = "clamshell"\nduration_s = 30\n')
    assert problems_of(content)[0] == (
        f"{where}: field 'duration_s': expected no 'duration_s' for a reps exercise (use reps)"
    )


def test_bad_id(content: Path) -> None:
    path = content / "exercises.toml"
    edit(path, 'id = "quad-roll"', 'id = "Quad_Roll"')
    assert problems_of(content)[0] == (
        f"{path}: exercise 1: field 'id': expected an id in lowercase-kebab-case "
        "such as 'glute-bridge', got 'Quad_Roll'"
    )


def test_unknown_exercise_in_a_routine(content: Path) -> None:
    path = content / "routines.toml"
    where = entry(path, "routine", "quick-mobility")
    edit(path, 'exercise = "quad-roll"', 'exercise = "quad-rol"')
    assert problems_of(content) == [
        f"{where}: item 1: field 'exercise': expected the id of a known exercise, got 'quad-rol'"
    ]


def test_reps_on_a_timed_routine_item(content: Path) -> None:
    path = content / "routines.toml"
    where = entry(path, "routine", "quick-mobility")
    edit(path, 'exercise = "quad-roll"\nduration_s = 150', 'exercise = "quad-roll"\nreps = [5, 8]')
    assert problems_of(content) == [
        f"{where}: item 1: field 'reps': expected no 'reps' for a roll exercise (use duration_s)"
    ]


def test_routine_without_items(content: Path) -> None:
    path = content / "routines.toml"
    where = entry(path, "routine", "ice")
    edit(path, '[[routine.items]]\nexercise = "ice"\n', "items = []\n")
    assert problems_of(content) == [f"{where}: field 'items': expected at least one item"]


def test_invalid_toml_names_line_and_column(content: Path) -> None:
    path = content / "routines.toml"
    edit(path, 'category = "mobility"', 'category = = "mobility"')
    line = path.read_text(encoding="utf-8").splitlines().index('category = = "mobility"') + 1
    problems = problems_of(content)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: is not valid TOML: ")
    assert re.search(rf"\(at line {line}, column \d+\)", problems[0])


def test_not_utf8(content: Path) -> None:
    path = content / "exercises.toml"
    path.write_bytes(path.read_bytes().replace(b"Quad roll", b"Quad \xff roll"))
    problems = problems_of(content)
    assert problems[0].startswith(f"{path}: is not UTF-8 text (byte ")


def test_missing_file(content: Path) -> None:
    path = content / "routines.toml"
    path.unlink()
    assert problems_of(content)[0].startswith(f"{path}: cannot be read")


def test_schema_version_too_new(content: Path) -> None:
    path = content / "exercises.toml"
    edit(path, "schema_version = 1", "schema_version = 2")
    assert problems_of(content) == [
        f"{path}: schema_version 2 is newer than this itb-tui understands (1); "
        "upgrade itb-tui to read it"
    ]


def test_schema_version_missing(content: Path) -> None:
    path = content / "routines.toml"
    edit(path, "schema_version = 1\n", "")
    assert problems_of(content) == [
        f"{path}: field 'schema_version': expected a value (it is required)"
    ]


def test_id_defined_twice_in_a_file(content: Path) -> None:
    path = content / "routines.toml"
    text = path.read_text(encoding="utf-8")
    ice = text[text.index('[[routine]]\nid = "ice"') :].split("\n\n")[0]
    path.write_text(text + "\n" + ice + "\n", encoding="utf-8")
    assert problems_of(content) == [f"{path}: routine 'ice' is defined twice"]


def test_every_problem_is_reported(content: Path) -> None:
    exercises, routines = content / "exercises.toml", content / "routines.toml"
    edit(exercises, 'id = "ice"\n', 'id = "ice"\nwrong = 1\n')
    edit(routines, 'category = "stretch"', 'category = "stretching"')
    problems = problems_of(content)
    assert any(
        p.startswith(f"{entry(exercises, 'exercise', 'ice')}: unknown field") for p in problems
    )
    assert f"{entry(routines, 'routine', 'daily-stretch')}: field 'category': expected one of " in (
        "".join(problems)
    )
    assert len(problems) == 3  # the third: the ice routine now names an unknown exercise


# -- the user's own content ---------------------------------------------------------------------
def test_user_content_adds_and_overrides(library: Library, paths: Paths) -> None:
    paths.config.mkdir(parents=True)
    paths.user_content.write_text(
        USER_EXERCISE
        + """
[[routine]]
id = "my-routine"
name = "Mine"
category = "strength"
summary = "Wall sit and clamshells."
description = "My own."
[[routine.items]]
exercise = "wall-sit"
[[routine.items]]
exercise = "clamshell"
sets = 1

[[routine]]
id = "ice"
name = "Short ice"
category = "recovery"
summary = "Ten minutes."
description = "Shorter."
[[routine.items]]
exercise = "ice"
duration_s = 600
""",
        encoding="utf-8",
    )
    mine = load_library(content_dir(), paths.user_content)
    assert set(mine.exercises) == {*library.exercises, "wall-sit"}
    assert set(mine.routines) == {*library.routines, "my-routine"}
    wall = mine.exercises["wall-sit"]
    assert (wall.kind, wall.sets, wall.duration_s, wall.equipment) == ("hold", 2, 40, ())
    routine = mine.routine("my-routine")
    assert routine.origin == "yours"
    assert [(i.id, i.sets) for i in routine.items] == [("wall-sit", 2), ("clamshell", 1)]
    ice = mine.routine("ice")
    assert (ice.name, ice.origin, ice.items[0].duration_s) == ("Short ice", "yours", 600)
    assert library.routine("ice").items[0].duration_s == 900
    assert mine.routine("hip-strength") == library.routine("hip-strength")


def test_user_exercise_overrides_a_shipped_one_everywhere(paths: Paths) -> None:
    shipped = (content_dir() / "exercises.toml").read_text(encoding="utf-8")
    start = shipped.index('[[exercise]]\nid = "clamshell"')
    clamshell = shipped[start : shipped.index("[[exercise]]", start + 1)]
    paths.config.mkdir(parents=True)
    paths.user_content.write_text(clamshell.replace("sets = 3", "sets = 2"), encoding="utf-8")
    mine = load_library(content_dir(), paths.user_content)
    assert mine.exercises["clamshell"].sets == 2
    assert mine.routine("hip-strength").items[0].sets == 2
    assert mine.routine("pre-run").items[1].sets == 1  # the routine's own dose still wins


def test_missing_user_file_is_fine(library: Library, paths: Paths) -> None:
    assert not paths.user_content.exists()
    assert load_library(content_dir(), paths.user_content) == library


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            '\n[[routine]]\nid = "mine"\nname = "Mine"\ncategory = "strength"\nsummary = "s"\n'
            'description = "d"\n[[routine.items]]\nexercise = "no-such"\n',
            "{path}: routine 1 'mine': item 1: field 'exercise': expected the id of a known "
            "exercise, got 'no-such'",
        ),
        (
            "schema_version = 2\n",
            "{path}: schema_version 2 is newer than this itb-tui understands (1); "
            "upgrade itb-tui to read it",
        ),
        ("oops = 1\n", "{path}: unknown field 'oops'"),
    ],
)
def test_user_file_problems_name_the_user_file(paths: Paths, extra: str, expected: str) -> None:
    paths.config.mkdir(parents=True)
    paths.user_content.write_text(extra + USER_EXERCISE, encoding="utf-8")
    assert problems_of(content_dir(), paths.user_content) == [
        expected.format(path=paths.user_content)
    ]


def test_deeply_nested_user_file_is_a_content_error(paths: Paths) -> None:
    paths.config.mkdir(parents=True)
    paths.user_content.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    problems = problems_of(content_dir(), paths.user_content)
    assert len(problems) == 1
    assert problems[0].startswith(f"{paths.user_content}: is not valid TOML: ")
