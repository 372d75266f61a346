"""A 0-10 pain scale picked with digits or arrows, with plain-language anchors."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from itb_tui.core.pain import BANDS, PainBand, pain_band
from itb_tui.tui.keys import bindings

ANCHORS = {
    0: "no pain at all",
    1: "barely there, easy to forget",
    2: "mild, noticeable but not bothering you",
    3: "mild, a nag you can ignore while busy",
    4: "moderate, you notice it during activity",
    5: "moderate, it pulls your attention",
    6: "moderate-strong, hard to ignore",
    7: "severe, it limits what you can do",
    8: "severe, hard to think of anything else",
    9: "very severe, barely bearable",
    10: "the worst pain you can imagine",
}


BAND_STYLES: dict[PainBand, str] = {"mild": "green", "moderate": "yellow", "severe": "red"}


def anchor(score: int) -> str:
    return ANCHORS[score]


def pain_style(score: float) -> str:
    """The colour of a pain score's band."""
    return BAND_STYLES[pain_band(score)]


def band_legend() -> list[tuple[str, str] | str]:
    """'0-3 4-6 7-10', each in its band's colour, for Text.assemble."""
    parts: list[tuple[str, str] | str] = []
    for band, lowest, highest in BANDS:
        parts += [" "] if parts else []
        parts.append((f"{lowest}-{highest}", BAND_STYLES[band]))
    return parts


def moved(value: int | None, step: int) -> int:
    """One step along the scale; from no score, the first step lands on an end (0 or 10)."""
    if value is None:
        return 0 if step > 0 else 10
    return max(0, min(10, value + step))


def scale_cells(value: int | None) -> Text:
    """The row 0-10, ``value`` (if any) bracketed and reversed, the rest coloured by band."""
    cells = Text()
    for score in range(11):
        if score == value:
            cells.append(f"[{score}]", style="bold reverse")
        else:
            cells.append(f" {score} ", style=pain_style(score))
        cells.append(" ")
    return cells


class PainScale(Widget, can_focus=True):
    """Digits 0-9 pick a score directly; left/right move, reaching 10."""

    DEFAULT_CSS = """
    PainScale {
        height: auto;
        margin: 1 0;
    }
    PainScale:focus {
        background: $boost;
    }
    """
    BINDINGS = bindings("scale")

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        """The score changed."""

        def __init__(self, value: int) -> None:
            self.value = value
            super().__init__()

    def action_move(self, step: int) -> None:
        self.value = moved(self.value, step)

    def action_pick(self, score: int) -> None:
        self.value = score

    def watch_value(self, value: int | None) -> None:
        if value is not None:
            self.post_message(self.Changed(value))

    def render(self) -> Text:
        cells = scale_cells(self.value)
        cells.append("\n")
        if self.value is None:
            cells.append("Press a digit 0-9, or use the arrows (10 is one past 9).", style="dim")
        else:
            cells.append(f"{self.value}/10: {anchor(self.value)}", style="bold")
        return cells
