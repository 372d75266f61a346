"""What the marks in front of Today's entries mean: one list, for Home and the help screen."""

from __future__ import annotations

from textual.markup import escape

MARKS = (
    ("[ ]", "due today"),
    ("[x]", "done today"),
    ("( )", "optional today"),
    ("---", "rest day"),
    ("i", "advice for this week"),
    ("!", "a warning sign, or see a professional"),
    ("+", "ready to progress"),
)


def legend_markup() -> str:
    """The marks in one paragraph, as markup (it wraps in a narrow panel)."""
    marks = ", ".join(f"[b]{escape(mark)}[/b] {meaning}" for mark, meaning in MARKS)
    return f"[dim]Marks:[/dim] {marks}"


def legend_table() -> str:
    """The marks as a Markdown table, for the help screen."""
    rows = "\n".join(f"| `{mark}` | {meaning} |" for mark, meaning in MARKS)
    return f"## Today's marks\n\n| mark | meaning |\n|---|---|\n{rows}\n"
