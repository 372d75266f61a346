"""One registry of keys: the bindings, footer, palette, help and README all come from it."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from typing import Any

from textual.widget import Widget

from itb_tui import tui
from itb_tui.core.session.engine import Phase
from itb_tui.tui.app import ItbApp
from itb_tui.tui.keys import KEYS, OWNERS, Key, bindings, key_rows, palette_keys
from itb_tui.tui.screens.help import HelpScreen
from itb_tui.tui.widgets.footer import KeysFooter
from tests.snapshots.program_scenes import not_ready_history, readiness_screen

from .helpers import app_for, footer_words, make_app, session_screen

README = Path(__file__).parents[2] / "README.md"


def app_widgets() -> list[type[Widget]]:
    """Every screen and widget class of the app, once every module of its TUI is imported."""
    for module in pkgutil.walk_packages(tui.__path__, f"{tui.__name__}."):
        importlib.import_module(module.name)
    found: list[type[Widget]] = []
    todo: list[type[Widget]] = [Widget]  # Screen is a Widget: screens and dialogs are walked
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.append(sub)
                todo.append(sub)
    return [cls for cls in found if cls.__module__.startswith("itb_tui.")]


def readme_rows() -> list[tuple[str, str, str]]:
    """(where, key, does) of every row of the README's key table."""
    section = README.read_text(encoding="utf-8").split("## Keys\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]  # no header
    cells = [re.split(r" \| ", row.strip("| ")) for row in rows]
    return [(c[0], c[1], c[2]) for c in cells]


def test_the_readme_key_table_is_the_registry_exactly() -> None:
    assert readme_rows() == key_rows()


def test_every_screen_takes_its_bindings_from_the_registry() -> None:
    classes = {cls.__name__: cls for cls in [ItbApp, *app_widgets()]}
    assert "ChoiceScreen" in classes and "PickList" in classes  # the walk found them
    assert set(OWNERS) == {
        where for where, keys in KEYS.items() if any(isinstance(k, Key) for k in keys)
    }
    owners: list[tuple[str, type[object]]] = []
    for where, names in OWNERS.items():
        for name in names:
            assert name in classes, f"the registry's {where!r} names {name}, which does not exist"
            assert bindings(where) == classes[name].BINDINGS, where
            owners.append((where, classes[name]))
    for cls in classes.values():
        if cls.__dict__.get("BINDINGS"):  # keys of its own, not inherited: a place's, whose
            places = [  # class is this one or one of its subclasses (the detail screens)
                where
                for where, owner in owners
                if issubclass(owner, cls) and bindings(where) == cls.BINDINGS
            ]
            assert places, f"{cls.__name__} binds keys of its own: move them to tui/keys.py"


def test_the_keys_from_the_issue_are_described() -> None:
    rows = {(where, shown) for where, shown, _does in key_rows()}
    assert {("pain chart", "`+` / `-`"), ("summary", "`i`"), ("readiness", "`r`")} <= rows
    assert ("readiness", "`f`") in rows and ("home", "`h`") in rows


async def test_help_shows_the_registry_table_and_the_palette_offers_its_keys(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert [k.palette for k in palette_keys()] == [
            t for t in titles if t in {k.palette for k in palette_keys()}
        ]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one("Markdown").source  # type: ignore[attr-defined]
        for _where, _shown, does in key_rows():
            assert does in source


async def test_the_palette_starts_a_routine_by_its_name(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+p", *"Start: Ice")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert session_screen(app).engine.routine.id == "ice"


def keep_notes(app: ItbApp, notes: list[str]) -> None:
    """Keep every notification's message in ``notes`` (and still show it)."""
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        notes.append(message)
        original(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]


async def test_readiness_hides_run_while_running_is_locked(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = readiness_screen(app.context, not_ready_history())
        app.push_screen(screen)
        await pilot.pause()
        words = footer_words(screen.query_one(KeysFooter))
        assert "r" not in words and words["f"] == "Red flags"
        assert "Run" not in str(screen.query_one(KeysFooter).render())


async def test_enter_says_start_on_an_intro_and_done_on_a_set(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        footer = screen.query_one(KeysFooter)
        assert screen.engine.phase is Phase.INTRO
        assert footer_words(footer)["enter"] == "Start"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.engine.phase is not Phase.INTRO
        assert footer_words(footer)["enter"] == "Done"


async def test_a_reps_set_without_the_pacer_offers_no_pause_and_p_pauses_nothing(
    tmp_path: Path,
) -> None:
    app, _clock = make_app(tmp_path, start="hip-strength")
    notes: list[str] = []
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        screen = session_screen(app)
        await pilot.press("enter")
        await pilot.pause()
        while screen.engine.counting_down:  # past any get-ready, onto the set itself
            await pilot.press("enter")
            await pilot.pause()
        assert screen.engine.phase is Phase.WORK and not screen.coach.pacing
        assert "space" not in footer_words(screen.query_one(KeysFooter))
        keep_notes(app, notes)
        await pilot.press("p", "2")
        await pilot.pause()
        assert not screen.engine.paused
        assert notes and notes[-1].startswith("Pain noted") and "Paused" not in notes[-1]


async def test_p_on_a_paced_set_pauses_the_pacer_and_says_so(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path)
    app.context.settings.pacer = True
    notes: list[str] = []
    async with app.run_test(size=(100, 24)) as pilot:
        app.sessions.start_routine("hip-strength")
        await pilot.pause()
        screen = session_screen(app)
        await pilot.press("enter")
        for _ in range(30):
            if screen.coach.pacing:
                break
            clock.advance(1)
            screen.tick()
            await pilot.pause()
        assert screen.coach.pacing
        keep_notes(app, notes)
        await pilot.press("p", "2")
        await pilot.pause()
        assert screen.engine.paused
        assert " Paused. " in notes[-1]
        assert footer_words(screen.query_one(KeysFooter))["space"] == "Pause"
