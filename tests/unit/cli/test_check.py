"""`itb check`: the shipped content and the user's files checked without opening the app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from itb_tui import cli

GOOD_CONTENT = """\
schema_version = 1

[[routine]]
id = "evening"
name = "Evening"
category = "stretch"
summary = "A pigeon before bed."
description = "A short evening routine."

[[routine.items]]
exercise = "pigeon"
"""
BAD_CONTENT = GOOD_CONTENT.replace('exercise = "pigeon"', 'exercise = "no-such-move"')
BAD_SETTINGS = 'cue_style = "loud"\nflash = 3\n'


def run(config: Path, capsys: pytest.CaptureFixture[str], *more: str) -> tuple[int, str]:
    code = cli.main(["--config-dir", str(config), "check", *more])
    return code, capsys.readouterr().out


def broken(config: Path, capsys: pytest.CaptureFixture[str], name: str, text: str) -> str:
    """What `itb check` prints with ``text`` in ``name``; it must exit 1."""
    (config / name).write_text(text)
    code, out = run(config, capsys)
    assert code == 1
    return out


def test_no_files_of_your_own_is_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(tmp_path / "config", capsys)
    assert code == 0
    assert out.count("(not made yet: the defaults are used)") == 2
    assert out.splitlines()[-1] == "Everything is fine."
    assert not (tmp_path / "config").exists()  # checking creates nothing


def test_good_files_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "content.toml").write_text(GOOD_CONTENT)
    (tmp_path / "settings.toml").write_text('schema_version = 1\ncue_style = "voice"\n')
    code, out = run(tmp_path, capsys)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[:4]] == ["ok"] * 4


def test_a_broken_content_file_is_reported_as_the_app_reports_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = broken(tmp_path, capsys, "content.toml", BAD_CONTENT)
    problem = next(line for line in out.splitlines() if line.startswith("  - "))
    assert str(tmp_path / "content.toml") in problem and "'evening'" in problem
    assert "no-such-move" in problem
    assert "1 problem found" in out
    assert cli.main(["--config-dir", str(tmp_path)]) == 1  # the app refuses with the same words
    assert problem in capsys.readouterr().err.splitlines()


def test_a_broken_settings_file_lists_each_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = broken(tmp_path, capsys, "settings.toml", BAD_SETTINGS)
    where = tmp_path / "settings.toml"
    assert (
        f"  - {where}: field 'cue_style': expected one of 'off', 'bell', 'voice', got 'loud'" in out
    )
    assert f"  - {where}: field 'flash': expected true or false, got 3" in out
    assert "2 problems found" in out


def test_a_damaged_settings_file_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = broken(tmp_path, capsys, "settings.toml", "cue_style = \n")
    assert f"{tmp_path / 'settings.toml'} is damaged and was left untouched" in out


def test_bad_arguments_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        run(tmp_path, capsys, "--fix")
    assert stop.value.code == 2


def test_check_does_not_import_textual(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom itb_tui import cli\n"
        f"code = cli.main(['--config-dir', {str(tmp_path)!r}, 'check'])\n"
        "print(code, 'textual' in sys.modules, 'fpdf' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split()[-3:] == ["0", "False", "False"]
