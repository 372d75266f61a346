"""``itb today`` fast enough for every shell prompt: the last answer, kept while nothing changed.

Working out today reads the program, the content and the recent history, which costs several
times an empty Python start. The answer depends only on those files, the settings, the date
and the code, so ``itb today`` keeps its last answer (every format and the exit code) in the
cache folder with a fingerprint of all of them: each file's size and modification time (in
nanoseconds), the history folder's listing, the local date and UTC offset, the version and the
app's own modules (each package of the core too). While the fingerprint is the same the answer
is printed as it was; any change (a session saved, a pain log, an edit, midnight) makes the
next call work it out again.

This module imports only what Python has already loaded at start-up (os, stat, sys, marshal, time),
so a hit costs little more than the interpreter itself. Where the folders are not given by
the environment it knows only the XDG layout of Linux; elsewhere, or on any doubt, the
fingerprint simply does not match and the answer is worked out in full.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
import time

from itb_tui import __version__

TYPE_CHECKING = False  # typing itself costs a tenth of the answer; mypy reads this as True
if TYPE_CHECKING:
    from collections.abc import Mapping

FORMAT = 1
ENTRY_NAME = "today.marshal"
APP_DIR = "itb-tui"
# The folder options and variables of itb_tui.core.store.paths (repeated here to avoid importing it:
# it loads platformdirs, which alone costs more than the whole answer).
DATA_ENV, CONFIG_ENV, CACHE_ENV = "ITB_TUI_DATA_DIR", "ITB_TUI_CONFIG_DIR", "ITB_TUI_CACHE_DIR"
_XDG = {DATA_ENV: ("XDG_DATA_HOME", ".local/share"), CONFIG_ENV: ("XDG_CONFIG_HOME", ".config")}
_XDG[CACHE_ENV] = ("XDG_CACHE_HOME", ".cache")
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

Fingerprint = tuple[object, ...]


def _folder(variable: str, environ: Mapping[str, str]) -> str | None:
    """The folder itb-tui uses for ``variable``, when it can be told without platformdirs."""
    given = environ.get(variable)
    if given:
        return os.path.expanduser(given)
    if not sys.platform.startswith("linux"):
        return None
    xdg, default = _XDG[variable]
    base = environ.get(xdg) or os.path.join(os.path.expanduser("~"), default)
    return os.path.join(base, APP_DIR)


def _listing(folder: str) -> list[tuple[str, int, int]]:
    """(name, size, mtime_ns) of each file in ``folder``, sorted; [] when it does not exist."""
    try:
        with os.scandir(folder) as entries:
            found = [(e.name, e.stat()) for e in entries if e.is_file()]
    except OSError:
        return []
    return sorted((name, st.st_size, st.st_mtime_ns) for name, st in found)


def _stat(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def fingerprint(data: str, config: str) -> Fingerprint:
    """Everything today's answer depends on, for the data and config folders given."""
    local = time.localtime()
    return (
        FORMAT,
        __version__,
        time.strftime("%Y-%m-%d", local),
        local.tm_gmtoff,
        os.path.abspath(data),
        os.path.abspath(config),
        _listing(os.path.join(data, "history")),
        _stat(os.path.join(data, "red-flags.toml")),  # a standing flag holds running
        _stat(os.path.join(config, "settings.toml")),
        _stat(os.path.join(config, "content.toml")),
        _listing(os.path.join(_PACKAGE, "content")),  # installed: the content is in the package
        _listing(os.path.join(os.path.dirname(_PACKAGE), "content")),  # a source checkout
        _listing(_PACKAGE),
        _listing(os.path.join(_PACKAGE, "core")),
        *_code_listings(os.path.join(_PACKAGE, "core")),
    )


def _code_listings(core: str) -> list[list[tuple[str, int, int]]]:
    """The listing of each package inside ``core`` (plan, store...): the rules live there."""
    try:
        with os.scandir(core) as entries:
            folders = sorted(e.path for e in entries if e.is_dir() and e.name[0] not in "._")
    except OSError:
        return []
    return [_listing(folder) for folder in folders]


def _folders(environ: Mapping[str, str]) -> tuple[str, str, str] | None:
    found = [_folder(v, environ) for v in (DATA_ENV, CONFIG_ENV, CACHE_ENV)]
    if None in found:
        return None
    return found[0], found[1], found[2]  # type: ignore[return-value]


def cached(form: str, environ: Mapping[str, str] = os.environ) -> tuple[str, int] | None:
    """The kept answer in ``form`` and its exit code, while its fingerprint still holds."""
    folders = _folders(environ)
    if folders is None:
        return None
    data, config, cache = folders
    try:
        # never waiting on a named pipe, never reading a device: a plain file or nothing
        fd = os.open(os.path.join(cache, ENTRY_NAME), os.O_RDONLY | os.O_NONBLOCK)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            with os.fdopen(os.dup(fd), "rb") as entry:
                kept, outputs, code = marshal.load(entry)
        finally:
            os.close(fd)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if kept != fingerprint(data, config) or form not in outputs:
        return None
    return outputs[form], code


def keep(
    data: str, config: str, cache: str, outputs: dict[str, str], code: int, before: Fingerprint
) -> None:
    """Keep the answer worked out from the files as they were at ``before``.

    Nothing is kept when a file changed while the answer was worked out, nor when the cache
    folder cannot be written (the next call works it out again).
    """
    if fingerprint(data, config) != before:
        return
    import contextlib
    from pathlib import Path

    from itb_tui.core.store.files import StoreError, atomic_write

    entry = marshal.dumps((before, outputs, code))  # type: ignore[arg-type]  # plain values
    with contextlib.suppress(StoreError):
        atomic_write(Path(cache) / ENTRY_NAME, entry)
