"""A light list of choices: each line drawn straight from its Content, nothing laid out per item.

The home screen opens with the app, and Textual's OptionList, which wraps, pads and caches every
option as its own visual, cost its first frame nearly twice as much as this list. The home screen
needs less: choices of one or more lines that never wrap, headers that cannot be picked, and a
rule. PickList draws each line as it is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from rich.segment import Segment
from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from itb_tui.tui.keys import bindings


class Pick(NamedTuple):
    """One entry: a choice (with an id) of one or more lines, or a header (no id)."""

    prompt: Content
    id: str | None = None


RULE = Pick(Content(""), None)  # a thin line between groups of entries


class PickList(ScrollView, can_focus=True):
    """Up/down (page up/down, home/end) move between the choices, skipping headers; Enter or
    a click picks one. Posts Highlighted when the highlight moves and Selected on a pick."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("pick list")
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pick-list--highlighted",
        "pick-list--header",
        "pick-list--rule",
    }
    DEFAULT_CSS = """
    PickList {
        height: auto;
        max-height: 100%;
        padding: 0 1;
        color: $foreground;
        background: $surface;
        overflow-x: hidden;
        & > .pick-list--header {
            color: $text-disabled;
        }
        & > .pick-list--rule {
            color: $foreground 15%;
        }
        & > .pick-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .pick-list--highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    highlighted: reactive[int | None] = reactive(None, init=False)

    class Highlighted(Message):
        """The highlight moved to ``pick`` (at ``index``)."""

        def __init__(self, pick_list: PickList, index: int, pick: Pick) -> None:
            self.pick_list = pick_list
            self.index = index
            self.pick = pick
            super().__init__()

    class Selected(Highlighted):
        """``pick`` was chosen with Enter or a click."""

    def __init__(self, *picks: Pick, id: str | None = None) -> None:
        super().__init__(id=id)
        self._picks: list[Pick] = []
        self._lines: list[tuple[int, Content]] = []  # (index of the pick, its line)
        self._starts: list[int] = []  # each pick's first line
        self.set_picks(picks)

    # -- entries ----------------------------------------------------------------------------

    @property
    def highlighted_pick(self) -> Pick | None:
        index = self.highlighted
        return None if index is None else self._picks[index]

    def set_picks(self, picks: Sequence[Pick], highlight: int | None = None) -> None:
        """Show these entries, lighting the one at ``highlight`` if it is a choice, else the
        first choice."""
        self._picks = list(picks)
        self._lines, self._starts = [], []
        for index, pick in enumerate(self._picks):
            self._starts.append(len(self._lines))
            self._lines.extend((index, line) for line in pick.prompt.split("\n", allow_blank=True))
        self.virtual_size = Size(0, len(self._lines))
        self.set_reactive(PickList.highlighted, None)
        lit = self.validate_highlighted(highlight)
        self.highlighted = self._choice_from(0, 1) if lit is None else lit
        self.refresh()

    def index_of(self, pick_id: str) -> int | None:
        return next((n for n, pick in enumerate(self._picks) if pick.id == pick_id), None)

    def _choice_from(self, index: int, step: int) -> int | None:
        """The first choice (not a header) from ``index`` on, going by ``step``."""
        while 0 <= index < len(self._picks):
            if self._picks[index].id is not None:
                return index
            index += step
        return None

    def validate_highlighted(self, index: int | None) -> int | None:
        if index is None or not 0 <= index < len(self._picks) or self._picks[index].id is None:
            return None
        return index

    def watch_highlighted(self, index: int | None) -> None:
        self.refresh()
        if index is None:
            return
        first = index  # bring the headers just above it into view too
        while first > 0 and self._picks[first - 1].id is None:
            first -= 1
        start = self._starts[first]
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self._lines)
        self.scroll_to_region(Region(0, start, 1, end - start), animate=False, immediate=True)
        self.post_message(self.Highlighted(self, index, self._picks[index]))

    # -- keys and mouse -----------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        current = self.highlighted
        if current is None:  # nothing lit: start from the first or the last choice
            self.action_edge(0 if step > 0 else -1)
            return
        found = self._choice_from(current + step, step)
        if found is not None:
            self.highlighted = found

    def action_page(self, direction: int) -> None:
        if self.highlighted is None:
            return
        page = max(1, self.scrollable_content_region.height - 1)
        line = self._starts[self.highlighted] + direction * page
        line = max(0, min(len(self._lines) - 1, line))
        found = self._choice_from(self._lines[line][0], direction)
        found = found if found is not None else self._choice_from(self._lines[line][0], -direction)
        if found is not None:
            self.highlighted = found

    def action_edge(self, end: int) -> None:
        found = self._choice_from(0, 1) if end == 0 else self._choice_from(len(self._picks) - 1, -1)
        if found is not None:
            self.highlighted = found

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None:
            self.post_message(self.Selected(self, index, self._picks[index]))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = offset.y + round(self.scroll_offset.y)
        if not 0 <= line < len(self._lines):
            return
        index = self._lines[line][0]
        if self._picks[index].id is not None:
            self.highlighted = index
            self.action_select()

    # -- drawing -----------------------------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line_number = y + round(self.scroll_offset.y)
        if not 0 <= line_number < len(self._lines):
            return Strip.blank(width, self.rich_style)
        index, line = self._lines[line_number]
        pick = self._picks[index]
        if pick.id is None and not pick.prompt:
            rule = self.get_visual_style("pick-list--rule")
            return Strip([Segment("─" * width, rule.rich_style)], width)
        if index == self.highlighted:
            style = self.get_visual_style("pick-list--highlighted")
        elif pick.id is None:
            style = self.get_visual_style("pick-list--header")
        else:
            style = self.get_visual_style()
        segments = line.truncate(width, ellipsis=True).render_segments(style)
        return Strip(segments).extend_cell_length(width, style.rich_style)
