"""What a run done outdoors adds to its session record: where it came from and what the
runner or the watch said about it (distance, walk breaks, cadence, the file it came from).

A guided run has no source and no facts; every rule reads a run's minutes, pain spikes and
pain after the same way whatever its source (core/history/outdoor_run.py builds them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from itb_tui.core.content.validate import TableReader

LOGGED, IMPORTED = "logged", "imported"
SOURCES = (LOGGED, IMPORTED)
SOURCE_LABELS = {"": "guided", LOGGED: "logged", IMPORTED: "imported"}
MAX_DISTANCE_KM = 200.0
# 001's form tip: about 170-180 steps a minute (both feet), reached by steps 5-10 % quicker.
CADENCE_TIP = (170, 180)


@dataclass(frozen=True)
class RunFacts:
    """A run's optional details, kept as ``[sessions.outdoor]``."""

    distance_km: float | None = None
    walk_breaks: int | None = None
    cadence: int | None = None  # average steps a minute (both feet), from a watch
    file_sha256: str = ""  # an imported file's content: the same file twice is one run

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.distance_km is not None:
            data["distance_km"] = round(self.distance_km, 3)
        if self.walk_breaks is not None:
            data["walk_breaks"] = self.walk_breaks
        if self.cadence is not None:
            data["cadence"] = self.cadence
        if self.file_sha256:
            data["file_sha256"] = self.file_sha256
        return data

    @classmethod
    def read(cls, reader: TableReader) -> RunFacts:
        distance = reader.table.get("distance_km")
        reader.mark_seen("distance_km")
        if distance is not None and (
            isinstance(distance, bool)
            or not isinstance(distance, int | float)
            or not 0 < distance <= MAX_DISTANCE_KM
        ):
            reader.problem(
                "distance_km", f"kilometres above 0, at most {MAX_DISTANCE_KM:g}", distance
            )
            distance = None
        breaks = reader.integer("walk_breaks", maximum=1000, required=False)
        cadence = reader.integer("cadence", minimum=1, maximum=400, required=False)
        digest = reader.text("file_sha256", required=False, max_len=64) or ""
        reader.finish()
        return cls(None if distance is None else float(distance), breaks, cadence, digest)


def distance_text(km: float | None) -> str:
    """'5.2 km' ('' when not known)."""
    return "" if km is None else f"{km:.1f} km"


def cadence_text(steps: int) -> str:
    """A run's cadence against 001's form tip: 'cadence 168 (form tip 170-180: try 176-180)'."""
    low, high = CADENCE_TIP
    if steps >= low:
        where = "within" if steps <= high else "above"
        return f"cadence {steps} ({where} the form tip's {low}-{high})"
    quicker = (round(steps * 1.05), min(high, round(steps * 1.10)))
    aim = f"{quicker[0]}-{quicker[1]}" if quicker[0] < quicker[1] else f"{quicker[1]}"
    return f"cadence {steps} (form tip {low}-{high}: try {aim}, 5-10 % quicker steps)"
