"""A hold's countdown: each new second repaints the digits and the bar, and lays out nothing
again (a layout pass over the whole screen every second is most of what a hold would cost)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Digits

from itb_tui.tui.app import ItbApp

from .helpers import make_app, session_screen


def asked_for(app: ItbApp) -> tuple[list[str], list[str]]:
    """The widgets waiting to be laid out, and those waiting to be repainted, by id or class."""
    screen = app.screen
    widgets = (screen, *screen.walk_children())
    named = [(w.id or type(w).__name__, w) for w in widgets]
    return (
        [name for name, w in named if w._layout_required],
        [name for name, w in named if w._repaint_required],
    )


async def test_a_new_second_of_a_hold_repaints_the_countdown_and_lays_out_nothing(
    tmp_path: Path,
) -> None:
    app, clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")  # past the intro and the lead-in: the pigeon hold
        screen = session_screen(app)
        clock.advance(6.0)
        screen.tick()
        await pilot.pause()
        shown = screen.query_one("#countdown-digits", Digits).value
        assert asked_for(app) == ([], [])
        clock.advance(1.0)
        screen.tick()
        layout, repaint = asked_for(app)
        assert screen.query_one("#countdown-digits", Digits).value != shown
        assert layout == []
        assert {"countdown-digits", "countdown-bar"} <= set(repaint)
