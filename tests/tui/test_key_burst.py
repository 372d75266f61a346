"""A hurried double Enter: the second press, meant for the dialog it closed, reaches nothing
else (Home's highlighted item, the red flags opened after a high score); an Enter a moment
later does what it always did. Keys are posted with the times they came in, as the terminal
reads them, so how long the app takes to get to them changes nothing."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot

from itb_tui.tui.app import ItbApp
from itb_tui.tui.key_burst import BURST_S, KeyBurst
from itb_tui.tui.screens.checkin import CheckInScreen
from itb_tui.tui.screens.red_flags import RedFlagsScreen

from .helpers import make_app, session_screen, yesterday_checked_in


async def enter_at(pilot: Pilot[None], *offsets: float) -> None:
    """Enter pressed at each of ``offsets`` seconds after the last key came in, each handled
    before the next comes in (the app is quicker than the hand: the dialog is gone)."""
    app = pilot.app
    assert isinstance(app, ItbApp)
    start = app.key_burst.at
    for offset in offsets:
        key = events.Key("enter", "\r")
        key.time = start + offset
        app.post_message(key)
        await pilot.pause()
        await pilot.pause()


def pain_scores(app: ItbApp) -> list[int]:
    return [log.score for log in app.context.store.everything().pain_logs]


def asked_with_no_flag_ticked(app: ItbApp) -> bool:
    """The red flags are asked, and nothing is ticked on the list or kept."""
    screen = app.screen
    asked = isinstance(screen, RedFlagsScreen) and screen.ticked == set()
    return asked and not app.context.red_flags.changes


def test_only_an_enter_that_closed_its_screen_starts_a_burst() -> None:
    home, dialog, other = object(), object(), object()
    burst = KeyBurst()
    assert not burst.swallow("enter", 0.0, [home, dialog])  # it closes the dialog
    assert burst.swallow("enter", 0.1, [home])  # the double press
    assert burst.swallow("enter", 0.3, [home])  # held down: it repeats within the burst
    assert not burst.swallow("enter", 0.3 + BURST_S, [home])  # a press of its own
    assert not burst.swallow("enter", 5.0, [home, other])  # a screen opened, none closed
    assert not burst.swallow("enter", 5.1, [home, other])
    assert not burst.swallow("escape", 9.0, [home, dialog])
    assert not burst.swallow("escape", 9.1, [home])  # back twice, on purpose
    assert not burst.swallow("enter", 12.0, [home, dialog], watched=False)  # the palette
    assert not burst.swallow("enter", 12.1, [home, other])


async def test_a_double_enter_on_the_quick_pain_log_saves_it_and_starts_nothing(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l", "2")
        await enter_at(pilot, 1.0, 1.15)  # a double press
        assert app.screen_stack == [app.home]
        assert pain_scores(app) == [2]
        await enter_at(pilot, 1.0)  # a press of its own: Home's highlighted item starts
        assert session_screen(app).engine.routine.id


async def test_a_double_enter_after_a_high_score_ticks_no_red_flag(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l", "8")
        await enter_at(pilot, 1.0, 1.15)
        assert asked_with_no_flag_ticked(app)


async def test_a_double_enter_on_a_high_check_in_ticks_no_red_flag(tmp_path: Path) -> None:
    yesterday_checked_in(tmp_path)
    app, _clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("8", "w", "n")
        await enter_at(pilot, 1.0, 1.15)
        assert asked_with_no_flag_ticked(app)
