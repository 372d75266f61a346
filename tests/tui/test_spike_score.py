"""The pain spike key takes a score (issue 22, part 3): `p` then one digit; the arrows and
Enter for 10; the knee it names is the painful knee, not the leg being exercised; 7/10 or
more opens the red-flag questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from itb_tui.tui.screens.pain import SpikeScoreScreen
from itb_tui.tui.screens.red_flags import RedFlagsScreen

from .helpers import session_screen
from .knee_helpers import both_app, notes


async def test_p_then_one_digit_scores_the_spike_and_names_the_painful_knee(
    tmp_path: Path,
) -> None:
    app, _clock = both_app(tmp_path, "right", start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p")  # the first set is the left leg's
        await pilot.pause()
        assert isinstance(app.screen, SpikeScoreScreen)
        await pilot.press("4")
        await pilot.pause()
        assert app.screen is session_screen(app)
        (spike,) = session_screen(app).engine.pain_spikes
        assert (spike.score, spike.side) == (4, "left")
        assert "Pain noted (right knee) in Clamshells: 4/10." in notes(app)
        assert "(left)" not in notes(app)


@pytest.mark.parametrize("keys", [("4",), ("escape",), ("left", "enter")])
async def test_one_notice_per_pain_noted(tmp_path: Path, keys: tuple[str, ...]) -> None:
    """p then a score (or Escape) says so once: no second notice stacked on the first."""
    app, _clock = both_app(tmp_path, "right", start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p", *keys)  # 10 opens the red flags too
        await pilot.pause()
        noted = [n for n in app._notifications if n.title == "Pain noted"]
        assert len(noted) == 1
        assert str(noted[0].message).startswith("Pain noted (right knee) in Clamshells")


async def test_the_arrows_reach_10_and_7_or_more_opens_the_red_flags(tmp_path: Path) -> None:
    app, _clock = both_app(tmp_path, "left", start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p", "left", "enter")  # from no score, left lands on 10
        await pilot.pause()
        (spike,) = session_screen(app).engine.pain_spikes
        assert spike.score == 10
        assert isinstance(app.screen, RedFlagsScreen)


async def test_escape_keeps_the_spike_without_a_score(tmp_path: Path) -> None:
    app, _clock = both_app(tmp_path, "left", start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p", "escape")
        await pilot.pause()
        assert app.screen is session_screen(app)
        (spike,) = session_screen(app).engine.pain_spikes
        assert spike.score is None
