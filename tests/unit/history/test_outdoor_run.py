"""A run done outdoors is kept as a run session every rule reads exactly as a guided run."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from itb_tui.core.history.outdoor_run import (
    OutdoorRun,
    RunRefused,
    parse_start,
    refusal,
    run_record,
    same_run,
)
from itb_tui.core.history.records import MonthHistory, PainSpike, SessionRecord
from itb_tui.core.plan.overview import build_overview
from tests.factories import LIBRARY, MON, PROGRAM, at, day, run, settings, started_history

NOW = at(day(2), 20)


def logged(**fields: object) -> OutdoorRun:
    base = OutdoorRun(at(day(2), 7, 30), 15)
    return replace(base, **fields)  # type: ignore[arg-type]


def test_bad_input_is_refused_with_the_reason() -> None:
    assert "1 to 480 minutes" in refusal(logged(minutes=0), NOW)
    assert "1 to 480 minutes" in refusal(logged(minutes=600), NOW)
    assert "in the future" in refusal(logged(started_at=NOW + timedelta(minutes=5)), NOW)
    assert "after now" in refusal(logged(started_at=NOW - timedelta(minutes=5)), NOW)
    assert "after the run's end" in refusal(logged(pain_began=16), NOW)
    assert "minute the pain began" in refusal(logged(pain_score=3), NOW)
    assert refusal(logged(pain_began=15, pain_score=3), NOW) == ""
    with pytest.raises(RunRefused):
        run_record(logged(minutes=0), NOW)


def test_the_record_is_a_run_with_its_minutes_and_the_pain_at_its_minute() -> None:
    record = run_record(logged(pain_began=12, pain_score=3, pain_after=1, stopped=True), NOW)
    assert (record.routine, record.source, record.completed) == ("run", "logged", False)
    (spike,) = record.pain_spikes
    assert spike.at == at(day(2), 7, 42) and spike.score == 3
    assert record.exercises[0].done == {"both": [900]}


def test_a_run_is_kept_in_schema_3_and_reads_back_the_same() -> None:
    record = run_record(logged(distance_km=2.5, walk_breaks=1), NOW)
    month = MonthHistory([record])
    data = month.to_dict()
    assert data["schema_version"] == 3
    problems: list[str] = []
    again = MonthHistory.from_dict(data, "month", problems)
    assert problems == [] and again.sessions == [record]


def test_the_same_run_twice_is_found() -> None:
    first = run_record(logged(), NOW)
    assert same_run([first], run_record(logged(started_at=at(day(2), 7, 30)), NOW)) is first
    assert same_run([first], run_record(logged(started_at=at(day(2), 9)), NOW)) is None


def test_a_start_time_is_read_as_hh_mm_today_or_a_date_and_time() -> None:
    assert parse_start("07:30", 20, NOW) == at(day(2), 7, 30)
    assert parse_start("2026-11-24T06:15", 20, NOW) == at(day(1), 6, 15)
    assert parse_start(None, 20, NOW) == NOW - timedelta(minutes=20)
    with pytest.raises(ValueError, match="not a time"):
        parse_start("yesterday", 20, NOW)


def test_a_time_still_to_come_today_is_last_night_when_that_was_within_12_hours() -> None:
    """Logged at 00:10 after a run at 23:30: the run was last night, not tonight."""
    after_midnight = at(day(3), 0, 10)
    assert parse_start("23:30", 25, after_midnight) == at(day(2), 23, 30)
    assert parse_start("00:05", 5, after_midnight) == at(day(3), 0, 5)
    morning = at(day(3), 7)  # 07:30 is still to come, and yesterday's was 23 h ago
    assert parse_start("07:30", 20, morning) == at(day(3), 7, 30)


def _overview(runs: list[SessionRecord]) -> object:
    history = started_history([run(MON, 15), *runs], [])
    overview = build_overview(PROGRAM, settings(), LIBRARY, history, at(day(3), 9))
    return (overview.items, overview.access.stage, overview.signs, overview.readiness)


@pytest.mark.parametrize(
    "facts",
    [
        {},
        {"stopped": True, "pain_began": 8, "pain_score": 3},
        {"pain_began": 5, "pain_score": 2, "pain_after": 6},
        {"pain_after": 2},
        {"pain_after": 1, "swelling": True},
    ],
)
def test_a_logged_run_and_a_guided_run_with_the_same_facts_give_the_same_day_after(
    facts: dict[str, object],
) -> None:
    """Every rule reads the run, not where it came from: the rest day after it, the week's
    pain, pain that builds, a run stopped for pain (001)."""
    outdoor = run_record(logged(**facts), NOW)
    began = facts.get("pain_began")
    spikes = (
        []
        if began is None
        else [
            PainSpike(
                at(day(2), 7, 30) + timedelta(minutes=float(str(began))), "easy-run", "both", 3
            )
        ]
    )
    guided = run(
        day(2),
        15,
        hour=7,
        minute=30,
        completed=not facts.get("stopped", False),
        pain_after=facts.get("pain_after"),
        pain_spikes=spikes,
    )
    guided.swelling = facts.get("swelling")  # type: ignore[assignment]
    guided.routine_name = outdoor.routine_name  # a sign names the session it was found in
    assert _overview([outdoor]) == _overview([guided])
    assert _overview([outdoor]) != _overview([])


def test_an_imported_cadence_is_set_against_the_form_tip() -> None:
    """001: shorten the stride 5-10 %, towards 170-180 steps a minute."""
    from itb_tui.core.history.outdoor_run import run_facts_text
    from itb_tui.core.history.run_facts import cadence_text

    assert cadence_text(174) == "cadence 174 (within the form tip's 170-180)"
    assert cadence_text(160) == "cadence 160 (form tip 170-180: try 168-176, 5-10 % quicker steps)"
    assert cadence_text(166).endswith("try 174-180, 5-10 % quicker steps)")
    record = run_record(logged(cadence=160), NOW)
    assert "cadence 160 (form tip 170-180: try 168-176" in run_facts_text(record)


@pytest.mark.parametrize("kind", ["gpx", "tcx", "fit"])
@pytest.mark.parametrize("facts", [{}, {"pain_after": 2}])
def test_an_imported_file_gives_the_same_day_after_as_a_guided_run(
    kind: str, facts: dict[str, object], tmp_path: Path
) -> None:
    """A watch's file of the same run is read by every rule as the guided run is (001)."""
    from itb_tui.core.history.outdoor_run import from_file
    from itb_tui.core.history.run_files import read_run_file
    from tests import run_files

    make = {"gpx": run_files.gpx, "tcx": run_files.tcx, "fit": run_files.fit}[kind]
    path = tmp_path / f"run.{kind}"
    path.write_bytes(make(15, 2.5, start=at(day(2), 7, 30)))
    imported = run_record(from_file(read_run_file(path), NOW, **facts), NOW)
    guided = run(day(2), 15, hour=7, minute=30, pain_after=facts.get("pain_after"))
    assert _overview([imported]) == _overview([guided])


def test_a_run_over_a_month_s_end_is_found_from_the_next_month(tmp_path: Path) -> None:
    """A guided run from 23:50 on 30 November and the watch's file of it starting after
    midnight: one outing, though each starts in a month of its own."""
    from itb_tui.core.dates import month_key
    from itb_tui.core.history.history_store import HistoryStore
    from itb_tui.core.history.outdoor_run import keep_run
    from itb_tui.core.store.paths import Paths

    store = HistoryStore(Paths(tmp_path / "data", tmp_path / "config"))
    guided = run(day(7), 20, start=at(day(7), 23, 50))
    store.update_month(month_key(guided.started_at), lambda month: month.sessions.append(guided))
    after_midnight = guided.started_at + timedelta(minutes=12)
    record = run_record(
        logged(started_at=after_midnight, minutes=5), after_midnight + timedelta(hours=1)
    )
    assert month_key(record.started_at) != month_key(guided.started_at)
    assert keep_run(store, record).run == guided
    assert store.everything().sessions == [guided]


def test_pain_given_with_a_run_kept_already_is_added_to_it_never_lessened(tmp_path: Path) -> None:
    """P1: the watch's file of a guided run imported with pain after it, and the pain during
    it: the run is not kept twice, but its pain is the run's (001: pain in a run repeats the
    week); a lower score given later does not lessen it, and the same pain told twice is one
    spike, not pain that builds."""
    from itb_tui.core.dates import month_key
    from itb_tui.core.history.history_store import HistoryStore
    from itb_tui.core.history.outdoor_run import keep_run
    from itb_tui.core.store.paths import Paths

    store = HistoryStore(Paths(tmp_path / "data", tmp_path / "config"))
    guided = run(day(2), 20, hour=7, pain_after=0)
    store.update_month(month_key(guided.started_at), lambda month: month.sessions.append(guided))
    start = guided.started_at + timedelta(minutes=2)
    sore = logged(started_at=start, minutes=15, pain_after=3, pain_began=10, pain_score=4)
    kept = keep_run(store, run_record(sore, NOW))
    assert (kept.added, kept.pain_added) == (False, True)
    (saved,) = store.everything().sessions
    assert saved == kept.run and saved.id == guided.id
    assert saved.pain_after == 3 and [s.score for s in saved.pain_spikes] == [4]
    milder = logged(started_at=start, minutes=15, pain_after=1, pain_began=10, pain_score=2)
    again = keep_run(store, run_record(milder, NOW))
    assert (again.added, again.pain_added, again.run) == (False, False, saved)
    assert store.everything().sessions == [saved]
