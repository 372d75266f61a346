"""The real ``itb`` in a pseudo-terminal for the end-to-end tests, and waiting on its
progress file."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from .conftest import ItbDirs
from .pty_app import PtyApp

TIMEOUT = 15.0


def read_toml(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text("utf-8"))


def progress_has(dirs: ItbDirs, records: int, done: dict[str, list[int]]) -> Callable[[], bool]:
    """A predicate: the progress file holds ``records`` sets, the clamshells as ``done``."""

    def in_progress_file_has_the_sets() -> bool:
        data = read_toml(dirs.progress)
        return (
            len(data["resume"]["records"]) == records
            and data["record"]["exercises"][0]["done"] == done
        )

    return in_progress_file_has_the_sets


@contextmanager
def running_itb(
    dirs: ItbDirs, *args: str, onboarded: bool = True, under_nohup_shell: bool = False
) -> Iterator[PtyApp]:
    """The real program in a 100x32 pseudo-terminal; always killed and reaped afterwards.

    With ``onboarded`` the first-launch questions count as answered and the morning check-in
    as skipped today, so the app opens where the test expects. ``under_nohup_shell`` runs it
    from a shell that ignores SIGHUP, so closing the terminal sends the program none.
    """
    settings = dirs.config / "settings.toml"
    if onboarded and not settings.exists():
        dirs.config.mkdir(mode=0o700, parents=True, exist_ok=True)
        today = date.today().isoformat()
        settings.write_text(f"schema_version = 1\nonboarded = true\ncheckin_skipped = {today}\n")
    shell = ["/bin/sh", "-c", 'trap \'\' HUP; "$0" "$@"'] if under_nohup_shell else []
    app = PtyApp([*shell, str(dirs.itb), *args], dirs.env, size=(100, 32))
    try:
        app.start()
        yield app
    finally:
        app.close()
