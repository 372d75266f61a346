"""End-to-end tests: the real ``itb`` program in a pseudo-terminal or a subprocess."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "e2e: runs the real itb program in a pseudo-terminal or subprocess"
    )


def itb_program() -> Path:
    """The console script of the environment running the tests."""
    for candidate in (Path(sys.executable).with_name("itb"), REPO / ".venv" / "bin" / "itb"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip("the itb console script is not installed (pip install -e .)")


@dataclass(frozen=True)
class ItbDirs:
    """Private data and config folders for one test, and the environment pointing at them."""

    data: Path
    config: Path
    env: dict[str, str]
    itb: Path

    @property
    def history(self) -> Path:
        return self.data / "history"

    @property
    def progress(self) -> Path:
        return self.data / "in-progress.toml"


@pytest.fixture
def itb_dirs(tmp_path: Path) -> ItbDirs:
    data, config, home = tmp_path / "data", tmp_path / "config", tmp_path / "home"
    home.mkdir(exist_ok=True)  # tests/conftest.py may have made it already
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "ITB_TUI_", "COLUMNS", "LINES"))
    }
    env.update(
        ITB_TUI_DATA_DIR=str(data),
        ITB_TUI_CONFIG_DIR=str(config),
        HOME=str(home),
        TERM="xterm-256color",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return ItbDirs(data, config, env, itb_program())
