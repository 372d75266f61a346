"""The run week by hand, through the app: set a week, pause and resume, or change nothing."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input, Static

from itb_tui.tui.app import ItbApp
from itb_tui.tui.messages import SetRunWeek
from itb_tui.tui.screens.readiness import ReadinessScreen
from itb_tui.tui.screens.run_week import RunWeekDialog

from .helpers import make_app, ready_app


def decisions(app: ItbApp) -> list[dict[str, object]]:
    path = app.context.store.month_path(app.context.clock.wall().strftime("%Y-%m"))
    if not path.exists():
        return []
    return list(tomllib.loads(path.read_text()).get("run_decisions", []))


def shown(app: ItbApp) -> str:
    """Every line the screen on top shows, as plain text."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


def week(app: ItbApp) -> int | None:
    assert app.overview is not None
    return None if app.overview.stage is None else app.overview.stage.week


async def test_set_a_week_with_a_note_then_the_screen_shows_it(tmp_path: Path) -> None:
    app = ready_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rules = week(app)
        assert rules == 3
        await pilot.press("r", "w")
        await pilot.pause()
        assert isinstance(app.screen, RunWeekDialog)
        assert "The rules give week 3" in shown(app)
        await pilot.press("2")
        await pilot.press(*"ok by [b]physio[/b]")
        await pilot.press("enter")  # the note given: one question
        assert "Set run week 2 from today (the rules give week 3)?" in shown(app)
        assert decisions(app) == []
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)
        text = shown(app)
        assert "Run week 2" in text
        assert "Run week 2 set by you on Mon 23 Nov: ok by [b]physio[/b]" in text
    assert week(app) == 2
    [kept] = decisions(app)
    assert (kept["decision"], kept["week"], kept["rules_week"]) == ("week", 2, 3)
    assert kept["note"] == "ok by [b]physio[/b]"


async def test_pause_then_resume(tmp_path: Path) -> None:
    app = ready_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r", "w", "p", "enter", "enter")
        await pilot.pause()
        assert week(app) is None
        assert isinstance(app.screen, ReadinessScreen) and not app.screen.can_run
        assert "Running paused by you on Mon 23 Nov" in shown(app)
        assert "r" not in app.active_bindings
        await pilot.press("w")
        await pilot.pause()
        assert "The rules give week 3 when you resume" in shown(app)
        await pilot.press("p")  # already paused: refused, still choosing
        assert "Running is already paused." in shown(app)
        await pilot.press("u", *"back", "enter", "enter")
        await pilot.pause()
        assert week(app) == 3
        assert "Running resumed by you on Mon 23 Nov: back" in shown(app)
    assert [d["decision"] for d in decisions(app)] == ["pause", "resume"]


async def test_escape_changes_nothing_at_every_step(tmp_path: Path) -> None:
    app = ready_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        for keys in ((), ("3",), ("3", "x", "enter")):  # choosing, the note, the question
            await pilot.press("w", *keys)
            await pilot.pause()
            assert isinstance(app.screen, RunWeekDialog)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ReadinessScreen)
        assert week(app) == 3
        assert "By hand" not in shown(app)
    assert decisions(app) == []


async def test_the_key_pressed_twice_opens_one_dialog(tmp_path: Path) -> None:
    app = ready_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        screen = app.screen
        screen.post_message(SetRunWeek())
        screen.post_message(SetRunWeek())
        await pilot.pause()
        assert sum(isinstance(s, RunWeekDialog) for s in app.screen_stack) == 1
        await pilot.press("w")  # on the dialog: nothing more
        await pilot.pause()
        assert sum(isinstance(s, RunWeekDialog) for s in app.screen_stack) == 1


async def test_before_running_starts_a_week_needs_the_named_clinician(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r", "w")
        await pilot.pause()
        assert "No run is planned now. Running starts when every check is met." in shown(app)
        await pilot.press("9")  # beyond the run table
        assert "Run week 9 is not in the program's run table (weeks 1-4)." in shown(app)
        await pilot.press("2")
        assert "once a clinician has cleared you" in shown(app)
        await pilot.press("enter")  # the name is required
        assert "A name is needed." in shown(app)
        await pilot.press(*"Dr Lee", "enter")
        assert "Has Dr Lee cleared you to run?" in shown(app)
        await pilot.press("enter")  # a yes or no is needed
        assert isinstance(app.screen, RunWeekDialog)
        await pilot.press("n")
        await pilot.pause()
        assert week(app) is None and decisions(app) == []
        await pilot.press("w", "2", *"Dr Lee", "enter", "y")
        await pilot.pause()
        assert week(app) == 2
        assert "Run week 2, set on Dr Lee's clearance, Mon 23 Nov." in shown(app)
    [kept] = decisions(app)
    assert kept["physio_cleared"] is True and "rules_week" not in kept
    assert kept["clinician"] == "Dr Lee"


async def test_the_note_field_takes_the_digits_and_letters_typed(tmp_path: Path) -> None:
    app = ready_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r", "w", "4", *"p2 u1 y n")
        assert app.screen.query_one("#rw-note", Input).value == "p2 u1 y n"
        await pilot.press("enter", "enter")
        await pilot.pause()
    assert decisions(app)[0]["note"] == "p2 u1 y n"
    assert week(app) == 4
