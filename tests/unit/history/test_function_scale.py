"""The function score (PSFS): stored, its change since the first rating, when it is due, in
every report, and itb psfs."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from itb_tui import cli
from itb_tui.core.history.function_scale import changes, due_text, summary_lines
from itb_tui.core.history.records import SHORT_SCHEMA, FunctionScore, MonthHistory
from itb_tui.core.plan.referee import RulesInput, decide
from itb_tui.core.report.export import export, import_json
from itb_tui.core.report.pdf_content import build_report
from itb_tui.core.shell.function_verb import ask_ratings, parse_rating
from tests.factories import LIBRARY, PROGRAM, TODAY, at, settings

START = TODAY - timedelta(days=28)


def score(when: date, *ratings: tuple[str, int]) -> FunctionScore:
    return FunctionScore(at(when, 9), tuple(ratings))


HISTORY = [
    score(START, ("running 5 km", 2), ("stairs", 6)),
    score(START + timedelta(days=14), ("running 5 km", 3), ("stairs", 6)),
    score(TODAY, ("Running 5 KM", 5), ("stairs", 7), ("cycling to work", 8)),
]


def test_a_score_is_kept_in_the_history_under_the_newer_schema() -> None:
    data = MonthHistory(function_scores=HISTORY[:1]).to_dict()
    assert data["schema_version"] == SHORT_SCHEMA
    assert data["function_scores"][0]["activities"][0] == {"activity": "running 5 km", "score": 2}
    problems: list[str] = []
    assert MonthHistory.from_dict(data, "test", problems).function_scores == HISTORY[:1]
    assert problems == []


def test_a_hand_edited_score_outside_the_scale_is_a_problem() -> None:
    data = MonthHistory(function_scores=HISTORY[:1]).to_dict()
    data["function_scores"][0]["activities"][0]["score"] = 11
    problems: list[str] = []
    MonthHistory.from_dict(data, "test", problems)
    assert "field 'score': expected a whole number from 0 to 10, got 11" in problems[0]


def test_a_score_holds_one_to_three_different_activities() -> None:
    with pytest.raises(ValueError, match="rate 1 to 3"):
        FunctionScore(at(TODAY), tuple((f"a{n}", 1) for n in range(4)))
    with pytest.raises(ValueError, match="each activity once"):
        FunctionScore(at(TODAY), (("stairs", 1), ("Stairs", 2)))


def test_each_activity_changes_from_its_own_first_rating_two_points_meaningful() -> None:
    found = {c.activity: c for c in changes(HISTORY)}
    running = found["Running 5 KM"]  # the same activity, typed with other capitals
    assert (running.first, running.last, running.change, running.meaningful) == (2, 5, 3, True)
    assert (found["stairs"].change, found["stairs"].meaningful) == (1, False)
    assert (found["cycling to work"].change, found["cycling to work"].since) == (0, TODAY)
    assert found["stairs"].text() == "stairs: from 6 to 7 (+1)"
    assert running.text() == "Running 5 KM: from 2 to 5 (+3, meaningful)"
    worse = changes([*HISTORY, score(TODAY, ("stairs", 4))])
    assert worse[0].text() == "stairs: from 6 to 4 (-2, meaningful)"


def test_due_at_the_start_and_every_two_weeks() -> None:
    assert due_text([], TODAY).startswith("Rate up to three things your knee stops you doing")
    assert due_text(HISTORY[:1], START + timedelta(days=13)) == ""
    assert due_text(HISTORY[:1], START + timedelta(days=14)).startswith("Two weeks since")


def test_the_verdict_notes_the_score_when_due() -> None:
    def notes(scores: list[FunctionScore]) -> tuple[str, ...]:
        history = MonthHistory(function_scores=scores)
        return decide(RulesInput(PROGRAM, LIBRARY, settings(), history, at(TODAY, 7))).notes

    assert notes([]) == (due_text([], TODAY),)
    assert notes(HISTORY) == ()


def test_every_report_has_the_scores_and_the_change() -> None:
    history = MonthHistory(function_scores=HISTORY)
    markdown = export(history, "markdown", TODAY - timedelta(days=7), TODAY)
    assert "## Function (Patient-Specific Functional Scale" in markdown
    assert "- Change since the first rating: Running 5 KM: from 2 to 5 (+3, meaningful)" in markdown
    rows = list(csv.DictReader(io.StringIO(export(history, "csv", None, TODAY))))
    assert [r["kind"] for r in rows] == ["function"] * 7
    assert (rows[-3]["exercise"], rows[-3]["values"]) == ("Running 5 KM", "5")
    assert rows[-3]["note"] == f"change +3 since {START.isoformat()}, meaningful"
    data = json.loads(export(history, "json", None, TODAY))
    assert data["function_change"][0] == {
        "activity": "Running 5 KM",
        "first": 2,
        "since": START.isoformat(),
        "last": 5,
        "change": 3,
        "meaningful": True,
    }
    assert import_json(export(history, "json", None, TODAY)) == history
    report = build_report(history, None, TODAY, {})
    assert "Change since the first rating: Running 5 KM: from 2 to 5 (+3, meaningful)" in (
        report.function
    )
    assert len(summary_lines(HISTORY)) == 6


def test_parse_rating_takes_activity_equals_rating() -> None:
    assert parse_rating("running 5 km = 3") == ("running 5 km", 3)
    with pytest.raises(ValueError, match="not a rating from 0 to 10"):
        parse_rating("stairs=11")
    with pytest.raises(ValueError, match="give an activity and its rating"):
        parse_rating("stairs")


def test_asked_in_the_terminal_the_first_time_and_again() -> None:
    said: list[str] = []
    replies = iter(["running 5 km", "3", "stairs", "x", "6", ""])
    first = ask_ratings(None, lambda _prompt: next(replies), said.append)
    assert first == [("running 5 km", 3), ("stairs", 6)]
    assert any("not a rating" in line for line in said)
    again = iter(["5", ""])  # stairs left out
    previous = FunctionScore(at(TODAY), tuple(first))
    assert ask_ratings(previous, lambda _prompt: next(again), said.append) == [("running 5 km", 5)]


def test_itb_psfs_saves_the_ratings_and_shows_the_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", str(tmp_path / "data"), "--config-dir", str(tmp_path / "config")]
    assert cli.main([*args, "psfs", "running 5 km=3", "stairs=6"]) == 0
    assert cli.main([*args, "psfs", "running 5 km=6", "stairs=6"]) == 0
    out = capsys.readouterr().out
    assert "running 5 km: from 3 to 6 (+3, meaningful)" in out
    (month,) = sorted((tmp_path / "data" / "history").glob("*.toml"))
    assert len(tomllib.loads(month.read_text())["function_scores"]) == 2
    assert cli.main([*args, "psfs", "--show"]) == 0
    assert (
        "Change since the first rating: stairs: from 6 to 6 (no change)" in capsys.readouterr().out
    )
    with pytest.raises(SystemExit):
        cli.main([*args, "psfs", "stairs=eleven"])


def test_the_chart_sets_first_against_now_for_each_activity() -> None:
    from itb_tui.core.history.function_scale import chart_lines

    lines = chart_lines(HISTORY)
    assert lines[1] == "Running 5 KM          ██░░░░░░░░  2   █████░░░░░  5   +3 meaningful"
    assert lines[2] == "stairs                ██████░░░░  6   ███████░░░  7   +1"
    assert lines[-1] == "Mean of the activities: Mon 26 Oct 4.0, Mon 09 Nov 4.5, Mon 23 Nov 6.7"
    assert chart_lines([]) == ["Nothing rated yet. In a shell: itb psfs"]
