"""The exercise's figure beside the session's text, moving with the rep pacer.

It is hidden when the exercise has no figure, and on a screen too narrow to give the text its
full width beside it (the screen's ``-figure`` breakpoint class shows it). It repaints only when
its dots change: at most ``FRAMES_PER_SECOND`` times a second while the figure moves, never
while it holds or rests. It never reads a clock itself except through the pacer.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget

from itb_tui.core.content.figure import Figure
from itb_tui.core.session.figure_art import draw_pose, rows_to_fit
from itb_tui.core.session.figure_motion import STILL, Frame, blend, frame
from itb_tui.core.session.pacer import RepPacer

TEXT_COLUMNS = 80
"""The session's text is never narrower than on an 80-column screen without a figure."""
FIGURE_COLUMNS = 33
"""The figure's column: its width and right margin in ``figure.tcss``."""
FIGURE_SCREEN_COLUMNS = TEXT_COLUMNS + FIGURE_COLUMNS
"""The narrowest screen that shows the figure."""


class ExerciseFigure(Widget):
    """Draws ``figure`` where the pacer has it now (the start position without a pacer)."""

    def __init__(self, *, auto_tick: bool = True, id: str | None = None) -> None:
        super().__init__(id=id, classes="-none")
        self.auto_tick = auto_tick
        self.figure: Figure | None = None
        self.pacer: RepPacer | None = None
        self.shown: Frame = STILL
        self.wake_in: float | None = None  # when the next frame is due, while it moves
        self._timer: Timer | None = None
        self._art_key: tuple[object, ...] = ()
        self._strips: list[Strip] = []

    def show(self, figure: Figure | None, pacer: RepPacer | None) -> None:
        """Follow ``figure`` and ``pacer`` (either may be None) from now on."""
        if figure is not self.figure:
            self.figure = figure
            self.set_class(figure is None, "-none")
            self.refresh(layout=True)  # its height follows the figure's proportions
        self.pacer = pacer
        self.tick()

    def tick(self) -> None:
        """Check the pacer: repaint if the drawing changed, and wake for the next frame while
        the figure moves (a frame whose dots are the same as the last is not repainted)."""
        now = frame(self.pacer) if self.figure is not None else STILL
        moved = now.fraction != self.shown.fraction
        before = [strip.text for strip in self._strips]
        self.shown = now
        if moved and (not self.size or [strip.text for strip in self._art()] != before):
            self.refresh()
        self._wake(now.wake_in)

    def _wake(self, delay: float | None) -> None:
        """Wake in ``delay`` seconds; never while hidden (being shown again wakes it)."""
        self.wake_in = delay if self.display else None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.wake_in is not None and self.auto_tick and self.is_mounted:
            self._timer = self.set_timer(self.wake_in, self.tick)

    def on_show(self) -> None:
        self.tick()

    def on_hide(self) -> None:
        self._wake(None)

    def on_unmount(self) -> None:
        self._wake(None)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As tall as the figure is at this width (nothing without one)."""
        return 0 if self.figure is None else rows_to_fit(self.figure, width)

    def render_line(self, y: int) -> Strip:
        """One row of the drawing, made once per frame: a repaint costs a list look-up."""
        art = self._art()
        return art[y] if 0 <= y < len(art) else Strip.blank(self.content_size.width)

    def _art(self) -> list[Strip]:
        columns, rows = self.content_size
        style = self.rich_style  # a new theme repaints in its colours
        key = (self.figure, self.shown.fraction, columns, rows, style)
        if key != self._art_key:
            self._art_key, self._strips = key, self._draw(columns, rows, style)
        return self._strips

    def _draw(self, columns: int, rows: int, style: Style) -> list[Strip]:
        figure = self.figure
        if figure is None:
            return []
        pose = blend(figure.start, figure.end, self.shown.fraction)
        art = draw_pose(figure, pose, columns, min(rows, rows_to_fit(figure, columns)))
        return [Strip([Segment(line, style)], columns) for line in art]
