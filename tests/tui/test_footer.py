"""The footer shows the keys that work now, and rebuilds only when they change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from itb_tui.tui.widgets.footer import KeysFooter

from .helpers import make_app, session_screen


def shown(app: Any) -> dict[str, bool]:
    """Footer key -> enabled, as the user sees them on the current screen."""
    return {k.key: not k.has_class("-disabled") for k in app.screen.query(FooterKey)}


async def test_keys_follow_the_step_and_rebuild_only_on_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rebuilds: list[int] = []
    original = KeysFooter.recompose

    async def counted(self: KeysFooter) -> None:
        rebuilds.append(1)
        await original(self)

    monkeypatch.setattr(KeysFooter, "recompose", counted)
    app, clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(100, 24)) as pilot:
        screen = session_screen(app)
        await pilot.pause()
        assert shown(app)["space"] is False  # nothing counts down on the intro
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app)["space"] is True  # the lead-in can be paused
        before = len(rebuilds)
        for _ in range(5):  # seconds pass: the same keys, no rebuild
            clock.advance(1)
            screen.tick()
            await pilot.pause()
        assert len(rebuilds) == before
