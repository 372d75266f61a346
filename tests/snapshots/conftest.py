"""Snapshot tests share fixed scene folders (scenes.py): each test lets go of its scene."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.snapshots.scenes import release_scene


@pytest.fixture(autouse=True)
def one_worker_per_scene() -> Iterator[None]:
    yield
    release_scene()
