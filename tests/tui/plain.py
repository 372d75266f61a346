"""The screen as plain characters, the way a monochrome terminal or a screen reader gets it."""

from __future__ import annotations

from itb_tui.tui.app import ItbApp


def plain(app: ItbApp) -> str:
    """Every line of the current screen, characters only, trailing blanks dropped."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


def line_with(text: str, needle: str) -> str:
    """The first line of ``text`` that contains ``needle``."""
    return next(line for line in text.splitlines() if needle in line)
