"""A note edited by hand to megabytes is drawn shortened, saying how long it is."""

from __future__ import annotations

from itb_tui.core.history.records import MonthHistory, RunDecision
from itb_tui.core.report.entries import decision_text, note_entries
from itb_tui.core.text import NOTE_SHOWN, shown_note
from tests import factories
from tests.factories import at


def test_a_note_up_to_the_limit_is_drawn_whole() -> None:
    assert shown_note("stairs ok") == "stairs ok"
    assert shown_note("x" * NOTE_SHOWN) == "x" * NOTE_SHOWN


def test_a_longer_note_is_cut_and_says_how_long_it_is() -> None:
    assert shown_note("é" * 3_000, limit=4) == "éééé... (note shortened: 6,000 bytes)"
    assert shown_note("x" * 250_000, limit=3) == "xxx... (note shortened: 0.2 MB)"
    huge = shown_note("knee " * 10_000_000)
    assert huge.endswith("... (note shortened: 50 MB)") and len(huge) < NOTE_SHOWN + 40


def test_reports_draw_notes_shortened() -> None:
    huge = "knee " * 100_000
    session = factories.session(note=huge)
    (entry,) = note_entries(MonthHistory([session]))
    assert entry.text.endswith("(note shortened: 0.5 MB)")
    decision = RunDecision(at(factories.TODAY, 9), "pause", note=huge)
    assert decision_text(decision).endswith("(note shortened: 0.5 MB)")
