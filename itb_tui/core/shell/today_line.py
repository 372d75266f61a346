"""What is due today, for the shell: a few lines, one line for a prompt, or JSON for scripts.

Built from the same Overview the home screen shows, so the shell and the app never disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from itb_tui.core.dates import day_text
from itb_tui.core.plan.due import DUE, DueItem
from itb_tui.core.plan.overview import Overview, build_overview, load_recent

if TYPE_CHECKING:
    from itb_tui.core.context import AppContext

CHECK_IN = "check-in"
CHECK_IN_TITLE = "Morning check-in"


@dataclass(frozen=True)
class TodaySummary:
    """Today's due items (the check-in first when it is due), and what the morning decided."""

    day: date
    week: int
    checkin_due: bool
    due: list[DueItem] = field(default_factory=list)
    held: list[DueItem] = field(default_factory=list)  # rest days the morning check-in made
    morning: str = ""
    morning_decides: bool = False  # the morning answers a run or strength session
    note: str = ""  # the missed-days note

    @property
    def anything_due(self) -> bool:
        return self.checkin_due or bool(self.due)

    def titles(self) -> list[str]:
        """What is due, in order, the check-in first."""
        return ([CHECK_IN] if self.checkin_due else []) + [item.title for item in self.due]


def summarize(overview: Overview, today: date) -> TodaySummary:
    """The shell's view of the overview."""
    items = [item for item in overview.items if item.kind != "advice"]
    morning = overview.morning
    return TodaySummary(
        day=today,
        week=overview.week,
        checkin_due=overview.checkin_due,
        due=[item for item in items if item.status == DUE],
        held=[item for item in overview.held if item.kind != "advice"],
        morning=morning.text(today) if morning is not None else "",
        morning_decides=morning is not None and morning.after is not None,
        note=overview.restart_note,
    )


def today_summary(context: AppContext) -> TodaySummary:
    """Read the recent history and work out today, as the home screen does.

    Raises the StoreError of a month that cannot be read (Home offers to restore it)."""
    now = context.clock.wall()
    recent, unreadable = load_recent(context.store, context.settings, now.date())
    if unreadable:  # a shell prompt cannot ask about it: say it (exit 3) rather than guess
        raise unreadable[0]
    overview = build_overview(
        context.program, context.settings, context.library, recent, now, context.red_flags
    )
    return summarize(overview, now.date())


def line(summary: TodaySummary) -> str:
    """One line for a shell prompt or a tmux status line."""
    titles = summary.titles()
    return f"itb: {', '.join(titles)}" if titles else "itb: nothing due"


def text(summary: TodaySummary) -> str:
    """A few lines: what is due and why, then what the morning held."""
    lines = [f"Today, {day_text(summary.day)} (program week {summary.week}):"]
    if summary.checkin_due:
        lines.append(f"  [ ] {CHECK_IN_TITLE}: itb check-in")
    lines += [f"  [ ] {item.title}: {item.reason}" for item in summary.due]
    if not summary.anything_due:
        lines.append("  Nothing due.")
    lines += [f"  --- {item.title}: {item.reason}" for item in summary.held]
    if summary.morning and not summary.held:
        lines.append(f"  {summary.morning}")
    if summary.note:
        lines.append(f"  {summary.note}")
    return "\n".join(lines)


def _item(item: DueItem) -> dict[str, str]:
    return {"id": item.routine_id, "title": item.title, "kind": item.kind, "reason": item.reason}


def as_json(summary: TodaySummary) -> str:
    """Everything above, for scripts."""
    data = {
        "date": summary.day.isoformat(),
        "program_week": summary.week,
        "anything_due": summary.anything_due,
        "check_in_due": summary.checkin_due,
        "due": [_item(item) for item in summary.due],
        "held": [_item(item) for item in summary.held],
        "morning": summary.morning,
        "note": summary.note,
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def render(summary: TodaySummary, form: str) -> str:
    """The summary in one of FORMATS (itb_tui.core.plan.due)."""
    return {"text": text, "line": line, "json": as_json}[form](summary)
