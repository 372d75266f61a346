"""Square brackets and markup-like text from the user or from content show as they are, on
every screen, and never crash one."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from pathlib import Path

from itb_tui.core.history.records import PainLog, PainSpike
from itb_tui.core.store.settings import Settings
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.calendar import CalendarScreen
from itb_tui.tui.screens.choice import Choice, ChoiceScreen
from itb_tui.tui.screens.help import HelpScreen
from itb_tui.tui.screens.history import HistoryScreen
from itb_tui.tui.screens.history_dialogs import EditPainScreen
from itb_tui.tui.screens.onboarding import OnboardingScreen
from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.screens.session_detail import PainLogDetailScreen, SessionDetailScreen
from itb_tui.tui.screens.summary import SummaryScreen
from itb_tui.tui.text import literal, markdown_code, markdown_literal, markup, rich_literal
from itb_tui.tui.widgets.pick_list import PickList
from tests.tui.history_data import make_session

from .helpers import make_app

ROUTINE = "Evening [band]"
EXERCISE = "Wall sit [/b]"
STEP = "Slide down [/i] slowly"
SUMMARY = "Wall sits [/b] before bed"
CAUTION = "Stop [/yellow] if it hurts"
NOTE = "[x] stairs [/b] ok \\"

USER_CONTENT = f"""
schema_version = 1

[[exercise]]
id = "wall-sit"
name = "{EXERCISE}"
kind = "reps"
per_side = true
sets = 1
reps = [2, 3]
rest_s = 10
frequency = "3 times a week"
targets = "Quads [dim]"
equipment = ["a wall [b]"]
steps = ["{STEP}", "[@click=app.quit]Breathe[/]"]
cues = ["Knees [red]over toes"]
errors = ["Letting the knees fall inward."]
progressions = ["Go [b]lower"]
cautions = ["{CAUTION}"]
source = "my physio"

[[routine]]
id = "evening"
name = "{ROUTINE}"
category = "strength"
summary = "{SUMMARY}"
description = "A short [i]evening routine."

[[routine.items]]
exercise = "wall-sit"
"""


def screen_text(app: ItbApp) -> str:
    """Everything on the screen as plain text, one line after another."""
    svg = app.export_screenshot()
    parts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(parts)).replace("\xa0", " ")


def app_with_bracketed_content(tmp_path: Path) -> ItbApp:
    config = tmp_path / "config"
    config.mkdir(parents=True)
    (config / "content.toml").write_text(USER_CONTENT)
    app, clock = make_app(tmp_path)
    record = make_session(
        app.context.library, "evening", clock.wall() - timedelta(days=1), pain=2, note=NOTE
    )
    record.pain_spikes = [PainSpike(record.started_at, "wall-sit", "left", 4)]
    store = app.context.store
    store.save_session(record)
    store.add_pain_log(PainLog(clock.wall() - timedelta(hours=1), 3, "daily", NOTE))
    return app


async def test_brackets_show_literally_on_every_screen(tmp_path: Path) -> None:
    app = app_with_bracketed_content(tmp_path)
    store = app.context.store
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # Today is worked out after the first frame
        picks = app.home.query_one("#routines", PickList)
        index = picks.index_of("routine:evening")
        assert index is not None
        picks.highlighted = index
        await pilot.pause()
        home = screen_text(app)
        assert ROUTINE in home and "A short [i]evening routine." in home
        assert f"1. {EXERCISE} - 2-3 reps" in home

        await pilot.press("enter")  # the session's intro
        await pilot.pause()
        shown = screen_text(app)
        for text in (ROUTINE, EXERCISE, STEP, "[@click=app.quit]Breathe[/]", CAUTION):
            assert text in shown
        await pilot.press("enter", "enter")  # start, and the first set's work
        await pilot.pause()
        assert "Knees [red]over toes" in screen_text(app)
        app.pop_screen()

        record = store.everything().sessions[0]
        await app.push_screen(SummaryScreen(record, "/tmp/a [b] folder"))
        await pilot.pause()
        shown = screen_text(app)
        assert f"Note: {NOTE}" in shown and ROUTINE in shown
        assert "/tmp/a [b] folder" in shown
        app.pop_screen()

        await app.push_screen(SessionDetailScreen(record, store))
        await pilot.pause()
        shown = screen_text(app)
        assert NOTE in shown and ROUTINE in shown and EXERCISE in shown
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditPainScreen)
        assert f"Pain after {ROUTINE}" in screen_text(app)
        await pilot.press("escape", "escape")
        await pilot.pause()

        log = store.everything().pain_logs[0]
        await app.push_screen(PainLogDetailScreen(log, store))
        await pilot.pause()
        assert NOTE in screen_text(app)
        app.pop_screen()

        await app.push_screen(HistoryScreen(app.context))
        await pilot.pause()
        assert ROUTINE in screen_text(app)
        await app.push_screen(CalendarScreen(app.screen.index, app.screen.today, {}))  # type: ignore[attr-defined]
        await pilot.pause()
        assert "Wall sit [/b]" in screen_text(app)
        app.pop_screen()
        app.pop_screen()

        await app.push_screen(
            ChoiceScreen("A [/b] title", NOTE, [Choice("a", "a", "Write to /x[/i]")], "a")
        )
        await pilot.pause()
        shown = screen_text(app)
        assert "A [/b] title" in shown and NOTE in shown and "Write to /x[/i]" in shown
        app.pop_screen()

        await app.push_screen(PainRatingScreen(f"How is it after {ROUTINE}?"))
        await pilot.pause()
        assert f"How is it after {ROUTINE}?" in screen_text(app)
        app.pop_screen()

        await app.push_screen(
            OnboardingScreen(Settings(), "Care [/b] *here*", app.home.state.today)
        )
        await pilot.pause()
        assert "Care [/b] *here*" in screen_text(app)
        app.pop_screen()

        await app.push_screen(HelpScreen("Care [/b] *here* `x`", "/tmp/d[a]`t", "/tmp/[c]"))
        await pilot.pause()
        assert "Care [/b] *here* `x`" in screen_text(app)
        app.screen.query_one("#help-body").scroll_end(animate=False)
        await pilot.pause()
        shown = screen_text(app)
        assert "/tmp/d[a]`t" in shown and "/tmp/[c]" in shown
        app.pop_screen()

        app.home.notify(f"Saved {NOTE}", title="A [/b] title")  # as a screen does
        await pilot.pause()
        (said,) = [n for n in app._notifications if n.message == f"Saved {NOTE}"]
        assert not said.markup

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Evening")
        await pilot.pause(0.3)
        shown = screen_text(app)
        assert "Start: Evening [band]" in shown and SUMMARY in shown
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


def test_markdown_helpers_quote_everything() -> None:
    assert markdown_literal("a *b* [c](d) `e`") == "a \\*b\\* \\[c\\]\\(d\\) \\`e\\`"
    assert markdown_code("/tmp/x") == "`/tmp/x`"
    assert markdown_code("a`b") == "``a`b``"
    assert markdown_code("`a") == "`` `a ``"


def test_control_characters_never_reach_the_screen() -> None:
    assert literal("a\x1b[2Jb\x07\x9bc\td").plain == "abc d"
    assert markup("[b]$v[/b]", v="\x1b]0;title\x07x").plain == "x"
    assert rich_literal("a\x1b[31mb").plain == "ab"
