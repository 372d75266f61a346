"""A dialog's hint line: what to do next, with the problem above it in the error colour."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def show_hint(hint: Static, text: str, problem: str = "", *, scroll: bool = True) -> None:
    """Put ``text`` (and ``problem`` above it) in ``hint`` and scroll it into view, so it is
    seen on a small terminal too (``scroll=False``: a form opening, whose first field must stay
    in view)."""
    shown = Content(text)
    if problem:
        shown = Content.assemble((problem, "bold $text-error"), "\n", shown)
    hint.update(shown)
    if scroll:
        hint.call_after_refresh(hint.scroll_visible, animate=False)
