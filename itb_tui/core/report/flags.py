"""The red flags in a report: every tick and untick the user made (``red-flags.toml``), with
its date, the same in every format (Markdown, PDF, JSON, CSV); and a flag that stands, as
``itb today``, a reminder and a calendar event name it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from itb_tui.core.dates import day_text, local_date

if TYPE_CHECKING:
    from itb_tui.core.content.program import Program
    from itb_tui.core.context import AppContext
    from itb_tui.core.plan.red_flags import RedFlagState
    from itb_tui.core.plan.verdict import StandingFlag

# A red flag that stands, as the day's first line, a reminder and a calendar event call it.
RED_FLAG_TITLE = "Red flag: see a professional"


def flag_text(flag: StandingFlag) -> str:
    """'I can't put my full weight on the leg. (ticked Mon 23 Nov)'."""
    return f"{flag.text} (ticked {day_text(local_date(flag.ticked))})"


@dataclass(frozen=True)
class FlagEvent:
    """One red flag ticked (``ticked``) or unticked, when, and its question's text."""

    at: datetime
    flag: str
    text: str
    ticked: bool

    @property
    def verb(self) -> str:
        return "ticked" if self.ticked else "unticked"

    def describe(self) -> str:
        """'2026-11-23 08:00, ticked: I can't put my full weight on the leg.'"""
        return f"{self.at:%Y-%m-%d %H:%M}, {self.verb}: {self.text}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "flag": self.flag,
            "text": self.text,
            "ticked": self.ticked,
        }


def flag_events(state: RedFlagState | None, program: Program | None) -> tuple[FlagEvent, ...]:
    """Every tick and untick, oldest first, each with its question's text (the flag's id
    when the program does not know it, or could not be read)."""
    if state is None:
        return ()
    events = []
    for change in sorted(state.changes, key=lambda c: c.at):
        flag = program.red_flag(change.flag) if program is not None else None
        text = flag.text if flag is not None else change.flag
        events.append(FlagEvent(change.at, change.flag, text, change.ticked))
    return tuple(events)


def standing(events: Sequence[FlagEvent]) -> list[FlagEvent]:
    """The flags whose latest change is a tick, with that tick, oldest first."""
    latest: dict[str, FlagEvent] = {}
    for event in events:
        latest[event.flag] = event
    return [event for event in latest.values() if event.ticked]


def history_of(flag: str, events: Sequence[FlagEvent]) -> str:
    """'ticked 2026-11-20, unticked 2026-11-25': one flag's changes ('' when none)."""
    return ", ".join(f"{e.verb} {e.at:%Y-%m-%d}" for e in events if e.flag == flag)


def flag_lines(events: Sequence[FlagEvent]) -> list[str]:
    """Each change, then what stands now; 'None ticked.' when no flag ever was."""
    if not events:
        return ["None ticked."]
    now = standing(events)
    texts = "; ".join(f"{e.text} (since {e.at:%Y-%m-%d})" for e in now)
    return [
        *(event.describe() for event in events),
        f"Standing now: {texts}" if now else "None standing now.",
    ]


def recorded_flags(context: AppContext) -> tuple[tuple[FlagEvent, ...], str]:
    """The red flags ticked and unticked, for an export, and what could not be read ('' when
    all was read): an unreadable ``red-flags.toml`` leaves them out, an unreadable program
    leaves their questions as ids."""
    from itb_tui.core.content.validate import ContentError
    from itb_tui.core.store.files import StoreError

    try:
        state = context.red_flags
    except StoreError as err:
        return (), f"red flags left out: {err}"
    try:
        program: Program | None = context.program
    except ContentError:
        program = None
    return flag_events(state, program), ""
