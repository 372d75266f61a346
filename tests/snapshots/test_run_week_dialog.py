"""Snapshot of the run-week dialog over the return-to-running screen, at 80x24 and 60x18: a
week chosen and a note with brackets typed, before the one question."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui.helpers import ready_app


async def choose_a_week(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("r", "w", "2", *"[b]physio[/b] ok")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (60, 18)])
def test_run_week_dialog(size: tuple[int, int], tmp_path: Path, snap_compare: Any) -> None:
    assert snap_compare(ready_app(tmp_path), terminal_size=size, run_before=choose_a_week)
