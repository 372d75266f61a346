"""The user's settings: a small TOML file in the config folder."""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import asdict, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from itb_tui.core.records import record
from itb_tui.core.store.files import (
    DamagedFile,
    StoreError,
    atomic_write,
    file_lock,
    read_bytes,
    read_toml_file,
)
from itb_tui.core.tables import TableReader

SETTINGS_SCHEMA = 1
SIDE_CHOICES = ("left", "right")
KNEE_CHOICES = ("left", "right", "both")
CUE_STYLES = ("off", "bell", "voice")


class SettingsError(StoreError):
    """A settings file that parses but does not validate; ``problems`` lists each in full."""

    def __init__(self, problems: list[str], path: Path) -> None:
        super().__init__("; ".join(problems), path)
        self.problems = problems


@record(frozen=False)
class Settings:
    """Everything the user can change; absent keys take these defaults."""

    weaker_side: str = ""  # "", "left" or "right"
    painful_knee: str = ""  # "", "left", "right" or "both"
    cue_style: str = "bell"
    flash: bool = True
    pacer: bool = False
    program_start: date | None = None
    running: bool = False
    onboarded: bool = False
    progressions: dict[str, int] = field(default_factory=dict)  # exercise id -> steps taken
    asked_after_run: datetime | None = None  # when the app last asked about a run
    checkin_skipped: date | None = None  # the day the morning check-in was skipped (Escape)
    theme: str = ""  # the Textual theme chosen in the palette; "" is the default theme
    metronome: int | None = None  # steps a minute ticked in a guided run; None: off

    def to_dict(self) -> dict[str, Any]:
        data = {"schema_version": SETTINGS_SCHEMA, **asdict(self)}
        return {key: value for key, value in data.items() if value not in (None, "", {})}

    @property
    def bell(self) -> bool:
        return self.cue_style != "off"


class SettingsKept(StoreError):
    """The settings file may not be written (newer or damaged); it is kept as it is."""


def load_settings(
    path: Path, read: Callable[[Path], dict[str, Any] | None] = read_toml_file
) -> Settings:
    """Read the settings; a damaged or invalid file raises StoreError naming each problem.

    A file from a newer itb-tui is read as far as it can be: what this version does not
    understand is left at its default (and the file is never written, see save_settings).
    ``read`` parses the file (None when there is none), the app's through its parse cache.
    """
    data = read(path)
    if data is None:
        return Settings()
    return _read_settings(data, path)


def _read_settings(data: dict[str, Any], path: Path) -> Settings:
    problems: list[str] = []
    reader = TableReader(data, str(path), problems)
    version = reader.integer("schema_version", minimum=1, maximum=10_000, required=False)
    settings = Settings(
        weaker_side=reader.choice("weaker_side", SIDE_CHOICES, required=False) or "",
        painful_knee=reader.choice("painful_knee", KNEE_CHOICES, required=False) or "",
        cue_style=reader.choice("cue_style", CUE_STYLES, required=False) or "bell",
        flash=reader.flag("flash", required=False, default=True),
        pacer=reader.flag("pacer", required=False),
        running=reader.flag("running", required=False),
        onboarded=reader.flag("onboarded", required=False),
        theme=reader.text("theme", required=False) or "",
        metronome=reader.integer("metronome", minimum=120, maximum=220, required=False),
    )
    settings.program_start = _day(reader, "program_start")
    settings.checkin_skipped = _day(reader, "checkin_skipped")
    progressions = data.get("progressions", {})
    reader.mark_seen("progressions")
    if isinstance(progressions, dict) and all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 20
        for k, v in progressions.items()
    ):
        settings.progressions = dict(progressions)
    else:
        reader.problem("progressions", "a table of exercise ids to step numbers", progressions)
    asked = data.get("asked_after_run")
    reader.mark_seen("asked_after_run")
    if isinstance(asked, datetime) and asked.tzinfo is not None:
        settings.asked_after_run = asked
    elif asked is not None:
        reader.problem("asked_after_run", "a date and time with a UTC offset", asked)
    if version is not None and version > SETTINGS_SCHEMA:
        return settings  # a newer file: read what can be read
    reader.finish()
    if problems:
        raise SettingsError(problems, path)
    return settings


def _day(reader: TableReader, key: str) -> date | None:
    """A plain date (not a date and time), or None when absent."""
    value = reader.table.get(key)
    reader.mark_seen(key)
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        if 1970 <= value.year <= 2200:  # year 1 would be "739,955 days missed"
            return value
        reader.problem(key, "a date from 1970 to 2200", value)
        return None
    reader.problem(key, "a date such as 2026-11-23", value)
    return None


def parse_start(text: str, today: date) -> date:
    """The program start typed as YYYY-MM-DD or 'today'; ValueError says what is wrong."""
    text = text.strip().lower()
    if text in ("", "today"):
        return today
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"'{text}' is not a date: type it as YYYY-MM-DD (e.g. {today.isoformat()}) or 'today'."
        ) from None
    if len(text) != len("YYYY-MM-DD"):
        raise ValueError(f"Type the date as YYYY-MM-DD, e.g. {day.isoformat()}.")
    if day > today:
        raise ValueError(f"{day.isoformat()} is in the future: the start can be today at most.")
    return day


def settings_kept_reason(path: Path) -> str | None:
    """Why the settings file must not be written now (newer or damaged), or None."""
    try:
        data = read_toml_file(path)
        if data is None:
            return None
        version = data.get("schema_version")
        if isinstance(version, int) and version > SETTINGS_SCHEMA:
            return f"{path} was written by a newer itb-tui (schema {version}) and is kept as it is"
        _read_settings(data, path)
    except DamagedFile as err:
        return str(err).rstrip(".")
    except StoreError as err:
        return f"{err}; the file is kept as it is"
    return None


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings, the previous file kept as ``.bak``; a newer or damaged file is
    never written (nor copied over the backup): SettingsKept says so."""
    reason = settings_kept_reason(path)
    if reason is not None:
        raise SettingsKept(f"{reason}. The change applies until you close itb-tui.", path)
    atomic_write(path, settings_text(read_bytes(path), settings).encode("utf-8"), backup=True)


def save_changes(path: Path, before: Settings, after: Settings) -> None:
    """Write only what this run changed (``before`` to ``after``), into the file as it is now.

    The file is read again under a lock just before the write, so a key edited by hand while
    the app was open keeps the hand's value unless the app changed that very key. A file that
    is gone is written whole; a newer or damaged one never (SettingsKept).
    """
    with file_lock(path.with_name(f".{path.name}.lock")):
        reason = settings_kept_reason(path)
        if reason is not None:
            raise SettingsKept(f"{reason}. The change applies until you close itb-tui.", path)
        old = read_bytes(path)
        if old is None:
            text = settings_text(None, after)
        else:
            import tomlkit

            document = tomlkit.parse(_decoded(old))
            _apply_changes(document, before.to_dict(), after.to_dict())
            text = tomlkit.dumps(document)
        atomic_write(path, text.encode("utf-8"), backup=True)


_ABSENT = object()


def _apply_changes(
    table: MutableMapping[str, Any], before: dict[str, Any], after: dict[str, Any]
) -> None:
    """Set in ``table`` each key whose value went from ``before`` to ``after`` (a table key by
    key); a key that went away is removed; every other key is left as the file has it."""
    for key in [*before, *(k for k in after if k not in before)]:
        was, now = before.get(key, _ABSENT), after.get(key, _ABSENT)
        if was == now:
            continue
        if isinstance(now, dict) and isinstance(table.get(key), MutableMapping):
            _apply_changes(table[key], was if isinstance(was, dict) else {}, now)
        elif now is _ABSENT:
            table.pop(key, None)
        else:
            table[key] = now


def settings_text(old: bytes | None, settings: Settings) -> str:
    """The settings as TOML, rewritten into the previous file's text when there is one, so
    a hand-edited file keeps its comments, its order and any keys this version does not know."""
    import tomlkit  # only when settings are saved: start-up never pays for it

    document = tomlkit.parse(_decoded(old)) if old else tomlkit.document()
    _update(document, settings.to_dict(), ("schema_version", *(f.name for f in fields(Settings))))
    return tomlkit.dumps(document)


def _decoded(raw: bytes) -> str:
    """The file's text, without the byte order mark some editors put first."""
    return raw.decode("utf-8").removeprefix("\ufeff")


def _update(table: MutableMapping[str, Any], wanted: dict[str, Any], keys: Iterable[str]) -> None:
    """Set ``keys`` in ``table`` to ``wanted``, touching only what differs (a table key by key)."""
    for key in keys:
        if key not in wanted:
            table.pop(key, None)
        elif isinstance(wanted[key], dict) and isinstance(table.get(key), MutableMapping):
            _update(table[key], wanted[key], {*table[key], *wanted[key]})
        elif key not in table or table[key] != wanted[key]:
            table[key] = wanted[key]
