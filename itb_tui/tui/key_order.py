"""Keys in the order they were typed.

Textual runs a priority binding (the Enter that saves a dialog, Home's Enter) as soon as the
app reads the key, but a key before it that went to the focused widget (a digit for the pain
scale, a letter for a note, an arrow for Home's list) is handled later, once it has passed
through the widget and its screen. When both come in one read (a fast typist on a busy
machine, a paste, ``tmux send-keys 8 Enter``) the Enter overtook the digit: the dialog said
"Pick a score first" and stayed open.

So the app takes one key at a time: a key sent on to a widget is followed along the same way
by a ``KeyPassed`` marker, and the keys read meanwhile wait, in the order they came in, until
the marker is back. One that never comes back (its screen closed under it) is given up after
``LOST_S``, and the waiting keys go on.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from textual.message import Message

LOST_S = 0.5  # seconds: a marker not back by then is lost; a key takes a few milliseconds

K = TypeVar("K")


class KeyPassed(Message):
    """The key sent on with ``ticket`` has passed its widget and screen (or is given up)."""

    def __init__(self, ticket: int) -> None:
        super().__init__()
        self.ticket = ticket


@dataclass
class KeyOrder(Generic[K]):
    """The key on its way (its ticket, 0 for none) and the keys waiting behind it."""

    on_way: int = 0
    last: int = 0
    watched: int = 0  # the ticket whose marker is watched for loss
    waiting: deque[K] = field(default_factory=deque)

    def wait(self, key: K) -> bool:
        """True when ``key`` waits (kept in order) for the keys read before it."""
        if self.on_way or self.waiting:
            self.waiting.append(key)
            return True
        return False

    def sent(self) -> int:
        """A key went on to a widget: the keys after it wait for the marker with this ticket."""
        self.last += 1
        self.on_way = self.last
        return self.on_way

    def passed(self, ticket: int) -> None:
        """The marker with ``ticket`` is back (a stale one changes nothing)."""
        if ticket == self.on_way:
            self.on_way = 0

    def unwatched(self) -> int:
        """The ticket on its way, the first time it is asked for (0 after, and when none):
        its marker is then watched for loss."""
        if not self.on_way or self.on_way == self.watched:
            return 0
        self.watched = self.on_way
        return self.on_way

    def next_key(self) -> K | None:
        """The first waiting key, once no key is on its way."""
        if self.on_way or not self.waiting:
            return None
        return self.waiting.popleft()
