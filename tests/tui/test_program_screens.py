"""Onboarding, return to running and red flags, driven by the keyboard through Pilot."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from itb_tui.core import context as context_module
from itb_tui.core.history.records import PainLog
from itb_tui.core.plan.progress import Improvement
from itb_tui.core.store.paths import content_dir
from itb_tui.core.store.settings import Settings
from itb_tui.tui.messages import OpenPlace, StartRun
from itb_tui.tui.screens.onboarding import OnboardingScreen, parse_start
from itb_tui.tui.screens.red_flags import RedFlagsScreen
from itb_tui.tui.widgets.pick_list import Pick, PickList
from tests.snapshots.program_scenes import (
    TODAY,
    at,
    not_ready_history,
    readiness_screen,
    ready_history,
)

from .helpers import app_for, make_app

SIZE = (80, 24)


def shown(screen: Screen[Any]) -> str:
    """The text of every Static on the screen that is displayed."""
    return "\n".join(str(s.render()) for s in screen.query(Static) if s.display)


def messages_of(kind: type[Message], into: list[Message]) -> Callable[[Message], None]:
    """A run_test message hook that keeps the messages of ``kind``."""

    def hook(message: Message) -> None:
        if isinstance(message, kind):
            into.append(message)

    return hook


# -- onboarding ---------------------------------------------------------------------------


def test_parse_start_accepts_iso_dates_and_today_only() -> None:
    assert parse_start("2026-11-02", TODAY) == date(2026, 11, 2)
    assert parse_start(" Today ", TODAY) == TODAY
    assert parse_start("", TODAY) == TODAY
    for bad, why in [
        ("2026-13-01", "not a date"),
        ("23/11/2026", "not a date"),
        ("20261102", "YYYY-MM-DD"),
        ("2026-11-24", "in the future"),
    ]:
        with pytest.raises(ValueError, match=why):
            parse_start(bad, TODAY)


async def test_onboarding_fills_settings_from_keys(tmp_path: Path) -> None:
    settings = Settings()
    results: list[bool | None] = []
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(OnboardingScreen(settings, "Not advice.", TODAY), results.append)
        await pilot.pause()
        await pilot.press("space", "tab")  # acknowledge; on to the knee
        await pilot.press("right", "right", "space", "tab")  # both knees; on to the side
        await pilot.press("right", "space", "tab")  # right side; on to the date
        await pilot.press(*"2026-11-02", "enter")  # Enter moves on to the switch
        await pilot.press("space", "tab", "enter")  # running; Start
        await pilot.pause()
        assert not isinstance(app.screen, OnboardingScreen)
    assert results == [True]
    assert settings.painful_knee == "both"
    assert settings.weaker_side == "right"
    assert settings.program_start == date(2026, 11, 2)
    assert settings.running is True
    assert settings.onboarded is True


async def test_onboarding_rejects_a_bad_date_with_a_message(tmp_path: Path) -> None:
    settings = Settings()
    results: list[bool | None] = []
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = OnboardingScreen(settings, "Not advice.", TODAY)
        app.push_screen(screen, results.append)
        await pilot.pause()
        await pilot.press("space", "tab", "space", "tab", "tab")  # ack, left knee, to the date
        await pilot.press(*"2026-13-01", "ctrl+s")
        await pilot.pause()
        hint = screen.query_one("#ob-hint", Static)
        assert "'2026-13-01' is not a date" in str(hint.render())
        assert hint.region.height > 0
        assert screen.query_one("#ob-start", Input).has_class("-invalid")
        assert app.screen is screen
        assert settings == Settings()
        await pilot.press("ctrl+u", *"today", "ctrl+s")
        await pilot.pause()
    assert results == [True]
    assert settings.program_start == TODAY
    assert settings.painful_knee == "left"
    assert settings.weaker_side == ""  # "Don't know" is the default


async def test_onboarding_needs_the_notice_acknowledged_and_a_knee(tmp_path: Path) -> None:
    settings = Settings()
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = OnboardingScreen(settings, "Not advice.", TODAY)
        app.push_screen(screen)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "tick 'I understand' first" in str(screen.query_one("#ob-hint").render())
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert "choose which knee hurts" in str(screen.query_one("#ob-hint").render())
        assert app.screen is screen
        assert screen.focused is not None and screen.focused.id == "ob-knee"
    assert settings == Settings()


async def test_onboarding_escape_changes_nothing(tmp_path: Path) -> None:
    settings = Settings(weaker_side="left", painful_knee="right", program_start=TODAY)
    before = replace(settings)
    results: list[bool | None] = []
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(OnboardingScreen(settings, "Not advice.", TODAY), results.append)
        await pilot.pause()
        await pilot.press("space", "tab", "left", "space", "tab", "tab", *"2026-11-01")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, OnboardingScreen)
    assert results == [False]
    assert settings == before


# -- home --------------------------------------------------------------------------------


async def test_a_refresh_of_today_rebuilds_the_home_list_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(tmp_path)
    builds: list[str] = []  # the first entry of each list built
    set_picks = PickList.set_picks

    def counted(pick_list: PickList, picks: list[Pick], highlight: int | None = None) -> None:
        builds.append(picks[0].prompt.plain)
        set_picks(pick_list, picks, highlight)

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(PickList, "set_picks", counted)
        app.program_flow.refresh_home()
        await pilot.pause()
        assert builds == [" Today - program week 1 "]


# -- return to running --------------------------------------------------------------------


async def test_readiness_not_ready_shows_unmet_lines_and_hides_run(tmp_path: Path) -> None:
    started: list[Message] = []
    app = app_for(tmp_path)
    hook = messages_of(StartRun, started)
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        screen = readiness_screen(app.context, not_ready_history())
        app.push_screen(screen)
        await pilot.pause()
        text = shown(screen)
        assert "[x]\nPain-free daily life" in text
        assert "[ ]\nStrength work without pain" in text
        assert "[ ]\nWeeks of rehab" in text
        assert "Not yet: 1 of 3 checks met" in text
        assert "Run week" not in text
        assert "r" not in app.active_bindings  # not offered while locked
        await pilot.press("r")
        await pilot.pause()
    assert started == []


async def test_readiness_ready_shows_the_run_stage_and_r_starts_a_run(tmp_path: Path) -> None:
    posted: list[Message] = []
    app = app_for(tmp_path)
    hook = messages_of(Message, posted)
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        screen = readiness_screen(app.context, ready_history())
        app.push_screen(screen)
        await pilot.pause()
        text = shown(screen)
        assert "Ready: all 3 checks met" in text
        assert "[ ]" not in text
        assert text.count("[x]") == 3
        assert "Run week 3" in text
        assert "3 runs of 20-30 min, every other day" in text
        # the runs so far were 15 min: the single-run guard caps today at 16
        assert "Run week 3: 16 min easy; at most 16 min today, 10 % more than your" in text
        assert "locked until run week 6" in text
        assert "Three runs of 20-30 minutes, with a rest day between them." in text
        assert app.active_bindings["r"].enabled is True
        await pilot.press("f")
        await pilot.pause()
        assert OpenPlace("red_flags") in posted
        assert isinstance(app.screen, RedFlagsScreen)
        await pilot.press("escape", "r")
        await pilot.pause()
        assert StartRun in [type(m) for m in posted]
        assert app.screen is not screen


async def test_readiness_shows_warning_signs_with_what_to_change(tmp_path: Path) -> None:
    settings, sessions, logs = ready_history()
    last_run_end = max(s.ended_at for s in sessions if s.routine == "run")
    swollen = PainLog(at(TODAY - timedelta(days=3), 21), 0, "rest", "[b]left[/b]", swelling=True)
    logs = [*logs, PainLog(last_run_end + timedelta(hours=4), 3, "after-run"), swollen]
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = readiness_screen(app.context, (settings, sessions, logs))
        app.push_screen(screen)
        await pilot.pause()
        text = shown(screen)
        assert "Pain that lingers after a run" in text
        assert "pain 3/10 4 h after the run on Sat 21 Nov" in text
        assert "What to change: Repeat the previous week's runs" in text
        assert "Back one week to week 1, not to the start." in text
        assert "Swelling at the outer knee" in text
        # The yes/no answer, in the stage's "why" and in the sign itself.
        assert text.count("swelling reported: pain log (0/10) on ") == 2


async def test_readiness_run_allowed_with_a_stage_even_if_not_all_checks_met(
    tmp_path: Path,
) -> None:
    app = app_for(tmp_path)
    settings, sessions, logs = ready_history()
    sore = PainLog(at(TODAY - timedelta(days=1), 20), 2, "daily")  # a check fails today
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(readiness_screen(app.context, (settings, sessions, [*logs, sore])))
        await pilot.pause()
        assert app.active_bindings["r"].enabled is True
        text = shown(app.screen)
        assert "Running: started, and it goes on" in text and "2 of 3 checks met today" in text
        assert "Not yet" not in text  # a started run is not told it has yet to start
        # the 2/10 came after Saturday's run with no morning check-in between: pain after
        # that run in week 2, which steps back to week 1 instead of moving on to 3
        assert "Run week 1" in text


# -- red flags ----------------------------------------------------------------------------


async def test_red_flags_ticking_shows_the_see_a_professional_panel(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = RedFlagsScreen(app.context.program, None)
        app.push_screen(screen)
        await pilot.pause()
        panel = screen.query_one("#rf-advice", Static)
        assert not panel.display
        assert "What you tick is remembered, with the date" in shown(screen)
        assert "Why it matters: Not being able to stand on the leg" in shown(screen)
        assert "rf-improvement" not in [w.id for w in screen.query(Static)]
        await pilot.press("down", "down", "down")  # clicking or locking: see someone soon
        assert "Why it matters: This can point to a tear" in shown(screen)
        await pilot.press("space")
        await pilot.pause()
        assert panel.display
        text = str(panel.render())
        assert "See a professional soon" in text
        assert "Stop the program's exercises that hurt" in text
        assert "You ticked: My knee clicks" in text
        await pilot.press("home", "space")  # can't bear weight as well: promptly
        await pilot.pause()
        text = str(panel.render())
        assert "See a professional promptly" in text
        assert "urgent care" in text
        await pilot.press("space", "down", "down", "down", "space")  # untick both
        await pilot.pause()
        assert not panel.display
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


async def test_red_flags_show_a_banner_when_pain_has_not_improved(tmp_path: Path) -> None:
    evidence = (
        "Daily pain averaged 3.0/10 in the first two weeks and 3.5/10 in the last two, over 7 "
        "weeks at 2.4 sessions a week."
    )
    app = app_for(tmp_path)
    program = app.context.program
    flagged = Improvement(True, evidence, program.red_flag("no-improvement"))
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RedFlagsScreen(program, flagged))
        await pilot.pause()
        banner = str(app.screen.query_one("#rf-improvement", Static).render())
        assert "Your pain has not improved after 7 weeks of consistent rehab" in banner
        assert evidence in banner
        assert "professional assessment" in banner
        app.pop_screen()
        app.push_screen(RedFlagsScreen(program, replace(flagged, flagged=False)))
        await pilot.pause()
        assert not app.screen.query("#rf-improvement")


@pytest.mark.parametrize("onboarded", [True, False])
async def test_a_broken_program_file_closes_the_app_saying_what_is_wrong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, onboarded: bool
) -> None:
    """The program's rules are read after the first frame (or for onboarding): a broken file
    then closes the app with exit code 1 and the report the command line prints."""
    content = tmp_path / "content"
    shutil.copytree(content_dir(), content)
    (content / "program.toml").write_text('schema_version = 1\ndisclaimer = ""\n')
    monkeypatch.setattr(context_module, "content_dir", lambda: content)
    app, _clock = make_app(tmp_path, onboarded=onboarded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    report = app.closing_report or ""
    assert report.startswith("itb: the content could not be loaded, so the app cannot run:")
    assert f"  - {content / 'program.toml'}: field 'disclaimer'" in report
