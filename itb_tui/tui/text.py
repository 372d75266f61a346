"""Showing text from the user or from content: always literally, never read as markup.

USE THIS for every string that the app did not write itself: notes, routine and exercise names,
steps, cues, summaries and the program's texts (shipped or from the user's content file),
file paths and error messages. Textual reads ``[...]`` in a plain ``str`` as markup, so a note
``[x]`` would vanish and a step ``[/i]`` would crash the screen. Either pass ``literal(text)``,
or write the styling as a template with ``$name`` slots and fill them with ``markup``:

    markup("[b]$name[/b] - $status", name=routine.name, status=status)

(``rich_literal`` and ``rich_markup`` do the same for Rich renderables such as table cells.)
Where Textual takes only a markup string (the command palette's help), pass
``escape_markup(text)``; in Markdown, ``markdown_literal(text)`` or ``markdown_code(text)``.

The app's notifications are always plain text (see ItbApp.notify), so they need nothing.
Control characters in the values (an escape sequence in a hand-edited file) are left out.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from rich.text import Text
from textual.content import Content

from itb_tui.core.text import without_controls

_PUNCTUATION = frozenset(string.punctuation)
_BACKTICKS = re.compile("`+")


def literal(text: str) -> Content:
    """``text`` as it is: brackets and backslashes are shown, nothing is styled, and control
    characters (a terminal escape sequence in a hand-edited file) are left out."""
    return Content(without_controls(text))


def markup(template: str, **values: object) -> Content:
    """The app's own markup ``template`` with each ``$name`` filled literally from ``values``."""
    filled = {key: without_controls(str(value)) for key, value in values.items()}
    return Content.from_markup(template, **filled)


def lines(parts: Iterable[Content | str]) -> Content:
    """Join lines (a ``str`` taken literally) with newlines into one Content."""
    return Content("\n").join(literal(p) if isinstance(p, str) else p for p in parts)


def escape_markup(text: str) -> str:
    """``text`` as Textual markup that shows it literally (for APIs that take only markup)."""
    return without_controls(text).replace("[", "\\[")


def markdown_literal(text: str) -> str:
    """``text`` as Markdown that shows it as it is: every ASCII punctuation mark escaped."""
    return "".join(f"\\{char}" if char in _PUNCTUATION else char for char in text)


def markdown_code(text: str) -> str:
    """``text`` as a Markdown code span, with a fence longer than any run of backticks in it."""
    fence = "`" * (1 + max((len(run) for run in _BACKTICKS.findall(text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def rich_literal(text: str, style: str = "") -> Text:
    """``literal`` as a Rich Text, for Rich renderables (tables, groups)."""
    return Text(without_controls(text), style=style)


def rich_markup(template: str, **values: object) -> Text:
    """``markup`` as a Rich Text, for Rich renderables (tables, groups)."""
    content = markup(template, **values)
    text = Text(content.plain)
    for span in content.spans:
        style = span.style
        text.stylize(style if isinstance(style, str) else style.rich_style, span.start, span.end)
    return text
