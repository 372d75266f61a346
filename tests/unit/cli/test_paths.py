"""`itb paths`: the data, config and cache folders and the shipped content, as lines or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itb_tui import cli
from itb_tui.core.store.paths import CACHE_ENV, content_dir

KEYS = ["data", "config", "cache", "content"]


def folders(tmp_path: Path) -> list[str]:
    return ["--data-dir", str(tmp_path / "d"), "--config-dir", str(tmp_path / "c")]


def paths_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, str]:
    assert cli.main([*args, "paths", "--json"]) == 0
    found: dict[str, str] = json.loads(capsys.readouterr().out)
    return found


def test_the_json_has_each_folder_by_its_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    found = paths_json(
        capsys, "--data-dir", str(tmp_path / "d"), "--config-dir", str(tmp_path / "c")
    )
    assert list(found) == KEYS
    assert found["data"] == str(tmp_path / "d")
    assert found["config"] == str(tmp_path / "c")
    assert found["cache"] == str(tmp_path / "cache")
    assert found["content"] == str(content_dir())
    assert (Path(found["content"]) / "exercises.toml").is_file()


def test_without_options_the_environment_decides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = paths_json(capsys)  # tests/conftest.py sets ITB_TUI_DATA_DIR and _CONFIG_DIR
    assert found["data"] == str(tmp_path / "env-data")
    assert found["config"] == str(tmp_path / "env-config")


def test_the_lines_name_each_folder_and_what_is_in_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--data-dir", str(tmp_path / "d"), "paths"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == KEYS
    assert lines[0].split()[1] == str(tmp_path / "d")
    assert "history" in lines[0] and "settings.toml" in lines[1] and "safe to delete" in lines[2]


def test_it_creates_and_reads_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = paths_json(
        capsys, "--data-dir", str(tmp_path / "d"), "--config-dir", str(tmp_path / "c")
    )
    assert not Path(found["data"]).exists() and not Path(found["config"]).exists()
