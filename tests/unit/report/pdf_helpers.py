"""PDF reports made from a history and read back with pypdf."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from itb_tui.core.content.library import Library
from itb_tui.core.content.program import Program
from itb_tui.core.history.records import MonthHistory
from itb_tui.core.history.stats import routine_categories
from itb_tui.core.report.export_file import export_bytes
from itb_tui.core.store.settings import Settings
from tests.tui.history_data import TODAY


def read(data: bytes) -> tuple[int, str]:
    """The page count and the text of every page, with runs of whitespace as one space."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def pdf_of(
    history: MonthHistory,
    library: Library,
    program: Program | None = None,
    settings: Settings | None = None,
    since: date | None = None,
) -> bytes:
    categories = routine_categories(library)
    return export_bytes(
        history, "pdf", since, TODAY, categories, program=program, settings=settings
    )
