"""Snapshot tests of onboarding, return to running and red flags at 80x24."""

from __future__ import annotations

from typing import Any

import pytest

from .program_scenes import SCENES, scene


@pytest.mark.parametrize("name", SCENES)
def test_program_screen(name: str, snap_compare: Any) -> None:
    app, setup = scene(name)
    assert snap_compare(app, terminal_size=(80, 24), run_before=setup)
