"""A big countdown: the seconds in Textual's 3x3 digits over a bar that moves with them.

One widget draws both, so a new second of a hold repaints one widget, and only the cells
that change: the digits are drawn in Textual's own 3x3 font, as its ``Digits`` widget draws
them, and the bar's line is repainted only when its fill moves.
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive
from textual.renderables.digits import Digits as DigitsFont
from textual.style import Style
from textual.widget import Widget

BAR_WIDTH = 50
DIGITS_META = Style.from_meta({"offset": (0, 0)})  # what Textual's Digits gives its glyphs


def clock_text(seconds: int) -> str:
    """'0:45', '12:00'."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"


def bar_text(done: float, width: int = BAR_WIDTH) -> Text:
    """A bar whose fill shows without colour (full vs light shade); redrawn only when told."""
    filled = round(max(0.0, min(1.0, done)) * width)
    return Text.assemble(("█" * filled, "bold"), ("░" * (width - filled), "grey35"))


@lru_cache(maxsize=64)
def digit_rows(text: str) -> tuple[str, str, str]:
    """The three rows of ``text`` in Textual's 3x3 font (light strokes, as Digits draws)."""
    drawn = DigitsFont(text).render(RichStyle())
    rows = [seg.text for seg in drawn if isinstance(seg, Segment) and seg.text != "\n"]
    return rows[0], rows[1], rows[2]


@lru_cache(maxsize=BAR_WIDTH + 1)
def bar_content(filled: int) -> Content:
    """The bar with ``filled`` of its cells full."""
    return Content.from_rich_text(bar_text(filled / BAR_WIDTH))


def centred(content: Content, width: int) -> Content:
    """``content`` in the middle of ``width`` cells (the extra cell, if odd, on the right)."""
    room = max(0, width - content.cell_length)
    return Content(" " * (room // 2)) + content + Content(" " * (room - room // 2))


class Countdown(Widget):
    """Shows whole seconds left of ``total``; it never reads a clock itself.

    Four lines: the digits (three) and the bar. Setting the same second again draws nothing;
    a new one repaints the digits' cells, and the bar's line when its fill moves.
    """

    COMPONENT_CLASSES = {"countdown--bar", "countdown--flash"}
    DEFAULT_CSS = """
    Countdown {
        height: 4;
        margin-top: 1;
        text-align: center;
        .countdown--bar {
            color: $primary;
        }
        .countdown--flash {
            background: $accent;
            color: $background;
        }
    }
    """

    seconds: reactive[int] = reactive(0, repaint=False)
    total: reactive[float] = reactive(1.0, repaint=False)
    flashing: reactive[bool] = reactive(False)  # the digits' lines lit for a cue

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown = ("", 0)  # the digits and the bar's fill last drawn

    def filled(self) -> int:
        """The cells of the bar that are full."""
        total = max(1.0, self.total)
        done = max(0.0, min(1.0, (total - self.seconds) / total))
        return round(done * BAR_WIDTH)

    def value(self) -> str:
        """The digits shown, e.g. '1:05'."""
        return clock_text(self.seconds)

    def _digits_region(self, text: str) -> Region:
        """Where ``text``'s digits are drawn: centred in the top three lines."""
        width = DigitsFont.get_width(text)
        return Region((self.size.width - width) // 2, 0, width, 3)

    def _changed(self) -> None:
        """Repaint the cells of the digits that were or will be drawn, and the bar's row only
        when its fill moved: the rest of the widget stays as it is on the screen."""
        if not self.is_mounted or not self._shown[0]:
            return
        text, filled = self._shown
        dirty = [self._digits_region(text).union(self._digits_region(self.value()))]
        if self.filled() != filled:
            dirty.append(Region(0, 3, self.size.width, 1))
        self.refresh(*dirty)

    def watch_seconds(self) -> None:
        self._changed()

    def watch_total(self) -> None:
        self._changed()

    def render(self) -> Content:
        width = self.size.width
        text, filled = self._shown = (self.value(), self.filled())
        digits = Content("\n").join(
            centred(Content.styled(row, DIGITS_META), width) for row in digit_rows(text)
        )
        if self.flashing:
            digits = digits.stylize(self.get_visual_style("countdown--flash"))
        bar = bar_content(filled).stylize_before(self.get_visual_style("countdown--bar"))
        return Content("\n").join((digits, bar))
