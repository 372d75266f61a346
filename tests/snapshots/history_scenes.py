"""The history screens in a fixed state: shared by the snapshot tests and scripts/screenshots.py
(same shape as scenes.py: ``SCENES`` and ``scene(name) -> Scene``).

Nine weeks of history ending on the FakeClock's Monday 2026-11-23 (see history_data).
"""

from __future__ import annotations

from textual.pilot import Pilot

from itb_tui.tui.screens.history import HistoryScreen
from tests.snapshots.scenes import Scene, scene_folder
from tests.tui.helpers import make_app
from tests.tui.history_data import seed_weeks

# Keys pressed on the history screen to reach each scene.
KEYS: dict[str, tuple[str, ...]] = {
    "history": (),
    "history_pain_only": ("p",),
    # Sessions only; the seventh row is Friday's strength session with a spike and a note.
    "session_detail": ("s", *["down"] * 6, "enter"),
    "edit_pain": ("s", *["down"] * 6, "enter", "e"),
    "confirm_delete": ("s", *["down"] * 6, "enter", "D"),
    "pain_log_detail": ("p", "enter"),
    "export": ("x",),
    "pain_chart": ("c",),
    "pain_chart_year": ("c", "plus", "plus", "plus"),
    "calendar": ("d",),
}
SCENES = tuple(KEYS)


def scene(name: str) -> Scene:
    """An app with the fixed history and the keys that bring it to the named screen."""
    keys = KEYS[name]
    app, _clock = make_app(scene_folder(name))
    seed_weeks(app.context.store, app.context.library)

    async def setup(pilot: Pilot[None]) -> None:
        await app.push_screen(HistoryScreen(app.context))
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await app.workers.wait_for_complete()
        await pilot.pause()

    return app, setup
