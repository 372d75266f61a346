"""The parsed-content cache: used only for the very bytes it was made from, never required."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from itb_tui.core.content.library import load_library
from itb_tui.core.content.parse_cache import cached_parse, entry_path
from itb_tui.core.store.paths import Paths, content_dir


class CountingParser:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, raw: bytes) -> dict[str, Any]:
        self.calls += 1
        return {"text": raw.decode(), "n": [1, 2.5, True]}


def test_unchanged_bytes_are_parsed_once_and_read_back_equal(tmp_path: Path) -> None:
    source, parse = tmp_path / "exercises.toml", CountingParser()
    first = cached_parse(source, b"a = 1", tmp_path / "cache", parse)
    again = cached_parse(source, b"a = 1", tmp_path / "cache", parse)
    assert parse.calls == 1
    assert again == first


def test_changed_bytes_are_parsed_again(tmp_path: Path) -> None:
    source, parse = tmp_path / "exercises.toml", CountingParser()
    cached_parse(source, b"a = 1", tmp_path / "cache", parse)
    changed = cached_parse(source, b"a = 2", tmp_path / "cache", parse)
    assert parse.calls == 2
    assert changed["text"] == "a = 2"


@pytest.mark.parametrize("damage", [b"", b"not marshal data", b"\xe9\x00\x01"])
def test_a_damaged_entry_is_parsed_again_and_replaced(tmp_path: Path, damage: bytes) -> None:
    source, cache, parse = tmp_path / "routines.toml", tmp_path / "cache", CountingParser()
    cached_parse(source, b"a = 1", cache, parse)
    entry_path(cache, source).write_bytes(damage)
    assert cached_parse(source, b"a = 1", cache, parse)["text"] == "a = 1"
    assert cached_parse(source, b"a = 1", cache, parse)["text"] == "a = 1"
    assert parse.calls == 2  # the damaged entry once, then the rewritten one is used


def test_a_cache_folder_that_cannot_be_written_only_means_parsing(tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be")
    parse = CountingParser()
    assert cached_parse(tmp_path / "x.toml", b"a = 1", blocked, parse)["text"] == "a = 1"
    assert cached_parse(tmp_path / "x.toml", b"a = 1", blocked, parse)["text"] == "a = 1"
    assert parse.calls == 2


def test_dates_and_times_are_kept_and_read_back_as_they_were(tmp_path: Path) -> None:
    from datetime import UTC, date, datetime, time, timedelta, timezone

    table = {
        "start": date(2026, 1, 5),
        "asked": datetime(2026, 1, 5, 7, 30, 15, 250000),
        "at": [time(6, 45), datetime(2026, 1, 5, 7, 0, tzinfo=UTC)],
        "nested": {"away": datetime(2026, 1, 5, 7, 0, tzinfo=timezone(timedelta(hours=-5)))},
        "text": "2026-01-05",
    }
    calls: list[bytes] = []

    def parse(raw: bytes) -> dict[str, Any]:
        calls.append(raw)
        return table

    assert cached_parse(tmp_path / "x.toml", b"", tmp_path / "cache", parse) == table
    again = cached_parse(tmp_path / "x.toml", b"", tmp_path / "cache", parse)
    assert len(calls) == 1
    assert again == table
    assert [type(v) for v in again["at"]] == [time, datetime]
    assert type(again["start"]) is date and again["text"] == "2026-01-05"


def test_values_marshal_cannot_hold_are_not_cached(tmp_path: Path) -> None:
    def parse(_raw: bytes) -> dict[str, Any]:
        return {"odd": object()}

    assert "odd" in cached_parse(tmp_path / "x.toml", b"", tmp_path / "cache", parse)
    assert not (tmp_path / "cache").exists()


def test_the_settings_are_read_through_the_cache(tmp_path: Path) -> None:
    from datetime import date

    from itb_tui.core.context import AppContext
    from itb_tui.core.store.settings import Settings, save_settings

    paths = Paths(tmp_path / "data", tmp_path / "config", tmp_path / "cache")
    save_settings(paths.settings, Settings(onboarded=True, program_start=date(2026, 1, 5)))
    first = AppContext(paths).settings
    assert entry_path(paths.cache, paths.settings).exists()  # type: ignore[arg-type]
    assert AppContext(paths).settings == first
    assert first.program_start == date(2026, 1, 5)
    save_settings(paths.settings, Settings(onboarded=True, program_start=date(2026, 2, 1)))
    assert AppContext(paths).settings.program_start == date(2026, 2, 1)  # changed: read again


def test_the_library_from_the_cache_equals_the_parsed_one(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    parsed = load_library(content_dir())
    first = load_library(content_dir(), cache_dir=cache)
    cached = load_library(content_dir(), cache_dir=cache)
    assert first == parsed
    assert cached == parsed
    entries = sorted(p.name for p in cache.iterdir())
    assert [name.split("-")[0] for name in entries] == ["exercises", "library.pickle", "routines"]
    assert all(os.stat(cache / name).st_mode & 0o077 == 0 for name in entries)


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ITB_TUI_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert Paths.resolve().cache == tmp_path / "elsewhere"
    monkeypatch.delenv("ITB_TUI_CACHE_DIR")
    assert Paths.resolve().cache == Path(os.environ["XDG_CACHE_HOME"]) / "itb-tui"
