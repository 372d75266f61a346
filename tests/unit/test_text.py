"""What is never shown (core/text.py): the control characters, lone surrogates and the
bidirectional controls, found by one search; checked here against the definition, character
by character, over every character of the Basic Multilingual Plane and over random text."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from itb_tui.core.text import control_character, without_controls

ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown(char: str) -> bool:
    """The definition: neither a control character (Cc) nor a lone surrogate (Cs), nor a
    character that reorders the line."""
    return unicodedata.category(char) not in ("Cc", "Cs") and char not in BIDI


def first_control(text: str) -> str | None:
    for char in text:
        if char not in "\t\n" and not shown(char):
            return f"U+{ord(char):04X}"
    return None


def on_screen(text: str) -> str:
    text = ESCAPE.sub("", text).replace("\t", " ")
    return "".join(char for char in text if char == "\n" or shown(char))


def test_every_character_of_the_first_plane_is_judged_as_the_definition_says() -> None:
    for code in range(0x10000):
        char = chr(code)
        assert control_character(char) == first_control(char), hex(code)
        assert without_controls(char) == on_screen(char), hex(code)


def test_tabs_and_line_breaks_are_text_and_a_tab_shows_as_a_space() -> None:
    assert control_character("one\ttwo\nthree") is None
    assert without_controls("one\ttwo\nthree\x07\u202e") == "one two\nthree"
    assert control_character("stairs\x1b[2J") == "U+001B"


@given(st.text(alphabet=st.characters(codec=None), max_size=60))
def test_any_text_is_judged_as_the_definition_says(text: str) -> None:
    assert control_character(text) == first_control(text)
    assert without_controls(text) == on_screen(text)
