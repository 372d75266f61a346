"""Pain per knee: the records, their TOML form and schema, and the rules that read them."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from itb_tui.core.history.edit import update_pain_log
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import (
    FIRST_SCHEMA,
    IDS_SCHEMA,
    KNEES_SCHEMA,
    Knees,
    MonthHistory,
    PainLog,
    PainSpike,
    SessionRecord,
    rose,
    score_text,
    scored,
)
from itb_tui.core.plan.checkin import MorningAnswer, answer_text, morning_verdict
from itb_tui.core.plan.signs import warning_signs
from itb_tui.core.plan.weeks import pain_free_streak
from itb_tui.core.report.export import import_json, to_json
from itb_tui.core.store.paths import Paths
from tests.factories import (
    LIBRARY,
    MON,
    PROGRAM,
    at,
    day,
    pain,
    pain_free_week,
    run,
    signs,
    stage_on,
)
from tests.unit.history.strategies import PROPS
from tests.unit.history.strategies import pain_logs as history_logs
from tests.unit.history.strategies import sessions as history_sessions

BOTH = Knees(2, 3)

# A month file as today's itb-tui writes it (schema 1, one score per record).
TODAYS_FILE = """\
schema_version = 1

[[sessions]]
id = "2026-11-23T07-30-00"
routine = "hip-strength"
routine_name = "Hip strength"
started_at = 2026-11-23T07:30:00+01:00
ended_at = 2026-11-23T07:50:00+01:00
completed = true
pain_after = 2
note = "stairs"
swelling = false
exercises = []

[[sessions.pain_spikes]]
at = 2026-11-23T07:40:00+01:00
exercise = "clamshell"
side = "left"

[[pain_logs]]
at = 2026-11-23T20:00:00+01:00
score = 3
context = "morning"
note = ""
compared = "worse"
swelling = false
"""


def read(text: str) -> tuple[MonthHistory, list[str]]:
    problems: list[str] = []
    return MonthHistory.from_dict(tomllib.loads(text), "m", problems), problems


def through_toml(month: MonthHistory) -> MonthHistory:
    back, problems = read(tomli_w.dumps(month.to_dict()))
    assert problems == []
    return back


def rated_run(when: date, knees: Knees) -> SessionRecord:
    record = run(when, pain_after=scored(0, knees))
    record.pain_after_knees = knees
    return record


def rated(knees: Knees) -> SessionRecord:
    return rated_run(MON, knees)


# -- records ------------------------------------------------------------------------------------
def test_knees_text_worse_and_score() -> None:
    assert BOTH.text() == "L 2 / R 3" and BOTH.worse == 3
    assert Knees(left=4).text() == "L 4" and Knees(right=1).text() == "R 1"
    assert Knees().text() == "" and Knees().worse is None and not Knees()
    assert scored(5, BOTH) == 3  # the worse knee when a knee is scored
    assert scored(5, Knees()) == 5
    assert score_text(3, BOTH) == "L 2 / R 3" and score_text(3, Knees()) == "3/10"
    with pytest.raises(ValueError, match="outside the scale"):
        Knees(11)


def test_todays_history_file_reads_unchanged_and_writes_it_back_with_ids() -> None:
    month, problems = read(TODAYS_FILE)
    assert problems == []
    session, log = month.sessions[0], month.pain_logs[0]
    assert (session.pain_after, session.pain_after_knees) == (2, Knees())
    assert session.pain_spikes[0].knees == Knees() and session.pain_spikes[0].score is None
    assert (log.score, log.knees, log.compared) == (3, Knees(), "worse")
    written = tomllib.loads(tomli_w.dumps(month.to_dict()))
    # Written back: the same, with the ids derived at reading (the same at every read), which
    # an older version cannot read, so the month says the newer schema.
    again, _ = read(TODAYS_FILE)
    assert written["sessions"][0].pop("uid") == session.uid == again.sessions[0].uid
    assert written["pain_logs"][0].pop("uid") == log.uid == again.pain_logs[0].uid
    assert written.pop("schema_version") == IDS_SCHEMA
    assert written == {k: v for k, v in tomllib.loads(TODAYS_FILE).items() if k != "schema_version"}


def test_per_knee_scores_round_trip_and_need_the_new_schema() -> None:
    record = rated(BOTH)
    record.pain_spikes = [PainSpike(at(MON, 8, 5), "run", "both", 4, Knees(4, 1))]
    log = PainLog(at(MON, 20), 3, "daily", knees=BOTH)
    month = MonthHistory([record], [log])
    data = month.to_dict()
    assert data["schema_version"] == KNEES_SCHEMA > FIRST_SCHEMA
    assert data["sessions"][0]["pain_after_left"] == 2
    assert (data["pain_logs"][0]["left"], data["pain_logs"][0]["right"]) == (2, 3)
    back = through_toml(month)
    assert back.sessions == [record] and back.pain_logs == [log]
    one_knee = MonthHistory(pain_logs=[PainLog(at(MON), 4, "rest", knees=Knees(right=4))])
    assert through_toml(one_knee).pain_logs[0].knees == Knees(None, 4)


def test_a_score_that_is_not_the_worse_knee_is_a_problem() -> None:
    text = TODAYS_FILE.replace('compared = "worse"', 'compared = "worse"\nleft = 1\nright = 5')
    _, problems = read(text)
    assert any("field 'score': expected the worse knee's score (5)" in p for p in problems)
    _, problems = read(TODAYS_FILE.replace("pain_after = 2", "pain_after = 2\npain_after_left = 9"))
    assert any("field 'pain_after'" in p for p in problems)


def test_an_older_app_would_view_a_per_knee_month_but_not_add_to_it(paths: Paths) -> None:
    """What an app that knows only schema 1 does with a month holding knees: it shows the
    single score (the worse knee) and refuses to write, so the knees cannot be lost."""
    store = HistoryStore(paths)
    store.add_pain_log(PainLog(at(MON, 20), 3, "daily", knees=BOTH))
    raw = (paths.history / "2026-11.toml").read_text()
    data = tomllib.loads(raw)
    assert data["schema_version"] > FIRST_SCHEMA  # so the old app takes it as newer: read-only
    assert data["pain_logs"][0]["score"] == 3


def test_writing_aside_keeps_the_knees(paths: Paths) -> None:
    store = HistoryStore(paths)
    path = store.write_aside(rated(BOTH))
    assert store.written_aside() == [(path, rated(BOTH))]


def test_editing_the_single_score_replaces_the_knees(paths: Paths) -> None:
    store = HistoryStore(paths)
    log = PainLog(at(MON, 20), 3, "daily", knees=BOTH)
    store.add_pain_log(log)
    kept = update_pain_log(store, log.id, log.at, 3, "rest", "new note")
    assert kept.knees == BOTH  # the score did not change: the knees stand
    changed = update_pain_log(store, log.id, log.at, 1, "rest", "")
    assert (changed.score, changed.knees) == (1, Knees())
    assert store.everything().pain_logs == [changed]


# -- rules --------------------------------------------------------------------------------------
def test_rose_compares_each_knee_with_itself() -> None:
    before = PainLog(at(MON), 3, "rest", knees=Knees(3, 1)).scores()
    now = PainLog(at(MON), 3, "rest", knees=Knees(2, 3)).scores()
    assert rose(before, now) == ["right"]  # the worse-knee score stayed at 3
    assert rose({"score": 3}, now) == []  # a single score then: only the score compares
    assert rose(now, before) == ["left"]


def morning(when: date, knees: Knees, compared: str = "better") -> PainLog:
    return MorningAnswer(0, compared, False, knees).log(at(when, 7))


def test_a_morning_with_one_knee_worse_counts_as_worse_though_the_other_got_better() -> None:
    """Silbernagel et al. 2007 (the pain-monitoring model, plan/checkin.py): pain that rises
    the morning after a load holds the next one. Each knee is compared with itself."""
    logs = [morning(day(1), Knees(3, 1)), morning(day(2), Knees(1, 2))]
    assert logs[1].score == 2  # the worse knee
    verdict = morning_verdict(3, [run(MON)], logs, day(2), set())
    assert verdict is not None and verdict.worse and verdict.holds_run
    assert "This morning L 1 / R 2, worse than yesterday (right knee)" in verdict.text(day(2))
    both_up = [morning(day(1), Knees(1, 1)), morning(day(2), Knees(2, 3))]
    rising = morning_verdict(3, [run(MON)], both_up, day(2), set())
    assert rising is not None and "worse than yesterday (both knees)" in (rising.text(day(2)))
    settled = [morning(day(1), Knees(3, 1)), morning(day(2), Knees(1, 1))]
    calm = morning_verdict(3, [run(MON)], settled, day(2), set())
    assert calm is not None and not calm.worse and not calm.holds_run


def test_the_morning_answer_uses_the_worse_knee_against_the_band() -> None:
    log = morning(day(1), Knees(left=2))
    assert (log.score, log.knees) == (2, Knees(2, None))
    assert answer_text(log) == "L 2, better than yesterday"
    verdict = morning_verdict(1, [run(MON)], [log], day(1), set())
    assert verdict is not None and verdict.above_band and verdict.holds_run


def during_run(hour: int, knees: Knees) -> PainLog:
    return PainLog(at(MON, hour), scored(0, knees), "during-run", knees=knees)


def test_during_a_run_one_knee_rising_is_the_worsening_sign() -> None:
    """001: pain during a run that worsens as you go on is a sign to back off."""
    rising = [during_run(7, Knees(3, 1)), during_run(8, Knees(2, 3))]
    assert signs(MON, [], rising) == ["run-pain-worsens"]
    found = warning_signs(PROGRAM, [], rising, MON, LIBRARY)
    assert found[0].evidence == "right knee pain during a run rose from 1/10 to 3/10 on Mon 23 Nov"
    steady = [during_run(7, Knees(3, 1)), during_run(8, Knees(2, 1))]
    assert signs(MON, [], steady) == []
    mixed = [pain(MON, 2, "during-run", hour=7), during_run(8, Knees(2, 3))]
    assert signs(MON, [], mixed) == ["run-pain-worsens"]  # the worse knee above the 2 before


def test_one_sore_knee_after_a_run_repeats_the_run_week() -> None:
    """001: a run week moves on only when it was pain-free; the worse knee decides."""
    sore = [*pain_free_week(MON)[:2], rated_run(day(4), Knees(0, 1))]
    stage = stage_on(day(7), sore)
    assert (stage.week, stage.last_week) == (1, "repeat")
    assert "pain L 0 / R 1 after the run on Fri 27 Nov" in stage.evidence


def test_a_day_with_one_sore_knee_is_not_pain_free() -> None:
    """001: running starts after 5-7 days without pain in daily life, in either knee."""
    logs = [PainLog(at(day(n), 20), 0, "daily", knees=Knees(0, 0)) for n in range(3)]
    logs.append(PainLog(at(day(3), 20), 1, "daily", knees=Knees(left=1)))
    assert pain_free_streak(logs, day(3))[0] == 0
    assert pain_free_streak(logs[:3], day(2))[0] == 3


# -- any per-knee history round-trips ------------------------------------------------------------
scores = st.none() | st.integers(min_value=0, max_value=10)
knees = st.builds(Knees, scores, scores)


def with_knees(log: PainLog, given: Knees) -> PainLog:
    return replace(log, score=scored(log.score, given), knees=given)


def session_with_knees(record: SessionRecord, given: Knees, spike: Knees) -> SessionRecord:
    pain = record.pain_after if record.pain_after is not None else 0
    spikes = (
        [replace(s, score=spike.worse, knees=spike) for s in record.pain_spikes] if spike else []
    )
    return replace(
        record,
        pain_after=scored(pain, given) if given else record.pain_after,
        pain_after_knees=given,
        pain_spikes=spikes or record.pain_spikes,
    )


@PROPS
@given(
    st.lists(st.builds(session_with_knees, history_sessions, knees, knees), max_size=2),
    st.lists(st.builds(with_knees, history_logs, knees), max_size=3),
)
def test_any_history_with_knees_round_trips_through_toml_and_json(
    records: list[SessionRecord], logs: list[PainLog]
) -> None:
    month = MonthHistory(records, logs)
    month.sort()
    assert through_toml(month) == month
    back = import_json(to_json(month))
    assert back.sessions == month.sessions and back.pain_logs == month.pain_logs
    has_knees = any(log.knees for log in logs) or any(
        r.pain_after_knees or any(s.knees for s in r.pain_spikes) for r in records
    )
    assert month.to_dict()["schema_version"] == (KNEES_SCHEMA if has_knees else FIRST_SCHEMA)
