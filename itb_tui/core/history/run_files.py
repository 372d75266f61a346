"""Runs from a watch or a phone: GPX (gpxpy), TCX (tcxreader) and FIT (Garmin's FIT SDK).

Each reader is imported only when a file of its kind is read, so nothing here costs the app's
start. A file gives its start, the time spent moving, the distance and the average cadence
where it has them; a damaged, empty or unknown file raises RunFileError naming what is wrong.
Watches write a running cadence per leg (strides a minute) in GPX, TCX and FIT alike; it is
doubled here to steps a minute, the figure the form tip (170-180) uses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

KINDS = (".gpx", ".tcx", ".fit")
MAX_BYTES = 64 * 1024 * 1024  # a day-long run logged every second is a few MB
_SNIFF = 4096


class RunFileError(ValueError):
    """A file that holds no run that can be read; the message says what is wrong."""


@dataclass(frozen=True)
class RunFile:
    """What a file says about one run. ``moving_s`` is the time spent moving (the elapsed
    time when the file cannot tell them apart)."""

    kind: str  # "GPX", "TCX" or "FIT"
    started_at: datetime  # offset-aware
    moving_s: float
    elapsed_s: float
    distance_m: float | None
    cadence: int | None  # steps a minute
    sha256: str


def run_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import: each file given, and the GPX, TCX and FIT files in each folder
    given (not its subfolders), in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() in KINDS and p.is_file())
        else:
            found.append(path)
    return found


def read_run_file(path: Path) -> RunFile:
    """The run in ``path``, whatever its extension says: the content decides the kind."""
    try:
        if not path.is_file():
            raise RunFileError("not a file" if path.exists() else "no such file")
        if path.stat().st_size > MAX_BYTES:
            raise RunFileError(f"larger than {MAX_BYTES // 1024 // 1024} MB")
        data = path.read_bytes()
    except OSError as err:
        raise RunFileError(err.strerror or str(err)) from None
    if not data.strip():
        raise RunFileError("the file is empty")
    digest = hashlib.sha256(data).hexdigest()
    head = data[:_SNIFF]
    if len(data) >= 12 and data[8:12] == b".FIT":
        return _fit(data, digest)
    if b"<gpx" in head:
        return _gpx(data, digest)
    if b"<TrainingCenterDatabase" in head:
        return _tcx(data, digest)
    raise RunFileError("not a GPX, TCX or FIT file")


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _checked(
    kind: str,
    start: datetime | None,
    moving: float | None,
    elapsed: float | None,
    distance: float | None,
    cadence: float | None,
    digest: str,
) -> RunFile:
    if start is None:
        raise RunFileError(f"the {kind} file has no times: when the run was is not known")
    if not elapsed or elapsed <= 0:
        raise RunFileError(f"the {kind} file holds no time spent running")
    moving = moving if moving and 0 < moving <= elapsed else elapsed
    steps = round(cadence * 2) if cadence else None
    return RunFile(kind, _aware(start), moving, elapsed, distance or None, steps, digest)


def _gpx(data: bytes, digest: str) -> RunFile:
    import gpxpy
    import gpxpy.gpx

    try:
        gpx = gpxpy.parse(data.decode("utf-8"))
    except (gpxpy.gpx.GPXException, UnicodeDecodeError, ValueError) as err:
        raise RunFileError(f"a damaged GPX file: {_first_line(err)}") from None
    bounds = gpx.get_time_bounds()
    if bounds.start_time is None or bounds.end_time is None:
        raise RunFileError("the GPX file has no track with times")
    elapsed = (bounds.end_time - bounds.start_time).total_seconds()
    moving = gpx.get_moving_data()
    cadences = [
        value
        for track in gpx.tracks
        for segment in track.segments
        for point in segment.points
        for value in _gpx_cadence(point.extensions)
    ]
    return _checked(
        "GPX",
        bounds.start_time,
        moving.moving_time if moving else None,
        elapsed,
        gpx.length_2d(),
        sum(cadences) / len(cadences) if cadences else None,
        digest,
    )


def _gpx_cadence(extensions: list[Any]) -> Iterable[float]:
    """The 'cad' values of a point's extensions (Garmin's TrackPointExtension and others)."""
    for element in extensions:
        for node in element.iter():
            if str(node.tag).rsplit("}", 1)[-1] == "cad" and node.text:
                try:
                    yield float(node.text)
                except ValueError:
                    continue


def _tcx(data: bytes, digest: str) -> RunFile:
    import tempfile
    import xml.etree.ElementTree as ElementTree

    from tcxreader.tcxreader import TCXReader

    # tcxreader reads from a path: the bytes already read and hashed are what it reads
    with tempfile.NamedTemporaryFile(suffix=".tcx") as copy:
        copy.write(data)
        copy.flush()
        try:
            exercise = TCXReader().read(copy.name, only_gps=False)
        except (ElementTree.ParseError, ValueError, KeyError, TypeError, AttributeError) as err:
            raise RunFileError(f"a damaged TCX file: {_first_line(err)}") from None
    stats = exercise.tpx_ext_stats.get("RunCadence")
    cadence = stats["avg"] if stats else None
    if cadence is None and exercise.cadence_avg:
        cadence = exercise.cadence_avg
    return _checked(
        "TCX",
        exercise.start_time,
        None,
        exercise.duration,
        exercise.distance,
        cadence,
        digest,
    )


def _fit(data: bytes, digest: str) -> RunFile:
    from garmin_fit_sdk import Decoder, Stream

    def decoder() -> Decoder:  # each check reads the stream through
        return Decoder(Stream.from_byte_array(bytearray(data)))

    if not decoder().is_fit():
        raise RunFileError("a damaged FIT file: its header is not a FIT header")
    if not decoder().check_integrity():
        raise RunFileError("a damaged FIT file: its checksum does not match (cut short?)")
    messages, errors = decoder().read(
        expand_components=False, merge_heart_rates=False, enable_crc_check=False
    )  # the checksum was checked above
    if errors:
        raise RunFileError(f"a damaged FIT file: {_first_line(errors[0])}")
    sessions = messages.get("session_mesgs") or []
    if not sessions:
        raise RunFileError("the FIT file holds no activity session")
    session = sessions[0]
    start = session.get("start_time")
    cadence = session.get("avg_running_cadence") or session.get("avg_cadence")
    fraction = session.get("avg_fractional_cadence") or 0
    return _checked(
        "FIT",
        start if isinstance(start, datetime) else None,
        session.get("total_timer_time"),
        session.get("total_elapsed_time") or session.get("total_timer_time"),
        session.get("total_distance"),
        (cadence + fraction) if cadence else None,
        digest,
    )


def _first_line(err: object) -> str:
    text = str(err).strip().splitlines()
    return text[0][:160] if text else type(err).__name__
