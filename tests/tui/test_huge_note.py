"""A note of megabytes, edited into a file by hand: History's detail draws its start and says
how long it is, quickly, and the note itself is left whole."""

from __future__ import annotations

from pathlib import Path

from itb_tui.core.history.records import PainLog
from itb_tui.core.text import NOTE_SHOWN
from itb_tui.tui.screens.session_detail import PainLogDetailScreen, SessionDetailScreen
from itb_tui.tui.widgets.note_input import NoteInput
from tests import factories

from .helpers import make_app
from .plain import plain

HUGE = "knee " * 1_000_000  # 5 MB


async def test_history_detail_draws_a_huge_note_shortened(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path)
    store = app.context.store
    log = PainLog(clock.wall(), 2, "daily", HUGE)
    session = factories.session(note=HUGE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for screen in (PainLogDetailScreen(log, store), SessionDetailScreen(session, store)):
            await app.push_screen(screen)
            await pilot.pause()
            await pilot.press("end")  # the note is the last thing drawn
            await pilot.pause()
            assert "(note shortened: 5.0 MB)" in " ".join(plain(app).split())
            app.pop_screen()
            await pilot.pause()
    assert log.note == HUGE and len(session.note) > NOTE_SHOWN


async def test_editing_the_score_of_a_huge_note_keeps_the_note_whole(tmp_path: Path) -> None:
    app, clock = make_app(tmp_path)
    store = app.context.store
    store.add_pain_log(PainLog(clock.wall(), 2, "daily", HUGE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.push_screen(PainLogDetailScreen(store.everything().pain_logs[0], store))
        await pilot.press("e")
        await pilot.pause()
        note = app.screen.query_one(NoteInput)
        assert note.value == HUGE[:NOTE_SHOWN].strip()  # the field starts with its beginning
        await pilot.press("5", "enter")
        await pilot.pause()
    (log,) = store.everything().pain_logs
    assert (log.score, log.note) == (5, HUGE.strip())
