"""Escape sequences in content.toml never reach a terminal: refused when read, dropped when
written out."""

from __future__ import annotations

import dataclasses
import tomllib

import pytest

from itb_tui import cli
from itb_tui.core.content import library as library_module
from itb_tui.core.content.library import Library, load_library
from itb_tui.core.content.validate import ContentError
from itb_tui.core.store.paths import Paths, content_dir

CLEAR_AND_TITLE = "\x1b[2J\x1b]0;pwned\x07"

ROUTINE = """
[[routine]]
id = "mine"
name = "{name}"
category = "strength"
summary = "Mine."
description = "My own."
[[routine.items]]
exercise = "clamshell"
"""


@pytest.fixture
def paths() -> Paths:
    return Paths.resolve()


def test_a_name_with_an_escape_sequence_is_refused(paths: Paths) -> None:
    paths.config.mkdir(parents=True)
    routine = ROUTINE.format(name="Mine\\u001b[2J")
    paths.user_content.write_text(routine, encoding="utf-8")
    assert tomllib.loads(routine)["routine"][0]["name"] == "Mine\x1b[2J"
    with pytest.raises(ContentError) as info:
        load_library(content_dir(), paths.user_content)
    (problem,) = info.value.problems
    assert problem.startswith(f"{paths.user_content}: routine 1 'mine': field 'name': ")
    assert "expected text without control characters (found U+001B)" in problem
    assert "\x1b" not in problem


@pytest.mark.parametrize("char", ["\\u0007", "\\u009b", "\\u202e", "\\u007f"])
def test_a_step_with_a_control_character_is_refused(paths: Paths, char: str) -> None:
    shipped = (content_dir() / "exercises.toml").read_text(encoding="utf-8")
    start = shipped.index('[[exercise]]\nid = "clamshell"')
    clamshell = shipped[start : shipped.index("[[exercise]]", start + 1)]
    paths.config.mkdir(parents=True)
    hostile = clamshell.replace("steps = [", f'steps = ["Lie down{char}", ', 1)
    paths.user_content.write_text(hostile, encoding="utf-8")
    with pytest.raises(ContentError, match="field 'steps': expected text without control"):
        load_library(content_dir(), paths.user_content)


def test_line_breaks_and_tabs_in_a_description_are_fine(paths: Paths) -> None:
    paths.config.mkdir(parents=True)
    text = ROUTINE.format(name="Mine")
    text = text.replace('description = "My own."', 'description = """My\town\nlines."""')
    paths.user_content.write_text(text, encoding="utf-8")
    assert load_library(content_dir(), paths.user_content).routine("mine").name == "Mine"


def test_itb_routines_refuses_it_and_prints_no_escape(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.config.mkdir(parents=True)
    routine = ROUTINE.format(name="Mine\\u001b[2J")
    paths.user_content.write_text(routine, encoding="utf-8")
    assert cli.main(["routines"]) == 1
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err
    assert "found U+001B" in out.err


def test_names_reaching_the_shell_lose_their_controls(
    paths: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a name that got past the check (a cached or future source) is printed plain."""
    real = load_library

    def hostile(*args: object, **kwargs: object) -> Library:
        library = real(*args, **kwargs)  # type: ignore[arg-type]
        routine = library.routines["ice"]
        library.routines["ice"] = dataclasses.replace(
            routine, name="Ice" + CLEAR_AND_TITLE, summary="Cold\x9b31m" + CLEAR_AND_TITLE
        )
        return library

    monkeypatch.setattr(library_module, "load_library", hostile)
    assert cli.main(["routines"]) == 0
    out = capsys.readouterr().out
    assert "Ice" in out and "Cold" in out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
