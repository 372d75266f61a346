"""Write an export of the whole history to a dated file that never replaces an earlier one."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from itb_tui.core.export import ExportFormat, export
from itb_tui.core.files import atomic_write
from itb_tui.core.storage import HistoryStore

EXTENSIONS: dict[ExportFormat, str] = {"csv": "csv", "json": "json", "markdown": "md"}


def export_path(folder: Path, fmt: ExportFormat, today: date) -> Path:
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
    fmt: ExportFormat,
    today: date,
    categories: Mapping[str, str],
) -> Path:
    """Read every month, export it in ``fmt`` and write it atomically; returns the path.

    Raises StoreError when a month cannot be read or the file cannot be written.
    """
    text = export(store.everything(), fmt, None, today, categories_by_routine=categories)
    path = export_path(folder, fmt, today)
    atomic_write(path, text.encode("utf-8"))
    return path
