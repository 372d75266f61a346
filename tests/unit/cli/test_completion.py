"""`itb completion bash|zsh|fish`: scripts made from the parser, so every verb completes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from itb_tui import cli
from itb_tui.core.shell.completion import SHELLS
from tests.factories import cli_verbs


def script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert cli.main(["completion", shell]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("shell", SHELLS)
def test_each_script_names_every_verb_and_option(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = script(shell, capsys)
    assert len(cli_verbs()) >= 10
    for verb in cli_verbs():
        assert verb in text, verb
    for option in ("--data-dir", "--format", "--swelling", "--json"):
        assert option.lstrip("-") in text, option
    assert "itb routines" in text  # routine ids after 'itb start' come from the app


def test_an_unknown_shell_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["completion", "tcsh"])
    assert stopped.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def complete_in_bash(text: str, words: list[str]) -> list[str]:
    """What bash offers for the last of ``words`` with ``text`` loaded, as a shell would ask."""
    line = " ".join(words)
    program = f"""
{text}
COMP_WORDS=({line})
COMP_CWORD={len(words) - 1}
COMP_LINE="{line}"
COMP_POINT=${{#COMP_LINE}}
_shtab_itb itb "${{COMP_WORDS[-1]}}" "${{COMP_WORDS[-2]}}"
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    path = os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path},
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_verbs_options_and_routine_ids(capsys: pytest.CaptureFixture[str]) -> None:
    text = script("bash", capsys)
    assert complete_in_bash(text, ["itb", "check"]) == ["check", "check-in"]
    assert complete_in_bash(text, ["itb", "today", "--format", "j"]) == ["json"]
    assert complete_in_bash(text, ["itb", "start", "hip"]) == ["hip-strength"]
