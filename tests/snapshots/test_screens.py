"""Snapshot tests of the main screens at 80x24 (and the home screen small)."""

from __future__ import annotations

from typing import Any

import pytest

from .scenes import CONTENT_SCENES, SCENES, scene


@pytest.mark.parametrize("name", SCENES)
def test_screen(name: str, snap_compare: Any) -> None:
    app, setup = scene(name)
    assert snap_compare(app, terminal_size=(80, 24), run_before=setup)


def test_home_at_minimum_size(snap_compare: Any) -> None:
    app, setup = scene("home")
    assert snap_compare(app, terminal_size=(60, 18), run_before=setup)


@pytest.mark.parametrize("name", CONTENT_SCENES)
def test_content_shown(name: str, snap_compare: Any) -> None:
    """Nothing is cut off at 80x24: the intros scroll, the cautions come first."""
    app, setup = scene(name)
    assert snap_compare(app, terminal_size=(80, 24), run_before=setup)
