"""The command line with bad or hostile input: export targets, dates, notes, damaged months."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from itb_tui import cli
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import MonthHistory, PainLog
from itb_tui.core.report.export import ExportFormat, export
from itb_tui.core.store.files import write_toml
from itb_tui.core.store.paths import Paths
from itb_tui.core.text import fit_note, plain_text
from tests.factories import TZ as ZONE

MOMENT = datetime(2026, 11, 23, 12, 0, 5, tzinfo=ZONE)


@pytest.fixture
def folders(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data", tmp_path / "config", tmp_path / "cache")


def itb(folders: Paths, *args: str) -> int:
    return cli.main(["--data-dir", str(folders.data), "--config-dir", str(folders.config), *args])


def refused(folders: Paths, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run ``itb`` expecting a refusal with exit 2; returns what it said."""
    with pytest.raises(SystemExit) as stopped:
        itb(folders, *args)
    assert stopped.value.code == 2
    return capsys.readouterr().err


def store_with_logs(folders: Paths, count: int = 1) -> HistoryStore:
    store = HistoryStore(folders)
    for n in range(count):
        store.add_pain_log(PainLog(MOMENT, n, "daily", f"log {n}"))
    return store


# -- item 4: export --output ------------------------------------------------------------------
def test_export_refuses_a_path_inside_the_data_or_config_folder(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    store = store_with_logs(folders)
    month = store.month_path("2026-11")
    before = month.read_bytes()
    folders.config.mkdir()
    for target in (month, folders.config / "report.csv", folders.data / "new.csv"):
        said = refused(folders, capsys, "export", "--format", "csv", "--output", str(target))
        assert "inside itb-tui's own folder" in said
    assert month.read_bytes() == before
    assert not (folders.config / "report.csv").exists()
    assert not (folders.data / "new.csv").exists()


def test_export_refuses_the_cache_folder_and_a_link_into_the_data(
    folders: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = store_with_logs(folders)
    assert folders.cache is not None
    monkeypatch.setenv("ITB_TUI_CACHE_DIR", str(folders.cache))
    said = refused(folders, capsys, "export", "--output", str(folders.cache / "x.md"))
    assert "inside itb-tui's own folder" in said
    link = tmp_path / "innocent.md"
    link.symlink_to(store.month_path("2026-11"))
    said = refused(folders, capsys, "export", "--force", "--output", str(link))
    assert "inside itb-tui's own folder" in said


def test_export_refuses_what_is_not_a_regular_file(
    folders: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (Path("/dev/null"), fifo, tmp_path):
        said = refused(folders, capsys, "export", "--force", "--output", str(target))
        assert "is not a regular file" in said
    assert fifo.is_fifo()
    said = refused(folders, capsys, "export", "--output", str(tmp_path / "nowhere" / "r.md"))
    assert "does not exist" in said
    assert not folders.data.exists()


def test_export_replaces_an_existing_file_only_with_force(
    folders: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_with_logs(folders)
    report = tmp_path / "report.csv"
    report.write_text("my own file")
    said = refused(folders, capsys, "export", "--format", "csv", "--output", str(report))
    assert "exists; add --force" in said
    assert report.read_text() == "my own file"
    assert itb(folders, "export", "--format", "csv", "--force", "--output", str(report)) == 0
    assert report.read_text().startswith("kind,date")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# -- item 9: unique ids -----------------------------------------------------------------------
def test_pain_logs_in_one_second_get_unique_ids_that_stay_the_same(folders: Paths) -> None:
    store = store_with_logs(folders, 3)
    history = store.everything()

    def ids(fmt: str) -> list[str]:
        text = export(history, "csv", None, MOMENT.date()) if fmt == "csv" else ""
        if fmt == "csv":
            return [row[3] for row in csv.reader(io.StringIO(text))][1:]
        data = json.loads(export(history, "json", None, MOMENT.date()))
        return [log["id"] for log in data["pain_logs"]]

    first = ids("csv")
    assert len(set(first)) == 3
    assert first[0] == "pain-2026-11-23T12-00-05"
    assert ids("json") == first
    store.add_pain_log(PainLog(MOMENT + timedelta(seconds=1), 9, "rest"))  # another entry
    history = store.everything()
    assert ids("csv")[:3] == first


# -- item 12: bad values are refused before anything is written --------------------------------
def test_a_note_that_is_not_utf8_is_refused_before_anything_is_created(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    said = refused(folders, capsys, "log-pain", "3", "--note", os.fsdecode(b"\xff"))
    assert "not valid UTF-8" in said
    assert not folders.data.exists()


def test_a_note_too_long_is_refused(folders: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    said = refused(folders, capsys, "log-pain", "3", "--note", "x" * 3000)
    assert "at most 200" in said
    assert not folders.data.exists()


@pytest.mark.parametrize("fmt", ["markdown", "csv", "json"])
@pytest.mark.parametrize("days", [30, 365 * 7000])
def test_export_since_a_future_date_is_refused(
    folders: Paths, capsys: pytest.CaptureFixture[str], fmt: str, days: int
) -> None:
    later = min(date.today() + timedelta(days=days), date(9999, 12, 31))
    args = ["export", "--format", fmt, "--since", later.isoformat()]
    assert "is after today" in refused(folders, capsys, *args)
    assert not folders.data.exists()


def test_export_since_the_first_day_of_the_calendar_works(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    store_with_logs(folders)
    assert itb(folders, "export", "--since", "0001-01-01") == 0
    assert "# IT band rehab report" in capsys.readouterr().out


# -- item 13: control characters --------------------------------------------------------------
def test_control_characters_are_stripped_from_a_logged_note_and_its_echo(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert itb(folders, "log-pain", "3", "--note", "\x1b[31mred\a\tknee\x9b2J\u202e") == 0
    out = capsys.readouterr().out
    assert "Note: red knee2J" in out
    assert "\x1b" not in out
    (log,) = HistoryStore(folders).everything().pain_logs
    assert log.note == "red knee2J"


def test_control_characters_in_a_file_do_not_reach_an_export(folders: Paths) -> None:
    note = "\x1b]0;title\x07bad\x1b[2J\x07 day\x7f\x9b"
    history = MonthHistory(pain_logs=[PainLog(MOMENT, 3, "daily", note)])
    formats: tuple[ExportFormat, ...] = ("csv", "markdown")
    for fmt in formats:
        text = export(history, fmt, None, MOMENT.date())
        assert "bad day" in text
        assert not any(ch in text for ch in "\x1b\x07\x7f\x9b")
    text = export(history, "json", None, MOMENT.date())
    assert not any(ch in text for ch in "\x1b\x07\x7f\x9b")
    assert json.loads(text)["pain_logs"][0]["note"] == note  # JSON keeps it, escaped


def test_plain_text_and_fit_note() -> None:
    assert plain_text("a\r\nb\tc\x00") == "a b c"
    assert plain_text("a\r\nb\x1b[1m", keep_newlines=True) == "a\nb"
    assert fit_note("first line\nsecond") == ("first line", True)
    assert fit_note("y" * 300) == ("y" * 200, True)
    assert fit_note(" stairs ") == ("stairs", False)


# -- item 18: a damaged month -----------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["markdown", "csv", "json"])
def test_export_with_a_damaged_month_exports_the_rest_and_names_it(
    folders: Paths, capsys: pytest.CaptureFixture[str], fmt: str, tmp_path: Path
) -> None:
    store = store_with_logs(folders)
    damaged = store.month_path("2026-10")
    damaged.write_text("schema_version = [")
    write_toml(store.month_path("2026-09"), {"schema_version": 1})
    assert itb(folders, "export", "--format", fmt) == 1
    captured = capsys.readouterr()
    assert f"left out of the export: {damaged} is damaged" in captured.err
    head = captured.out.splitlines()[:4]
    assert any(str(damaged) in line for line in head)
    assert "log 0" in captured.out
    out = tmp_path / f"report.{fmt}"
    assert itb(folders, "export", "--format", fmt, "--output", str(out)) == 1
    assert str(damaged) in out.read_text()
    assert damaged.read_text() == "schema_version = ["
