"""The PDF report's last page: the figure of each exercise done in the period, with its name."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from itb_tui import cli
from itb_tui.core.content.library import Library
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import MonthHistory
from itb_tui.core.history.stats import routine_categories
from itb_tui.core.report.export_file import export_bytes
from itb_tui.core.report.pdf_content import done_figures
from itb_tui.core.store.paths import Paths
from tests.tui.history_data import TODAY, at, make_session

HEADING = "The exercises done in this period"
HIP_STRENGTH = (
    "Clamshells",
    "Side-lying hip abduction",
    "Glute bridge",
    "Single-leg glute bridge",
    "Lateral band walks",
    "Single-leg box squat",
)


def history(library: Library) -> MonthHistory:
    """Hip strength twice (the second time stopped after two exercises), ice once, skipped."""
    sessions = [
        make_session(library, "hip-strength", at(TODAY - timedelta(days=3), 8)),
        make_session(library, "hip-strength", at(TODAY - timedelta(days=1), 8), done_items=2),
        make_session(library, "ice", at(TODAY - timedelta(days=1), 9), done_items=0),
    ]
    return MonthHistory(sessions=sessions)


def pages(data: bytes) -> list[tuple[str, str]]:
    """Each page's text (whitespace runs as one space) and its drawing commands."""
    reader = PdfReader(io.BytesIO(data))
    found = []
    for page in reader.pages:
        text = " ".join(page.extract_text().split())
        found.append((text, page.get_contents().get_data().decode("latin-1")))
    return found


def segments(commands: str) -> int:
    """How many straight segments ('l' operators) a page draws."""
    return len(re.findall(r"(?<=\s)l(?=\s)", commands))


def report(library: Library, with_exercises: bool) -> bytes:
    categories = routine_categories(library)
    exercises = library.exercises if with_exercises else None
    return export_bytes(history(library), "pdf", None, TODAY, categories, exercises=exercises)


def test_the_figures_of_the_exercises_done_follow_the_report(library: Library) -> None:
    plain = pages(report(library, with_exercises=False))
    shown = pages(report(library, with_exercises=True))
    assert len(shown) == len(plain) + 1
    text, commands = shown[-1]
    assert text.startswith(HEADING)
    for name in HIP_STRENGTH:
        assert name in text
    assert "Ice" not in text.removeprefix(HEADING)  # skipped: nothing done
    # Each figure is drawn: two positions of ten segments, the ghost of the start, two floors.
    assert segments(commands) >= 30 * len(HIP_STRENGTH)
    assert all(HEADING not in page for page, _ in plain)


def test_each_exercise_once_in_the_order_first_done(library: Library) -> None:
    months = history(library)
    months.sessions.reverse()
    names = [name for name, _ in done_figures(months, library.exercises)]
    assert names == list(HIP_STRENGTH)


def test_an_exercise_without_a_figure_or_unknown_is_left_out(library: Library) -> None:
    exercises = dict(library.exercises)
    exercises["clamshell"] = replace(exercises["clamshell"], figure=None)
    del exercises["glute-bridge"]
    names = [name for name, _ in done_figures(history(library), exercises)]
    assert names == [n for n in HIP_STRENGTH if n not in ("Clamshells", "Glute bridge")]


def test_itb_export_pdf_shows_the_figures(
    library: Library, paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = HistoryStore(paths)
    for session in history(library).sessions:
        store.save_session(session)
    target = tmp_path / "report.pdf"
    code = cli.main(
        [
            "--data-dir",
            str(paths.data),
            "--config-dir",
            str(paths.config),
            "export",
            "--format",
            "pdf",
            "--output",
            str(target),
        ]
    )
    assert code == 0, capsys.readouterr().err
    text, _ = pages(target.read_bytes())[-1]
    assert text.startswith(HEADING) and "Single-leg box squat" in text
