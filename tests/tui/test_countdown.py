"""A hold's countdown: each new second repaints the countdown alone, and only its changed cells
(the digits, and the bar when its fill moves); nothing is laid out again, and the compositor
reads no other text on the screen (all of this is most of what a second of a hold costs)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.session import SessionScreen
from itb_tui.tui.widgets.countdown import BAR_WIDTH, Countdown
from itb_tui.tui.widgets.footer import KeysFooter

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


async def into_the_hold(app: ItbApp, pilot: Pilot[None]) -> tuple[SessionScreen, Countdown]:
    """Past the intro and the lead-in into daily-stretch's 90 s pigeon hold, a few s in."""
    await pilot.pause()
    await pilot.press("enter", "enter")
    screen = session_screen(app)
    next_second(screen, 6.0)
    await pilot.pause()
    return screen, screen.query_one(Countdown)


def next_second(screen: SessionScreen, seconds: float = 1.0) -> None:
    """The clock moves on and the screen looks at it, as its timer would."""
    screen.engine.clock.advance(seconds)  # type: ignore[attr-defined]
    screen.tick()


@contextmanager
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Counter[Widget], Counter[Widget]]]:
    """Count, per widget, the compositor's reads of its lines and the lines drawn anew."""
    read: Counter[Widget] = Counter()
    drawn: Counter[Widget] = Counter()
    render_lines = Widget.render_lines

    def counted_lines(self: Widget, crop: Region) -> list[Strip]:
        read[self] += 1
        return render_lines(self, crop)

    monkeypatch.setattr(Widget, "render_lines", counted_lines)
    for cls in (Widget, Countdown):  # the countdown draws its own lines
        render_line = cls.render_line

        def counted_line(
            self: Widget, y: int, draw: Callable[[Any, int], Strip] = render_line
        ) -> Strip:
            drawn[self] += 1
            return draw(self, y)

        monkeypatch.setattr(cls, "render_line", counted_line)
    yield read, drawn


async def test_a_new_second_of_a_hold_repaints_the_countdown_and_lays_out_nothing(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, countdown = await into_the_hold(app, pilot)
        shown = countdown.value()
        assert asked_for(app) == ([], [])
        next_second(screen)
        layout, repaint = asked_for(app)
        assert countdown.value() != shown
        assert layout == []
        assert repaint == ["countdown"]


async def test_ten_seconds_of_a_hold_render_the_countdown_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other texts, the banner and the footer are neither rendered nor read again: the
    compositor reads every child of a container it repaints in, so the countdown stands
    between two groups and only the containers' blank lines are read."""
    app, _clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, countdown = await into_the_hold(app, pilot)
        with counting(monkeypatch) as (read, drawn):
            for _ in range(10):
                next_second(screen)
                await pilot.pause()
        texts_read = [w.id for w in read if isinstance(w, Static)]
        assert list(drawn) == [countdown]
        assert 30 < drawn[countdown] < 40  # the digits' 3 lines a second, the bar's now and then
        assert texts_read == []
        assert screen.query_one(KeysFooter) not in drawn


async def test_a_second_repaints_the_digits_cells_and_the_bar_only_when_it_moves(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, countdown = await into_the_hold(app, pilot)
        width = countdown.size.width
        bar_moves = 0
        for _ in range(10):
            filled = countdown.filled()
            next_second(screen)
            regions = set(countdown._repaint_regions)
            bar = Region(0, 3, width, 1)
            digits = regions - {bar}
            assert len(digits) == 1
            (cells,) = digits
            assert cells.height == 3
            assert cells.width <= 12  # 'm:ss' in the 3x3 font, not the widget's 78 cells
            assert (bar in regions) == (countdown.filled() != filled)
            bar_moves += bar in regions
            await pilot.pause()
        assert 0 < bar_moves < 10  # a 50-cell bar over 90 s moves in about half the seconds
        assert countdown.filled() == round(16 / 90 * BAR_WIDTH)


async def test_a_cue_flash_lights_the_digits_lines(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        screen, countdown = await into_the_hold(app, pilot)
        accent = Color.parse(app.theme_variables["accent"]).rich_color

        def lit() -> list[bool]:
            lines = countdown.render_lines(Region(0, 0, countdown.size.width, 4))
            return [all(s.style and s.style.bgcolor == accent for s in line) for line in lines]

        assert lit() == [False] * 4
        screen.flash()
        await pilot.pause()
        assert lit() == [True, True, True, False]  # the digits' lines, edge to edge; not the bar
        screen.flash(on=False)
        await pilot.pause()
        assert lit() == [False] * 4


async def test_the_countdown_follows_a_change_of_theme(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, countdown = await into_the_hold(app, pilot)

        def colours() -> list[object]:
            line = countdown.render_lines(Region(0, 0, countdown.size.width, 4))
            return [(s.style.color, s.style.bgcolor) for row in line for s in row if s.style]

        dark = colours()
        app.theme = "textual-light"
        await pilot.pause()
        light = colours()
        assert light != dark
        background = Color.parse(app.theme_variables["background"]).rich_color
        assert {bg for _fg, bg in light} == {background}  # type: ignore[misc]
