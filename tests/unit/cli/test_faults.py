"""The shell verbs under faults: a file that is not a file, Ctrl-C at a prompt, a closed pipe."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from itb_tui import cli
from itb_tui.core.store.paths import Paths
from itb_tui.core.store.settings import Settings, save_settings


@pytest.fixture
def folders() -> Paths:
    """The folders conftest points ITB_TUI_DATA_DIR / ITB_TUI_CONFIG_DIR at, onboarded today."""
    paths = Paths.resolve()
    today = datetime.now().astimezone().date()
    save_settings(paths.settings, Settings(onboarded=True, program_start=today))
    return paths


@pytest.mark.usefixtures("never_waits")
def test_a_named_pipe_for_a_month_is_damaged_not_a_hang(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    folders.history.mkdir(parents=True)
    month = datetime.now().astimezone().strftime("%Y-%m")
    os.mkfifo(folders.history / f"{month}.toml")
    assert cli.main(["today"]) == 3
    err = capsys.readouterr().err
    assert f"{month}.toml" in err and "a named pipe, not a plain file" in err


def test_ctrl_c_at_the_check_in_prompt_exits_130_quietly(
    folders: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(prompt: str) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", interrupted)
    assert cli.main(["check-in"]) == 130
    assert "Traceback" not in capsys.readouterr().err
    assert not folders.history.exists()


@pytest.mark.parametrize("command", [["today"], ["export", "--format", "json"]])
def test_output_into_a_closed_pipe_ends_quietly(folders: Paths, command: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # as `itb today | true` once true has gone
    try:
        done = subprocess.run(
            [sys.executable, "-m", "itb_tui", *command],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
            timeout=60,
        )
    finally:
        os.close(writer)
    assert (done.stderr, done.returncode) == ("", 141)


def test_output_dash_is_standard_output(
    folders: Paths,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["export", "--format", "json", "--output", "-"]) == 0
    assert capsys.readouterr().out.startswith("{")
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("pdf", "plan.ics"), ("csv", "x.md"), ("ics", "x.pdf"), ("markdown", "a.json")],
)
def test_a_file_named_for_another_format_is_refused(
    folders: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["export", "--format", fmt, "--output", str(tmp_path / name)])
    assert exit_info.value.code == 2
    assert "which is for" in capsys.readouterr().err
    assert not (tmp_path / name).exists()


def test_settings_saved_with_a_byte_order_mark_are_read(folders: Paths) -> None:
    from itb_tui.core.store.settings import load_settings, save_settings

    text = folders.settings.read_text(encoding="utf-8")
    folders.settings.write_bytes(b"\xef\xbb\xbf" + text.replace("true", "false", 1).encode())
    settings = load_settings(folders.settings)
    settings.pacer = True
    save_settings(folders.settings, settings)
    assert load_settings(folders.settings).pacer


@pytest.mark.parametrize("form", ["text", "line"])
def test_today_on_a_damaged_month_prints_a_short_line(
    folders: Paths, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    folders.history.mkdir(parents=True)
    (folders.history / "2026-11.toml").write_text("schema_version = [")
    assert cli.main(["today", "--format", form]) == 3
    out = capsys.readouterr()
    assert out.out == "itb: today unknown: a file cannot be read (itb today says which)\n"
    assert "2026-11.toml" in out.err


def test_the_kept_answer_follows_a_change_to_any_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from itb_tui.core.shell import today_cache

    rules = tmp_path / "itb_tui" / "core" / "plan"
    rules.mkdir(parents=True)
    (rules / "running.py").write_text("WEEKS = 8\n")
    monkeypatch.setattr(today_cache, "_PACKAGE", str(tmp_path / "itb_tui"))
    before = today_cache.fingerprint(str(tmp_path / "data"), str(tmp_path / "config"))
    (rules / "running.py").write_text("WEEKS = 10\n")
    os.utime(rules / "running.py", ns=(1, 1))
    after = today_cache.fingerprint(str(tmp_path / "data"), str(tmp_path / "config"))
    assert before != after
