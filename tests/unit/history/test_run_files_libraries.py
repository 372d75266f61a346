"""The streaming readers give what gpxpy and tcxreader give when they build the whole file.

The app reads GPX and TCX in one pass that keeps only the four facts it needs (a 10 MB file in
under 2 s); here each generated file is also read the libraries' way, with the figures the
app took from them before: gpxpy's time bounds, moving time and 2D length, tcxreader's
duration, lap distances and cadence.
"""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path

import pytest

from itb_tui.core.history.run_files import RunFile, read_run_file
from tests import run_files as make


def _by_gpxpy(data: bytes) -> tuple[object, ...]:
    import gpxpy

    gpx = gpxpy.parse(data.decode())
    bounds = gpx.get_time_bounds()
    cads = [
        float(node.text)
        for track in gpx.tracks
        for segment in track.segments
        for point in segment.points
        for extension in point.extensions
        for node in extension.iter()
        if node.tag.endswith("}cad") and node.text
    ]
    assert bounds.start_time is not None and bounds.end_time is not None
    elapsed = (bounds.end_time - bounds.start_time).total_seconds()
    moving = gpx.get_moving_data().moving_time
    return (
        bounds.start_time,
        moving if 0 < moving <= elapsed else elapsed,
        elapsed,
        gpx.length_2d(),
        round(sum(cads) / len(cads) * 2) if cads else None,
    )


def _by_tcxreader(path: Path) -> tuple[object, ...]:
    from tcxreader.tcxreader import TCXReader

    exercise = TCXReader().read(str(path), only_gps=False)
    stats = exercise.tpx_ext_stats.get("RunCadence")
    cadence = stats["avg"] if stats else exercise.cadence_avg
    start = exercise.start_time  # naive when written with a Z: the app reads it as UTC
    return (
        start.replace(tzinfo=start.tzinfo or UTC),
        exercise.duration,
        exercise.duration,
        exercise.distance,
        round(cadence * 2) if cadence else None,
    )


def _facts(found: RunFile) -> tuple[object, ...]:
    return (found.started_at, found.moving_s, found.elapsed_s, found.distance_m, found.cadence)


def _with_a_stop(minutes: float) -> bytes:
    """A run, then a second track segment spent standing nearly still (walking 10 m in 10 min)."""
    run = make.gpx(minutes=minutes, every_s=5)
    still = make.gpx(minutes=10, km=0.01, every_s=5, start=make.START + timedelta(minutes=minutes))
    points = still[still.index(b"<trkseg>") : still.index(b"</trk>")]
    return run.replace(b"</trk>", points + b"</trk>", 1)


GPX_FILES = {
    "30 min, 5 km, every 5 s": make.gpx(minutes=30, km=5, every_s=5),
    "no cadence": make.gpx(steps=None, every_s=7),
    "a point a second, notes": make.gpx(minutes=20, km=4, steps=176, every_s=1, pad=40),
    "a long day": make.gpx(minutes=300, km=30, every_s=3),
    "a stop in a second segment": _with_a_stop(25),
}
TCX_FILES = {
    "30 min, 5 km, every 5 s": make.tcx(minutes=30, km=5, every_s=5),
    "no cadence": make.tcx(steps=None, every_s=7),
    "a point a second, notes": make.tcx(minutes=20, km=4, steps=176, every_s=1, pad=40),
    "a long day": make.tcx(minutes=300, km=30, every_s=3),
}


@pytest.mark.parametrize("name", sorted(GPX_FILES))
def test_gpx_read_in_one_pass_is_what_gpxpy_reads(tmp_path: Path, name: str) -> None:
    path = tmp_path / "run.gpx"
    path.write_bytes(GPX_FILES[name])
    assert _facts(read_run_file(path)) == _by_gpxpy(GPX_FILES[name])


def test_the_stop_is_not_moving_time(tmp_path: Path) -> None:
    path = tmp_path / "run.gpx"
    path.write_bytes(GPX_FILES["a stop in a second segment"])
    found = read_run_file(path)
    assert (found.moving_s, found.elapsed_s) == (25 * 60, 35 * 60)


@pytest.mark.parametrize("name", sorted(TCX_FILES))
def test_tcx_read_in_one_pass_is_what_tcxreader_reads(tmp_path: Path, name: str) -> None:
    path = tmp_path / "run.tcx"
    path.write_bytes(TCX_FILES[name])
    assert _facts(read_run_file(path)) == _by_tcxreader(path)
