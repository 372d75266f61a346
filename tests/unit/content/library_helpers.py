"""A private copy of the shipped content to break, and the problems loading it gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from itb_tui.core.content.library import load_library
from itb_tui.core.content.validate import ContentError
from itb_tui.core.store.paths import content_dir


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the shipped content to break."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(folder: Path, user_file: Path | None = None) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_library(folder, user_file)
    assert str(info.value) == "\n".join(info.value.problems)
    return info.value.problems
