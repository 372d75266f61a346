"""The footer: the keys that work on the current screen, in one line."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget


class FooterKey(NamedTuple):
    """One key as the footer shows it."""

    key: str  # the key name, as simulate_key takes it
    display: str  # how the key is written, e.g. '⏎' or '^p'
    description: str
    enabled: bool
    tooltip: str
    rank: int = 0  # on a narrow screen the keys of lower rank are dropped first


def fitting(widths: list[int], ranks: list[int], room: int) -> list[int]:
    """The keys (by index, in order) that fit in ``room``: highest rank first, then in order."""
    chosen: set[int] = set()
    used = 0
    for index in sorted(range(len(widths)), key=lambda n: (-ranks[n], n)):
        if used + widths[index] <= room:
            chosen.add(index)
            used += widths[index]
    return sorted(chosen)


class KeysFooter(Widget, can_focus=False):
    """The screen's shown bindings, left, and the command palette key, right.

    When they do not all fit, the keys a screen names in ``FOOTER_KEEP`` (binding ids, most
    important first) are dropped last.

    Textual's Footer mounts a widget for every key and rebuilds them all whenever a screen's
    bindings are refreshed; each widget costs the first frame a few milliseconds. This one draws
    the same line itself, repaints only when the keys shown change, and still answers a click
    on a key (as if it were pressed) and a hover (the key's tooltip).
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--disabled",
        "keys-footer--hover",
        "keys-footer--separator",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keys-footer--disabled {
            text-style: dim;
        }
        .keys-footer--hover {
            background: $block-hover-background;
        }
        .keys-footer--separator {
            color: $foreground 20%;
        }
    }
    """

    keys: reactive[tuple[FooterKey, ...]] = reactive(())
    palette: reactive[FooterKey | None] = reactive(None)
    hover: reactive[int | None] = reactive(None)

    def __init__(self) -> None:
        super().__init__()
        # x from, x to, the key's index (as ``hover`` counts) and the key; set by render
        self._spans: list[tuple[int, int, int, FooterKey]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Read the keys again; the reactives repaint only when something differs."""
        if screen is not self.screen:
            return
        keys, palette = self._read_keys(screen)
        self.keys = keys
        self.palette = palette

    def _read_keys(self, screen: Screen[object]) -> tuple[tuple[FooterKey, ...], FooterKey | None]:
        app = self.app
        keys: list[FooterKey] = []
        actions: set[str] = set()
        palette: FooterKey | None = None
        keep: tuple[str, ...] = getattr(screen, "FOOTER_KEEP", ())
        key_label: Callable[[Binding], str] | None = getattr(screen, "key_label", None)
        for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items():
            rank = len(keep) - keep.index(binding.id) if binding.id in keep else 0
            label = key_label(binding) if key_label else binding.description
            shown = FooterKey(key, app.get_key_display(binding), label, enabled, tooltip, rank)
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = shown._replace(tooltip=tooltip or binding.description)
            elif binding.show and binding.action not in actions:  # one key per action
                actions.add(binding.action)
                keys.append(shown)
        return tuple(keys), palette

    def _key_content(self, item: FooterKey, index: int, lead: str = " ") -> Content:
        """' key description ', dimmed when the key does nothing now, lit under the mouse."""
        key_style = self.get_visual_style("keys-footer--key")
        text_style = self.get_visual_style("keys-footer--description")
        for state, component in ((not item.enabled, "disabled"), (index == self.hover, "hover")):
            if state:
                extra = self.get_visual_style(f"keys-footer--{component}")
                key_style, text_style = key_style + extra, text_style + extra
        text = f"{item.description} " if item.description else ""
        return Content.assemble((f"{lead}{item.display} ", key_style), (text, text_style))

    def render(self) -> Content:
        right = Content("")
        if self.palette is not None:  # docked right, after a thin rule
            rule = ("▏", self.get_visual_style("keys-footer--separator"))
            right = Content.assemble(rule, self._key_content(self.palette, len(self.keys), ""))
        room = max(0, self.size.width - right.cell_length)
        spans: list[tuple[int, int, int, FooterKey]] = []
        left = Content("")
        parts = [self._key_content(item, index) for index, item in enumerate(self.keys)]
        widths = [part.cell_length for part in parts]
        for index in fitting(widths, [item.rank for item in self.keys], room):
            item, part = self.keys[index], parts[index]  # narrow: whole keys only
            spans.append((left.cell_length, left.cell_length + part.cell_length, index, item))
            left += part
        if self.palette is not None:
            spans.append((room + 1, room + right.cell_length, len(self.keys), self.palette))
        self._spans = spans
        return left.pad_right(room - left.cell_length) + right

    def _key_at(self, x: int) -> tuple[int, FooterKey] | None:
        for start, end, index, item in self._spans:
            if start <= x < end:
                return index, item
        return None

    def on_click(self, event: events.Click) -> None:
        found = self._key_at(event.x)
        if found is None:
            return
        _index, item = found
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        found = self._key_at(event.x)
        self.hover = None if found is None else found[0]
        self.tooltip = None if found is None else (found[1].tooltip or None)

    def on_leave(self, _event: events.Leave) -> None:
        self.hover = None
