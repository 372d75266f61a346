"""Controls that show their state in their glyphs, not in colour alone.

Textual draws every radio button as ``▐●▌``, every checkbox as ``▐X▌`` and a switch as a
coloured slider, whatever their value: on a monochrome terminal, under NO_COLOR, or to a
colour-blind user, on and off look the same. These draw ``(•)``/``( )``, ``[x]``/``[ ]`` and
the words "on"/"off", still styled by the theme.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList, Switch
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
    """A selection list whose boxes read ``[x]`` when ticked and ``[ ]`` when not."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        box = [segment.text for segment in segments[:3]]
        if box != [ToggleButton.BUTTON_LEFT, ToggleButton.BUTTON_INNER, ToggleButton.BUTTON_RIGHT]:
            return strip  # not a line that starts with a box
        index = round(self.scroll_offset.y) + y
        ticked = self.get_option_at_index(index).value in self.selected
        marks = CHECK[ticked]
        boxed = [seg._replace(text=text) for seg, text in zip(segments[:3], marks, strict=True)]
        return Strip([*boxed, *segments[3:]], strip.cell_length)
