"""`x` then `p` in History writes the PDF report to the exports folder."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from .history_helpers import open_history, seeded_app


async def test_the_export_dialog_writes_the_pdf_report(tmp_path: Path) -> None:
    app, _sessions, _logs = seeded_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("x", "p")
        await app.workers.wait_for_complete()
    path = tmp_path / "data" / "exports" / "itb-history-2026-11-23.pdf"
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert len(reader.pages) <= 3  # the report on one or two, then the exercises' figures
    assert reader.pages[-1].extract_text().startswith("The exercises done in this period")
    assert "Period: 2026-09-15 to 2026-11-23 (70 days)" in text
    assert "stairs ok" in text  # a session's note
    assert "I can't put my full weight on the leg." in text  # the program's red flags
