"""The pain scale's bands: every score 0-10 in exactly one, averages between two go up."""

from __future__ import annotations

from itb_tui.core.pain import BANDS, pain_band


def test_the_bands_cover_the_scale_in_order_without_gaps() -> None:
    edges = [(lowest, highest) for _, lowest, highest in BANDS]
    assert edges == [(0, 3), (4, 6), (7, 10)]
    assert [pain_band(score) for score in range(11)] == ["mild"] * 4 + ["moderate"] * 3 + [
        "severe"
    ] * 4


def test_an_average_between_two_bands_takes_the_higher() -> None:
    assert (pain_band(3.0), pain_band(3.5), pain_band(6.5)) == ("mild", "moderate", "severe")
