"""Controls that show their state in their glyphs, not in colour alone.

Textual draws every radio button as ``▐●▌``, every checkbox as ``▐X▌`` and a switch as a
coloured slider, whatever their value: on a monochrome terminal, under NO_COLOR, or to a
colour-blind user, on and off look the same. These draw ``(•)``/``( )``, ``[x]``/``[ ]`` and
the words "on"/"off", still styled by the theme.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Checkbox, OptionList, RadioButton, SelectionList, Switch
from textual.widgets._toggle_button import ToggleButton

RADIO = ("( )", "(•)")
CHECK = ("[ ]", "[x]")
SWITCH = (("○", " off"), ("●", " on "))


def _glyphs(button: ToggleButton, marks: tuple[str, str]) -> Content:
    """The mark for the button's value, in the theme's button style."""
    return Content.styled(marks[button.value], button.get_visual_style("toggle--button"))


class Radio(RadioButton):
    """A radio button drawn ``(•)`` when chosen and ``( )`` when not."""

    @property
    def _button(self) -> Content:
        return _glyphs(self, RADIO)


class Tick(Checkbox):
    """A checkbox drawn ``[x]`` when ticked and ``[ ]`` when not."""

    @property
    def _button(self) -> Content:
        return _glyphs(self, CHECK)


class OnOff(Switch):
    """A switch that says "on" or "off" beside its knob, and does not animate."""

    def __init__(self, value: bool = False, *, id: str | None = None) -> None:
        super().__init__(value, animate=False, id=id)

    def render(self) -> Content:
        knob, word = SWITCH[self.value]
        return Content.assemble((knob, self.get_visual_style("switch--slider")), word)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return sum(len(part) for part in SWITCH[0])


class TickList(SelectionList[str]):
    """A selection list whose boxes read ``[x]`` when ticked and ``[ ]`` when not, and whose
    options may wrap onto more lines (the box on the first, the rest indented under it).

    Textual's SelectionList takes each line for one option, so it is drawn here instead.
    """

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        try:
            index, offset = self._lines[round(self.scroll_offset.y) + y]
        except IndexError:
            return line
        underlying = next(iter(line)).style or self.rich_style
        if offset:
            return Strip([Segment(" " * (len(CHECK[0]) + 1), underlying), *line])
        ticked = self.get_option_at_index(index).value in self.selected
        component = "selection-list--button" + "-selected" * ticked
        component += "-highlighted" * (self.highlighted == index)
        meta = Style(meta={"option": index})
        button = self.get_component_rich_style(component) + meta
        side = Style.from_color(button.bgcolor, underlying.bgcolor) + meta
        marks = CHECK[ticked]
        return Strip(
            [
                Segment(marks[0], side),
                Segment(marks[1], button),
                Segment(marks[2], side),
                Segment(" ", underlying),
                *line,
            ]
        )
