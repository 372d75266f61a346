"""Write an export of the whole history to a dated file that never replaces an earlier one."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from itb_tui.core.export import FORMATS, ExportFormat, export, filter_history
from itb_tui.core.files import atomic_write
from itb_tui.core.history import MonthHistory
from itb_tui.core.storage import HistoryStore

if TYPE_CHECKING:
    from itb_tui.core.program import Program
    from itb_tui.core.settings import Settings

FileFormat = ExportFormat | Literal["pdf"]
FILE_FORMATS: tuple[FileFormat, ...] = (*FORMATS, "pdf")
EXTENSIONS: dict[FileFormat, str] = {"csv": "csv", "json": "json", "markdown": "md", "pdf": "pdf"}


def export_bytes(
    history: MonthHistory,
    fmt: FileFormat,
    since: date | None,
    today: date,
    categories: Mapping[str, str],
    *,
    program: Program | None = None,
    settings: Settings | None = None,
) -> bytes:
    """``export`` as UTF-8, or for 'pdf' the PDF report (fpdf2 is imported only then).

    ``history`` may reach back before ``since``: the report's red-flag check reads all of it,
    with the ``program``'s red flags and the ``settings``' start date.
    """
    if fmt != "pdf":
        return export(history, fmt, since, today, categories_by_routine=categories).encode()
    from itb_tui.core.report import build_report, red_flag_states
    from itb_tui.core.report_pdf import to_pdf

    flags = red_flag_states(program, settings, filter_history(history, None, today), today)
    chosen = filter_history(history, since, today)
    return to_pdf(build_report(chosen, since, today, categories, flags))


def export_path(folder: Path, fmt: FileFormat, today: date) -> Path:
    """``folder/itb-history-2026-11-23.csv``, or ``...-2.csv``, ``-3``... when taken."""
    stem = f"itb-history-{today.isoformat()}"
    path = folder / f"{stem}.{EXTENSIONS[fmt]}"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.{EXTENSIONS[fmt]}"
    return path


def write_export(
    store: HistoryStore,
    folder: Path,
    fmt: FileFormat,
    today: date,
    categories: Mapping[str, str],
    *,
    program: Program | None = None,
    settings: Settings | None = None,
) -> Path:
    """Read every month, export it in ``fmt`` and write it atomically; returns the path.

    Raises StoreError when a month cannot be read or the file cannot be written.
    """
    data = export_bytes(
        store.everything(), fmt, None, today, categories, program=program, settings=settings
    )
    path = export_path(folder, fmt, today)
    atomic_write(path, data)
    return path
