"""Runs read from GPX, TCX and FIT files made here; damaged, empty, unknown and large files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from itb_tui.core.history.run_files import RunFileError, read_run_file, run_files
from tests import run_files as make

MAKERS: dict[str, Callable[..., bytes]] = {".gpx": make.gpx, ".tcx": make.tcx, ".fit": make.fit}


@pytest.mark.parametrize("suffix", sorted(MAKERS))
def test_start_time_minutes_distance_and_cadence_are_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"run{suffix}"
    path.write_bytes(MAKERS[suffix](minutes=30, km=5.0, steps=172, every_s=5))
    found = read_run_file(path)
    assert found.started_at == make.START
    assert found.moving_s == pytest.approx(1800, abs=6)
    assert found.distance_m == pytest.approx(5000, rel=0.01)
    assert found.cadence == 172  # per leg in the file, steps a minute here


@pytest.mark.parametrize("suffix", sorted(MAKERS))
def test_a_file_without_cadence_has_none(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"run{suffix}"
    path.write_bytes(MAKERS[suffix](steps=None, every_s=5))
    assert read_run_file(path).cadence is None


def test_a_fit_file_keeps_moving_time_apart_from_stops(tmp_path: Path) -> None:
    path = tmp_path / "run.fit"
    path.write_bytes(make.fit(minutes=40, moving_minutes=33))
    found = read_run_file(path)
    assert (found.moving_s, found.elapsed_s) == (33 * 60, 40 * 60)


@pytest.mark.parametrize("suffix", sorted(MAKERS))
def test_a_cut_short_file_is_named_damaged(tmp_path: Path, suffix: str) -> None:
    data = MAKERS[suffix](every_s=5)
    path = tmp_path / f"run{suffix}"
    path.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(RunFileError, match="damaged"):
        read_run_file(path)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b"hello, not a run", "not a GPX, TCX or FIT"),
        (b'<?xml version="1.0"?><gpx version="1.1"></gpx>', "no track with times"),
    ],
)
def test_empty_unknown_and_timeless_files(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "run.gpx"
    path.write_bytes(data)
    with pytest.raises(RunFileError, match=problem):
        read_run_file(path)


def test_a_missing_file_and_a_folder_of_files(tmp_path: Path) -> None:
    with pytest.raises(RunFileError, match="no such file"):
        read_run_file(tmp_path / "gone.gpx")
    for name in ("b.FIT", "a.gpx", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in run_files([tmp_path])] == ["a.gpx", "b.FIT"]


@pytest.mark.parametrize("suffix", [".gpx", ".tcx"])
def test_a_10_mb_file_is_read(tmp_path: Path, suffix: str) -> None:
    """A long day logged every second; timing is in benchmarks/, never asserted here."""
    path = tmp_path / f"big{suffix}"
    path.write_bytes(MAKERS[suffix](minutes=800, km=90, every_s=1))
    assert path.stat().st_size > 10_000_000
    found = read_run_file(path)
    assert found.moving_s == pytest.approx(800 * 60, abs=2)


def _flipped(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda data: _flipped(data, len(data) - 10), "checksum does not match"),
        (lambda data: _flipped(data, 0), "damaged FIT file"),
        (lambda data: data[:-7], "damaged"),
    ],
    ids=["a changed byte", "a changed header", "cut short"],
)
def test_a_damaged_fit_file_says_what_is_wrong(
    tmp_path: Path, damage: Callable[[bytes], bytes], problem: str
) -> None:
    path = tmp_path / "run.fit"
    path.write_bytes(damage(make.fit(every_s=60)))
    with pytest.raises(RunFileError, match=problem):
        read_run_file(path)


def test_a_fit_file_without_a_session_holds_no_run(tmp_path: Path) -> None:
    writer = make.FitWriter()
    writer.message(make.FILE_ID, [(0, make.ENUM, 4), (1, make.UINT16, 255)])
    path = tmp_path / "run.fit"
    path.write_bytes(writer.close())
    with pytest.raises(RunFileError, match="no activity session"):
        read_run_file(path)
