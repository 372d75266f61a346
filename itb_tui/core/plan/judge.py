"""How the referee turns the day's overview into a Verdict: a status, a reason and a rule for
every line, the run with its minutes after every cap, the check-in and the standing red flags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from itb_tui.core.plan.checkin import morning_of
from itb_tui.core.plan.due import DONE, DUE, REST, DueItem
from itb_tui.core.plan.overview import Overview, build_overview
from itb_tui.core.plan.red_flags import held_by_red_flags
from itb_tui.core.plan.verdict import (
    HELD,
    LOCKED,
    PAUSED,
    CheckinVerdict,
    ItemVerdict,
    RunVerdict,
    StandingFlag,
    Verdict,
)

if TYPE_CHECKING:
    from itb_tui.core.plan.referee import RulesInput

CATEGORY_RULES = {
    "rolling": "once-a-day",
    "stretch": "once-a-day",
    "strength": "strength-3-a-week",
    "mobility": "optional-extra",
    "recovery": "after-activity",
}
ADVICE_RULES = {
    "Running paused": "paused-by-hand",
    "Back to settling the pain": "back-to-phase-one",
    "Still running": "still-running",
}


def judge(inp: RulesInput) -> Verdict:
    """The Verdict for ``inp`` (referee.decide)."""
    overview = build_overview(
        inp.program, inp.settings, inp.library, inp.recent, inp.now, inp.flags
    )
    held = set(overview.held)
    lines = tuple(_line(inp, overview, item, item in held) for item in overview.items)
    return Verdict(
        day=inp.today,
        week=overview.week,
        items=lines,
        run=_run(overview, lines),
        checkin=_checkin(inp, overview),
        red_flags=_standing(inp),
        overview=overview,
        notes=(overview.function_due,) if overview.function_due else (),
    )


def _line(inp: RulesInput, overview: Overview, item: DueItem, held: bool) -> ItemVerdict:
    """One line of the day with its status and the rule that decided it."""
    rtr = inp.program.return_to_running
    if held:
        return ItemVerdict(item, HELD, overview.held_rules.get(item.routine_id, "morning-check-in"))
    if item.kind == "advice":
        return ItemVerdict(item, item.status, ADVICE_RULES.get(item.title, "phase-advice"))
    if item.kind == "run":
        stage = overview.stage
        return ItemVerdict(item, item.status, stage.rule if stage is not None else "run-week")
    if item.routine_id in (rtr.pre_run_routine, rtr.post_run_routine) and overview.stage:
        return ItemVerdict(item, item.status, "run-companions")
    routine = inp.library.routines.get(item.routine_id)
    category = routine.category if routine is not None else ""
    return ItemVerdict(item, item.status, CATEGORY_RULES.get(category, "phase-advice"))


def _run(overview: Overview, lines: tuple[ItemVerdict, ...]) -> RunVerdict:
    """Today's run: locked, paused or held by a red flag without a stage; else as its line."""
    access = overview.access
    stage = access.stage
    if stage is None:
        if held_by_red_flags(overview.readiness):
            return RunVerdict(HELD, None, (0, 0), access.evidence, "red-flag")
        if access.paused:
            return RunVerdict(PAUSED, access.rules_week, (0, 0), access.evidence, "paused-by-hand")
        rule = "back-to-phase-one" if access.phase_one else "readiness"
        return RunVerdict(LOCKED, None, (0, 0), access.phase_one or access.evidence, rule)
    line = next((v for v in lines if v.kind == "run"), None)
    if line is None:  # not in the plan (never so while a stage stands): nothing to start
        return RunVerdict(REST, stage.week, (0, 0), stage.today_text, stage.rule)
    if line.status in (HELD, REST, DONE):
        return RunVerdict(line.status, stage.week, (0, 0), line.reason, line.rule)
    rule = "run-weekly-cap" if stage.max_weekly_minutes is not None else "run-week"
    return RunVerdict(line.status, stage.week, stage.today_minutes, line.reason, rule)


def _checkin(inp: RulesInput, overview: Overview) -> CheckinVerdict:
    if overview.checkin_due:
        return CheckinVerdict(DUE, "Knee pain this morning: itb check-in, or c on Today.")
    if morning_of(inp.recent.pain_logs, inp.today) is not None:
        return CheckinVerdict(DONE, "Checked in this morning.")
    return CheckinVerdict("skipped", "Skipped for today.")


def _standing(inp: RulesInput) -> tuple[StandingFlag, ...]:
    flags = []
    for flag_id, at in sorted(inp.flags.standing().items(), key=lambda item: item[1]):
        flag = inp.program.red_flag(flag_id)
        flags.append(StandingFlag(flag_id, flag.text if flag is not None else flag_id, at))
    return tuple(flags)
