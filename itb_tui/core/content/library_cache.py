"""The exercises and routines as read and checked on an earlier run, kept in the cache folder.

Reading the content files into exercises, routines and figures, and checking every field,
costs the app's start about 2 % of all it runs before its first frame, and gives the same
library while the files and the code that reads them are the same. The kept library is used
only when the bytes of every content file (shipped and the user's) and the code that reads them
(its files' sizes and times, and the app's version) are those it was read from; a library that
does not read (a problem in a file) is never kept, so its problems are said on every start.
The entry is written by the app into the user's own cache folder and read back with pickle.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from itb_tui.core.content.library import Library

FORMAT = 1  # part of every entry: a new layout never reads an old one
ENTRY = "library.pickle"
# The modules whose code decides what a library read from the files is.
READERS = (
    "library.py",
    "figure.py",
    "figure_read.py",
    "figure_geometry.py",
    "validate.py",
    "../tables.py",
    "../records.py",
    "../text.py",
)


def code_stamp() -> tuple[Any, ...]:
    """The app's version and the size and time of each module that reads the content."""
    from itb_tui import __version__

    here = Path(__file__).parent
    stats = [os.stat(here / name) for name in READERS]
    return (FORMAT, __version__, *((s.st_size, s.st_mtime_ns) for s in stats))


def kept_library(
    cache_dir: Path, sources: list[tuple[Path, bytes | None]], read: Callable[[], Library]
) -> Library:
    """The library kept for these very ``sources`` (each file and its bytes, None when it
    does not exist), else ``read()``, which is then kept (a ContentError propagates)."""
    from itb_tui.core.content.library import Library
    from itb_tui.core.store.files import StoreError, atomic_write, read_bytes

    stamp = (code_stamp(), tuple((str(path), raw) for path, raw in sources))
    entry = cache_dir / ENTRY
    try:
        kept_stamp, library = pickle.loads(read_bytes(entry) or b"")
        if kept_stamp == stamp and isinstance(library, Library):
            return library
    except Exception:
        pass
    library = read()
    with contextlib.suppress(StoreError):  # a read-only or full disk: the next start reads again
        atomic_write(entry, pickle.dumps((stamp, library), protocol=pickle.HIGHEST_PROTOCOL))
    return library
