"""Opening the app reads its command line with a parser of ``start`` alone (building every
verb's options and help is a few percent of the app's start), and ``itb`` with its folders at
most without argparse at all; each says and does exactly what the whole parser would: the same
options read, the same refusals, help and version."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from itb_tui.cli.parser import bare_command_line, build_parser, parse_command_line

OPENING = [
    [],
    ["start", "pre-run"],
    ["--data-dir", "d", "--config-dir", "c"],
    ["--data-dir=d", "start", "ice", "--minutes", "10"],
    ["start", "ice", "--minutes=5"],
]
REFUSED = [
    ["start"],
    ["start", "ice", "extra"],
    ["start", "ice", "--minutes", "0"],
    ["start", "ice", "--minutes=many"],
    ["--minutes", "5", "start", "ice"],
    ["start", "ice", "--data-dir", "d"],  # the folders come before the verb
]
NOT_OPENING = [["--help"], ["start", "--help"], ["--version"], ["today"], ["--data-dir"], ["x"]]
BARE = [
    [],
    ["--data-dir", "d"],
    ["--config-dir=c", "--data-dir", "d"],
    ["--data-dir=", "--data-dir=-d"],  # an empty value, a value after = that looks like an option
    ["--data-dir", "one", "--data-dir", "two"],  # the last one counts
    ["--data-dir", "start"],  # a folder called start, not the verb
]
NOT_BARE = [
    ["start", "ice"],
    ["--data-dir"],
    ["--data-dir", "-d"],
    ["--data-dir", "--config-dir", "c"],
    ["--data", "d"],  # argparse's abbreviation: the whole parser reads it
    ["--data-dirs=d"],
    ["--"],
    ["-h"],
    ["d"],
]


def verbs(parser: argparse.ArgumentParser) -> set[str]:
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(found[0].choices)


def outcome(
    parse: object, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[object, ...]:
    """What reading ``argv`` gives: the options read, or the exit code and what was printed."""
    try:
        read = parse(argv)  # type: ignore[operator]
    except SystemExit as done:
        printed = capsys.readouterr()
        return ("exit", done.code, printed.out, printed.err)
    return ("read", vars(read[1] if isinstance(read, tuple) else read))


@pytest.mark.parametrize("argv", OPENING)
def test_opening_the_app_reads_the_same_options_with_start_alone(argv: list[str]) -> None:
    parser, args = parse_command_line(argv)
    assert verbs(parser) == {"start"}
    assert vars(args) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", REFUSED + NOT_OPENING)
def test_what_the_opening_parser_refuses_is_said_as_the_whole_parser_says_it(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    whole = outcome(lambda a: build_parser().parse_args(a), argv, capsys)
    assert outcome(parse_command_line, argv, capsys) == whole
    assert whole[0] == "exit" or verbs(parse_command_line(argv)[0]) != {"start"}


def test_a_routine_refused_after_reading_exits_with_the_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser, _args = parse_command_line(["start", "nosuch"])
    with pytest.raises(SystemExit) as done:
        parser.error("no routine called 'nosuch'")
    assert done.value.code == 2
    assert capsys.readouterr().err.startswith("usage: itb [-h] [--version]")


@pytest.mark.parametrize("argv", BARE)
def test_itb_alone_is_read_without_a_parser_as_the_whole_parser_reads_it(argv: list[str]) -> None:
    bare = bare_command_line(argv)
    assert bare is not None
    assert vars(bare) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", NOT_BARE + REFUSED + NOT_OPENING[:-2] + OPENING[1:2])
def test_anything_else_goes_to_a_parser(argv: list[str]) -> None:
    assert bare_command_line(argv) is None


def test_itb_alone_does_not_import_argparse() -> None:
    probe = (
        "import sys; from itb_tui.cli.parser import bare_command_line; "
        "assert bare_command_line(['--data-dir', 'd']) is not None; "
        "print('argparse' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
