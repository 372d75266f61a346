"""A hurried second Enter: the press that closed a dialog or screen is often pressed twice, and
the second press, handled once the screen beneath is on top, would start the item highlighted
there (Home's Today, after the quick pain log, the check-in, the red flags or a summary).

Textual hands each key to whatever screen is on top when the key is handled, so the app asks
here first: an Enter that came in within ``BURST_S`` of the Enter that closed the screen it was
pressed on belongs to that press and goes nowhere, whatever is on top now (Home, or the red
flags opened by a high score, where it would tick the first flag). A key held down goes on
being swallowed while it repeats. Any other key, and an Enter after the burst, goes where it
always went. Textual's own screens (the command palette) are not watched: what follows them is
the screen just asked for. The times are when each key came in (Textual stamps a key as it is
read), not when the app got to it: a save that keeps the app busy after the first press does
not stretch the burst.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

BURST_S = 0.3  # seconds: a hurried double press is about 0.1-0.2 s apart
CLOSING_KEYS = frozenset({"enter"})


@dataclass
class KeyBurst:
    """The last key handled: which, when it came in (a monotonic clock) and the screen it
    went to."""

    key: str = ""
    at: float = float("-inf")
    screen: object = None

    def swallow(
        self, key: str, now: float, stack: Sequence[object], *, watched: bool = True
    ) -> bool:
        """True when ``key``, at ``now``, repeats the Enter that closed the screen it went to,
        within the burst; ``stack``: the screens open now, the one on top last; ``watched``:
        whether the closing of the screen on top, should this key close it, is watched."""
        closed = self.screen is not None and self.screen not in stack
        if closed and key == self.key and key in CLOSING_KEYS and now - self.at < BURST_S:
            self.at = now  # a held key repeats within the burst
            return True
        top = stack[-1] if stack and watched else None
        self.key, self.at, self.screen = key, now, top
        return False
