"""The 0-10 pain scale's bands, which every chart, table and scale colours the same way:
0-3 mild, 4-6 moderate, 7-10 severe (the anchors of the scale say the same words); where pain
is felt, and how the morning's compares with yesterday's (the words a pain log keeps, and the
command line's choices)."""

from __future__ import annotations

from typing import Literal

PAIN_CONTEXTS = ("rest", "daily", "during-run", "after-run", "exercise", "morning")
COMPARED = ("better", "same", "worse")

PainBand = Literal["mild", "moderate", "severe"]
BANDS: tuple[tuple[PainBand, int, int], ...] = (
    ("mild", 0, 3),
    ("moderate", 4, 6),
    ("severe", 7, 10),
)


def pain_band(score: float) -> PainBand:
    """The band of a score; one between two bands (an average such as 3.5) takes the higher."""
    for band, _, highest in BANDS[:-1]:
        if score <= highest:
            return band
    return BANDS[-1][0]
