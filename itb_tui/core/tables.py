"""Typed reading of TOML tables: each field read as what it must be, every problem collected
with the file, the entry and the field it is in. Content, settings, history records and the
red-flag file are all read with it."""

from __future__ import annotations

import re
from typing import Any

from itb_tui.core.text import control_character

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class TableReader:
    """Reads typed fields from one TOML table, collecting problems instead of raising."""

    printable_only = False  # text with a control character is a problem (ContentReader)

    def __init__(self, table: object, where: str, problems: list[str]) -> None:
        self.where = where
        self.problems = problems
        self.ok = isinstance(table, dict)
        self.table: dict[str, Any] = table if isinstance(table, dict) else {}
        self._seen: set[str] = set()
        if not self.ok:
            problems.append(f"{where}: expected a table, got {_describe(table)}")

    def problem(self, key: str, expected: str, value: object = None, *, got: bool = True) -> None:
        """Record that ``key`` was not what was expected."""
        suffix = f", got {_describe(value)}" if got else ""
        self.problems.append(f"{self.where}: field '{key}': expected {expected}{suffix}")

    def _get(self, key: str, required: bool) -> Any:
        self._seen.add(key)
        if key not in self.table:
            if required and self.ok:
                self.problem(key, "a value (it is required)", got=False)
            return None
        return self.table[key]

    def text(self, key: str, *, required: bool = True, max_len: int = 2000) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip() or len(value) > max_len:
            self.problem(key, f"a non-empty string of at most {max_len} characters", value)
            return None
        if not self._printable(key, value):
            return None
        return value.strip()

    def _printable(self, key: str, value: str) -> bool:
        """False (and a problem recorded) when text that must be printable (ContentReader)
        holds a control character, which would reach the terminal as a command (clear the
        screen, set the title)."""
        found = control_character(value) if self.printable_only else None
        if found is not None:
            self.problem(key, f"text without control characters (found {found})", value)
        return found is None

    def ident(self, key: str) -> str | None:
        value = self.text(key, max_len=64)
        if value is not None and not ID_PATTERN.match(value):
            self.problem(key, "an id in lowercase-kebab-case such as 'glute-bridge'", value)
            return None
        return value

    def named(self) -> str | None:
        """Read the entry's ``id`` and name the entry by it in later messages."""
        ident = self.ident("id")
        if ident:
            self.where = f"{self.where} '{ident}'"
        return ident

    def choice(self, key: str, choices: tuple[str, ...], *, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if value not in choices:
            self.problem(key, "one of " + ", ".join(repr(c) for c in choices), value)
            return None
        return str(value)

    def integer(
        self, key: str, *, minimum: int = 0, maximum: int = 100_000, required: bool = True
    ) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            self.problem(key, f"a whole number from {minimum} to {maximum}", value)
            return None
        return value

    def flag(self, key: str, *, required: bool = True, default: bool = False) -> bool:
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, "true or false", value)
            return default
        return value

    def texts(self, key: str, *, required: bool = True, max_len: int = 500) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(
            isinstance(v, str) and v.strip() and len(v) <= max_len for v in value
        ):
            self.problem(key, f"a list of non-empty strings of at most {max_len} characters", value)
            return ()
        if not all(self._printable(key, v) for v in value):
            return ()
        return tuple(v.strip() for v in value)

    def pair(
        self, key: str, *, minimum: int = 0, maximum: int = 100_000, required: bool = True
    ) -> tuple[int, int] | None:
        value = self._get(key, required)
        if value is None:
            return None
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            or not minimum <= value[0] <= value[1] <= maximum
        ):
            self.problem(key, f"[low, high] with {minimum} <= low <= high <= {maximum}", value)
            return None
        return (value[0], value[1])

    def sub(self, key: str, *, required: bool = False) -> TableReader | None:
        """A reader for a nested table, or None when it is absent."""
        value = self._get(key, required)
        if value is None:
            return None
        return type(self)(value, f"{self.where}: field '{key}'", self.problems)

    def tables(self, key: str, *, required: bool = True) -> list[Any]:
        """An array of tables (``[[key]]``), empty when absent or malformed."""
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(key, "an array of tables", value)
            return []
        return value

    def mark_seen(self, *keys: str) -> None:
        """Accept ``keys`` as known without reading them here."""
        self._seen.update(keys)

    def finish(self) -> None:
        """Report every field that no reader asked for: a misspelling, usually."""
        for key in self.table:
            if key not in self._seen:
                self.problems.append(f"{self.where}: unknown field '{key}'")
