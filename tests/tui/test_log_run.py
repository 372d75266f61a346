"""The log-run dialog: o on Home, the fields, the same checks as itb log-run, a file import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from itb_tui.core.history.records import Knees, SessionRecord
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.log_run import LogRunDialog
from itb_tui.tui.widgets.knee_scale import KneeScale
from tests import run_files as make

from .helpers import make_app

SIZE = (80, 24)


def runs(app: ItbApp) -> list[SessionRecord]:
    store = app.context.store
    return [s for s in store.load_months(store.months()).sessions if s.routine == "run"]


async def fill(app: ItbApp, pilot: object, **values: str) -> LogRunDialog:
    dialog = app.screen
    assert isinstance(dialog, LogRunDialog)
    for key, value in values.items():
        dialog.query_one(f"#lr-{key}", Input).value = value
    return dialog


async def logged(
    tmp_path: Path, *fields: dict[str, str], then: type[Screen[Any]] | None = None
) -> ItbApp:
    """`o` on Home, the form filled in with ``fields``, Enter: the app after, on ``then`` (a
    screen other than the form when not given)."""
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        for values in fields:
            await fill(app, pilot, **values)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, LogRunDialog)
        assert then is None or isinstance(app.screen, then)
    return app


async def test_o_on_home_logs_a_run_kept_like_the_command_line(tmp_path: Path) -> None:
    app = await logged(
        tmp_path,
        {"minutes": "25", "at": "07:00", "distance": "4.2", "pain_began": "12"},
        {"pain_score": "3", "pain_after": "1", "stopped": "y", "note": "hill"},
    )
    (run,) = runs(app)
    assert (run.source, run.completed, run.pain_after, run.note) == ("logged", False, 1, "hill")
    assert run.started_at.strftime("%H:%M") == "07:00" and run.pain_spikes[0].score == 3


async def test_swelling_after_the_run_is_kept_and_the_red_flags_are_asked(
    tmp_path: Path,
) -> None:
    """The form asks what the question after a guided run asks: is the knee swollen?"""
    from itb_tui.tui.screens.red_flags import RedFlagsScreen

    fields = {"minutes": "20", "at": "07:00", "pain_after": "1", "swelling": "y"}
    app = await logged(tmp_path, fields, then=RedFlagsScreen)
    (run,) = runs(app)
    assert (run.pain_after, run.swelling) == (1, True)


async def test_bad_input_says_why_and_keeps_nothing(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        dialog = await fill(app, pilot, minutes="20", at="07:00", pain_began="30")
        await pilot.press("enter")
        await pilot.pause()
        hint = str(dialog.query_one("#lr-hint", Static).render())
        assert "after the run's end (20 min)" in hint
        await fill(app, pilot, minutes="0", pain_began="")
        await pilot.press("enter")
        await pilot.pause()
        assert "1 to 480 minutes" in str(dialog.query_one("#lr-hint", Static).render())
        await fill(app, pilot, minutes="")
        await pilot.press("enter")
        await pilot.pause()
        hint = str(dialog.query_one("#lr-hint", Static).render())
        assert "Minutes run: how long did you run?\n" in hint + "\n"  # no stray full stop
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LogRunDialog)
    assert not (tmp_path / "data" / "history").exists() or runs(app) == []


async def test_a_file_is_imported_once_with_the_pain_asked(tmp_path: Path) -> None:
    path = tmp_path / "run.tcx"
    path.write_bytes(make.tcx(every_s=10))
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
            await fill(app, pilot, file=str(path), pain_after="2")
            await pilot.press("enter")
            await pilot.pause()
    (run,) = runs(app)
    assert (run.source, run.pain_after) == ("imported", 2)
    assert run.outdoor is not None and run.outdoor.cadence == 170


async def test_the_metronome_rings_in_the_runs_countdown_and_stops_on_pause(tmp_path: Path) -> None:
    from itb_tui.core.plan.overview import run_routine
    from itb_tui.core.session.engine import SessionEngine
    from itb_tui.tui.screens.session import SessionScreen
    from tests.factories import shipped_program

    app, clock = make_app(tmp_path)
    app.context.settings.metronome = 170
    routine = run_routine(1, shipped_program().return_to_running.week(1))
    engine = SessionEngine(routine, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = SessionScreen(engine, app.context.store, app.context.settings)
        await app.push_screen(screen)
        await pilot.press("enter")  # the intro: start the run, after a 5 s get-ready
        await pilot.pause()
        assert screen._beat is None
        clock.advance(6)
        screen.tick()
        await pilot.pause()
        assert screen._beat is not None
        assert screen._beat._interval == 60 / 170  # the bell at each step
        await pilot.press("space")
        await pilot.pause()
        assert screen._beat is None


async def open_form(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("o")
    await pilot.pause()


def knee_app(tmp_path: Path, knee: str) -> ItbApp:
    """An app whose settings say ``knee`` hurts ("both": the form scores each knee)."""
    app, _clock = make_app(tmp_path)
    app.context.settings.painful_knee = knee
    return app


async def test_both_knees_hurting_the_pain_then_and_after_take_a_score_per_knee(
    tmp_path: Path,
) -> None:
    app = knee_app(tmp_path, "both")
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot)
        dialog = await fill(app, pilot, minutes="30", at="07:00", pain_began="20")
        dialog.query_one("#lr-pain_score", KneeScale).focus()
        await pilot.press("k", "2", "4")  # left 2, then right 4
        dialog.query_one("#lr-pain_after", KneeScale).focus()
        await pilot.press("k", "1", "3")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, LogRunDialog)
    (run,) = runs(app)
    (spike,) = run.pain_spikes
    assert (spike.score, spike.knees) == (4, Knees(2, 4))
    assert (run.pain_after, run.pain_after_knees) == (3, Knees(1, 3))


async def test_one_knee_hurting_the_pain_fields_stay_plain(tmp_path: Path) -> None:
    app = knee_app(tmp_path, "left")
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot)
        assert isinstance(app.screen, LogRunDialog)
        assert not app.screen.query(KneeScale)
        await fill(app, pilot, minutes="30", at="07:00", pain_began="20", pain_score="2")
        await fill(app, pilot, pain_after="1")
        await pilot.press("enter")
        await pilot.pause()
    (run,) = runs(app)
    assert (run.pain_spikes[0].score, run.pain_after, run.pain_after_knees) == (2, 1, Knees())


async def test_a_run_logged_again_with_pain_keeps_that_pain_with_it(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for extra in ({}, {"pain_after": "2"}):
            await pilot.press("o")
            await pilot.pause()
            await fill(app, pilot, minutes="20", at="07:00", **extra)
            await pilot.press("enter")
            await pilot.pause()
        said = [n.message for n in app._notifications]
    (run,) = runs(app)
    assert run.pain_after == 2
    assert any("The run was kept already; its pain was added" in text for text in said)


async def test_on_a_small_terminal_the_form_opens_on_its_first_field_in_view(
    tmp_path: Path,
) -> None:
    """At 60x18 the form scrolls; it opens at its top, the focused minutes field in view, and
    a problem later scrolls down to its message."""
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LogRunDialog)
        minutes = dialog.query_one("#lr-minutes", Input)
        hint = dialog.query_one("#lr-hint", Static)
        form = dialog.query_one("#lr-dialog")
        assert app.focused is minutes
        assert form.max_scroll_y > 0  # the form does not fit
        assert form.scroll_y == 0
        assert form.scrollable_content_region.contains_region(minutes.region)
        await pilot.press("x", "enter")  # not a number of minutes
        await pilot.pause()
        await pilot.pause()
        assert form.scroll_y > 0
        assert form.scrollable_content_region.contains_region(hint.region)
