"""What the app reads from the machine it runs on, in one place.

The programs it may call (a speech program, the desktop notifier, systemctl), the folders it
looks in for the PDF report's font, and whether systemd runs here are all looked up through
this module, at the moment they are needed. The local time zone is read through the standard
library (``time.localtime``, ``datetime.astimezone``), which follows ``TZ``.

The test suite pins every one of them with one fixture (``pinned_host`` in tests/conftest.py),
so a test never depends on what is installed on the machine it runs on.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Where programs are looked up: None is the PATH of the environment.
PROGRAM_PATH: str | None = None
# Where DejaVu Sans may be (Debian and Fedora families); the first folder that has it is used.
SYSTEM_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONT_DIRS: tuple[Path, ...] = SYSTEM_FONT_DIRS
# The folder that exists while systemd is the init system (the test its own tools use).
SYSTEMD_RUN_DIR = "/run/systemd/system"


def find_program(name: str) -> str | None:
    """The full path of the program ``name``, or None when there is none."""
    return shutil.which(name, path=PROGRAM_PATH)


def font_dirs() -> tuple[Path, ...]:
    """The folders to look in for the report's font, in order."""
    return FONT_DIRS


def runs_systemd() -> bool:
    """True when this machine runs systemd and has systemctl."""
    return os.path.isdir(SYSTEMD_RUN_DIR) and find_program("systemctl") is not None
