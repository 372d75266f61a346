"""The one-line note field of the pain dialogs and the history edit."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from itb_tui.core.text import NOTE_LIMIT, NOTE_SHOWN, fit_note, plain_text


class NoteInput(Input):
    """A note of at most NOTE_LIMIT characters on one line, without control characters.

    Pasted text keeps its first line, cut to the room left, and the user is told what was
    left out (a plain Input would insert nothing at all, silently).
    """

    def __init__(self, value: str = "", *, placeholder: str, id: str) -> None:
        # A note of megabytes (edited into the file by hand) starts as its beginning, and is
        # kept whole unless the field is changed.
        self._whole = value if len(value) > NOTE_SHOWN else ""
        start = plain_text(value[:NOTE_SHOWN])
        self._start = start if self._whole else None
        super().__init__(start, placeholder=placeholder, id=id, max_length=NOTE_LIMIT)

    @property
    def note(self) -> str:
        """The note as it is saved: cleaned and stripped (a huge one left as it was)."""
        if self._start is not None and self.value == self._start:
            return self._whole
        return plain_text(self.value)

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # Input's own handler would drop a paste that is too long
        start, end = sorted(self.selection)
        room = max(0, NOTE_LIMIT - len(self.value) + (end - start))
        text, cut = fit_note(event.text, room)
        self.replace(text, start, end)
        if cut:
            self.notify(
                f"Only the first line was pasted, at most {NOTE_LIMIT} characters in all.",
                title="Note shortened",
                severity="warning",
            )
