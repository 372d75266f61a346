"""Runs from a watch or a phone: GPX, TCX and FIT files.

GPX and TCX are read in one streaming pass (ElementTree's iterparse) that keeps only the four
facts, with gpxpy's distance and moving time for GPX and tcxreader's definitions for TCX (the
libraries' own readers build an object per point: seconds for a 10 MB file); FIT is read with
fitdecode. Each is imported only when a file of its kind is read, so nothing here costs the app's
start. A file gives its start, the time spent moving, the distance and the average cadence
where it has them; a damaged, empty or unknown file raises RunFileError naming what is wrong.
Watches write a running cadence per leg (strides a minute) in GPX, TCX and FIT alike; it is
doubled here to steps a minute, the figure the form tip (170-180) uses.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

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
    """One streaming pass over the track points, keeping only what the four facts need, with
    gpxpy's figures: its distance between points, and its moving time (the time between two
    points more than 1 km/h apart), summed within each track segment."""
    import xml.etree.ElementTree as ElementTree

    from gpxpy.geo import distance

    start = end = None
    moving = segment = track = length = 0.0  # lengths summed in gpxpy's order
    cadences: list[float] = []
    previous: tuple[float, float, float | None, datetime | None] | None = None
    try:
        for _, element in ElementTree.iterparse(io.BytesIO(data)):
            tag = element.tag
            if tag.endswith("trkpt"):
                ns = tag[:-5]
                lat, lon = float(element.attrib["lat"]), float(element.attrib["lon"])
                text = element.findtext(ns + "ele")
                elevation = float(text) if text else None
                text = element.findtext(ns + "time")
                time = _gpx_time(text) if text else None
                if time is not None:
                    start = start or time
                    end = time
                extensions = element.find(ns + "extensions")
                if extensions is not None:
                    cadences += _gpx_cadence(extensions)
                if previous is not None:
                    plat, plon, pele, ptime = previous
                    flat = distance(lat, lon, None, plat, plon, None)
                    segment += flat
                    if time and ptime:
                        step = (
                            distance(lat, lon, elevation, plat, plon, pele)
                            if elevation and pele and elevation != pele
                            else flat
                        )
                        seconds = (time - ptime).total_seconds()
                        if seconds > 0 and step and step / 1000 / (seconds / 3600) > 1:
                            moving += seconds
                previous = (lat, lon, elevation, time)
                element.clear()
            elif tag.endswith("trkseg"):
                previous = None
                segment, track = 0.0, track + segment
                element.clear()
            elif tag.endswith("trk"):
                track, length = 0.0, length + track
    except (ElementTree.ParseError, KeyError, ValueError, TypeError) as err:
        raise RunFileError(f"a damaged GPX file: {_first_line(err)}") from None
    if start is None or end is None:
        raise RunFileError("the GPX file has no track with times")
    return _checked(
        "GPX",
        start,
        moving,
        (end - start).total_seconds(),
        length,
        sum(cadences) / len(cadences) if cadences else None,
        digest,
    )


def _gpx_cadence(extensions: Iterable[ET.Element]) -> Iterable[float]:
    """The 'cad' values of a point's extensions (Garmin's TrackPointExtension and others)."""
    for element in extensions:
        for node in element.iter():
            if str(node.tag).rsplit("}", 1)[-1] == "cad" and node.text:
                try:
                    yield float(node.text)
                except ValueError:
                    continue


def _gpx_time(text: str) -> datetime | None:
    """gpxpy's reading of a time, by the standard library's quicker one where it agrees."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    from gpxpy.gpx import GPXException
    from gpxpy.gpxfield import parse_time

    try:
        return parse_time(text.strip())
    except GPXException as err:
        raise ValueError(str(err)) from None


def _tcx(data: bytes, digest: str) -> RunFile:
    """One streaming pass, with tcxreader's definitions: the laps' distances summed, the time
    from the first track point to the last (when there are more than two), the cadence the
    mean of the points' RunCadence (or else of their Cadence)."""
    import xml.etree.ElementTree as ElementTree

    first = last = None
    points = 0
    laps = 0.0
    run_cadence: list[float] = []
    cadence: list[int] = []
    try:
        for _, element in ElementTree.iterparse(io.BytesIO(data)):
            tag = element.tag
            if tag.endswith("Trackpoint"):
                ns = tag[:-10]
                points += 1
                last = element.findtext(ns + "Time")
                first = last if points == 1 else first
                text = element.findtext(ns + "Cadence")
                if text:
                    cadence.append(int(float(text)))
                for node in element.iter():
                    if node.tag.endswith("RunCadence") and node.text:
                        text = node.text
                        run_cadence.append(float(text) if "." in text else int(text))
                element.clear()
            elif tag.endswith("}Lap") or tag == "Lap":
                text = element.findtext(tag[:-3] + "DistanceMeters")
                laps += float(text) if text else 0.0
                element.clear()
        start = _tcx_time(first) if points > 2 else None
        elapsed = abs((_tcx_time(last) - start).total_seconds()) if start else None
    except (ElementTree.ParseError, ValueError, TypeError) as err:
        raise RunFileError(f"a damaged TCX file: {_first_line(err)}") from None
    mean = run_cadence or cadence
    return _checked(
        "TCX", start, None, elapsed, laps, sum(mean) / len(mean) if mean else None, digest
    )


def _tcx_time(text: str | None) -> datetime:
    for pattern in ("%Y-%m-%dT%H:%M:%S.%fZ", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%SZ"):
        try:
            return datetime.strptime(text or "", pattern)
        except ValueError:
            continue
    return datetime.strptime(text or "", "%Y-%m-%dT%H:%M:%S%z")


def _fit(data: bytes, digest: str) -> RunFile:
    import struct

    import fitdecode

    session: dict[str, Any] | None = None
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            check_crc=fitdecode.CrcCheck.RAISE,
            error_handling=fitdecode.ErrorHandling.RAISE,
        ) as reader:
            for frame in reader:  # read through: the checksum at the end is checked too
                is_data = isinstance(frame, fitdecode.FitDataMessage)
                if session is None and is_data and frame.name == "session":
                    session = {field.name: field.value for field in frame.fields}
    except fitdecode.FitHeaderError:
        raise RunFileError("a damaged FIT file: its header is not a FIT header") from None
    except fitdecode.FitCRCError:
        raise RunFileError("a damaged FIT file: its checksum does not match") from None
    except fitdecode.FitEOFError:
        raise RunFileError("a damaged FIT file: it ends too soon (cut short?)") from None
    except (fitdecode.FitError, struct.error, ValueError, TypeError) as err:
        raise RunFileError(f"a damaged FIT file: {_first_line(err)}") from None
    if session is None:
        raise RunFileError("the FIT file holds no activity session")
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
