"""Plain text from the user: notes and other free text, cleaned once on the way in and out.

Use ``plain_text`` on every note that comes in (command line, note fields, history edits) and
on every note that goes out (the command line's echo, CSV and Markdown exports), so a terminal
escape sequence, a bell or a stray byte never reaches a terminal or a report. The screens show
text through itb_tui/tui/text.py, which uses ``without_controls``.
"""

from __future__ import annotations

import re

NOTE_LIMIT = 200  # characters in a note, in every note field and on the command line
# Characters of a note drawn on a screen or in a report: a note edited by hand in its file can
# be megabytes, which would take minutes and gigabytes to lay out.
NOTE_SHOWN = 2000

# Terminal escape sequences as a whole (CSI such as ESC[31m, OSC up to BEL or ESC \, and
# two-character escapes), so that no half of one is left behind as text.
_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
# What is never shown: the control characters (Unicode category Cc: C0, DEL and C1), lone
# surrogates (Cs) and the characters that reorder what a terminal shows (bidirectional
# overrides and isolates, U+202A-E and U+2066-9), as one class that a search runs through in C
# (checking each character in Python cost the app's start a few milliseconds). A tab and a line
# break are text; on screen a tab becomes a space first, so one class serves both (compiling
# a class with the surrogates in it runs about 4.6 M instructions, 0.4 % of the app's start).
_CONTROL_IN_TEXT = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
)
_WHITESPACE = frozenset("\t\n\r\v\f\x85\u2028\u2029")


def plural(count: int, noun: str, many: str = "") -> str:
    """'1 set', '3 sets', '0 sets' ('many' for an irregular plural: 'entry', 'entries')."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first, a full stop last (unless it ends in ? or .)."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?")) else text + "."


def is_undecodable(text: str) -> bool:
    """True when ``text`` holds bytes that were not valid UTF-8 (as the command line gets them)."""
    return any("\udc80" <= char <= "\udcff" for char in text)


def control_character(text: str) -> str | None:
    """The first control character in ``text`` (an escape, a bell, a bidirectional override...)
    written as U+XXXX, or None; tabs and line breaks are not counted."""
    found = _CONTROL_IN_TEXT.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def without_controls(text: str) -> str:
    """``text`` without escape sequences and control characters; a tab becomes a space and
    line breaks stay (for showing text as it is, on screen)."""
    text = _ESCAPE.sub("", text).replace("\t", " ")  # no tab left for the class to keep
    return _CONTROL_IN_TEXT.sub("", text)


def plain_text(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with escape sequences and control characters removed, on one line.

    Tabs and line breaks become single spaces (with ``keep_newlines``, a line break becomes
    ``\\n``, for a file format that can hold one); lone surrogates (undecodable bytes) are
    dropped; the ends are stripped.
    """
    text = ("\n" if keep_newlines else " ").join(text.splitlines())
    text = "".join(" " if char in _WHITESPACE and char != "\n" else char for char in text)
    return without_controls(text).strip()


def fit_note(text: str, limit: int = NOTE_LIMIT) -> tuple[str, bool]:
    """The first line of ``text``, cleaned and cut to ``limit``; True when anything was lost.

    For pasted text: a note is one line, so what follows the first line break is left out.
    """
    lines = text.strip().splitlines() or [""]
    first = plain_text(lines[0])
    cut = first[:limit].rstrip()
    return cut, len(lines) > 1 or cut != first


def shown_note(note: str, limit: int = NOTE_SHOWN) -> str:
    """``note`` as drawn: whole up to ``limit`` characters, else its start and
    '... (note shortened: 50 MB)'. The note itself is kept whole."""
    if len(note) <= limit:
        return note
    size = len(note.encode("utf-8", "surrogatepass"))
    mb = size / 1_000_000
    amount = f"{mb:.0f} MB" if mb >= 10 else f"{mb:.1f} MB" if mb >= 0.1 else f"{size:,} bytes"
    return f"{note[:limit]}... (note shortened: {amount})"
