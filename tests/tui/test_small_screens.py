"""At the smallest supported size (60x18) the things that matter stay in view."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from itb_tui.core.store.settings import Settings
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.history import HistoryScreen
from itb_tui.tui.screens.onboarding import OnboardingScreen
from itb_tui.tui.screens.settings import SettingsScreen
from itb_tui.tui.widgets.history_table import COLUMNS, fit_columns

from .helpers import make_app
from .history_data import TODAY, seed_few
from .plain import line_with, plain


def test_columns_are_dropped_least_useful_first_and_never_pain() -> None:
    names = {width: [COLUMNS[i][0] for i, _w in fit_columns(width)] for width in (78, 66, 56, 40)}
    assert names[78] == names[66] == ["When", "What", "Time", "Done", "Pain"]
    assert names[56] == ["When", "What", "Done", "Pain"]
    assert names[40] == ["When", "What", "Pain"]
    for width in (78, 66, 56, 50):
        assert sum(w + 2 for _i, w in fit_columns(width)) <= width


@pytest.mark.parametrize(("size", "columns"), [((80, 24), 5), ((60, 18), 4)])
async def test_history_keeps_the_pain_column(
    tmp_path: Path, size: tuple[int, int], columns: int
) -> None:
    app, _clock = make_app(tmp_path)
    seed_few(app.context.store, app.context.library)
    async with app.run_test(size=size) as pilot:
        await app.push_screen(HistoryScreen(app.context))
        await pilot.pause()
        text = plain(app)
        header = line_with(text, "When")
        assert "Pain" in header and len(header.split()) == columns
        assert "/10" in text  # the scores themselves, not cut off
        footer = text.splitlines()[-1]
        assert " ⏎ Open " in footer and " esc Back " in footer and " ? Help " in footer


@pytest.mark.parametrize("size", [(80, 24), (60, 18)])
async def test_home_keeps_start_quit_and_help_in_its_footer(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        footer = plain(app).splitlines()[-1]
        assert " ⏎ Start " in footer and " q Quit " in footer and " ? Help " in footer


def words(text: str) -> str:
    """The screen's text with the frame characters and line breaks taken out."""
    kept = "".join(c if c.isalnum() or c in " :,-()'•" else " " for c in text)
    return " ".join(kept.split())


def whole_in_its_box(app: ItbApp, text: str) -> None:
    """``text`` (its words however far apart) is on screen with its field's right edge after
    it, so nothing is cut."""
    pattern = " +".join(re.escape(word) for word in text.split(" "))
    assert re.search(pattern + r" *▎", plain(app)), plain(app)


async def test_onboarding_settings_and_export_are_whole_at_60x18(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(60, 18)) as pilot:
        program = app.context.program
        await app.push_screen(OnboardingScreen(Settings(), program.disclaimer, TODAY))
        await pilot.pause()
        whole_in_its_box(app, "(•) Don't know")
        app.pop_screen()
        app.action_settings()
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        whole_in_its_box(app, "Terminal bell ▼")
        app.pop_screen()
        seed_few(app.context.store, app.context.library)
        await pilot.press("h", "x")
        await pilot.pause()
        dialog = app.screen.query_one(".dialog")
        shown = ""
        for y in range(dialog.max_scroll_y + 1):
            dialog.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            shown += words(plain(app))
        for label in ("for a spreadsheet", "can be read back", "physiotherapist", "to print"):
            assert label in shown
        assert "Export the whole history" in shown
