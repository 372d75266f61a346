"""Parsed content files kept between runs, so a start does not parse the same TOML again.

An entry holds a file's exact bytes beside what they parse to, and is used only while the file
still has exactly those bytes: editing a content file, or installing a new version, simply makes
a new entry. Entries are marshal data (plain tables, lists, strings and numbers; a date or a
time as a tuple of its kind and its ISO text, which TOML never gives) in the user's cache
folder. A missing, stale or unreadable entry means one parse as before; a cache that cannot be
written is skipped. The settings file is read through it too, so a start whose files are all
unchanged never imports the TOML parser.
"""

from __future__ import annotations

import contextlib
import marshal
import zlib
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

FORMAT = 2  # part of every entry: a new layout never reads an old one
_TIMES: dict[str, type[date] | type[time]] = {"date": date, "datetime": datetime, "time": time}


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
        form, cached_raw, dated, table = marshal.loads(read_bytes(entry) or b"")
        if form == FORMAT and cached_raw == raw and isinstance(table, dict):
            return _from_entry(table) if dated else table
    except (StoreError, EOFError, ValueError, TypeError, KeyError):
        pass  # no entry yet, or one this version cannot use: parse and write it again
    table = parse(raw)  # a parse error propagates, and nothing is cached
    try:
        blob = marshal.dumps((FORMAT, raw, False, table))
    except ValueError:  # a date or a time: kept as its text
        try:
            blob = marshal.dumps((FORMAT, raw, True, _to_entry(table)))
        except ValueError:  # anything else marshal cannot hold: not cached
            return table
    with contextlib.suppress(StoreError):  # a read-only or full disk: the next start parses again
        atomic_write(entry, blob)
    return table


def cached_toml_file(path: Path, cache_dir: Path | None) -> dict[str, Any] | None:
    """``store.files.read_toml_file`` through the cache: a file's table, None when there is no
    file; a damaged one raises DamagedFile."""
    from functools import partial

    from itb_tui.core.store.files import parse_toml, read_bytes

    raw = read_bytes(path)
    return None if raw is None else cached_parse(path, raw, cache_dir, partial(parse_toml, path))


def _to_entry(value: Any) -> Any:
    """``value`` with each date, datetime and time as (its kind, its ISO text)."""
    if isinstance(value, dict):
        return {key: _to_entry(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_to_entry(item) for item in value]
    if isinstance(value, date | time):  # a datetime is a date too
        return (type(value).__name__, value.isoformat())
    return value


def _from_entry(value: Any) -> Any:
    """``value`` with each (kind, ISO text) made a date, datetime or time again."""
    if isinstance(value, dict):
        return {key: _from_entry(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_from_entry(item) for item in value]
    if isinstance(value, tuple):
        kind, text = value
        return _TIMES[kind].fromisoformat(text)
    return value
