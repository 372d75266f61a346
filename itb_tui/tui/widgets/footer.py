"""A Footer that rebuilds its keys only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, bool, str], ...]


class KeysFooter(Footer):
    """Textual's Footer rebuilds every key widget each time a screen's bindings are refreshed
    (mount, focus, a refresh_bindings call); most of those leave the shown keys as they were.
    This one compares what it would show with what it shows, and rebuilds only on a change.
    """

    _shown: Shown | None = None

    def _would_show(self, screen: Screen[object]) -> Shown:
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (key, binding.description, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        shown = self._would_show(screen) if screen is self.screen else None
        if shown is not None and shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
