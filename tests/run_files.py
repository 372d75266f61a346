"""Run files made in the tests: GPX and TCX written as XML here, FIT with the FIT SDK's encoder.

Each is a straight line north from Aarhus at an even pace, a point a second, with the
cadence per leg as watches write it (``steps`` a minute over two feet).
"""

from __future__ import annotations

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
    from garmin_fit_sdk import Encoder, Profile

    numbers = Profile["mesg_num"]
    encoder = Encoder()
    encoder.on_mesg(
        numbers["FILE_ID"],
        {"type": "activity", "manufacturer": "development", "product": 1, "time_created": start},
    )
    for s, lat, metres in _points(minutes, km, every_s) if every_s else []:
        encoder.on_mesg(
            numbers["RECORD"],
            {
                "timestamp": start + timedelta(seconds=s),
                "position_lat": round(lat / 180 * 2**31),
                "position_long": round(LON / 180 * 2**31),
                "distance": metres,
                "heart_rate": 140,
                **({} if steps is None else {"cadence": steps // 2}),
            },
        )
    session = {
        "timestamp": start + timedelta(minutes=minutes),
        "start_time": start,
        "sport": "running",
        "total_elapsed_time": minutes * 60,
        "total_timer_time": (moving_minutes or minutes) * 60,
        "total_distance": km * 1000,
    }
    if steps is not None:
        session["avg_cadence"] = steps // 2
    encoder.on_mesg(numbers["SESSION"], session)
    return bytes(encoder.close())
