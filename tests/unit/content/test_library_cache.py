"""The kept library: used only while every content file and the code reading them are the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from itb_tui.core.content import library as library_module
from itb_tui.core.content import library_cache
from itb_tui.core.content.library import Library, load_library
from itb_tui.core.content.library_cache import ENTRY
from itb_tui.core.content.validate import ContentError
from itb_tui.core.store.paths import content_dir

USER_FILE = """
schema_version = 1
[[routine]]
id = "mine"
name = "{name}"
category = "mobility"
summary = "s"
description = "d"
[[routine.items]]
exercise = "clamshell"
"""


class Reads:
    """Counts the libraries read from the files rather than taken from the cache."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = library_module._read_library

        def counted(*args: object) -> Library:
            self.count += 1
            return real(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(library_module, "_read_library", counted)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    return Reads(monkeypatch)


def test_an_unchanged_library_is_read_once(tmp_path: Path, reads: Reads) -> None:
    cache = tmp_path / "cache"
    first = load_library(content_dir(), cache_dir=cache)
    again = load_library(content_dir(), cache_dir=cache)
    assert reads.count == 1
    assert again == first == load_library(content_dir())
    assert again is not first  # a library of its own, as a read one is


def test_a_changed_user_file_is_read_again(tmp_path: Path, reads: Reads) -> None:
    cache, user = tmp_path / "cache", tmp_path / "content.toml"
    user.write_text(USER_FILE.format(name="Mine"), encoding="utf-8")
    assert load_library(content_dir(), user, cache).routines["mine"].name == "Mine"
    user.write_text(USER_FILE.format(name="Renamed"), encoding="utf-8")
    assert load_library(content_dir(), user, cache).routines["mine"].name == "Renamed"
    user.unlink()  # and a user file gone
    assert "mine" not in load_library(content_dir(), user, cache).routines
    assert reads.count == 3


def test_a_changed_shipped_file_is_read_again(tmp_path: Path, reads: Reads) -> None:
    shipped, cache = tmp_path / "content", tmp_path / "cache"
    shutil.copytree(content_dir(), shipped)
    load_library(shipped, cache_dir=cache)
    routines = shipped / "routines.toml"
    routines.write_bytes(routines.read_bytes() + b"\n# a comment\n")
    load_library(shipped, cache_dir=cache)
    assert reads.count == 2


def test_a_library_with_problems_is_never_kept(tmp_path: Path, reads: Reads) -> None:
    cache, user = tmp_path / "cache", tmp_path / "content.toml"
    user.write_text(USER_FILE.format(name="Mine").replace("clamshell", "nosuch"), "utf-8")
    for _ in range(2):
        with pytest.raises(ContentError, match="nosuch"):
            load_library(content_dir(), user, cache)
    assert reads.count == 2
    assert not (cache / ENTRY).exists()


def test_other_code_reads_the_files_again(
    tmp_path: Path, reads: Reads, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    load_library(content_dir(), cache_dir=cache)
    stamp = library_cache.code_stamp()
    monkeypatch.setattr(library_cache, "code_stamp", lambda: (*stamp, "changed"))
    load_library(content_dir(), cache_dir=cache)
    assert reads.count == 2


@pytest.mark.parametrize("damage", [b"", b"not pickled", b"\x80\x05K\x01."])
def test_a_damaged_entry_is_read_again_and_replaced(
    tmp_path: Path, reads: Reads, damage: bytes
) -> None:
    cache = tmp_path / "cache"
    load_library(content_dir(), cache_dir=cache)
    (cache / ENTRY).write_bytes(damage)
    assert load_library(content_dir(), cache_dir=cache) == load_library(content_dir())
    load_library(content_dir(), cache_dir=cache)
    assert reads.count == 3  # the first, the damaged entry's, and the plain load above


def test_the_code_stamp_follows_the_reading_modules() -> None:
    here = Path(library_cache.__file__).parent
    assert all((here / name).is_file() for name in library_cache.READERS)
