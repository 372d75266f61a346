"""A big countdown: the seconds in Textual's 3x3 digits over a bar that moves with them.

One widget draws both, so a new second of a hold repaints one widget, and only the cells
that change: the digits are drawn in Textual's own 3x3 font, as its ``Digits`` widget draws
them, and the bar's line is repainted only when its fill moves.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.geometry import Region
from textual.reactive import reactive
from textual.renderables.digits import Digits as DigitsFont
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

BAR_WIDTH = 50
GLYPH_META = {"offset": (0, 0)}
# the bar's cells: its fill shows without colour too (full blocks over light shade)
FULL = Style.from_rich_style(RichStyle.parse("bold"))
EMPTY = Style.from_rich_style(RichStyle.parse("grey35"))


def clock_text(seconds: int) -> str:
    """'0:45', '12:00'."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"


@lru_cache(maxsize=64)
def digit_rows(text: str) -> tuple[str, str, str]:
    """The three rows of ``text`` in Textual's 3x3 font (light strokes, as Digits draws)."""
    drawn = DigitsFont(text).render(RichStyle())
    rows = [seg.text for seg in drawn if isinstance(seg, Segment) and seg.text != "\n"]
    return rows[0], rows[1], rows[2]


class LineStyles(NamedTuple):
    """The Rich styles of the countdown's lines."""

    margin: RichStyle  # around the digits
    glyph: RichStyle
    bar_margin: RichStyle
    full: RichStyle  # the bar's cells
    empty: RichStyle


def line_styles(base: Style, bar: Style, digits: Style) -> LineStyles:
    """The lines' styles from the widget's (``digits`` is ``base`` or, lit, the flash's)."""
    glyph = RichStyle.from_meta(GLYPH_META)  # Textual's Digits marks its glyphs so
    return LineStyles(
        digits.rich_style,
        digits.rich_style + glyph,
        base.background_style.rich_style,
        (base + bar + FULL).rich_style,
        (base + bar + EMPTY).rich_style,
    )


class Countdown(Widget):
    """Shows whole seconds left of ``total``; it never reads a clock itself.

    Four lines: the digits (three) and the bar. Setting the same second again draws nothing;
    a new one repaints the digits' cells, and the bar's line when its fill moves.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"countdown--bar", "countdown--flash"}
    DEFAULT_CSS = """
    Countdown {
        height: 4;
        margin-top: 1;
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
        self._styles: LineStyles | None = None  # worked out again when the CSS changes

    def notify_style_update(self) -> None:
        self._styles = None
        super().notify_style_update()

    def watch_flashing(self) -> None:
        self._styles = None

    def line_styles(self) -> LineStyles:
        if self._styles is None:
            digits = "countdown--flash" if self.flashing else ""
            self._styles = line_styles(
                self.visual_style,
                self.get_visual_style("countdown--bar", partial=True),
                self.get_visual_style(digits) if digits else self.visual_style,
            )
        return self._styles

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

    def render_line(self, y: int) -> Strip:
        """Line ``y``: the three rows of the digits, then the bar, each centred. Drawn straight
        as strips (Textual's Content would lay out and style each line anew, a millisecond a
        second of a hold); the compositor asks only for the lines refreshed."""
        width = self.size.width
        text, filled = self._shown = (self.value(), self.filled())
        styles = self.line_styles()
        if y < 3:
            row = digit_rows(text)[y]
            return centred([Segment(row, styles.glyph)], len(row), width, styles.margin)
        cells = [
            Segment("█" * filled, styles.full),
            Segment("░" * (BAR_WIDTH - filled), styles.empty),
        ]
        return centred(cells, BAR_WIDTH, width, styles.bar_margin)


def centred(segments: list[Segment], length: int, width: int, margin: RichStyle) -> Strip:
    """``segments`` (``length`` cells) in the middle of ``width``, the odd cell on the right."""
    room = max(0, width - length)
    left, right = room // 2, room - room // 2
    return Strip([Segment(" " * left, margin), *segments, Segment(" " * right, margin)], width)
