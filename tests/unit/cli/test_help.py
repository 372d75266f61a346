"""Every verb's `--help` ends with an example and its exit codes, and the examples run as
written (they parse)."""

from __future__ import annotations

import shlex

import pytest

from itb_tui import cli
from itb_tui.cli.verb_help import VERBS, verb_epilog
from tests.factories import cli_verbs


def help_text(verb: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        cli.main([verb, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def test_every_verb_has_examples_and_exit_codes_and_none_is_left_over() -> None:
    assert set(VERBS) == set(cli_verbs())


@pytest.mark.parametrize("verb", list(VERBS))
def test_each_help_ends_with_its_examples_and_exit_codes(
    verb: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = help_text(verb, capsys)
    examples, exits = VERBS[verb]
    assert "example" in text and "exit codes: 0 " in text
    for example in examples:
        assert f"  {example}\n" in text
    assert " ".join(exits.split()) in " ".join(text.split())


@pytest.mark.parametrize(
    "example", [example for examples, _exits in VERBS.values() for example in examples]
)
def test_every_example_parses(example: str) -> None:
    words = shlex.split(example.split(" > ")[0])
    assert words[0] == "itb"
    cli.build_parser().parse_args(words[1:])  # exits 2 if it does not


def test_a_verb_own_epilog_comes_first_and_is_not_said_twice() -> None:
    text = verb_epilog("today", "exit codes: 0 nothing is due.\n", raw=True)
    assert text.startswith("exit codes: 0 nothing is due.")
    assert text.count("exit codes:") == 1 and "  itb today --format json" in text
    wrapped = verb_epilog("routines", "word " * 40, raw=False)
    assert max(len(line) for line in wrapped.splitlines()) <= 79
