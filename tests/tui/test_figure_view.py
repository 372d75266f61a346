"""The exercise figure on the session screen: beside the text when there is room, never
over it, and redrawn only while it moves."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.strip import Strip

from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import SWITCH_SECONDS, Tempo
from itb_tui.core.session.figure_art import draw_pose, rows_to_fit
from itb_tui.core.session.figure_motion import FRAMES_PER_SECOND
from itb_tui.core.session.pacer import RepPacer
from itb_tui.tui.app import ItbApp
from itb_tui.tui.widgets.figure import FIGURE_SCREEN_COLUMNS, ExerciseFigure
from tests.figures import clamshell, with_figure

from .figure_helpers import clock_of, figure_app, into_the_set
from .helpers import session_screen
from .plain import plain

WIDE = (120, 36)
STEP = 0.01  # far more often than any frame: the frame rate must come from the widget


def view(app: ItbApp) -> ExerciseFigure:
    return session_screen(app).query_one(ExerciseFigure)


def waiting_paint(app: ItbApp) -> bool:
    """Whether any widget on the screen asked to be laid out or repainted since the last paint."""
    screen = app.screen
    return any(
        widget._repaint_required or widget._layout_required
        for widget in (screen, *screen.walk_children())
    )


async def run_for(app: ItbApp, pilot: Pilot[None], seconds: float) -> None:
    """Let ``seconds`` pass in small steps, checking the clock as the timers would. The app
    paints (a pause of the event loop, a few hundredths of a second each) only after a step
    that asked for it, as it would: every repaint is still seen, frame by frame."""
    for _ in range(round(seconds / STEP)):
        clock_of(app).advance(STEP)
        session_screen(app).tick()
        view(app).tick()
        if waiting_paint(app):
            await pilot.pause()
    await pilot.pause()


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The frame (0 start .. 1 end) of every time the figure is painted on the screen."""
    drawn: list[float] = []
    original = ExerciseFigure.render_line

    def counting(self: ExerciseFigure, y: int) -> Strip:
        if y == 0:
            drawn.append(self.shown.fraction)
        return original(self, y)

    monkeypatch.setattr(ExerciseFigure, "render_line", counting)
    return drawn


@pytest.mark.parametrize("size", [WIDE, (FIGURE_SCREEN_COLUMNS, 24)])
async def test_the_intro_shows_the_start_position_beside_the_text(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = figure_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        widget = view(app)
        assert widget.display and widget.region.width > 0
        text = session_screen(app).query_one("#session")
        assert widget.region.x >= text.region.right
        assert text.region.width >= 80  # the text keeps the width it has on 80 columns
        figure = clamshell()
        columns = widget.content_size.width
        art = draw_pose(figure, figure.start, columns, rows_to_fit(figure, columns))
        screen = plain(app)
        assert all(line.rstrip() in screen for line in art if line.strip())
        assert "GET SET UP" in screen


async def test_without_a_figure_the_text_has_the_whole_width(tmp_path: Path) -> None:
    app = figure_app(tmp_path, figure=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert not view(app).display
        assert session_screen(app).query_one("#session").region.width == WIDE[0]


@pytest.mark.parametrize("size", [(80, 24), (60, 18), (FIGURE_SCREEN_COLUMNS - 1, 30)])
@pytest.mark.parametrize("stage", ["intro", "paced set"])
async def test_on_a_smaller_screen_the_figure_gives_way_to_every_line_of_text(
    tmp_path: Path, size: tuple[int, int], stage: str
) -> None:
    shown: dict[bool, str] = {}
    for figure in (False, True):
        app = figure_app(tmp_path / str(figure), figure=figure)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            if stage == "paced set":
                await into_the_set(app, pilot)
                assert "Rep 1 of 20" in plain(app)
            shown[figure] = plain(app)
            assert not view(app).display
    assert shown[True] == shown[False]


async def test_a_hidden_figure_sets_no_timer_until_the_screen_grows(tmp_path: Path) -> None:
    app = figure_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await into_the_set(app, pilot)
        await run_for(app, pilot, 0.3)  # moving, but out of sight
        assert not view(app).display and view(app).wake_in is None
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert view(app).display and view(app).wake_in is not None
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert view(app).wake_in is None


async def test_the_figure_moves_during_up_and_down_at_a_bounded_rate(
    tmp_path: Path, renders: list[float]
) -> None:
    app = figure_app(tmp_path)  # clamshells: 1 s up, 2 s hold, 2 s down
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await into_the_set(app, pilot)
        renders.clear()
        await run_for(app, pilot, 0.99)  # the up phase
        up = list(renders)
        assert len(up) <= 1 * FRAMES_PER_SECOND + 1
        assert len(up) >= FRAMES_PER_SECOND // 2
        assert up == sorted(up) and 0 < up[-1] < 1  # rising towards the end position
        await run_for(app, pilot, 0.03 + 2.0)  # into the hold, then past it
        renders.clear()
        await run_for(app, pilot, 1.9)  # most of the 2 s down
        down = list(renders)
        assert FRAMES_PER_SECOND <= len(down) <= 2 * FRAMES_PER_SECOND + 1
        assert down == sorted(down, reverse=True) and down[-1] < 0.2


async def test_no_redraw_and_no_wake_up_during_a_hold(tmp_path: Path, renders: list[float]) -> None:
    app = figure_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await into_the_set(app, pilot)
        await run_for(app, pilot, 1.02)  # just into the 2 s hold
        assert session_screen(app).coach.status() == "Rep 1 of 20 - HOLD"
        wake = view(app).wake_in
        assert wake is not None and wake > 1.9  # one wake, at the end of the hold
        renders.clear()
        await run_for(app, pilot, 1.9)
        assert renders == []


async def test_no_redraw_while_paused_switching_sides_or_resting(
    tmp_path: Path, renders: list[float]
) -> None:
    app = figure_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await into_the_set(app, pilot)
        await run_for(app, pilot, 0.5)
        await pilot.press("space")  # paused mid-rep
        renders.clear()
        await run_for(app, pilot, 1.0)
        assert renders == [] and view(app).wake_in is None
        await pilot.press("space", "enter")  # on again, then the set ends: switch sides
        await pilot.pause()
        assert "SWITCH SIDES" in plain(app)
        renders.clear()
        await run_for(app, pilot, SWITCH_SECONDS - 0.5)
        assert renders == [] and view(app).wake_in is None
        clock_of(app).advance(1.0)  # the other side's set starts, and ends at once
        session_screen(app).tick()
        await pilot.press("enter")
        await pilot.pause()
        assert "Rest after set 1" in plain(app)
        renders.clear()
        await run_for(app, pilot, 3.0)
        assert renders == [] and view(app).wake_in is None


async def test_no_redraw_during_a_timed_hold(tmp_path: Path, renders: list[float]) -> None:
    app = figure_app(tmp_path, "daily-stretch")  # the pigeon: a 90 s hold
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await into_the_set(app, pilot)
        assert view(app).display
        renders.clear()
        await run_for(app, pilot, 3.0)
        assert renders == [] and view(app).wake_in is None


class _FigureOnly(App[None]):
    def compose(self) -> ComposeResult:
        yield ExerciseFigure(auto_tick=True)


async def test_with_real_timers_it_sets_one_only_while_there_is_something_to_wait_for() -> None:
    clock = FakeClock()
    pacer = RepPacer(Tempo(2, 1, 2), 5, clock)
    pacer.start()
    app = _FigureOnly()
    async with app.run_test(size=(40, 12)) as pilot:
        widget = app.query_one(ExerciseFigure)
        widget.show(clamshell(), pacer)
        assert widget._timer is not None
        assert widget.wake_in == pytest.approx(1 / FRAMES_PER_SECOND, abs=0.01)
        clock.advance(2.5)  # the hold: one timer, to its end
        widget.tick()
        assert widget.wake_in == pytest.approx(0.5, abs=0.01)
        pacer.pause()
        widget.tick()
        assert widget._timer is None
        widget.show(clamshell(), None)  # a rest: no pacer
        assert widget._timer is None and widget.wake_in is None
        await pilot.pause()


async def test_a_frame_whose_dots_do_not_change_is_not_repainted(
    tmp_path: Path, renders: list[float]
) -> None:
    app = figure_app(tmp_path)
    still = clamshell()
    with_figure(app.context.library, "clamshell", replace(still, end=still.start))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await into_the_set(app, pilot)
        renders.clear()
        await run_for(app, pilot, 0.9)  # the up phase: new frames, the same dots
        assert view(app).wake_in is not None and renders == []


async def test_a_new_theme_repaints_the_figure_in_its_colours(tmp_path: Path) -> None:
    app = figure_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        before = view(app).render_line(0)
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        after = view(app).render_line(0)
        assert after.text == before.text
        assert next(iter(after)).style == view(app).rich_style != next(iter(before)).style
