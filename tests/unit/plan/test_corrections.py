"""A correction in History never lessens pain for the rules: a score lowered or swelling taken
back keeps what the rules read, deleting a session keeps its pain as discarding does, and a
pain log with pain in it is not deleted (P4, P5; pain holds running and weight-bearing work,
001)."""

from __future__ import annotations

from datetime import date

import pytest

from itb_tui.core.history.edit import (
    PainKept,
    delete_pain_log,
    update_pain_log,
    update_session,
)
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.morning_log import save_check_in
from itb_tui.core.history.records import Highest, Knees, PainLog
from itb_tui.core.plan.kept_pain import delete_session
from itb_tui.core.plan.referee import RulesInput, decide

from ...factories import (
    LIBRARY,
    MON,
    PROGRAM,
    at,
    day,
    pain,
    settings,
    strength,
    weight_bearing_offered,
)

HOLD = ["hip-strength: lateral-band-walk", "hip-strength: single-leg-box-squat"]


def offered(store: HistoryStore, today: date = MON) -> list[str]:
    """The weight-bearing work Today offers at 9:00 over the history on disk."""
    inp = RulesInput(PROGRAM, LIBRARY, settings(), store.everything(), at(today, 9))
    return weight_bearing_offered(LIBRARY, decide(inp))


def saved_log(store: HistoryStore) -> PainLog:
    (log,) = store.everything().pain_logs
    return log


def test_the_history_here_offers_hip_strength_in_full(store: HistoryStore) -> None:
    store.add_pain_log(pain(day(-1), 0))
    assert set(HOLD) <= set(offered(store))


def test_a_log_of_8_lowered_to_0_still_holds_weight_bearing_work(store: HistoryStore) -> None:
    store.add_pain_log(pain(day(-1), 8))
    assert offered(store) == []
    log = saved_log(store)
    update_pain_log(store, log.id, log.at, 0, "daily", "a typo", seen=log)
    assert saved_log(store).score == 0  # shown as corrected
    assert offered(store) == []


def test_swelling_taken_back_still_holds_weight_bearing_work(store: HistoryStore) -> None:
    store.add_pain_log(pain(day(-1), 0, swelling=True))
    assert offered(store) == []
    log = saved_log(store)
    update_pain_log(store, log.id, log.at, 0, "daily", "", swelling=False, seen=log)
    assert saved_log(store).swelling is False
    assert offered(store) == []


def test_a_knee_lowered_keeps_its_highest_score(store: HistoryStore) -> None:
    store.add_pain_log(PainLog(at(day(-1), 20), 8, "daily", knees=Knees(8, 2)))
    log = saved_log(store)
    update_pain_log(store, log.id, log.at, 2, "daily", "", knees=Knees(1, 2), seen=log)
    assert offered(store) == []


def test_a_score_raised_takes_effect(store: HistoryStore) -> None:
    store.add_pain_log(pain(day(-1), 2))
    log = saved_log(store)
    update_pain_log(store, log.id, log.at, 8, "daily", "", seen=log)
    assert offered(store) == []
    assert saved_log(store).highest is None  # nothing lowered: nothing kept beside it


def test_a_session_rated_8_lowered_to_0_still_holds(store: HistoryStore) -> None:
    record = strength(day(-1), pain_after=8)
    store.save_session(record)
    assert offered(store) == []
    (saved,) = store.everything().sessions
    update_session(store, saved.id, saved.started_at, pain_after=0, note="", seen=saved)
    assert offered(store) == []


def test_deleting_a_session_rated_8_keeps_its_pain_as_discarding_does(
    store: HistoryStore,
) -> None:
    store.save_session(strength(day(-1), pain_after=8))
    (saved,) = store.everything().sessions
    update_session(store, saved.id, saved.started_at, pain_after=3, note="", seen=saved)
    (saved,) = store.everything().sessions
    delete_session(store, saved.id, saved.started_at, saved)
    history = store.everything()
    assert history.sessions == []
    (kept,) = history.pain_logs
    assert (kept.score, kept.context, kept.kept) == (8, "exercise", "rating")  # its highest
    assert "deleted" in kept.note
    assert offered(store) == []


def test_a_pain_log_with_pain_is_not_deleted(store: HistoryStore) -> None:
    store.add_pain_log(pain(day(-1), 8))
    log = saved_log(store)
    update_pain_log(store, log.id, log.at, 0, "daily", "", seen=log)
    log = saved_log(store)
    with pytest.raises(PainKept, match="edit its note"):
        delete_pain_log(store, log.id, log.at, log)
    assert saved_log(store) == log
    assert offered(store) == []


def test_a_pain_log_without_pain_is_deleted(store: HistoryStore) -> None:
    store.add_pain_log(pain(day(-1), 0))
    log = saved_log(store)
    delete_pain_log(store, log.id, log.at, log)
    assert store.everything().pain_logs == []


def test_a_check_in_answered_again_lower_keeps_the_first_answer_for_the_rules(
    store: HistoryStore,
) -> None:
    """The check-in is kept once a day: answering 0 after 8 replaces the answer, which is a
    correction like History's."""
    save_check_in(store, PainLog(at(MON, 7), 8, "morning", compared="worse"))
    assert offered(store) == []
    save_check_in(store, PainLog(at(MON, 7, 30), 0, "morning", compared="same"))
    (log,) = store.everything().pain_logs
    assert (log.score, log.highest) == (0, Highest(8))
    assert offered(store) == []
    save_check_in(store, PainLog(at(MON, 7, 40), 9, "morning", compared="worse"))
    assert saved_log(store).highest is None  # higher again: it says it itself


def test_deleting_a_session_with_swelling_and_no_rating_keeps_the_swelling(
    store: HistoryStore,
) -> None:
    record = strength(day(-1), pain_after=None)
    record.swelling = True  # History's edit may add swelling to a session never rated
    store.save_session(record)
    (saved,) = store.everything().sessions
    (kept,) = delete_session(store, saved.id, saved.started_at, saved)
    assert (kept.score, kept.swelling) == (0, True)
    assert offered(store) == []
