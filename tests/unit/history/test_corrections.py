"""What a correction keeps for the rules (corrections.py), and its place in the month file
(schema 6)."""

from __future__ import annotations

import tomllib
from datetime import date

import tomli_w

from itb_tui.core.history.corrections import (
    Rated,
    kept_highest,
    lowers,
    ruled,
    rules_mark,
    rules_note,
)
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import (
    HIGHEST_SCHEMA,
    LIMP_SCHEMA,
    Highest,
    Knees,
    MonthHistory,
    PainLog,
)
from tests.factories import at, session

WHEN = at(date(2026, 11, 2), 21)


def test_lowering_keeps_the_highest_score_and_raising_keeps_nothing() -> None:
    assert kept_highest(Rated(8), Rated(0)) == Highest(8)
    assert kept_highest(Rated(2), Rated(8)) is None
    assert kept_highest(Rated(8, swelling=True), Rated(8, swelling=False)) == Highest(swelling=True)
    assert kept_highest(Rated(0, swelling=None), Rated(0, swelling=True)) is None
    assert kept_highest(Rated(None), Rated(3)) is None  # a first rating, not a correction


def test_each_knee_keeps_its_own_highest() -> None:
    before = Rated(8, Knees(8, 2))
    assert kept_highest(before, Rated(2, Knees(1, 2))) == Highest(8, Knees(left=8))
    assert Rated(2, Knees(1, 2), highest=Highest(8, Knees(left=8))).ruled() == Rated(8, Knees(8, 2))


def test_a_second_correction_keeps_the_highest_of_all() -> None:
    once = Rated(3, highest=kept_highest(Rated(8), Rated(3)))
    assert kept_highest(once, Rated(0)) == Highest(8)
    assert kept_highest(once, Rated(9)) is None  # raised above it: the new score says it


def test_a_rating_taken_away_keeps_it() -> None:
    assert Rated(None, highest=kept_highest(Rated(6), Rated(None))).ruled().score == 6


def test_words_for_the_dialog_and_history() -> None:
    assert "stays at 8/10 with swelling" in lowers(Rated(8, swelling=True), Rated(2))
    assert "001" in lowers(Rated(8), Rated(2))
    assert lowers(Rated(2), Rated(8)) == ""
    log = PainLog(WHEN, 3, "daily", highest=Highest(8, swelling=True))
    assert rules_note(log) == (
        "(logged as 8/10 before: the rules go by 8/10; "
        "swelling answered yes before: the rules go by the yes)"
    )
    assert rules_note(PainLog(WHEN, 3, "daily")) == ""


def test_the_rules_read_a_corrected_history_at_its_highest() -> None:
    record = session("hip-strength", pain_after=1)
    record.highest = Highest(7)
    history = MonthHistory([record], [PainLog(WHEN, 0, "daily", highest=Highest(swelling=True))])
    read = ruled(history)
    assert read.sessions[0].pain_after == 7 and read.pain_logs[0].swelling is True
    assert history.sessions[0].pain_after == 1  # the history itself is left as it is
    plain = MonthHistory([session("hip-strength")])
    assert ruled(plain) is plain


def test_the_month_file_keeps_it_as_schema_6_and_reads_it_back() -> None:
    record = session("hip-strength", pain_after=1)
    record.highest = Highest(7, Knees(7, None), swelling=True)
    month = MonthHistory([record], [PainLog(WHEN, 2, "daily", highest=Highest(8))])
    data = tomllib.loads(tomli_w.dumps(month.to_dict()))
    assert data["schema_version"] == HIGHEST_SCHEMA == 6
    assert data["sessions"][0]["highest"] == {"score": 7, "left": 7, "swelling": True}
    assert data["pain_logs"][0]["highest"] == {"score": 8}
    problems: list[str] = []
    back = MonthHistory.from_dict(data, "2026-11", problems)
    assert problems == []
    assert back.sessions[0].highest == record.highest
    assert back.pain_logs[0].highest == Highest(8)


def test_a_month_without_a_correction_keeps_its_schema(store: HistoryStore) -> None:
    store.add_pain_log(PainLog(WHEN, 3, "daily"))
    data = tomllib.loads(store.month_path("2026-11").read_text())
    assert data["schema_version"] < LIMP_SCHEMA < HIGHEST_SCHEMA
    assert "highest" not in data["pain_logs"][0]


def test_a_bad_highest_is_named() -> None:
    data = {
        "schema_version": 6,
        "pain_logs": [{"at": WHEN, "score": 2, "context": "daily", "highest": {"score": 11}}],
    }
    problems: list[str] = []
    MonthHistory.from_dict(data, "2026-11", problems)
    assert problems and "highest" in problems[0] and "score" in problems[0]


def test_the_list_marks_a_corrected_entry_briefly() -> None:
    assert rules_mark(PainLog(WHEN, 0, "daily", highest=Highest(8))) == ", rules 8"
    assert rules_mark(PainLog(WHEN, 0, "daily", highest=Highest(swelling=True))) == (
        ", rules: swelling"
    )
    both = PainLog(WHEN, 2, "daily", highest=Highest(8, swelling=True))
    assert rules_mark(both) == ", rules 8 + swelling"
    knee = PainLog(WHEN, 3, "daily", knees=Knees(1, 3), highest=Highest(knees=Knees(left=3)))
    assert rules_mark(knee) == ", rules L 3 / R 3"
    assert rules_mark(PainLog(WHEN, 3, "daily")) == ""
