"""Command palette: start any routine by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from itb_tui.tui.text import escape_markup, literal

if TYPE_CHECKING:
    from itb_tui.tui.app import ItbApp


class RoutineCommands(Provider):
    """'Start: Hip strength' for every routine."""

    def _commands(self) -> list[tuple[str, str, str]]:
        app = cast("ItbApp", self.app)
        return [
            (f"Start: {r.name}", r.summary, r.id) for r in app.context.library.routines.values()
        ]

    async def discover(self) -> Hits:
        app = cast("ItbApp", self.app)
        for title, help_text, routine_id in self._commands():
            yield DiscoveryHit(
                literal(title),
                partial(app.start_routine, routine_id),
                text=title,
                help=escape_markup(help_text),
            )

    async def search(self, query: str) -> Hits:
        app = cast("ItbApp", self.app)
        matcher = self.matcher(query)
        for title, help_text, routine_id in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(escape_markup(title)),
                    partial(app.start_routine, routine_id),
                    text=title,
                    help=escape_markup(help_text),
                )
