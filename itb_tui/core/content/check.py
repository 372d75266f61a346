"""``itb check``: validate the shipped content and the user's own files without opening the app.

Each problem is worded as the app words it when it refuses to start: file, entry, field and
what was expected. A file the user has not made is fine: the defaults are used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from itb_tui.core.content.library import Library, load_library
from itb_tui.core.content.program import load_program
from itb_tui.core.content.readiness_tests import exercise_kinds
from itb_tui.core.content.validate import ContentError
from itb_tui.core.store.files import StoreError
from itb_tui.core.store.paths import Paths, content_dir
from itb_tui.core.store.settings import SettingsError, load_settings


@dataclass(frozen=True)
class FileCheck:
    """What one file (or the shipped folder) was found to hold."""

    label: str
    path: Path
    problems: tuple[str, ...] = ()
    missing: bool = False

    def line(self) -> str:
        """'ok      your settings   /home/me/.config/itb-tui/settings.toml'."""
        if self.missing:
            status, tail = "absent", "  (not made yet: the defaults are used)"
        elif self.problems:
            count = len(self.problems)
            status, tail = "BROKEN", f"  ({count} problem{'s' if count != 1 else ''})"
        else:
            status, tail = "ok", ""
        return f"{status:<8}{self.label:<32}{self.path}{tail}"


def _library(shipped: Path, user: Path | None) -> tuple[Library | None, tuple[str, ...]]:
    try:
        return load_library(shipped, user), ()
    except ContentError as err:
        return None, tuple(err.problems)


def _content(shipped: Path, user: Path) -> tuple[list[FileCheck], Library | None]:
    own, shipped_problems = _library(shipped, None)
    checks = [FileCheck("shipped exercises and routines", shipped, shipped_problems)]
    if not user.exists():
        return [*checks, FileCheck("your exercises and routines", user, missing=True)], own
    merged, problems = _library(shipped, user)
    yours = tuple(p for p in problems if p not in shipped_problems)
    checks.append(FileCheck("your exercises and routines", user, yours))
    return checks, merged or own


def _program(path: Path, library: Library | None) -> FileCheck:
    label = "the program"
    if library is None:
        return FileCheck(label, path, ("not checked: the exercises and routines did not load",))
    try:
        load_program(path, set(library.routines), exercise_kinds(library.exercises))
    except ContentError as err:
        return FileCheck(label, path, tuple(err.problems))
    return FileCheck(label, path)


def _settings(path: Path) -> FileCheck:
    label = "your settings"
    if not path.exists():
        return FileCheck(label, path, missing=True)
    try:
        load_settings(path)
    except SettingsError as err:
        return FileCheck(label, path, tuple(err.problems))
    except StoreError as err:  # damaged: not TOML, not UTF-8, unreadable
        return FileCheck(label, path, (str(err),))
    return FileCheck(label, path)


def check_files(paths: Paths) -> list[FileCheck]:
    """The shipped content and program, then the user's content and settings, each checked."""
    shipped = content_dir()
    content, library = _content(shipped, paths.user_content)
    return [*content, _program(shipped / "program.toml", library), _settings(paths.settings)]


def report(checks: list[FileCheck]) -> tuple[str, int]:
    """The text ``itb check`` prints, and its exit code: 0 when all is fine, else 1."""
    lines: list[str] = []
    for check in checks:
        lines.append(check.line())
        lines.extend(f"  - {problem}" for problem in check.problems)
    count = sum(len(check.problems) for check in checks)
    if count:
        noun = "problem" if count == 1 else "problems"
        lines.append(f"{count} {noun} found: the app will not start until they are fixed.")
    else:
        lines.append("Everything is fine.")
    return "\n".join(lines) + "\n", 1 if count else 0
