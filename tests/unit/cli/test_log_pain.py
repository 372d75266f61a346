"""itb log-pain: the swelling answer, and the pointer to the red flags after high pain."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from itb_tui import cli


def log_pain(tmp_path: Path, *extra: str) -> list[dict[str, object]]:
    args = ["--data-dir", str(tmp_path / "data"), "--config-dir", str(tmp_path / "config")]
    assert cli.main([*args, "log-pain", *extra]) == 0
    (month,) = sorted((tmp_path / "data" / "history").glob("*.toml"))
    logs: list[dict[str, object]] = tomllib.loads(month.read_text())["pain_logs"]
    return logs


def test_swelling_is_stored_and_points_to_the_red_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (log,) = log_pain(tmp_path, "2", "--swelling", "yes")
    assert log["swelling"] is True
    out = capsys.readouterr().out
    assert "swelling" in out and "red flags" in out


def test_without_the_answer_nothing_is_assumed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (log,) = log_pain(tmp_path, "3")
    assert "swelling" not in log
    assert "red flags" not in capsys.readouterr().out
    log_pain(tmp_path, "8")
    assert "red flags" in capsys.readouterr().out


def test_the_context_and_the_note_are_printed_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_pain(tmp_path, "3", "--context", "daily", "--note", "stairs at work")
    first, second = capsys.readouterr().out.splitlines()[:2]
    assert first.startswith("Logged pain 3/10, daily activity (stairs, walking), at ")
    assert second == "Note: stairs at work"
