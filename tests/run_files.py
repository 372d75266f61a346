"""Run files made in the tests: GPX and TCX written as XML, FIT with the small encoder here.

Each is a straight line north from Aarhus at an even pace, a point a second, with the
cadence per leg as watches write it (``steps`` a minute over two feet).
"""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta

START = datetime(2026, 11, 22, 7, 30, tzinfo=UTC)
LAT, LON = 56.15, 10.2
DEGREE_M = 111_320.0  # metres in a degree of latitude


def _points(minutes: float, km: float, every_s: int) -> list[tuple[int, float, float]]:
    """(seconds in, latitude, metres from the start) for each point."""
    total = round(minutes * 60)
    return [
        (s, LAT + km * 1000 * s / total / DEGREE_M, km * 1000 * s / total)
        for s in range(0, total + 1, every_s)
    ]


def _time(start: datetime, seconds: int) -> str:
    return (start + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def gpx(
    minutes: float = 30,
    km: float = 5.0,
    *,
    steps: int | None = 170,
    start: datetime = START,
    every_s: int = 1,
    pad: int = 0,
) -> bytes:
    """``pad``: a comment of that many characters on each point (some apps write one)."""
    cad = "" if steps is None else f"<gpxtpx:cad>{steps // 2}</gpxtpx:cad>"
    cmt = f"<cmt>{'x' * pad}</cmt>" if pad else ""
    points = "".join(
        f'<trkpt lat="{lat:.7f}" lon="{LON}"><ele>40.0</ele><time>{_time(start, s)}</time>{cmt}'
        f"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>140</gpxtpx:hr>{cad}"
        "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
        for s, lat, _ in _points(minutes, km, every_s)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="tests" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        f"<trk><name>Easy run</name><type>running</type><trkseg>\n{points}</trkseg></trk></gpx>\n"
    ).encode()


def tcx(
    minutes: float = 30,
    km: float = 5.0,
    *,
    steps: int | None = 170,
    start: datetime = START,
    every_s: int = 1,
    pad: int = 0,
) -> bytes:
    """``pad``: a note of that many characters on each point (as ``gpx``)."""
    cad = "" if steps is None else f"<ns3:RunCadence>{steps // 2}</ns3:RunCadence>"
    note = f"<Notes>{'x' * pad}</Notes>" if pad else ""
    points = "".join(
        f"<Trackpoint><Time>{_time(start, s)}</Time><Position><LatitudeDegrees>{lat:.7f}"
        f"</LatitudeDegrees><LongitudeDegrees>{LON}</LongitudeDegrees></Position>"
        f"<DistanceMeters>{metres:.1f}</DistanceMeters>"
        f"<Extensions><ns3:TPX><ns3:Speed>2.8</ns3:Speed>{cad}</ns3:TPX></Extensions>{note}"
        "</Trackpoint>\n"
        for s, lat, metres in _points(minutes, km, every_s)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<TrainingCenterDatabase "
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" '
        'xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">\n'
        f'<Activities><Activity Sport="Running"><Id>{_time(start, 0)}</Id>'
        f'<Lap StartTime="{_time(start, 0)}"><TotalTimeSeconds>{minutes * 60:.1f}'
        f"</TotalTimeSeconds><DistanceMeters>{km * 1000:.1f}</DistanceMeters>"
        f"<Calories>300</Calories><Track>\n{points}</Track></Lap></Activity></Activities>\n"
        "</TrainingCenterDatabase>\n"
    ).encode()


FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
_CRC = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)  # fmt: skip
# base types: (byte, struct format)
ENUM, UINT8, UINT16 = (0x00, "B"), (0x02, "B"), (0x84, "H")
SINT32, UINT32 = (0x85, "i"), (0x86, "I")
FILE_ID, SESSION, RECORD = 0, 18, 20  # global message numbers


def fit_crc(data: bytes, crc: int = 0) -> int:
    """The FIT CRC-16, four bits at a time, as the FIT protocol gives it."""
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            crc = ((crc >> 4) & 0x0FFF) ^ _CRC[crc & 0xF] ^ _CRC[nibble]
    return crc


class FitWriter:
    """A small FIT encoder: a 14-byte header, a definition message before the first data
    message of each kind (one local number each), the data messages, and the file's CRC."""

    def __init__(self) -> None:
        self._body = bytearray()
        self._local: dict[tuple[int, tuple[int, ...]], int] = {}

    def message(self, number: int, fields: list[tuple[int, tuple[int, str], int]]) -> None:
        """``fields``: (field number, base type, raw value) in the order written."""
        key = (number, tuple(field for field, _, _ in fields))
        if key not in self._local:
            local = self._local[key] = len(self._local)  # 16 kinds at most
            self._body += struct.pack("<BBBHB", 0x40 | local, 0, 0, number, len(fields))
            for field, (base, fmt), _ in fields:
                self._body += struct.pack("<BBB", field, struct.calcsize(fmt), base)
        self._body += bytes([self._local[key]])
        for _, (_, fmt), value in fields:
            self._body += struct.pack("<" + fmt, value)

    def close(self) -> bytes:
        head = struct.pack("<BBHI4s", 14, 0x20, 2132, len(self._body), b".FIT")
        data = head + struct.pack("<H", fit_crc(head)) + self._body
        return data + struct.pack("<H", fit_crc(data))


def _fit_time(moment: datetime) -> int:
    return round((moment - FIT_EPOCH).total_seconds())


def fit(
    minutes: float = 30,
    km: float = 5.0,
    *,
    steps: int | None = 170,
    start: datetime = START,
    every_s: int = 0,
    moving_minutes: float | None = None,
) -> bytes:
    """A FIT activity: file id, records (``every_s`` apart; none when 0) and a session."""
    writer = FitWriter()
    created = _fit_time(start)
    writer.message(FILE_ID, [(0, ENUM, 4), (1, UINT16, 255), (2, UINT16, 1), (4, UINT32, created)])
    for s, lat, metres in _points(minutes, km, every_s) if every_s else []:
        writer.message(
            RECORD,
            [
                (253, UINT32, created + s),
                (0, SINT32, round(lat / 180 * 2**31)),
                (1, SINT32, round(LON / 180 * 2**31)),
                (5, UINT32, round(metres * 100)),
                (3, UINT8, 140),
                *([] if steps is None else [(4, UINT8, steps // 2)]),
            ],
        )
    writer.message(
        SESSION,
        [
            (253, UINT32, _fit_time(start + timedelta(minutes=minutes))),
            (2, UINT32, created),
            (5, ENUM, 1),  # running
            (7, UINT32, round(minutes * 60_000)),
            (8, UINT32, round((moving_minutes or minutes) * 60_000)),
            (9, UINT32, round(km * 100_000)),
            *([] if steps is None else [(18, UINT8, steps // 2)]),
        ],
    )
    return writer.close()
