"""The shipped program.toml, and copies of it changed for a test."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

from itb_tui.core.content.library import load_library
from itb_tui.core.store.paths import content_dir

PROGRAM = content_dir() / "program.toml"


ROUTINE_IDS = set(load_library(content_dir()).routines)


SHIPPED: dict[str, Any] = tomllib.loads(PROGRAM.read_text("utf-8"))


def write(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """The shipped program with ``change`` applied, written to a temporary file."""
    data = copy.deepcopy(SHIPPED)
    change(data)
    path = tmp_path / "program.toml"
    path.write_text(tomli_w.dumps(data), "utf-8")
    return path
