"""Pain per knee in the dialogs: offered only when both knees hurt, never required."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from itb_tui.core.clock import FakeClock
from itb_tui.core.history.records import Knees, PainLog, PainSpike, SessionRecord
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.checkin import CheckInScreen
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.pain import PainRatingScreen, SpikeScoreScreen
from itb_tui.tui.screens.pain_chart import PainChart, PainChartScreen
from itb_tui.tui.screens.session_detail import PainLogDetailScreen, SessionDetailScreen
from itb_tui.tui.widgets.knee_scale import KneeScale

from .helpers import ice_to_the_rating, session_screen, yesterday_checked_in
from .history_data import make_session
from .history_helpers import history, open_history, text_of
from .knee_helpers import both_app, logs, notes, sessions


# -- the quick pain log -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("keys", "score", "knees"),
    [
        (("2", "3"), 3, Knees(2, 3)),  # left, then right: the score is the worse knee
        (("4",), 4, Knees(left=4)),  # one knee is enough
        (("k", "5"), 5, Knees(right=5)),  # k: straight to the right knee
        (("2", "k", "6"), 6, Knees(6, None)),  # k again: the other knee, here the left
        (("left", "k", "1"), 10, Knees(10, 1)),  # the arrows reach 10 on a knee
        (("7", "4", "left"), 7, Knees(7, 3)),  # arrows move the knee being scored
    ],
)
async def test_the_quick_log_takes_one_score_or_each_knee(
    tmp_path: Path, keys: tuple[str, ...], score: int, knees: Knees
) -> None:
    app, _clock = both_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", *keys, "enter")
        await pilot.pause()
        assert not isinstance(app.screen, PainRatingScreen)  # 10/10 goes on to the red flags
        (log,) = logs(app)
        assert (log.score, log.knees, log.context) == (score, knees, "daily")
        shown = knees.text() or f"{score}/10"
        assert f"Pain {shown} logged (daily)." in notes(app)


async def test_the_dialog_shows_each_knee_and_which_is_being_scored(tmp_path: Path) -> None:
    app, _clock = both_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        scale = app.screen.query_one(KneeScale)
        assert "> Left" in str(scale.render())  # both knees hurt: it asks each, from the left
        await pilot.press("2")
        text = str(scale.render())
        assert "  Left " in text and "> Right" in text  # the right knee is next
        assert "L 2, the worse 2/10 - k: left knee" in text


async def test_escape_after_scoring_a_knee_logs_nothing(tmp_path: Path) -> None:
    app, _clock = both_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "k", "2", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert logs(app) == []


async def test_enter_with_no_knee_scored_asks_for_a_score(tmp_path: Path) -> None:
    app, _clock = both_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "enter")  # no knee scored yet
        assert isinstance(app.screen, PainRatingScreen)
        assert "Pick a score first" in str(app.screen.query_one("#pain-hint").render())
    assert logs(app) == []


@pytest.mark.parametrize("knee", ["", "left", "right"])
async def test_k_does_nothing_unless_both_knees_hurt(tmp_path: Path, knee: str) -> None:
    app, _clock = both_app(tmp_path, knee)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert "each knee" not in str(app.screen.query_one(KneeScale).render())
        await pilot.press("k", "2", "3", "enter")
        await pilot.pause()
    assert [(log.score, log.knees) for log in logs(app)] == [(3, Knees())]


# -- the end-of-session rating ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("keys", "score", "knees"),
    [(("4",), 4, Knees()), (("k", "1", "2"), 2, Knees(1, 2)), (("k", "k", "3"), 3, Knees(None, 3))],
)
async def test_the_session_rating_takes_each_knee(
    tmp_path: Path, keys: tuple[str, ...], score: int, knees: Knees
) -> None:
    app, _clock = both_app(tmp_path, start="ice")
    async with app.run_test(size=(80, 24)) as pilot:
        await ice_to_the_rating(pilot)
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press(*keys, "enter")
        await pilot.pause()
    (record,) = sessions(app)
    assert (record.pain_after, record.pain_after_knees) == (score, knees)


async def test_escape_on_the_session_rating_goes_back_and_rates_later(tmp_path: Path) -> None:
    app, _clock = both_app(tmp_path, start="ice")
    async with app.run_test(size=(80, 24)) as pilot:
        await ice_to_the_rating(pilot)
        await pilot.press("k", "5", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, PainRatingScreen)
        assert sessions(app) == []
        await pilot.press("enter")  # asked again, afresh
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press("k", "k", "1", "enter")
        await pilot.pause()
    (record,) = sessions(app)
    assert (record.pain_after, record.pain_after_knees) == (1, Knees(right=1))


async def test_a_session_stopped_early_is_rated_per_knee(tmp_path: Path) -> None:
    app, _clock = both_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "q", "k")  # a set done, then stop and keep it
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press("k", "0", "2", "enter")
        await pilot.pause()
    (record,) = sessions(app)
    assert not record.completed
    assert (record.pain_after, record.pain_after_knees) == (2, Knees(0, 2))


# -- the morning check-in -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("keys", "score", "knees"),
    [
        (("3",), 3, Knees(left=3)),  # both knees hurt: it asks each, from the left
        (("1", "3"), 3, Knees(1, 3)),
        (("k", "2"), 2, Knees(right=2)),
        (("k", "k", "4"), 4, Knees(left=4)),
    ],
)
async def test_the_check_in_takes_each_knee(
    tmp_path: Path, keys: tuple[str, ...], score: int, knees: Knees
) -> None:
    yesterday_checked_in(tmp_path)  # not the first check-in: it compares
    app, _clock = both_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        await pilot.press(*keys, "w", "n", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    log = logs(app)[-1]
    assert (log.score, log.knees, log.compared, log.swelling) == (score, knees, "worse", False)
    if knees.left == 1:
        assert "Checked in: L 1 / R 3, worse than yesterday" in notes(app)


async def test_escape_on_the_check_in_skips_it_with_the_knees_unsaved(tmp_path: Path) -> None:
    app, _clock = both_app(tmp_path, check_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("k", "2", "3", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert logs(app) == []


# -- history, session detail and chart ----------------------------------------------------------
def seed_knees(app: ItbApp, clock: FakeClock) -> SessionRecord:
    """A session rated L 1 / R 3 with a spike scored per knee, and a log per knee, today."""
    now = clock.wall()
    record = make_session(app.context.library, "hip-strength", now - timedelta(hours=2), pain=3)
    record.pain_after_knees = Knees(1, 3)
    spike_at = now - timedelta(hours=1, minutes=50)
    record.pain_spikes = [PainSpike(spike_at, "clamshell", "left", 2, Knees(left=2))]
    app.context.store.save_session(record)
    app.context.store.add_pain_log(PainLog(now, 4, "daily", knees=Knees(4, 2)))
    return record


async def test_history_and_the_details_show_each_knee(tmp_path: Path) -> None:
    app, clock = both_app(tmp_path)
    seed_knees(app, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        table = history(app).table
        assert [str(table.get_row_at(n)[-1]) for n in range(2)] == [
            "L 4 / R 2",
            "L 1 / R 3 (1 spike)",
        ]
        await pilot.press("enter")
        assert isinstance(app.screen, PainLogDetailScreen)
        assert "Score: L 4 / R 2 (worse knee 4/10 - moderate" in text_of(app, "#detail-text")
        await pilot.press("escape", "down", "enter")
        assert isinstance(app.screen, SessionDetailScreen)
        shown = text_of(app, "#detail-text")
        assert "Pain after: L 1 / R 3 (worse knee 3/10 - mild" in shown
        assert "Clamshells, left leg, L 2" in shown


async def open_chart(app: ItbApp, pilot: Pilot[None]) -> None:
    """History, then its pain chart, with every month it needs read."""
    await open_history(app, pilot)
    await pilot.press("c")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_chart_marks_each_knee_and_says_so(tmp_path: Path) -> None:
    app, clock = both_app(tmp_path)
    seed_knees(app, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_chart(app, pilot)
        assert isinstance(app.screen, PainChartScreen)
        chart = app.screen.query_one(PainChart)
        assert set(chart.knee_days) == {"left", "right"}
        rows = str(chart.render()).splitlines()
        assert rows[10 - 4].rstrip().endswith("L") and rows[10 - 3].rstrip().endswith("R")
        assert "L/R knee highest, B both  • session day" in text_of(app, "#chart-legend")
        summary = text_of(app, "#chart-summary")
        assert "Left knee, last 7 days: average 2.5, highest 4" in summary
        assert "Right knee, last 7 days: average 2.5, highest 3" in summary


async def test_the_chart_without_knees_has_no_knee_marks(tmp_path: Path) -> None:
    app, clock = both_app(tmp_path)
    app.context.store.add_pain_log(PainLog(clock.wall(), 4, "daily"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_chart(app, pilot)
        assert app.screen.query_one(PainChart).knee_days == {}
        assert "knee" not in text_of(app, "#chart-legend") + text_of(app, "#chart-summary")


# -- pain spikes during a session ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("keys", "knees"),
    [(("2", "3"), Knees(2, 3)), (("4",), Knees(left=4)), (("k", "5"), Knees(right=5))],
)
async def test_a_pain_spike_takes_each_knee_after_p(
    tmp_path: Path, keys: tuple[str, ...], knees: Knees
) -> None:
    app, _clock = both_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p")
        assert isinstance(app.screen, SpikeScoreScreen)  # p asks each knee at once
        await pilot.press(*keys, "enter")
        await pilot.pause()
        assert app.screen_stack[-1] is session_screen(app)
        (spike,) = session_screen(app).engine.pain_spikes
        assert (spike.score, spike.knees) == (knees.worse, knees)
        assert f"in Clamshells: {knees.text()}. k: score each knee" in notes(app)
        await pilot.press("q", "k")  # stop, keep it: the spike is saved with its knees
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    (record,) = sessions(app)
    assert record.pain_spikes[0].knees == knees


async def test_escape_or_enter_alone_leaves_the_spike_unscored(tmp_path: Path) -> None:
    app, _clock = both_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p", "k", "3", "escape")
        await pilot.pause()
        assert app.screen_stack[-1] is session_screen(app)
        await pilot.press("k", "enter")  # nothing scored: it asks for a knee
        assert isinstance(app.screen, SpikeScoreScreen)
        assert "Score a knee first" in str(app.screen.query_one("#pain-hint").render())
        await pilot.press("escape")
        await pilot.pause()
        (spike,) = session_screen(app).engine.pain_spikes
        assert (spike.score, spike.knees) == (None, Knees())


async def test_k_in_a_session_needs_both_knees_and_a_spike(tmp_path: Path) -> None:
    app, _clock = both_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "k")  # no spike yet
        assert app.screen_stack[-1] is session_screen(app)
    one, _clock = both_app(tmp_path / "one", "left", start="hip-strength")
    async with one.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p", "escape", "k")
        assert one.screen is session_screen(one)
        assert "each knee" not in notes(one)
