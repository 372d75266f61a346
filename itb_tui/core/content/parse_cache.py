"""Parsed content files kept between runs, so a start does not parse the same TOML again.

An entry holds a file's exact bytes beside what they parse to, and is used only while the file
still has exactly those bytes: editing a content file, or installing a new version, simply makes
a new entry. Entries are marshal data (plain tables, lists, strings and numbers) in the user's
cache folder. A missing, stale or unreadable entry means one parse as before; a cache that cannot
be written is skipped. Nothing in it is the user's data.
"""

from __future__ import annotations

import contextlib
import marshal
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = 1  # part of every entry: a new layout never reads an old one


def entry_path(cache_dir: Path, source: Path) -> Path:
    """Where the entry for ``source`` lives: its name and a checksum of its full path."""
    return cache_dir / f"{source.stem}-{zlib.crc32(str(source).encode()):08x}.marshal"


def cached_parse(
    source: Path, raw: bytes, cache_dir: Path | None, parse: Callable[[bytes], dict[str, Any]]
) -> dict[str, Any]:
    """``parse(raw)``, or the table parsed from these very bytes on an earlier run."""
    if cache_dir is None:
        return parse(raw)
    from itb_tui.core.store.files import StoreError, atomic_write, read_bytes

    entry = entry_path(cache_dir, source)
    try:
        form, cached_raw, table = marshal.loads(read_bytes(entry) or b"")
        if form == FORMAT and cached_raw == raw and isinstance(table, dict):
            return table
    except (StoreError, EOFError, ValueError, TypeError):
        pass  # no entry yet, or one this version cannot use: parse and write it again
    table = parse(raw)  # a parse error propagates, and nothing is cached
    try:
        blob = marshal.dumps((FORMAT, raw, table))
    except ValueError:  # a value marshal cannot hold (a date, say): not cached
        return table
    with contextlib.suppress(StoreError):  # a read-only or full disk: the next start parses again
        atomic_write(entry, blob)
    return table
