"""Issue 21's reproduced cases: no way around the rules without a recorded, named decision.

Each case failed before the referee: a week set by hand on a painful day 2, a week set above
the rules' week the day after a step back, weeks set through weeks of pain, a weekly cap used up
that fell back to a full run, and "You meet the checks" on a clinician's start.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from itb_tui.core.history.records import MonthHistory, RunDecision, SessionRecord
from itb_tui.core.plan.referee import RulesInput, decide, guided_run
from itb_tui.core.plan.running import refusal, run_stage
from itb_tui.core.store.settings import Settings
from tests.factories import LIBRARY, MON, PROGRAM, START, at, day, pain, pain_free_week, run
from tests.unit.plan.helpers import access


def set_week(
    when: date, week: int, *, clinician: str = "", rules: int | None = None
) -> RunDecision:
    return RunDecision(
        at(when, 7), "week", week, rules, note="feels fine", cleared=True, clinician=clinician
    )


def test_day_two_with_pain_cannot_set_a_run_week_without_a_named_clinician() -> None:
    """Program day 2, daily pain 6/10: `r w 4 Enter y` gave run week 4."""
    settings = Settings(program_start=day(-1), onboarded=True)
    history = MonthHistory([], [pain(MON, 6)], [set_week(MON, 4)])
    inp = RulesInput(PROGRAM, LIBRARY, settings, history, at(MON, 21))
    found = decide(inp)
    assert (found.run.status, found.run.week) == ("locked", None)
    asked = refusal(PROGRAM, found.overview.access, set_week(MON, 4), at(MON, 21))
    assert "clinician" in asked
    named = replace(history, run_decisions=[set_week(MON, 4, clinician="Dr Lee")])
    started = decide(RulesInput(PROGRAM, LIBRARY, settings, named, at(MON, 21)))
    assert (started.run.week, started.run.status) == (4, "optional")
    assert "Started on Dr Lee's clearance, Mon 23 Nov." in started.run.reason
    assert "You meet the checks" not in started.run.reason  # they are not met


def test_the_day_after_a_step_back_a_higher_week_needs_a_named_clinician() -> None:
    """After a step back to week 1, `w 3` the next day gave week-3 runs by Thursday."""
    first = pain_free_week(MON)  # week 1, pain-free: week 2 from day(7)
    built_up = [run(day(7)), run(day(9), spikes=("run", "run"))]  # pain built up: back to 1
    today = access(day(10), [*first, *built_up])
    assert today.stage is not None and today.stage.week == 1
    higher = set_week(day(10), 3, rules=1)
    assert "clinician" in refusal(PROGRAM, today, higher, at(day(10), 9))
    assert refusal(PROGRAM, today, set_week(day(10), 1, rules=1), at(day(10), 9)) == ""
    # Kept anyway (an older file, a script): the rules' week stands.
    stage = access(day(11), [*first, *built_up], [higher]).stage
    assert stage is not None and stage.week == 1
    assert "needs the clearance of a named clinician" in stage.evidence
    named = access(day(11), [*first, *built_up], [replace(higher, clinician="Dr Lee")]).stage
    assert named is not None and named.week == 3


def test_weeks_set_through_weeks_of_pain_still_lead_back_to_phase_one() -> None:
    """Setting week 2 every Monday through weeks of pain in every run never went back."""
    first = pain_free_week(MON)
    painful: list[SessionRecord] = []
    decisions: list[RunDecision] = []
    for n in range(1, 6):
        monday = day(7 * n)
        painful += [run(monday, pain_after=3), run(day(2, monday), pain_after=3)]
        decisions.append(set_week(monday, 2))
    found = access(day(35), [*first, *painful], decisions)
    assert found.stage is None and found.phase_one
    assert "run weeks in a row with pain" in found.phase_one
    # A clinician who clears a restart is a decision of its own, named and kept.
    named = [*decisions[:-1], set_week(day(35), 1, clinician="Dr Lee")]
    restarted = access(day(35), [*first, *painful], named)
    assert restarted.stage is not None and restarted.clearance is not None


def test_a_used_up_weekly_cap_is_rest_and_no_run_starts() -> None:
    """From the last table week the week is capped; a remainder under 10 min is rest."""
    weeks = len(PROGRAM.return_to_running.weeks)
    last = [run(day(n), 20) for n in (0, 2, 4)]  # 60 min: this week at most 66
    this_week = [run(day(7), 30), run(day(9), 27)]  # 57: 9 min left
    decision = set_week(MON, weeks, clinician="Dr Lee")
    stage = run_stage(PROGRAM, [*last, *this_week], [], day(11), set_weeks=[decision])
    assert stage.max_weekly_minutes == 66
    assert stage.rest_today and stage.rule == "run-weekly-cap"
    assert "9 min of this week's 66 min are left, less than a 10 min run" in stage.today_text
    settings = Settings(program_start=START, running=True, onboarded=True)
    history = MonthHistory([*last, *this_week], [], [decision])
    found = decide(RulesInput(PROGRAM, LIBRARY, settings, history, at(day(11), 9)))
    assert (found.run.status, found.run.minutes) == ("rest", (0, 0))
    assert guided_run(found, PROGRAM) is None  # not a full run in its place
