"""Shared fixtures: every test runs with its own home, data and config folders."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from itb_tui.core import host
from itb_tui.core.clock import FakeClock
from itb_tui.core.content.library import Library, load_library
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.store.paths import CONFIG_ENV, DATA_ENV, Paths, content_dir
from tests import css_cache, run_order, worker_heap
from tests.examples import QUICK


def pytest_report_header(config: pytest.Config) -> str | None:
    return "ITB_TESTS_QUICK: each property test tries a fifth of its examples" if QUICK else None


def pytest_configure(config: pytest.Config) -> None:
    css_cache.install()  # each piece of Textual CSS parsed once per worker (css_cache.py)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: run_order.start_rank(item.nodeid))  # stable within a rank


def pytest_collection_finish(session: pytest.Session) -> None:
    worker_heap.freeze_what_stays()


@pytest.hookimpl(trylast=True)  # after the fixtures are torn down
def pytest_runtest_teardown(item: pytest.Item) -> None:
    worker_heap.release_finished_apps()


@pytest.hookimpl(optionalhook=True)  # pytest without xdist (-p no:xdist) runs as well
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (make test) starts one worker more than the machine has cores: a Pilot test
    spends about a quarter of its time asleep (Textual's pilot waits for the app to go idle in
    real sleeps of 20 ms) and an end-to-end test waits on its program, so one worker per core
    leaves the cores idle that long. PYTEST_XDIST_AUTO_NUM_WORKERS still decides when set."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity on macOS
        cores = os.cpu_count() or 1
    return cores + 1


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME, the XDG data/config/cache folders and itb-tui's own variables at tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "env-data"))
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "env-config"))
    return home


# The local time zone every test runs in: one hour east of UTC, no summer time, the same
# offset as the FakeClock and tests/factories.py (a POSIX TZ string: no zone files needed).
PINNED_ZONE = "CET-1"


@pytest.fixture
def programs(tmp_path: Path) -> Path:
    """The folder the app looks up programs in during a test: empty unless a test puts a
    fake program there (see pinned_host)."""
    folder = tmp_path / "programs"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def pinned_host(programs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine as the app sees it (itb_tui/core/host.py), the same on every machine: no
    programs on the path (no speech program, notifier or systemctl), no font folders, no
    systemd, and the time zone PINNED_ZONE."""
    monkeypatch.setattr(host, "PROGRAM_PATH", str(programs))
    monkeypatch.setattr(host, "FONT_DIRS", ())
    monkeypatch.setattr(host, "SYSTEMD_RUN_DIR", str(tmp_path / "no-systemd"))
    zone = os.environ.get("TZ")
    os.environ["TZ"] = PINNED_ZONE
    time.tzset()
    yield
    if zone is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = zone
    time.tzset()


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Input's cursor stays on instead of blinking, so pictures do not depend on timing."""
    monkeypatch.setattr(Input.cursor_blink, "_default", False)


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def library() -> Library:
    return load_library(content_dir())


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data", tmp_path / "config")


@pytest.fixture
def store(paths: Paths) -> HistoryStore:
    return HistoryStore(paths)


@pytest.fixture
def never_waits() -> Iterator[None]:
    """A test whose code would wait for ever (on a named pipe, say) fails after 5 s instead."""

    def late(signum: int, frame: object) -> None:
        raise TimeoutError("the code under test waited")

    previous = signal.signal(signal.SIGALRM, late)
    signal.alarm(5)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
