"""Discarding a session keeps the pain recorded in it as pain logs (issue 22, part 2)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from itb_tui.core.history.records import Knees, MonthHistory, PainSpike
from itb_tui.core.plan.kept_pain import discard_note, discarded_sessions, kept_pain_logs, sets_done
from itb_tui.core.plan.weeks import RUN_ROUTINE

from ...factories import TODAY, at, day, pain, pain_free_week, run, session, signs, stage_on


def test_a_run_with_two_spikes_keeps_them_as_pain_during_a_run() -> None:
    start = at(TODAY, 7)
    spikes = [
        PainSpike(start + timedelta(minutes=6), "easy-run", "both", 3),
        PainSpike(start + timedelta(minutes=9), "easy-run", "both", 6),
    ]
    logs = kept_pain_logs(run(TODAY, pain_spikes=spikes, hour=7))
    assert [(log.score, log.context) for log in logs] == [(3, "during-run"), (6, "during-run")]
    assert [log.at for log in logs] == [spike.at for spike in spikes]
    assert all("Run, discarded" in log.note for log in logs)


def test_a_strength_spike_without_a_score_is_kept_as_pain_during_exercise_never_0() -> None:
    (log,) = kept_pain_logs(session("hip-strength", spikes=["clamshell"]))
    assert log.context == "exercise" and log.score == 1
    assert "Hip strength" in log.note and "no score given" in log.note


def test_a_spike_scored_0_is_kept_as_pain_never_0() -> None:
    """`p` then "R 0" with the left knee not scored: pain was noted, so it is kept as 1/10
    (the knees go in the note: a log's score must be its worse knee's)."""
    record = session("hip-strength")
    record.pain_spikes = [PainSpike(record.started_at, "clamshell", "left", 0, Knees(None, 0))]
    (log,) = kept_pain_logs(record)
    assert (log.score, log.knees) == (1, Knees())
    assert log.note.endswith(", scored R 0")


def test_knees_and_the_rating_with_its_swelling_are_kept() -> None:
    record = session("pre-run", pain_after=4)
    record.swelling = True
    record.pain_spikes = [PainSpike(record.started_at, "clamshell", "left", 5, Knees(5, 2))]
    spike_log, rating = kept_pain_logs(record)
    assert spike_log.knees == Knees(5, 2) and spike_log.score == 5
    assert rating.score == 4 and rating.swelling is True and rating.at == record.ended_at
    assert discard_note(record) == "The pain you noted is kept (2 pain logs)."


def test_a_session_without_pain_keeps_nothing() -> None:
    record = session("daily-stretch")
    assert kept_pain_logs(record) == [] and discard_note(record) == ""
    assert sets_done(record) == 0


def _kept_and_discarded(spikes: list[PainSpike]) -> list[tuple[object, ...]]:
    """What the rules say the day after a stopped run with ``spikes`` and the next Monday,
    once with the run kept and once with it discarded (its pain kept as logs)."""
    before = [*pain_free_week(day(-14)), *pain_free_week(day(-7)), run(day(0))]
    stopped = run(day(2), minutes=8, completed=False, pain_spikes=spikes)
    told = []
    for runs, logs in (([*before, stopped], []), (before, kept_pain_logs(stopped))):
        for today in (day(3), day(7)):
            stage = stage_on(today, runs, logs)
            found = [(f.sign.id, f.evidence) for f in stage.signs]
            told.append((found, signs(today, runs, logs), stage.week, stage.last_week))
            told.append((stage.evidence, stage.rest_today, stage.rule, stage.today_text))
    return told


@pytest.mark.parametrize("scores", [(None, None), (2, 4), (6,), (None,)])
def test_a_discarded_run_whose_pain_built_up_is_read_as_the_run_kept(
    scores: tuple[int | None, ...],
) -> None:
    """Two pain spikes (without a score too), one of 5 or more, or one before the run was
    stopped: kept or discarded, the pain built up during it (001), so the next day is a day to
    let it settle and the next Monday steps the run week back, for the same reason. Kept as
    logs of 1/10, two spikes without a score used to say neither."""
    start = at(day(2), 8)
    spikes = [
        PainSpike(start + timedelta(minutes=3 * n), RUN_ROUTINE, "both", score)
        for n, score in enumerate(scores, 1)
    ]
    told = _kept_and_discarded(spikes)
    assert told[4:] == told[:4]
    assert told[1][2] == "run-settle" and told[2][3] == "step-back"


def test_the_logs_kept_name_their_run_and_read_back_from_the_file() -> None:
    start = at(TODAY, 7)
    record = run(TODAY, hour=7, completed=False, pain_after=3)
    record.pain_spikes = [PainSpike(start + timedelta(minutes=4), RUN_ROUTINE, "both")]
    logs = kept_pain_logs(record)
    assert [(log.kept, log.session, log.routine) for log in logs] == [
        ("unscored-spike", record.id, RUN_ROUTINE),
        ("rating", record.id, RUN_ROUTINE),
    ]
    month = MonthHistory(pain_logs=logs)
    problems: list[str] = []
    read = MonthHistory.from_dict(month.to_dict(), "month", problems)
    assert problems == [] and month.schema() == 4
    assert [(log.kept, log.session, log.routine) for log in read.pain_logs] == [
        (log.kept, log.session, log.routine) for log in logs
    ]
    (rebuilt,) = discarded_sessions(read.pain_logs)
    assert [s.score for s in rebuilt.pain_spikes] == [None] and rebuilt.pain_after == 3
    assert not rebuilt.completed and rebuilt.started_at == record.pain_spikes[0].at


def test_a_discarded_strength_session_with_a_spike_without_a_score_is_pain_during_strength() -> (
    None
):
    """001: pain during a hip-strength exercise is a warning sign, however little was said of
    it: kept as a log of 1/10 during exercise, above the shipped band of 0, it still is."""
    stopped = session("hip-strength", completed=False, spikes=["clamshell"])
    kept = signs(TODAY, [stopped])
    assert kept == ["pain-during-strength"]
    assert signs(TODAY, [], kept_pain_logs(stopped)) == kept


@pytest.mark.parametrize("rating", [0, None])
def test_pain_hours_after_a_discarded_run_is_pain_after_a_run(rating: int | None) -> None:
    """001: pain lasting beyond 2-3 h after a run is a warning sign. A run discarded with its
    rating (or a spike) kept is read back as a run, so 4/10 that evening says it, kept or
    not."""
    stopped = run(TODAY, hour=8, completed=False, pain_after=rating)
    if rating is None:
        stopped.pain_spikes = [PainSpike(at(TODAY, 8, 5), RUN_ROUTINE, "both")]
    evening = pain(TODAY, 4, hour=22)
    kept = [sign for sign in signs(TODAY, [stopped], [evening]) if sign == "pain-after-run"]
    assert kept == ["pain-after-run"]
    discarded = signs(TODAY, [], [*kept_pain_logs(stopped), evening])
    assert "pain-after-run" in discarded
