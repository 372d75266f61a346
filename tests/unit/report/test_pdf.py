"""The PDF report: read back with pypdf for its text and page count, with every kind of history."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from itb_tui import cli
from itb_tui.core.content.library import Library
from itb_tui.core.content.program import Program
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import MonthHistory, PainLog, PainSpike
from itb_tui.core.history.stats import routine_categories
from itb_tui.core.host import SYSTEM_FONT_DIRS
from itb_tui.core.report import pdf as report_pdf
from itb_tui.core.report.export import export
from itb_tui.core.report.export_file import write_export
from itb_tui.core.report.pdf import clean_text, find_font_dir, to_pdf
from itb_tui.core.report.pdf_content import build_report, red_flag_states
from itb_tui.core.store.settings import Settings
from tests.factories import shipped_program
from tests.tui.history_data import TODAY, at, make_session, seed_weeks
from tests.unit.report.pdf_helpers import pdf_of, read

NOTE = "Knee [b]tight[/b] on the stairs \x1b[31m😀 \x07ok\u202e Ünï 中文"
NO_FONTS: tuple[Path, ...] = ()


@pytest.fixture
def program(library: Library) -> Program:
    return shipped_program()


def markdown_items(markdown: str, heading: str) -> list[str]:
    """The bullets of one section of the Markdown report."""
    section = markdown.split(f"## {heading}\n\n", 1)[1].split("\n\n", 1)[0]
    return [line.removeprefix("- ") for line in section.splitlines()]


def test_the_report_of_nine_weeks_holds_the_markdown_figures_on_one_or_two_pages(
    store: HistoryStore, library: Library, program: Program
) -> None:
    seed_weeks(store, library)
    history = store.everything()
    pages, text = read(pdf_of(history, library, program, Settings()))
    assert 1 <= pages <= 2
    markdown = export(
        history, "markdown", None, TODAY, categories_by_routine=routine_categories(library)
    )
    period = re.search(r"Period: (.*)", markdown)
    assert period is not None and f"Period: {period.group(1)}" in text
    for heading in ("Adherence", "Pain trend"):
        for item in markdown_items(markdown, heading):
            assert item in text
    assert "Single-leg box squat 750 reps 660 reps 12 % right" in text  # left/right, most uneven
    assert "Hip strength: Clamshells, right leg, 5/10" in text  # the pain spike
    assert "Right knee tight on the stairs afterwards." in text  # the note
    assert all(flag.text in text for flag in program.red_flags)
    assert "None ticked" in text


def test_an_empty_history_gives_one_page_that_says_so(library: Library, program: Program) -> None:
    pages, text = read(pdf_of(MonthHistory(), library, program, Settings()))
    assert pages == 1
    assert f"Period: {TODAY} to {TODAY} (1 day)" in text
    assert "No pain scores in this period." in text
    assert "No per-side exercises done in this period." in text
    assert text.count("None.") == 2  # no spikes, no notes


@pytest.mark.parametrize("fonts", [SYSTEM_FONT_DIRS, NO_FONTS], ids=["dejavu", "built-in font"])
def test_a_note_shows_literally_without_its_control_characters(
    library: Library, fonts: tuple[Path, ...]
) -> None:
    if fonts and find_font_dir(fonts) is None:
        pytest.skip("DejaVu Sans is not installed")
    log = PainLog(at(TODAY, 9), 4, "daily", NOTE)
    history = MonthHistory([], [log])
    report = build_report(history, None, TODAY, routine_categories(library))
    pages, text = read(to_pdf(report, fonts))
    assert pages == 1
    assert "Knee [b]tight[/b] on the stairs [31m" in text
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    if fonts:
        assert "😀 ok Ünï" in text  # DejaVu has them; the CJK shows as '?'
    else:
        assert "? ok Ünï ??" in text  # Latin-1 only: the emoji and the CJK show as '?'


def test_clean_text_drops_control_and_format_characters() -> None:
    assert clean_text("a\tb\nc\x00d\x1b[0m\u200de\ufe0f") == "a b cd[0me"


@pytest.mark.parametrize("note_rows", [report_pdf.NOTE_ROWS, 60])
def test_many_notes_and_spikes_stay_within_two_pages(
    library: Library, program: Program, note_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten notes at most; with a higher limit, as many of the latest as the two pages hold."""
    monkeypatch.setattr(report_pdf, "NOTE_ROWS", note_rows)
    sessions = []
    for number in range(60):
        day = TODAY - timedelta(days=number)
        record = make_session(
            library, "hip-strength", at(day, 7), pain=number % 10, note="x " * 150
        )
        record.pain_spikes = [PainSpike(at(day, 7, 5), "clamshell", "left", 6)]
        sessions.append(record)
    history = MonthHistory(sessions, [])
    history.sort()
    pages, text = read(pdf_of(history, library, program, Settings()))
    assert pages == 2
    assert "Showing the last 10 of 60 pain spikes." in text
    shown = re.search(r"Showing the last (\d+) of 60 notes", text)
    assert shown is not None and 10 <= int(shown.group(1)) < 60


def test_a_tick_for_pain_that_has_not_improved(library: Library, program: Program) -> None:
    start = TODAY - timedelta(weeks=7)
    days = [start + timedelta(days=n) for n in range((TODAY - start).days)]
    sessions = [make_session(library, "hip-strength", at(d, 7)) for d in days if d.weekday() < 3]
    logs = [PainLog(at(d, 21), 5, "daily") for d in days]
    history = MonthHistory(sessions, logs)
    flags = red_flag_states(program, Settings(program_start=start), history, TODAY)
    assert [f.ticked for f in flags].count(True) == 1
    _, text = read(pdf_of(history, library, program, Settings(program_start=start)))
    assert "1 of 6 ticked" in text
    assert "Daily pain averaged 5.0/10 in the first two weeks and 5.0/10 in the last two" in text


def test_the_red_flags_need_the_program(library: Library) -> None:
    assert red_flag_states(None, Settings(), MonthHistory(), TODAY) == []
    _, text = read(pdf_of(MonthHistory(), library))
    assert "The program's red-flag list could not be read." in text


def test_write_export_names_the_file_pdf(
    store: HistoryStore, library: Library, tmp_path: Path
) -> None:
    store.add_pain_log(PainLog(at(TODAY, 9), 2, "rest"))
    path, exported = write_export(store, tmp_path / "out", "pdf", TODAY, {})
    assert exported.left_out == []
    assert path.name == f"itb-history-{TODAY}.pdf"
    assert "2/10 (at rest)" in read(path.read_bytes())[1]


def test_itb_export_pdf_writes_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", str(tmp_path / "d"), "--config-dir", str(tmp_path / "c")]
    assert cli.main([*args, "log-pain", "3", "--note", "stairs [x]"]) == 0
    out = tmp_path / "report.pdf"
    assert (
        cli.main([*args, "export", "--format", "pdf", "--since", "30d", "--output", str(out)]) == 0
    )
    pages, text = read(out.read_bytes())
    assert pages == 1
    assert "stairs [x]" in text
    assert "Wrote pdf export" in capsys.readouterr().err


def test_itb_export_pdf_goes_to_a_pipe_but_not_to_a_terminal(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["--data-dir", str(tmp_path / "d"), "export", "--format", "pdf"]
    assert cli.main(args) == 0
    assert capsysbinary.readouterr().out.startswith(b"%PDF-")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert cli.main(args) == 2
    captured = capsysbinary.readouterr()
    assert captured.out == b""
    assert b"give --output FILE" in captured.err
