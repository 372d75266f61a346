"""Each shell command reads only the files it uses: a broken content.toml or settings.toml
stops only the commands that need it, with the same clear message as before."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from itb_tui import cli
from itb_tui.core.store.paths import Paths

TYPO_CONTENT = 'schema_version = 1\n\n[[routine]\nid = "evening"\n'  # the ']]' is missing
DAMAGED_SETTINGS = "cue_style = \n"

CHECK_IN = ("check-in", "2", "--compared", "same", "--swelling", "no")
NO_CONTENT_NEEDED = [
    ("log-pain", "3"),
    CHECK_IN,
    ("export", "--format", "csv"),
    ("export", "--format", "json"),
    ("remind", "--install", "--at", "07:30", "--cron"),
    ("remind", "--uninstall"),
]
NO_SETTINGS_NEEDED = [*NO_CONTENT_NEEDED, ("routines",), ("export", "--format", "markdown")]
BOTH_NEEDED = [
    ("today",),
    ("remind",),
    ("export", "--format", "ics"),
    ("export", "--format", "pdf"),
    ("start", "daily-stretch"),
]
CONTENT_NEEDED = [*BOTH_NEEDED, ("routines",), ("export", "--format", "markdown")]
SETTINGS_NEEDED = BOTH_NEEDED


@pytest.fixture
def folders() -> Paths:
    """The folders conftest points ITB_TUI_DATA_DIR / ITB_TUI_CONFIG_DIR at."""
    paths = Paths.resolve()
    paths.config.mkdir(parents=True)
    return paths


def broken_content(paths: Paths) -> str:
    paths.user_content.write_text(TYPO_CONTENT)
    return str(paths.user_content)


def damaged_settings(paths: Paths) -> str:
    paths.settings.write_text(DAMAGED_SETTINGS)
    return str(paths.settings)


def logged_scores(paths: Paths) -> list[object]:
    months = sorted(paths.history.glob("*.toml"))
    return [log["score"] for m in months for log in tomllib.loads(m.read_text())["pain_logs"]]


@pytest.mark.parametrize(
    ("broken", "command"),
    [(broken_content, c) for c in NO_CONTENT_NEEDED]
    + [(damaged_settings, c) for c in NO_SETTINGS_NEEDED],
)
def test_a_command_runs_when_a_file_it_does_not_need_is_broken(
    folders: Paths,
    capsys: pytest.CaptureFixture[str],
    broken: Callable[[Paths], str],
    command: tuple[str, ...],
) -> None:
    where = Path(broken(folders))
    before = where.read_text()
    assert cli.main(list(command)) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert where.read_text() == before  # a broken file is never rewritten


@pytest.mark.parametrize("broken", [broken_content, damaged_settings])
def test_log_pain_logs_whatever_else_is_broken(
    folders: Paths, capsys: pytest.CaptureFixture[str], broken: Callable[[Paths], str]
) -> None:
    broken(folders)
    assert cli.main(["log-pain", "3"]) == 0
    assert logged_scores(folders) == [3]
    assert capsys.readouterr().out.startswith("Logged pain 3/10")


@pytest.mark.parametrize("broken", [broken_content, damaged_settings])
def test_check_in_is_saved_and_says_what_it_could_not_work_out(
    folders: Paths, capsys: pytest.CaptureFixture[str], broken: Callable[[Paths], str]
) -> None:
    where = broken(folders)
    assert cli.main(list(CHECK_IN)) == 0
    assert logged_scores(folders) == [2]
    out, err = capsys.readouterr()
    assert out.startswith("Checked in: 2/10")
    assert "the check-in is saved" in err and where in err


@pytest.mark.parametrize(
    ("broken", "command"),
    [(broken_content, c) for c in CONTENT_NEEDED]
    + [(damaged_settings, c) for c in SETTINGS_NEEDED],
)
def test_a_command_that_needs_a_broken_file_names_it(
    folders: Paths,
    capsys: pytest.CaptureFixture[str],
    broken: Callable[[Paths], str],
    command: tuple[str, ...],
) -> None:
    where = broken(folders)
    assert cli.main(list(command)) == (3 if command == ("today",) else 1)
    err = capsys.readouterr().err
    assert where in err and "Traceback" not in err
    assert not folders.history.exists()


@pytest.mark.parametrize(
    ("command", "stopped"),
    [
        (("routines",), "so itb routines cannot run:"),
        (("today",), "so itb today cannot run:"),
        (("start", "daily-stretch"), "so the app cannot run:"),
    ],
)
def test_the_content_message_says_what_could_not_run(
    folders: Paths, capsys: pytest.CaptureFixture[str], command: tuple[str, ...], stopped: str
) -> None:
    broken_content(folders)
    cli.main(list(command))
    assert f"itb: the content could not be loaded, {stopped}" in capsys.readouterr().err


def test_a_saved_check_in_does_not_say_the_app_cannot_run(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    broken_content(folders)
    assert cli.main(list(CHECK_IN)) == 0
    err = capsys.readouterr().err
    assert "the check-in is saved" in err and "what it decides today cannot be worked out" in err
    assert "the app cannot run" not in err
