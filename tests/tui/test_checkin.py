"""The morning check-in in the app: asked on the first open of a day, after any resume question,
answered with a few keys, skipped with Escape, shown first in Today and on the readiness screen."""

from __future__ import annotations

from pathlib import Path

from itb_tui.core.history.records import PainLog
from itb_tui.core.store.settings import load_settings, save_settings
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.checkin import CheckInScreen
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.readiness import ReadinessScreen
from itb_tui.tui.screens.red_flags import RedFlagsScreen
from itb_tui.tui.screens.session_detail import PainLogDetailScreen
from itb_tui.tui.widgets.pick_list import PickList

from .helpers import make_app, session_screen, yesterday_checked_in
from .history_helpers import open_history, text_of


def place(app: ItbApp, pick_id: str) -> int | None:
    """Where the home list shows ``pick_id`` (0 is the Today heading), None if it does not."""
    return app.home.query_one(PickList).index_of(pick_id)


def morning_logs(app: ItbApp) -> list[PainLog]:
    """Today's check-ins (a test may seed yesterday's, so today's is not the first)."""
    today = app.context.clock.wall().date()
    logs = app.context.store.everything().pain_logs
    return [p for p in logs if p.context == "morning" and p.at.date() == today]


async def test_first_open_of_the_day_asks_and_a_few_keys_answer(tmp_path: Path) -> None:
    yesterday_checked_in(tmp_path)  # not the first check-in: it compares
    app, _clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press("3", "w", "y", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagsScreen)  # swelling: the red flags are asked
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert place(app, "checkin") is None
        assert place(app, "morning") == 1  # what the morning says, first in Today
    (log,) = morning_logs(app)
    assert (log.score, log.compared, log.swelling) == (3, "worse", True)


async def test_enter_before_every_answer_says_what_is_missing(tmp_path: Path) -> None:
    yesterday_checked_in(tmp_path)  # not the first check-in: it compares
    app, _clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("0", "enter")
        assert isinstance(app.screen, CheckInScreen)
        hint = str(app.screen.query_one("#checkin-hint").render())
        assert "better, same or worse (b/s/w)" in hint and "swelling yes or no" in hint
        assert "a pain score" not in hint
        await pilot.press("s", "n", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [(p.score, p.compared, p.swelling) for p in morning_logs(app)] == [(0, "same", False)]


async def test_escape_skips_it_for_the_day_and_c_answers_it_later(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert place(app, "checkin") == 1  # Today offers it first, under its heading
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert place(app, "checkin") is None
    assert load_settings(app.context.paths.settings).checkin_skipped == clock.wall().date()
    assert morning_logs(app) == []
    again, _clock = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)  # not asked twice in a day
        await pilot.press("c")
        assert isinstance(again.screen, CheckInScreen)
        await pilot.press("1", "b", "n", "enter")
        await pilot.pause()
    assert [p.score for p in morning_logs(again)] == [1]


async def test_the_check_in_waits_for_the_resume_question(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")  # a set recorded, then the app closes unfinished
    settings = load_settings(app.context.paths.settings)
    settings.checkin_skipped = None
    save_settings(app.context.paths.settings, settings)
    again, _clock = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "unfinished session" in str(again.screen.query_one(".choice-title").render())
        await pilot.press("k")  # keep it as an incomplete session
        await pilot.pause()
        assert isinstance(again.screen, CheckInScreen)  # only now, over home
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)


async def test_the_check_in_is_not_asked_over_a_session_started_from_the_shell(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path, start="daily-stretch", check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert session_screen(app) is app.screen


async def test_readiness_says_which_morning_decided(tmp_path: Path) -> None:
    yesterday_checked_in(tmp_path)  # not the first check-in: it compares
    app, _clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "s", "n", "enter", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)
        text = " ".join(str(s.render()) for s in app.screen.query(".rr-value"))
        assert "This morning 2/10, the same as yesterday." in text


async def test_a_check_in_is_shown_and_edited_in_history_like_any_log(tmp_path: Path) -> None:
    yesterday_checked_in(tmp_path)  # not the first check-in: it compares
    app, _clock = make_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3", "w", "y", "enter")
        await pilot.pause()
        await open_history(app, pilot)
        await pilot.press("p", "enter")
        assert isinstance(app.screen, PainLogDetailScreen)
        detail = text_of(app, "#detail-text")
        assert "Where: morning check-in" in detail
        assert "Compared with yesterday: worse" in detail and "Swelling: yes" in detail
        await pilot.press("e", "left", "enter")  # 3 -> 2
        await pilot.pause()
    (log,) = morning_logs(app)
    assert (log.score, log.context, log.compared, log.swelling) == (2, "morning", "worse", True)
