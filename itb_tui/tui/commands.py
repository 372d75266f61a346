"""Command palette: start any routine by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from itb_tui.tui.messages import StartRoutine
from itb_tui.tui.text import escape_markup, literal

if TYPE_CHECKING:
    from itb_tui.core.context import AppContext


@runtime_checkable
class WithContent(Protocol):
    """An app that holds the loaded content, whose routines the palette offers."""

    context: AppContext


class RoutineCommands(Provider):
    """'Start: Hip strength' for every routine; choosing one posts StartRoutine to the app."""

    def _commands(self) -> list[tuple[str, str, str]]:
        if not isinstance(self.app, WithContent):
            return []
        routines = self.app.context.library.routines.values()
        return [(f"Start: {r.name}", r.summary, r.id) for r in routines]

    def _start(self, routine_id: str) -> None:
        self.app.post_message(StartRoutine(routine_id))

    async def discover(self) -> Hits:
        for title, help_text, routine_id in self._commands():
            yield DiscoveryHit(
                literal(title),
                partial(self._start, routine_id),
                text=title,
                help=escape_markup(help_text),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, routine_id in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(escape_markup(title)),
                    partial(self._start, routine_id),
                    text=title,
                    help=escape_markup(help_text),
                )
