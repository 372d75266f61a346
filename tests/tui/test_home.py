"""Home's list of every routine says when each was last done, from the saved history."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from itb_tui.tui.app import ItbApp
from itb_tui.tui.widgets.pick_list import PickList
from tests.factories import TODAY, at, session

from .helpers import make_app


def last_done(app: ItbApp, routine: str) -> str:
    """The "last: ..." part of the routine's entry on Home."""
    picks = app.home.query_one(PickList)._picks
    (prompt,) = [str(pick.prompt) for pick in picks if pick.id == f"routine:{routine}"]
    return prompt.rpartition("last: ")[2]


async def test_each_routine_says_how_many_days_ago_it_was_last_done(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    days_ago = {"hip-strength": (10, 3), "daily-stretch": (1,), "foam-rolling": (0,)}
    for routine, offsets in days_ago.items():
        for days in offsets:
            app.context.store.save_session(session(routine, TODAY - timedelta(days=days), hour=7))
    early = at(TODAY - timedelta(days=2), 6)  # before the FakeClock's 7:30, stopped early
    app.context.store.save_session(session("quick-mobility", start=early, completed=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert last_done(app, "hip-strength") == "3 days ago"  # the newer of the two
        assert last_done(app, "daily-stretch") == "yesterday"
        assert last_done(app, "foam-rolling") == "today"
        assert last_done(app, "quick-mobility") == "2 days ago"  # a stopped session counts
        assert last_done(app, "ice") == "not yet"
