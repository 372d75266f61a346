"""The morning check-in, once a day (issue 22, part 7): answering again replaces today's,
Escape after an answer keeps it, a burst of keys is judged whole, the first check-in does not
compare with yesterday, and 7/10 or swelling opens the red flags."""

from __future__ import annotations

from pathlib import Path

from textual import events

from itb_tui.core.history.records import PainLog
from itb_tui.core.store.settings import load_settings
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.checkin import CheckInScreen
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.red_flags import RedFlagsScreen

from ..factories import TODAY
from .helpers import make_app, yesterday_checked_in
from .plain import plain


def today_s(app: ItbApp) -> list[PainLog]:
    logs = app.context.store.everything().pain_logs
    return [p for p in logs if p.context == "morning" and p.at.date() == TODAY]


async def test_answering_again_replaces_today_s_check_in(tmp_path: Path) -> None:
    yesterday_checked_in(tmp_path)
    app, _clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3", "w", "n", "enter")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert "Answered today: 3/10, worse than yesterday" in plain(app)
        await pilot.press("1", "b", "n", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [(p.score, p.compared) for p in today_s(app)] == [(1, "better")]


async def test_escape_after_an_answer_keeps_it_and_records_no_skip(tmp_path: Path) -> None:
    yesterday_checked_in(tmp_path)
    app, _clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "s", "n", "enter")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert load_settings(app.context.paths.settings).checkin_skipped is None
    assert [p.score for p in today_s(app)] == [2]


async def test_a_burst_of_keys_ending_in_enter_is_judged_with_all_its_answers(
    tmp_path: Path,
) -> None:
    yesterday_checked_in(tmp_path)
    app, _clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        for key in ("0", "s", "n", "enter"):  # faster than the app handles them
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [(p.score, p.compared, p.swelling) for p in today_s(app)] == [(0, "same", False)]


async def test_the_first_check_in_ever_does_not_ask_about_yesterday(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Vs yesterday" not in plain(app) and "first check-in" in plain(app)
        await pilot.press("2", "n", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [(p.score, p.compared, p.swelling) for p in today_s(app)] == [(2, "", False)]


async def test_a_check_in_of_7_or_swelling_opens_the_red_flags(tmp_path: Path) -> None:
    yesterday_checked_in(tmp_path)
    app, _clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "s", "y", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagsScreen)
