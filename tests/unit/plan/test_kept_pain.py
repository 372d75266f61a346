"""Discarding a session keeps the pain recorded in it as pain logs (issue 22, part 2)."""

from __future__ import annotations

from datetime import timedelta

from itb_tui.core.history.records import Knees, PainSpike
from itb_tui.core.plan.kept_pain import discard_note, kept_pain_logs, sets_done

from ...factories import TODAY, at, run, session


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
