"""What is due today, for the shell: a few lines, one line for a prompt, or JSON for scripts.

Built from the referee's verdict, the one the home screen shows, so the shell and the app never
disagree. The JSON is a contract (``schema``, README "Scripts"): fields are added, never
renamed, and a change of meaning raises the schema.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from itb_tui.core.dates import day_text, local_date
from itb_tui.core.plan.due import DUE
from itb_tui.core.plan.referee import decide, load_input
from itb_tui.core.plan.verdict import (
    HELD,
    RULES,
    SCHEMA,
    ItemVerdict,
    RunVerdict,
    StandingFlag,
    Verdict,
)
from itb_tui.core.report.flags import RED_FLAG_TITLE, flag_text

if TYPE_CHECKING:
    from itb_tui.core.context import AppContext
    from itb_tui.core.plan.next_test import DueTest

CHECK_IN = "check-in"
CHECK_IN_TITLE = "Morning check-in"
RED_FLAG = "red-flag"


@dataclass(frozen=True)
class TodaySummary:
    """Today's due items (the check-in first when it is due), and what the morning decided."""

    day: date
    week: int
    checkin_due: bool
    run: RunVerdict
    due: list[ItemVerdict] = field(default_factory=list)
    held: list[ItemVerdict] = field(default_factory=list)  # held by the morning check-in
    red_flags: list[StandingFlag] = field(default_factory=list)
    morning: str = ""
    morning_decides: bool = False  # the morning answers a run or strength session
    note: str = ""  # the missed-days note
    notes: list[str] = field(default_factory=list)  # the verdict's notes: the function score
    tests: list[dict[str, object]] = field(default_factory=list)  # tests_json
    test: DueTest | None = None  # the readiness test next, while only the tests are left

    @property
    def test_due(self) -> bool:
        return self.test is not None and self.test.status == DUE

    @property
    def anything_due(self) -> bool:
        return self.checkin_due or bool(self.due) or self.test_due

    def titles(self) -> list[str]:
        """What is due, in order, the check-in first and the readiness test last."""
        titles = ([CHECK_IN] if self.checkin_due else []) + [item.title for item in self.due]
        return titles + ([self.test.title] if self.test is not None and self.test_due else [])


def summarize(verdict: Verdict) -> TodaySummary:
    """The shell's view of the verdict."""
    today = verdict.day
    overview = verdict.overview
    items = [line for line in verdict.items if line.kind != "advice"]
    morning = overview.morning
    return TodaySummary(
        day=today,
        week=verdict.week,
        checkin_due=verdict.checkin.status == DUE,
        run=verdict.run,
        due=[line for line in items if line.status == DUE],
        held=[line for line in items if line.status == HELD],
        red_flags=list(verdict.red_flags),
        morning=morning.text(today) if morning is not None else "",
        morning_decides=morning is not None and morning.after is not None,
        note=overview.restart_note,
        notes=list(verdict.notes),
        tests=tests_json(verdict),
        test=overview.test_due,
    )


def today_summary(context: AppContext) -> TodaySummary:
    """Read the recent history and ask the referee about today, as the home screen does.

    Raises the StoreError of a month that cannot be read (Home offers to restore it)."""
    inp, unreadable = load_input(context)
    if unreadable:  # a shell prompt cannot ask about it: say it (exit 3) rather than guess
        raise unreadable[0]
    return summarize(decide(inp))


def line(summary: TodaySummary) -> str:
    """One line for a shell prompt or a tmux status line."""
    titles = summary.titles()
    flag = [RED_FLAG] if summary.red_flags else []
    return f"itb: {', '.join(flag + titles)}" if flag or titles else "itb: nothing due"


def text(summary: TodaySummary) -> str:
    """A few lines: what is due and why, then what the morning held."""
    lines = [f"Today, {day_text(summary.day)} (program week {summary.week}):"]
    lines += [f"  !!! {RED_FLAG_TITLE}: {flag_text(flag)}" for flag in summary.red_flags]
    if summary.checkin_due:
        lines.append(f"  [ ] {CHECK_IN_TITLE}: itb check-in")
    lines += [f"  [ ] {item.title}: {item.reason}" for item in summary.due]
    test = summary.test
    if test is not None and summary.test_due:
        lines.append(f"  [ ] {test.title}. {test.reason}")
    if not summary.anything_due:
        lines.append("  Nothing due.")
    lines += [f"  --- {item.title}: {item.reason}" for item in summary.held]
    if test is not None and not summary.test_due:
        lines.append(f"  --- {test.title}. {test.reason}")
    if summary.morning and not summary.held:
        lines.append(f"  {summary.morning}")
    if summary.note:
        lines.append(f"  {summary.note}")
    lines += [f"  {note}" for note in summary.notes]
    return "\n".join(lines)


def _item(line: ItemVerdict) -> dict[str, str]:
    return {
        "id": line.routine_id,
        "title": line.title,
        "kind": line.kind,
        "status": line.status,
        "reason": line.reason,
        "rule": line.rule,
        "article": line.article,
    }


def run_json(run: RunVerdict) -> dict[str, object]:
    """The run: status, run week, [low, high] minutes after every cap, why, and its rule."""
    return {
        "status": run.status,
        "week": run.week,
        "minutes": list(run.minutes),
        "reason": run.reason,
        "rule": run.rule,
        "article": run.article,
    }


def tests_json(verdict: Verdict) -> list[dict[str, object]]:
    """One entry per readiness test on the checklist: id, name, passed, its line, and whether
    it is the one to do next."""
    readiness = verdict.overview.readiness
    return [
        {
            "id": check.test,
            "name": check.name,
            "passed": check.met,
            "line": f"{check.name}: {check.evidence}",
            "next": check.test == readiness.next_test,
        }
        for check in readiness.checks
        if check.test
    ]


def test_json(test: DueTest | None) -> dict[str, str] | None:
    """The readiness test next (Home's line): due (it can be started) or rest (it waits)."""
    if test is None:
        return None
    return {
        "id": test.test,
        "name": test.name,
        "status": test.status,
        "title": test.title,
        "reason": test.reason,
        "rule": test.rule,
        "article": RULES[test.rule].article,
    }


def flag_json(flag: StandingFlag) -> dict[str, str]:
    return {"id": flag.id, "text": flag.text, "ticked": local_date(flag.ticked).isoformat()}


def as_json(summary: TodaySummary) -> str:
    """Everything above, for scripts (the shape is in README "Scripts")."""
    data = {
        "schema": SCHEMA,
        "date": summary.day.isoformat(),
        "program_week": summary.week,
        "anything_due": summary.anything_due,
        "check_in_due": summary.checkin_due,
        "run": run_json(summary.run),
        "due": [_item(item) for item in summary.due],
        "held": [_item(item) for item in summary.held],
        "red_flags": [flag_json(flag) for flag in summary.red_flags],
        "morning": summary.morning,
        "note": summary.note,
        "notes": summary.notes,
        "readiness_tests": summary.tests,
        "test_due": test_json(summary.test),
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def render(summary: TodaySummary, form: str) -> str:
    """The summary in one of FORMATS (itb_tui.core.plan.due)."""
    return {"text": text, "line": line, "json": as_json}[form](summary)
