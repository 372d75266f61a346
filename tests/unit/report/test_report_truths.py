"""The physio's report tells the truth (issue 22, part 8): every format lists the red flags
ticked and unticked with dates; CSV has swelling, compared and each knee for every log; the
sessions table keeps what matters within its cap; the worst day names its context; adherence
starts at the program start."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

from itb_tui import cli
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import Knees, MonthHistory, PainLog, PainSpike
from itb_tui.core.plan.red_flags import FlagChange, RedFlagState, save_red_flags
from itb_tui.core.report.export import export
from itb_tui.core.report.export_file import export_bytes
from itb_tui.core.report.flags import FlagEvent, flag_events
from itb_tui.core.store.paths import Paths
from itb_tui.core.store.settings import Settings
from tests.factories import TODAY, at, pain, run, session, shipped_program

from .pdf_helpers import read

CATEGORIES = {"hip-strength": "strength", "daily-stretch": "stretch"}
WEIGHT = "I can't put my full weight on the leg."
NERVE = "I have tingling, numbness or weakness in my lower leg or foot."


def flag_state() -> RedFlagState:
    return RedFlagState(
        [
            FlagChange("no-weight-bearing", at(date(2026, 11, 20), 9), True),
            FlagChange("nerve-symptoms", at(date(2026, 11, 18), 9), True),
            FlagChange("nerve-symptoms", at(date(2026, 11, 21), 18, 30), False),
        ]
    )


def events() -> tuple[FlagEvent, ...]:
    return flag_events(flag_state(), shipped_program())


def small_history() -> MonthHistory:
    return MonthHistory([session("hip-strength", TODAY - timedelta(days=1))], [pain(TODAY, 2)])


def test_markdown_lists_each_flag_ticked_and_unticked_with_its_date() -> None:
    text = export(small_history(), "markdown", None, TODAY, flags=events())
    section = text.split("## Red flags\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert section == [
        f"- 2026-11-18 09:00, ticked: {NERVE}",
        f"- 2026-11-20 09:00, ticked: {WEIGHT}",
        f"- 2026-11-21 18:30, unticked: {NERVE}",
        f"- Standing now: {WEIGHT} (since 2026-11-20)",
    ]


def test_json_and_csv_list_the_flags_too() -> None:
    data = json.loads(export(small_history(), "json", None, TODAY, flags=events()))
    assert [(f["flag"], f["ticked"], f["at"][:10]) for f in data["red_flags"]] == [
        ("nerve-symptoms", True, "2026-11-18"),
        ("no-weight-bearing", True, "2026-11-20"),
        ("nerve-symptoms", False, "2026-11-21"),
    ]
    rows = list(
        csv.DictReader(io.StringIO(export(small_history(), "csv", None, TODAY, flags=events())))
    )
    flags = [(r["date"], r["id"], r["context"], r["note"]) for r in rows if r["kind"] == "red-flag"]
    assert flags == [
        ("2026-11-18", "nerve-symptoms", "ticked", NERVE),
        ("2026-11-20", "no-weight-bearing", "ticked", WEIGHT),
        ("2026-11-21", "nerve-symptoms", "unticked", NERVE),
    ]


def test_the_pdf_ticks_a_flag_ticked_in_the_app_with_its_dates() -> None:
    data = export_bytes(
        small_history(),
        "pdf",
        None,
        TODAY,
        CATEGORIES,
        program=shipped_program(),
        settings=Settings(),
        flags=events(),
    )
    _pages, text = read(data)
    assert "None ticked" not in text
    assert "1 of 6 ticked" in text
    assert "Ticked 2026-11-20" in text and "Ticked 2026-11-18, unticked 2026-11-21" in text


def test_csv_has_swelling_compared_and_each_knee_for_every_log() -> None:
    morning = PainLog(at(TODAY, 7), 3, "morning", "", True, "worse", Knees(1, 3))
    daily = PainLog(at(TODAY, 20), 2, "daily", "", False)
    rows = list(
        csv.DictReader(io.StringIO(export(MonthHistory([], [morning, daily]), "csv", None, TODAY)))
    )
    assert [(r["swelling"], r["compared"], r["pain_left"], r["pain_right"]) for r in rows] == [
        ("true", "worse", "1", "3"),
        ("false", "", "", ""),
    ]


def test_the_sessions_table_keeps_a_run_stopped_for_pain_over_daily_stretches() -> None:
    stopped = run(TODAY - timedelta(days=30), completed=False, pain_after=6)
    stopped.pain_spikes = [PainSpike(stopped.started_at, "easy-run", "both", 5)]
    stretches = [session("daily-stretch", TODAY - timedelta(days=n)) for n in range(45)]
    history = MonthHistory([stopped, *stretches])
    text = export(history, "markdown", None, TODAY, categories_by_routine=CATEGORIES)
    table = text.split("## Sessions\n\n", 1)[1].split("\n\n", 1)[0]
    assert "| Run (not complete) |" in table
    assert table.count("| Daily stretch |") == 39
    assert "Showing 40 of 46 sessions" in text


def test_the_worst_day_names_the_run_it_followed() -> None:
    history = MonthHistory([run(TODAY, pain_after=6)], [pain(TODAY, 2)])
    text = export(history, "markdown", None, TODAY, categories_by_routine=CATEGORIES)
    assert f"- Worst day: {TODAY.isoformat()}, 6/10 (after Run)" in text


def test_adherence_counts_from_the_program_start() -> None:
    start = TODAY - timedelta(days=9)
    stretches = [session("daily-stretch", start + timedelta(days=n)) for n in range(10)]
    since = TODAY - timedelta(weeks=8)
    text = export(
        MonthHistory(stretches),
        "markdown",
        since,
        TODAY,
        categories_by_routine=CATEGORIES,
        program_start=start,
    )
    assert "- Stretching: 10 of 10 days (100 %), target daily" in text
    assert f"- Counted from the program start, {start.isoformat()}" in text


def test_itb_export_reads_the_red_flags_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    paths = Paths(tmp_path / "data", tmp_path / "config")
    HistoryStore(paths).add_pain_log(pain(TODAY - timedelta(days=1), 2))
    save_red_flags(paths.red_flags, flag_state())
    folders = ["--data-dir", str(paths.data), "--config-dir", str(paths.config)]
    assert cli.main([*folders, "export", "--format", "markdown"]) == 0
    assert f"ticked: {WEIGHT}" in capsys.readouterr().out
