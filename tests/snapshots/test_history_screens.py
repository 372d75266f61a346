"""Snapshot tests of the history screens at 80x24 with fixed data and a fake clock."""

from __future__ import annotations

from typing import Any

import pytest

from .history_scenes import SCENES, scene


@pytest.mark.parametrize("name", SCENES)
def test_history_screen(name: str, snap_compare: Any) -> None:
    app, setup = scene(name)
    assert snap_compare(app, terminal_size=(80, 24), run_before=setup)
