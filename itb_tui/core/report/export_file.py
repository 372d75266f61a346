"""Write an export to a file: a dated one in the app that never replaces an earlier one, or one
the user names on the command line, checked so that it can never replace the user's data."""

from __future__ import annotations

import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import MonthHistory
from itb_tui.core.report.export import FORMATS, ExportFormat, export, filter_history
from itb_tui.core.store.files import StoreError, atomic_write
from itb_tui.core.store.paths import Paths

if TYPE_CHECKING:
    from itb_tui.core.content.library import Exercise
    from itb_tui.core.content.program import Program
    from itb_tui.core.report.flags import FlagEvent
    from itb_tui.core.store.settings import Settings

FileFormat = ExportFormat | Literal["pdf"]
FILE_FORMATS: tuple[FileFormat, ...] = (*FORMATS, "pdf")
EXTENSIONS: dict[FileFormat, str] = {"csv": "csv", "json": "json", "markdown": "md", "pdf": "pdf"}


class RefusedOutput(ValueError):
    """An export may not be written there; the message says why."""


@dataclass(frozen=True)
class Exported:
    """An export's bytes, and the history files it had to leave out (unreadable)."""

    data: bytes
    left_out: list[StoreError] = field(default_factory=list)

    @property
    def left_out_names(self) -> list[str]:
        return [str(err.path) for err in self.left_out]


def export_bytes(
    history: MonthHistory,
    fmt: FileFormat,
    since: date | None,
    today: date,
    categories: Mapping[str, str],
    *,
    program: Program | None = None,
    settings: Settings | None = None,
    left_out: list[str] | None = None,
    exercises: Mapping[str, Exercise] | None = None,
    flags: Sequence[FlagEvent] = (),
    program_start: date | None = None,
) -> bytes:
    """``export`` as UTF-8, or for 'pdf' the PDF report (fpdf2 is imported only then).

    ``history`` may reach back before ``since``: the report's red-flag check reads all of it,
    with the ``program``'s red flags and the ``settings``' start date. ``left_out`` names the
    history files that could not be read (said at the top of a text export). The PDF shows
    the figures of the ``exercises`` done in the period. Every format lists the red
    ``flags`` ticked and unticked; the reports count adherence from ``program_start`` (the
    ``settings``' when not given).
    """
    start = program_start or (settings.program_start if settings is not None else None)
    if fmt != "pdf":
        text = export(
            history,
            fmt,
            since,
            today,
            categories_by_routine=categories,
            left_out=left_out or [],
            flags=flags,
            program_start=start,
        )
        return text.encode("utf-8")
    from itb_tui.core.report.pdf import to_pdf
    from itb_tui.core.report.pdf_content import build_report, red_flag_states

    states = red_flag_states(program, settings, filter_history(history, None, today), today, flags)
    chosen = filter_history(history, since, today)
    report = build_report(chosen, since, today, categories, states, exercises, start)
    return to_pdf(report)


def export_history(
    store: HistoryStore,
    keys: list[str],
    fmt: FileFormat,
    since: date | None,
    today: date,
    categories: Mapping[str, str],
    *,
    program: Program | None = None,
    settings: Settings | None = None,
    exercises: Mapping[str, Exercise] | None = None,
    flags: Sequence[FlagEvent] = (),
    program_start: date | None = None,
) -> Exported:
    """Export the months ``keys`` that can be read; the others are named in the export."""
    history, problems = store.load_readable(keys)
    names = [str(err.path) for err in problems]
    data = export_bytes(
        history,
        fmt,
        since,
        today,
        categories,
        program=program,
        settings=settings,
        left_out=names,
        exercises=exercises,
        flags=flags,
        program_start=program_start,
    )
    return Exported(data, problems)


def check_output(path: Path, paths: Paths, *, force: bool) -> Path:
    """Where an export named by the user may go, resolved; RefusedOutput says why not.

    Refused: anything inside the data, config or cache folder, anything that is not a
    regular file (a device, a FIFO, a folder), a folder that does not exist, and an existing
    file unless ``force``.
    """
    target = path.expanduser().resolve()
    for folder in (paths.data, paths.config, paths.cache):
        if folder is not None and target.is_relative_to(folder.expanduser().resolve()):
            raise RefusedOutput(f"{path} is inside itb-tui's own folder {folder}; choose another")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise RefusedOutput(f"the folder {target.parent} does not exist") from None
        return target
    except OSError as err:
        raise RefusedOutput(f"cannot use {path}: {err.strerror or err}") from None
    if not stat.S_ISREG(mode):
        raise RefusedOutput(f"{path} is not a regular file; choose a file name")
    if not force:
        raise RefusedOutput(f"{path} exists; add --force to replace it")
    return target


def check_suffix(path: Path, fmt: str) -> None:
    """RefusedOutput when ``path`` ends in the extension of another format (a PDF named
    ``x.ics``): the file would not open as its name says."""
    named: dict[str, str] = {**dict(EXTENSIONS.items()), "ics": "ics"}
    suffix = path.suffix.lower().lstrip(".")
    other = next((f for f, ext in named.items() if ext == suffix and f != fmt), None)
    if other is not None and suffix != named.get(fmt):
        wanted = named.get(fmt, fmt)
        raise RefusedOutput(
            f"{path} ends in .{suffix}, which is for {other}, but the format is {fmt}; "
            f"name it .{wanted} or choose --format {other}"
        )


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
    exercises: Mapping[str, Exercise] | None = None,
    flags: Sequence[FlagEvent] = (),
) -> tuple[Path, Exported]:
    """Export every month that can be read in ``fmt`` and write it atomically to a new file.

    Returns the path and the export (with the months left out). Raises StoreError when the
    file cannot be written.
    """
    exported = export_history(
        store,
        store.months(),
        fmt,
        None,
        today,
        categories,
        program=program,
        settings=settings,
        exercises=exercises,
        flags=flags,
    )
    path = export_path(folder, fmt, today)
    atomic_write(path, exported.data)
    return path, exported
