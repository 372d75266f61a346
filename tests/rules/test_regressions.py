"""Histories that broke an invariant, as plain tests: issue 21's reproduced cases and the
shortest users the rules fuzzer found.

Each is a user from tests/rules/users.py lived day by day with one invariant checked (or the
session engine asked directly). A test here fails while its door is open; once the fix lands
it keeps the door shut, and its invariant moves into catalogue.HOLDS.
"""

from __future__ import annotations

from itb_tui.core.session.completion import is_complete
from tests.factories import shipped_library

from .checked import live_checked
from .corrections import Correct
from .users import (
    NO_PAIN,
    Attempt,
    CheckIn,
    Follow,
    ImportRun,
    LogPain,
    LogRun,
    Pain,
    Run,
    Session,
    SetWeek,
    User,
    exercise_results,
)

GOOD = (CheckIn(7, NO_PAIN, "same", False), Follow(8), LogPain(21, 0, NO_PAIN, "daily", None))


def test_setting_week_two_every_monday_through_painful_weeks_leads_back_to_phase_one() -> None:
    """I3 (issue 21's case): running started, then week 2 set by hand every Monday, and pain
    after every run for four weeks: three painful run weeks must lead back to phase 1."""
    sore = (
        CheckIn(7, NO_PAIN, "same", False),
        Follow(8, run_pain=2),
        LogPain(21, 0, NO_PAIN, "daily", None),
    )
    monday = (SetWeek(6, 2, False, ""), *sore)
    week = (monday,) + (sore,) * 6
    days = (GOOD,) * 7 + week * 4 + (GOOD,)
    live_checked(User(21, "", False, days), ["I3 three painful weeks to phase 1"])


def test_no_week_set_by_hand_above_the_rules_the_day_after_pain_built_up_in_a_run() -> None:
    """I2 (issue 21's case): pain built up in a run (two spikes), then `w 3` the next day
    without a clinician's name gives run week 3."""
    spiked = (
        CheckIn(7, NO_PAIN, "same", False),
        Run(8, 0, None, "complete", 2, Pain(3), False),
        LogPain(21, 0, NO_PAIN, "daily", None),
    )
    days = (GOOD,) * 9 + (spiked, (SetWeek(9, 3, False, ""), *GOOD), GOOD)
    live_checked(User(21, "", False, days), ["I2 no rise after pain or a sign"])


def test_no_rise_within_two_weeks_of_pain_the_morning_after_a_run() -> None:
    """I2 (the shortest user the fuzzer found): a check-in of 1/10 the morning after Friday's
    run is pain 22 h after a run, a warning sign (001); the next week is pain-free, and on the
    Monday after it the rules move the run week from 1 to 2, nine days after the sign."""
    sore = (CheckIn(7, Pain(1), "same", False), Follow(8), LogPain(21, 0, NO_PAIN, "daily", None))
    days = (GOOD,) * 12 + (sore,) + (GOOD,) * 10
    live_checked(User(21, "", False, days), ["I2 no rise after pain or a sign"])


def test_a_set_pressed_through_or_short_of_its_reps_is_not_complete() -> None:
    """I5: Enter through hip strength (1 rep a set) and sets of 12 clamshells (planned 15-20)
    make sessions the engine calls complete."""
    routine = shipped_library().routines["hip-strength"]
    assert not is_complete(routine, exercise_results("hip-strength", "pressed"))
    assert not is_complete(routine, exercise_results("hip-strength", "short"))


def test_no_rise_within_two_weeks_of_pain_in_strength_work_before_running_started() -> None:
    """I2 (found by the fuzzer): a pain spike in hip strength on Tuesday 3 Nov, running from
    Thursday 12 Nov, and week 1 moved on to week 2 on Monday 16 Nov, 13 days after the sign."""
    spiked = (Session(8, "hip-strength", "complete", None, Pain(2), None),)
    late = (CheckIn(7, NO_PAIN, "same", False), Follow(18), LogPain(21, 0, NO_PAIN, "daily", None))
    days = (late, spiked, *(GOOD,) * 26)
    live_checked(User(21, "left", False, days), ["I2 no rise after pain or a sign"])


def test_a_session_rated_for_one_knee_is_not_read_as_0_for_the_other() -> None:
    """P3: both knees hurt; a check-in of L 0 / R 4, then hip strength rated "L 0" only. The
    right knee carries its 4 into that rating: the session is not strength work without
    pain."""
    sore = (
        CheckIn(7, Pain(4, 0, 4), "same", False),
        Follow(8),
        LogPain(21, 0, NO_PAIN, "daily", None),
    )
    rated = (Session(12, "hip-strength", "complete", Pain(0, 0, None), None, False),)
    days = (GOOD,) * 3 + (sore, rated, GOOD)
    live_checked(User(21, "both", False, days), ["P3 a missing knee is not 0"])


def test_a_rating_a_spike_of_the_same_score_already_says_is_read() -> None:
    """P1 (the shortest user the fuzzer found): a pain spike of 4 in hip strength and 4/10
    rated after it. The rules read a day's pain at its worst, so the rating alone changes
    nothing; the spike says it. On its own the rating is read (strength work without pain,
    001)."""
    for spike in (Pain(4), None):
        sore = (
            CheckIn(7, NO_PAIN, "same", False),
            Follow(8),
            Session(8, "hip-strength", "complete", Pain(4), spike, False),
            LogPain(21, 0, NO_PAIN, "daily", None),
        )
        days = (GOOD,) * 10 + (sore,) + (GOOD,) * 8
        live_checked(User(21, "", False, days), ["P1 every pain is read"])


def test_three_mornings_of_8_hold_every_weight_bearing_exercise() -> None:
    """P2 per exercise: after check-ins of 8/10, the optional glute and TFL stretch stays
    offered without its calf stretch (done standing), hip strength without its band walks
    and box squats."""
    sore = (CheckIn(7, Pain(8), "same", False),)
    days = (GOOD,) * 3 + (sore,) * 3 + (GOOD,) * 3
    live_checked(User(21, "", False, days), ["P2 high pain holds weight-bearing work"])


def test_a_discarded_spike_scored_0_is_still_kept_as_pain() -> None:
    """P4 (found by the fuzzer): both knees hurt; `p` in hip strength, then "R 0" (the left
    knee not scored), then `q d`. The spike is pain noted, so what discarding keeps of it is
    pain, not a log of 0/10."""
    discarded = (Session(8, "hip-strength", "discard", None, Pain(0, None, 0), None),)
    days = (GOOD,) * 2 + (discarded, GOOD)
    live_checked(User(21, "both", False, days), ["P4 no action removes a pain"])


def test_a_spike_of_5_after_a_morning_of_8_is_a_lower_score() -> None:
    """P2 (found by the fuzzer): 8/10 on Sunday afternoon, then a pain spike scored 5 in
    Monday's stretches is a lower score: the hold ends, as the product's rule says (any
    recorded score lifts it), and hip strength is offered in full again."""
    high = (CheckIn(16, Pain(8), "better", False),)
    spike = (Session(6, "daily-stretch", "stopped", None, Pain(5), None),)
    days = (GOOD,) * 6 + (high, spike, GOOD)
    live_checked(User(21, "", False, days), ["P2 high pain holds weight-bearing work"])


def test_two_pains_of_one_score_that_day_are_read_together() -> None:
    """P1 (found by the fuzzer): after a morning of R 1, simple hip strength discarded after
    a spike of 2 and a rating of 2 keeps two "exercise" logs of 2/10 (kept_pain.py). Either
    one alone changes nothing, the other says it; without both, the rules say something
    else."""
    sore = (
        CheckIn(7, Pain(1, None, 1), "same", False),
        Follow(18),
        LogPain(21, 0, NO_PAIN, "daily", None),
    )
    discarded = (Session(7, "side-leg-lifts", "discard", Pain(2), Pain(2), None),)
    live_checked(User(21, "both", False, (sore, discarded, GOOD)), ["P1 every pain is read"])


def test_no_week_set_by_hand_above_the_rules_two_days_after_pain_in_a_run() -> None:
    """I2 (found by the fuzzer): in run week 2, a run rated 2/10 on Wednesday, then `w 4`
    without a clinician's name on Friday. The week is not pain-free, so the rules will repeat
    it: a higher week needs a named clinician (001: on only "if Week 1 was pain-free")."""
    sore = (
        CheckIn(7, NO_PAIN, "same", False),
        Follow(8, 2),
        LogPain(21, 0, NO_PAIN, "daily", None),
    )
    days = (GOOD,) * 16 + (sore, GOOD, (SetWeek(6, 4, False, ""), *GOOD), GOOD)
    live_checked(User(21, "", False, days), ["I2 no rise after pain or a sign"])


def test_pain_kept_from_a_discarded_run_makes_its_week_painful() -> None:
    """I3 (found by the fuzzer): a week with no run kept but a run with three pain spikes
    discarded (its pain kept as logs during a run), then a run rated 4/10 on each of the next
    two Mondays. Three run weeks with pain in a run, though the first kept no run: back to
    phase 1 (001's warning signs, repeated)."""
    quiet = (CheckIn(7, NO_PAIN, "same", False), LogPain(21, 0, NO_PAIN, "daily", None))
    discarded = (*quiet, Run(8, 0, None, "discard", 3, None, None))
    sore = (
        CheckIn(7, NO_PAIN, "same", False),
        Follow(8, 4),
        LogPain(21, 0, NO_PAIN, "daily", None),
    )
    days = (GOOD,) * 7 + (quiet,) * 2 + (discarded,) + (quiet,) * 4 + (sore,) + (GOOD,) * 6
    days += (sore,) + (GOOD,) * 7
    live_checked(User(21, "", False, days), ["I3 three painful weeks to phase 1"])


def test_a_week_set_by_hand_at_the_end_of_a_painful_week_keeps_its_pain() -> None:
    """I3: a run rated 4/10 every Monday, and run week 1 set by hand every Sunday. The week
    set counts from its day, but the pain before it that week still makes the week painful:
    three such weeks lead back to phase 1 (001's warning signs, repeated)."""
    sore = (
        CheckIn(7, NO_PAIN, "same", False),
        Follow(8, 4),
        LogPain(21, 0, NO_PAIN, "daily", None),
    )
    week = (sore,) + (GOOD,) * 5 + ((SetWeek(20, 1, False, ""), *GOOD),)
    days = (GOOD,) * 7 + week * 4
    live_checked(User(21, "", False, days), ["I3 three painful weeks to phase 1"])


def test_a_discarded_run_with_two_spikes_without_a_score_gives_its_warning_sign() -> None:
    """P5: a run with two pain spikes noted without a score, discarded. Kept, the pain that
    built up during it is a warning sign (001); discarded, its spikes were kept as two logs of
    1/10 that no rule read as pain that builds."""
    quiet = (CheckIn(7, NO_PAIN, "same", False), LogPain(21, 0, NO_PAIN, "daily", None))
    discarded = (*quiet, Run(8, 0, None, "discard", 2, None, None))
    days = (GOOD,) * 7 + (discarded,) + (quiet,) * 2
    live_checked(User(21, "", False, days), ["P5 discarding never lessens pain"])


def test_pain_hours_after_a_discarded_run_is_pain_after_a_run() -> None:
    """P5 (found by the fuzzer): a run rated 0/10 and discarded, then 4/10 in the evening.
    Kept, that is pain lasting beyond 2-3 h after a run, a warning sign (001); discarded, the
    run is read back from its kept rating, so the evening's pain is after a run all the
    same."""
    discarded = (
        CheckIn(7, NO_PAIN, "same", False),
        Run(8, 0, None, "discard", 0, NO_PAIN, None),
        LogPain(22, 0, Pain(4), "daily", None),
    )
    days = (GOOD,) * 6 + (discarded,) + (GOOD,) * 2
    live_checked(User(21, "", True, days), ["P5 discarding never lessens pain"])


def test_a_test_discarded_with_pain_waits_as_a_failed_one() -> None:
    """R4 (found by the fuzzer): a pain spike in the hip abduction test, the attempt
    discarded, then `t` again. Kept, the attempt fails and the test waits 3 days; discarded,
    its spike is kept as a pain log naming the test, so it is the same failure, and `t` offers
    the next test."""
    day = (Attempt(8, "pass", True, 0, True), Attempt(9, "pass", False, 0, False))
    days = (day, GOOD)
    user = User(21, "", False, days, tests_from=0)
    live_checked(user, ["R4 a test discarded with pain waits as one kept"])


def test_no_rise_within_two_weeks_of_swelling_logged_before_the_first_run() -> None:
    """I2 (a user the fuzzer found): swelling answered yes in a pain log of 0/10 on a Thursday,
    running started five days later and week 1 set by hand the next day: the Monday after,
    11 days after the swelling, the run week must not rise (001: swelling is a sign to back
    off; 14 days clear before moving on)."""
    swollen = (Follow(8), Follow(8), Follow(8), LogPain(8, 0, NO_PAIN, "daily", True))
    days = (GOOD,) * 3 + (swollen,) + (GOOD,) * 5 + ((SetWeek(8, 1, False, ""),),) + (GOOD,) * 8
    live_checked(User(21, "", False, days), ["I2 no rise after pain or a sign"])


def test_no_rise_within_two_weeks_of_a_sign_from_before_a_return_to_phase_one() -> None:
    """I2 (a user the fuzzer found): pain the morning after runs in three weeks sends the
    user back to phase 1; the last, 1/10 the morning after a run, was on Mon 16 Nov. Running
    starts again, and on Mon 30 Nov, 14 days on, the new week 1 must not move on (001: a sign
    means reduce load; the signs of the runs before the return still count)."""
    days = [GOOD] * 32
    days[6] = (CheckIn(7, Pain(2), "same", False), *GOOD[1:])
    days[8] = (GOOD[0], Follow(8, test=Attempt(8, "pass", False, None, False)), GOOD[2])
    days[9] = (Follow(8),)
    days[10] = (CheckIn(7, Pain(2), "same", False), *GOOD[1:])
    days[14] = (CheckIn(7, Pain(1), "same", False), *GOOD[1:])
    days[15] = (GOOD[0], Follow(8, test=Attempt(8, "pass", True, None, True)), GOOD[2])
    days[23] = (GOOD[0], Follow(18, test=Attempt(18, "weak", True, None, True)), GOOD[2])
    days[24] = (GOOD[0], Follow(8, test=Attempt(8, "stopped", True, None, False)), GOOD[2])
    for n, hour in ((25, 18), (27, 18), (28, 18), (29, 12)):
        days[n] = (GOOD[0], Follow(hour), GOOD[2])
    days[30] = (GOOD[0], Follow(18, run_pain=2), GOOD[2])
    user = User(21, "", False, tuple(days), tests_from=14)
    live_checked(user, ["I2 no rise after pain or a sign"])


def test_the_watch_file_of_a_guided_run_is_that_run() -> None:
    """O1 (found by the fuzzer): a guided run, then the watch's file of the same outing
    imported, its start 3 minutes into the guided run. Kept as a second run, one outing would
    count twice towards the 2 completed runs a week needs to move on (001: on to the next week
    only after a week of runs without pain)."""
    watch = ImportRun(12, 0, "fit", "overlap", 0, 20, 0, None, None)
    days = (GOOD,) * 12 + ((*GOOD, watch),) * 3 + (GOOD,)
    live_checked(User(21, "", False, days), ["O1 one outing is one run"])


def test_short_runs_logged_outdoors_do_not_move_the_week_on() -> None:
    """O2: runs of 3 minutes logged outdoors, not stopped, on the Monday, Wednesday and Friday
    of a run week. A guided run is complete only at its planned minutes; three runs far short
    of the week's target are not the week's runs, and the week does not move on (001: on to
    the next week only after the week's runs)."""
    short = LogRun(7, 30, 0, 3, 0, None, None, NO_PAIN, False)
    ran = (CheckIn(7, NO_PAIN, "same", False), short, *GOOD[1:])
    week = (ran, GOOD, ran, GOOD, ran, GOOD, GOOD)
    days = (GOOD,) * 14 + week * 2 + (GOOD,)
    live_checked(User(21, "", False, days), ["O2 no week moves on faster outdoors"])


def test_a_pain_log_of_8_lowered_to_0_in_history_still_holds_weight_bearing_work() -> None:
    """P2 (History's edit): 8/10 logged in the evening, then edited to 0. For the rules the
    log stays at 8 until a lower score is logged: no run, no weight-bearing exercise (001)."""
    lowered = (LogPain(18, 0, Pain(8), "daily", None), Correct(19, "log", 0, "lower", 0))
    days = (GOOD,) * 3 + (lowered, GOOD)
    live_checked(User(21, "", False, days), ["P2 high pain holds weight-bearing work"])


def test_swelling_taken_back_in_history_still_holds_weight_bearing_work() -> None:
    """P2, P4 (History's edit): swelling logged yes, then edited to no. The rules go by the
    yes (001: swelling at the outside of the knee is a warning sign)."""
    unswollen = (LogPain(18, 0, NO_PAIN, "daily", True), Correct(19, "log", 0, "unswell"))
    days = (GOOD,) * 3 + (unswollen, GOOD)
    names = ["P2 high pain holds weight-bearing work", "P4 no action removes a pain"]
    live_checked(User(21, "", False, days), names)


def test_a_pain_log_with_pain_cannot_be_deleted_in_history() -> None:
    """P4 (History's delete): a log of 5/10, then deleted. It holds pain the rules read, so
    it stays."""
    deleted = (LogPain(18, 0, Pain(5), "daily", None), Correct(19, "log", 0, "delete"))
    days = (GOOD,) * 3 + (deleted, GOOD)
    live_checked(User(21, "", False, days), ["P4 no action removes a pain"])


def test_a_session_rated_8_deleted_in_history_keeps_its_pain() -> None:
    """P4, P2 (History's delete): hip strength rated 8/10, then deleted. Its pain is kept
    as discarding keeps it (kept_pain.py)."""
    deleted = (
        Session(12, "hip-strength", "complete", Pain(8), None, False),
        Correct(13, "session", 0, "delete"),
    )
    days = (GOOD,) * 3 + (deleted, GOOD)
    names = ["P4 no action removes a pain", "P2 high pain holds weight-bearing work"]
    live_checked(User(21, "", False, days), names)


def test_a_run_with_two_spikes_deleted_in_history_gives_its_warning_sign() -> None:
    """P5 (History's delete): a run with two pain spikes without a score, kept, then deleted.
    Deleting is discarding: the pain that built up during it is the same warning sign (001)."""
    quiet = (CheckIn(7, NO_PAIN, "same", False), LogPain(21, 0, NO_PAIN, "daily", None))
    deleted = (
        *quiet,
        Run(8, 0, None, "complete", 2, None, None),
        Correct(10, "session", 0, "delete"),
    )
    days = (GOOD,) * 7 + (deleted,) + (quiet,) * 2
    live_checked(User(21, "", False, days), ["P5 discarding never lessens pain"])


def test_a_session_with_swelling_and_no_rating_deleted_keeps_the_swelling() -> None:
    """P5 (found by the fuzzer): hip strength with a pain spike and swelling answered yes but
    no rating (History's edit allows it), then deleted. Kept, the swelling is a warning sign
    (001); deleted, it must be kept with the spike, not only the spike."""
    swollen = (Session(12, "hip-strength", "complete", None, Pain(3), True),)
    days = (GOOD,) * 3 + (swollen, (Correct(9, "session", 0, "delete"), *GOOD), GOOD)
    live_checked(User(21, "", False, days), ["P5 discarding never lessens pain"])


def test_a_spike_without_a_score_in_a_session_answered_swollen_is_read_with_the_swelling() -> None:
    """P1 (found by the fuzzer): ice stopped after a pain spike scored 0, swelling answered
    yes, then 10/10 with swelling the next morning. The rules read the swelling as pain of
    1/10 at least that day, and as a warning sign (001), so the spike (1/10, the least that is
    pain) adds nothing to it: the two are read together. Without the swelling the spike alone
    is read: that day is not pain-free."""
    for swelling in (True, None):
        iced = (Session(12, "ice", "stopped", None, Pain(0), swelling),)
        swollen = (CheckIn(7, Pain(10), "same", True),)
        days = (GOOD,) * 3 + (iced, swollen, GOOD)
        live_checked(User(21, "", False, days), ["P1 every pain is read"])


def test_two_runs_on_one_day_are_one_day_of_the_week_runs() -> None:
    """O2: the guided run in the morning and a run logged outdoors that evening, on the
    Monday of a run week, then no run until the next Monday. Weeks 1-2 are "alternate days
    only" (001): one day's running is not the week's runs, and the week does not move on."""
    evening = LogRun(18, 0, 0, None, 0, None, None, NO_PAIN, False)
    twice = (CheckIn(7, NO_PAIN, "same", False), Follow(8), evening, GOOD[2])
    quiet = (GOOD[0], GOOD[2])
    days = (GOOD,) * 14 + (twice,) + (quiet,) * 6 + (twice,) + (quiet,) * 6 + (GOOD,)
    live_checked(User(21, "", False, days), ["O2 no week moves on faster outdoors"])


def test_pain_given_with_the_watch_file_of_a_guided_run_is_kept_with_that_run() -> None:
    """O3: a guided run rated 0, then the watch's file of the same outing imported with pain
    3/10 after it. The file adds no run, but its pain is the run's (P1: every pain is read;
    001: pain in a run repeats the week)."""
    watch = ImportRun(12, 0, "fit", "overlap", 0, 20, 0, None, Pain(3))
    days = (GOOD,) * 12 + ((*GOOD, watch),) + (GOOD,)
    live_checked(User(21, "", False, days), ["O1 one outing is one run"])
