"""Record ids: every session, pain log, run-week decision, function score and red-flag change
gets an id of its own when it is first written (``uid``: a ULID, unique across copies and
machines), and keeps it for good: edits and deletes find a record by it, never by position.

A record written before ids has none in its file: it gets one derived from its content and
from how many records with the same content came before it in the file, the same at every
read, and that id is the one written with it at the month's next save, so it never changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, Protocol

DERIVED_PREFIX = "h"  # a derived id: lowercase, never a ULID (Crockford base32, upper case)
UID_LIMIT = 64  # characters in an id read from a file


class HasUid(Protocol):
    uid: str

    def to_dict(self) -> dict[str, Any]: ...


def new_id() -> str:
    """A new ULID: 26 characters, sortable by when it was made."""
    from ulid import ULID  # only a write needs it: start-up stays light

    return str(ULID())


def derived_id(kind: str, content: dict[str, Any], occurrence: int) -> str:
    """The id of a record read without one: its kind, content and the number of records of
    the same content before it in its file."""
    text = json.dumps([kind, content, occurrence], sort_keys=True, default=str)
    return DERIVED_PREFIX + hashlib.sha256(text.encode()).hexdigest()[:25]


def settle_ids(kind: str, records: Iterable[HasUid]) -> None:
    """Give each record read without an id (or with one a record before it already has: a
    block copied by hand) its derived id; ``records`` in file order."""
    taken: set[str] = set()
    copies: dict[str, int] = {}
    for record in records:
        if not record.uid or record.uid in taken:
            content = {k: v for k, v in record.to_dict().items() if k != "uid"}
            key = json.dumps(content, sort_keys=True, default=str)
            occurrence = copies[key] = copies.get(key, -1) + 1
            record.uid = derived_id(kind, content, occurrence)
        taken.add(record.uid)


def give_ids(records: Iterable[HasUid]) -> None:
    """A new id for each record not written yet (one without an id)."""
    for record in records:
        if not record.uid:
            record.uid = new_id()
