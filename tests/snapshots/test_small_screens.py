"""Snapshot tests at the smallest supported size, 60x18: a hold, History and dialogs, the
first-launch form, red flags and Settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from . import history_scenes, program_scenes, scenes

SMALL = (60, 18)


@pytest.mark.parametrize("name", ["intro", "hold", "switch", "pain", "checkin"])
def test_session_screen_small(name: str, snap_compare: Any) -> None:
    app, setup = scenes.scene(name)
    assert snap_compare(app, terminal_size=SMALL, run_before=setup)


@pytest.mark.parametrize("name", ["history", "edit_pain", "export"])
def test_history_screen_small(name: str, snap_compare: Any) -> None:
    app, setup = history_scenes.scene(name)
    assert snap_compare(app, terminal_size=SMALL, run_before=setup)


@pytest.mark.parametrize("name", ["onboarding", "red-flags", "settings"])
def test_program_screen_small(name: str, snap_compare: Any) -> None:
    app, setup = program_scenes.scene(name)
    assert snap_compare(app, terminal_size=SMALL, run_before=setup)


def test_settings_small_with_a_speech_program(programs: Path, snap_compare: Any) -> None:
    """Settings at 60x18 where a speech program is found: the voice line is one line, not the
    two of "no speech program found" (the test above), whatever this machine has installed."""
    fake = programs / "espeak-ng"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    app, setup = program_scenes.scene("settings")
    assert snap_compare(app, terminal_size=SMALL, run_before=setup)
