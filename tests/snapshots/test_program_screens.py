"""Snapshot tests of onboarding, return to running, red flags and Settings at 80x24."""

from __future__ import annotations

from typing import Any

import pytest

from .program_scenes import SCENES, scene


@pytest.mark.parametrize("name", SCENES)
def test_program_screen(name: str, snap_compare: Any) -> None:
    app, setup = scene(name)
    assert snap_compare(app, terminal_size=(80, 24), run_before=setup)


def test_settings_list_the_progressions_taken(snap_compare: Any) -> None:
    """Settings with a progression taken: listed at the end, and p in the footer."""
    app, setup = scene("settings-progression")
    assert snap_compare(app, terminal_size=(80, 24), run_before=setup)
