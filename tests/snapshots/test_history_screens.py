"""Snapshot tests of the history screens at 80x24 with fixed data and a fake clock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .history_scenes import HISTORY_SCENES, history_scene


@pytest.mark.parametrize("name", HISTORY_SCENES)
def test_history_screen(name: str, tmp_path: Path, snap_compare: Any) -> None:
    app, setup = history_scene(name, tmp_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=setup)
