"""Note fields: pasted text keeps its first line, cut to the limit, and the user is told;
control characters never reach the history."""

from __future__ import annotations

from pathlib import Path

from textual import events

from itb_tui.core.history.records import PainLog
from itb_tui.core.text import NOTE_LIMIT
from itb_tui.tui.app import ItbApp
from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.screens.session_detail import PainLogDetailScreen
from itb_tui.tui.widgets.note_input import NoteInput

from .helpers import make_app


def told_about_the_cut(app: ItbApp) -> bool:
    return any("Only the first line was pasted" in n.message for n in app._notifications)


async def paste(app: ItbApp, text: str) -> None:
    """Paste into the note field, as a terminal does (bracketed paste)."""
    note = app.screen.query_one(NoteInput)
    note.focus()
    app.post_message(events.Paste(text))


async def test_a_pasted_multi_line_note_keeps_its_first_line(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l", "3")
        assert isinstance(app.screen, PainRatingScreen)
        await paste(app, "\nstairs [x] hurt\nand a second line\n")
        await pilot.pause()
        assert app.screen.query_one(NoteInput).value == "stairs [x] hurt"
        assert told_about_the_cut(app)
        await pilot.press("enter")
        await pilot.pause()
    (log,) = app.context.store.everything().pain_logs
    assert log.note == "stairs [x] hurt"


async def test_a_pasted_long_line_is_cut_to_the_room_left(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l", "3")
        await paste(app, "ab")
        await pilot.pause()
        assert not told_about_the_cut(app)
        await paste(app, "x" * 3000)
        await pilot.pause()
        assert app.screen.query_one(NoteInput).value == "ab" + "x" * (NOTE_LIMIT - 2)
        assert told_about_the_cut(app)


async def test_a_history_edit_pastes_and_saves_a_clean_note(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path)
    store = app.context.store
    store.add_pain_log(PainLog(clock.wall(), 2, "daily", "old"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.push_screen(PainLogDetailScreen(store.everything().pain_logs[0], store))
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(NoteInput).value = ""
        await paste(app, "\x1b[31mred\a knee\t" + "y" * 400)
        await pilot.pause()
        assert told_about_the_cut(app)
        await pilot.press("enter")
        await pilot.pause()
    (log,) = store.everything().pain_logs
    assert log.note.startswith("red knee yyy") and len(log.note) == NOTE_LIMIT


async def test_a_focused_note_field_keeps_a_steady_cursor_in_tests(tmp_path: Path) -> None:
    """conftest turns blinking off for every Input, so a picture never catches it mid-blink."""
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "3")
        note = app.screen.query_one(NoteInput)
        note.focus()
        await pilot.pause()
        assert note.has_focus
        assert not note.cursor_blink
