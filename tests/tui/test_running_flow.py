"""Through the app as a user: unlock running, do a guided run, note pain, get the ice timer;
accept a progression hint from Today."""

from __future__ import annotations

import tomllib
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from itb_tui.core.clock import FakeClock
from itb_tui.core.context import AppContext
from itb_tui.core.history.records import PainLog
from itb_tui.core.plan.weeks import RUN_ROUTINE
from itb_tui.core.session.engine import Phase
from itb_tui.core.session.view import next_text
from itb_tui.core.store.settings import Settings, save_settings
from itb_tui.tui.app import ItbApp
from itb_tui.tui.messages import AcceptHint
from itb_tui.tui.screens.choice import ChoiceScreen
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.readiness import ReadinessScreen
from itb_tui.tui.screens.summary import SummaryScreen
from itb_tui.tui.widgets.pick_list import PickList
from tests.tui.history_data import make_session, seed_weeks

from .helpers import make_app, phase, ready_app, session_screen
from .session_helpers import resumed_in_a_new_app


async def test_a_guided_run_with_a_pain_note_then_ice(tmp_path: Path) -> None:
    app = ready_app(tmp_path)
    clock = app.context.clock
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.overview is not None and app.overview.stage is not None
        week = app.overview.stage.week
        await pilot.press("r")
        assert isinstance(app.screen, ReadinessScreen)
        await pilot.press("r")
        await pilot.pause()
        engine = session_screen(app).engine
        assert engine.routine.id == RUN_ROUTINE and f"week {week}" in engine.routine.name
        await pilot.press("enter", "enter")  # intro, lead-in: the run's timer starts
        assert phase(app) is Phase.WORK
        clock.advance(600)  # type: ignore[attr-defined]
        session_screen(app).tick()
        await pilot.press("p", "3")  # lateral knee pain starts: noted at 3/10, paused
        assert engine.paused and len(engine.pain_spikes) == 1
        await pilot.press("enter", "2", "enter")  # walk home: end the run, rate pain
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "ice" in str(app.screen.query_one("#ice-offer").render()).lower()
        await pilot.press("i")
        await pilot.pause()
        assert session_screen(app).engine.routine.id == "ice"
        assert not any(isinstance(screen, SummaryScreen) for screen in app.screen_stack)
    month = tomllib.loads(app.context.store.month_path("2026-11").read_text())
    run = next(s for s in month["sessions"] if s["started_at"].date() == clock.wall().date())
    assert run["routine"] == RUN_ROUTINE and run["pain_after"] == 2
    assert run["pain_spikes"][0]["exercise"] == "easy-run"
    assert run["pain_spikes"][0]["score"] == 3
    assert run["exercises"][0]["done"] == {"both": [600]}


async def test_running_stays_locked_without_the_evidence(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        assert isinstance(app.screen, ReadinessScreen)
        assert "r" not in app.active_bindings
        app.program_flow.start_run()
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)  # no run was started


def save_top_of_range_sessions(app: ItbApp, clock: FakeClock) -> None:
    """Three hip-strength sessions at the top of every rep range, without pain: a hint for
    each exercise with a progression."""
    library = app.context.library
    for days in (5, 3, 1):
        day = clock.wall().date() - timedelta(days=days)
        start = datetime.combine(day, time(8), clock.wall().tzinfo)
        record = make_session(library, "hip-strength", start, pain=0)
        for result in record.exercises:
            exercise = library.exercises[result.exercise]
            if exercise.reps is not None:
                result.done = {side: [exercise.reps[1]] * exercise.sets for side in result.sides}
        record.pain_spikes = []
        app.context.store.save_session(record)


async def test_accepting_a_progression_hint_saves_it_and_shows_it(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path)
    save_top_of_range_sessions(app, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.overview is not None and app.overview.hints
        hint = app.overview.hints[0]
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one("#routines", PickList).index_of("hint:0") is not None  # in Today
        home.post_message(AcceptHint(hint.exercise_id))
        home.post_message(AcceptHint(hint.exercise_id))  # a press repeated before Home caught up
        await pilot.pause()
        assert hint.exercise_id not in {h.exercise_id for h in app.overview.hints}
        assert app.context.settings.progressions == {hint.exercise_id: 1}
    saved = tomllib.loads((tmp_path / "config" / "settings.toml").read_text())
    assert saved["progressions"] == {hint.exercise_id: 1}


@pytest.mark.parametrize("pause", [False, True], ids=["in one go", "after a redraw"])
async def test_a_double_enter_on_a_hint_takes_one_step_of_that_hint(
    tmp_path: Path, pause: bool
) -> None:
    """It took the step twice, or took the next exercise's hint without showing it."""
    app, clock = make_app(tmp_path)
    save_top_of_range_sessions(app, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.overview is not None and len(app.overview.hints) >= 2
        first = app.overview.hints[0]
        picks = app.home.query_one("#routines", PickList)
        index = picks.index_of("hint:0")
        assert index is not None
        picks.highlighted = index
        await pilot.pause()
        if pause:
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("enter")
        else:
            await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.context.settings.progressions == {first.exercise_id: 1}
        lit = picks.highlighted_pick
        assert lit is not None and "taken" in lit.prompt.plain  # still the hint just taken
        assert first.name in lit.prompt.plain
    saved = tomllib.loads((tmp_path / "config" / "settings.toml").read_text())
    assert saved["progressions"] == {first.exercise_id: 1}


async def test_enter_on_a_progression_hint_in_a_generated_history_keeps_the_app_open(
    tmp_path: Path,
) -> None:
    app, clock = make_app(tmp_path)
    seed_weeks(app.context.store, app.context.library)
    for days_ago in (5, 3, 1):  # three recent sessions at the top of the range, no pain
        when = clock.wall() - timedelta(days=days_ago)
        app.context.store.save_session(
            make_session(app.context.library, "hip-strength", when, pain=0)
        )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.overview is not None and app.overview.hints
        names = [hint.name for hint in app.overview.hints]
        picks = app.home.query_one("#routines", PickList)
        index = picks.index_of(f"hint:{len(names) - 1}")
        assert index is not None
        picks.highlighted = index
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # again, on whatever is lit now
        await pilot.pause()
        assert app.is_running
        assert app.overview is not None
        assert len(app.overview.hints) < len(names)


async def test_running_now_on_day_one_with_pain_starts_no_run(tmp_path: Path) -> None:
    """The "running now?" switch does not skip the checks: day 1, pain 6/10, no run."""
    first_day = FakeClock().wall().date()
    save_settings(
        tmp_path / "config" / "settings.toml",
        Settings(onboarded=True, program_start=first_day, running=True, checkin_skipped=first_day),
    )
    app, clock = make_app(tmp_path)
    app.context.store.add_pain_log(PainLog(clock.wall(), 6, "daily", ""))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.overview is not None and app.overview.stage is None
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert not any(item.kind == "run" for item in app.overview.items)
        still = [i for i in app.overview.items if i.title == "Still running"]
        assert still and "50-70 %" in still[0].reason
        await pilot.press("r")
        assert isinstance(app.screen, ReadinessScreen)
        assert "Not yet" in str(app.screen.query_one("#rr-status", Static).render())
        assert "r" not in app.active_bindings
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)  # no run was started
        app.program_flow.start_run()
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)


async def test_a_run_speaks_of_a_run_not_legs_or_sets(tmp_path: Path) -> None:
    from itb_tui.tui.screens.session_detail import exercise_table
    from itb_tui.tui.widgets.side_banner import SideBanner

    app = ready_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r", "r")
        await pilot.pause()
        screen = session_screen(app)
        await pilot.press("enter", "enter")
        await pilot.pause()
        banner = screen.query_one(SideBanner).text
        set_info = str(screen.query_one("#set-info", Static).render())
        assert "set 0 of" not in next_text(screen.engine)
        assert banner == "RUN" and "LEG" not in banner
        assert set_info.startswith("Easy run - ") and set_info.endswith(" min")
        assert "Set 1 of 1" not in set_info
        await pilot.press("enter")  # the run ends: the pain question
        await pilot.pause()
        assert "set 0 of" not in next_text(screen.engine)
        record = screen.engine.record()
    table = exercise_table(record)
    assert [str(c.header) for c in table.columns] == ["Exercise", "Done"]


async def test_after_foam_rolling_s_starts_the_daily_stretch(tmp_path: Path) -> None:
    app = ready_app(tmp_path)
    library, clock = app.context.library, app.context.clock
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for routine, offered in (("hip-strength", False), ("foam-rolling", True)):
            record = make_session(library, routine, clock.wall())
            await app.push_screen(SummaryScreen(record, "history.toml"))
            assert bool(app.screen.query("#stretch-offer")) is offered
            assert ("s" in app.active_bindings) is offered
            if not offered:
                app.pop_screen()
        await pilot.press("s")
        await pilot.pause()
        assert session_screen(app).engine.routine.id == "daily-stretch"


ASKED_ON_MONDAY = "Today is a rest day after Sunday's run. Run anyway?"


def rest_day_app(tmp_path: Path) -> ItbApp:
    """A ready app on Monday, a rest day after Sunday's run (and the knee after it)."""
    from tests.factories import TODAY
    from tests.factories import run as a_run

    app = ready_app(tmp_path)
    sunday = TODAY - timedelta(days=1)
    app.context.store.save_session(a_run(sunday, 20))
    app.context.store.add_pain_log(
        PainLog(a_run(sunday).ended_at + timedelta(hours=3), 0, "after-run")
    )
    return app


async def stop_keep_and_rate(pilot: Pilot[None]) -> None:
    """Stop the session on screen, keep what was done, rate the knee 0."""
    await pilot.press("q")
    await pilot.pause()
    await pilot.press("k")
    await pilot.pause()
    await pilot.press("0", "enter")
    await pilot.pause()


def todays_run_overrides(app: ItbApp) -> list[str]:
    """The ``override`` of each run kept today, read back from the month file."""
    month = tomllib.loads(app.context.store.month_path("2026-11").read_text())
    today = app.context.clock.wall().date()
    runs = [s for s in month["sessions"] if s["routine"] == RUN_ROUTINE]
    return [s["override"] for s in runs if s["started_at"].date() == today]


async def test_r_on_a_rest_day_asks_why_and_keeps_the_answer_with_the_run(tmp_path: Path) -> None:
    """Issue 21: a run on a rest day is asked about, never silent, and the answer is kept."""
    app = rest_day_app(tmp_path)
    clock = app.context.clock
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.program_flow.verdict is not None
        assert app.program_flow.verdict.run.status == "rest"
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert app.screen.text == ASKED_ON_MONDAY
        await pilot.press("n")  # no: nothing starts
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("r", "y")
        await pilot.pause()
        engine = session_screen(app).engine
        assert engine.routine.id == RUN_ROUTINE
        await pilot.press("enter", "enter")
        clock.advance(900)  # type: ignore[attr-defined]
        session_screen(app).tick()
        await stop_keep_and_rate(pilot)
    assert todays_run_overrides(app) == [ASKED_ON_MONDAY]


async def test_a_run_anyway_cut_off_resumes_and_keeps_its_answer(tmp_path: Path) -> None:
    """A run started anyway, then the app killed: the next start offers to resume it, as the
    run the yes allowed, and the run kept at its end keeps the question it was started after."""
    app = rest_day_app(tmp_path)
    clock = app.context.clock
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")  # the return-to-running screen
        await pilot.pause()
        await pilot.press("r", "y")  # a run on a rest day: yes, anyway
        await pilot.pause()
        started = session_screen(app).engine
        await pilot.press("enter", "enter")
        clock.advance(300)  # type: ignore[attr-defined]
        session_screen(app).tick()
        await pilot.press("space")  # paused: the progress file is saved; then the app is gone
        await pilot.pause()
    again = ItbApp(AppContext.load(app.context.store.paths, clock), auto_tick=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ChoiceScreen)
        assert again.screen.choices[0].id == "resume"
        assert f"Run anyway, asked: {ASKED_ON_MONDAY}" in again.screen.text
        await pilot.press("r")
        await pilot.pause()
        engine = session_screen(again).engine
        assert engine.session_id == started.session_id and engine.override == ASKED_ON_MONDAY
        assert engine.routine.items[0].duration_s == started.routine.items[0].duration_s
        await pilot.press("enter")  # the run's lead-in again, then its timer
        clock.advance(600)  # type: ignore[attr-defined]
        session_screen(again).tick()
        await stop_keep_and_rate(pilot)
    assert todays_run_overrides(app) == [ASKED_ON_MONDAY]


async def test_a_run_cut_off_while_paused_is_resumed_as_the_same_run(tmp_path: Path) -> None:
    """The guided run is no routine of the library: it resumes as today's run, as offered."""
    app = ready_app(tmp_path)
    clock = app.context.clock
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r", "r")
        await pilot.pause()
        await pilot.press("enter", "enter")  # intro, lead-in: the run's timer starts
        clock.advance(300)  # type: ignore[attr-defined]
        session_screen(app).tick()
        await pilot.press("space")  # paused: the progress file is saved
        await pilot.pause()
    async with resumed_in_a_new_app(app, clock) as again:
        assert session_screen(again).engine.routine.id == RUN_ROUTINE
