"""Red flags the user has ticked, remembered in a data file, and the hold they put on running.

Each tick and un-tick is kept with its time (``red-flags.toml`` in the data folder), so the
file also tells when a flag was cleared (for example after seeing a professional). A flag
stands while its latest change is a tick. While any flag stands, Home says to see a
professional and running is held: the plan rules add ``hold_check`` to the readiness checks
and no run is scheduled while ``held_by_red_flags`` is true.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from itb_tui.core.content.program import Program
from itb_tui.core.content.validate import TableReader
from itb_tui.core.dates import day_text, local_date
from itb_tui.core.history.ids import UID_LIMIT, give_ids, settle_ids
from itb_tui.core.plan.weeks import Check, Readiness
from itb_tui.core.store.files import StoreError, read_toml_file, write_toml

RED_FLAGS_SCHEMA = 2  # 2: each change has its own id (``uid``, ids.py)
RED_FLAG_CHECK = "No red flag standing"
# A pain score from which the app asks the red-flag questions again.
HIGH_PAIN = 7


@dataclass
class FlagChange:
    """One tick (``ticked``) or un-tick of a red flag, and when."""

    flag: str
    at: datetime
    ticked: bool
    uid: str = field(default="", compare=False)  # its own id for good (ids.py)

    def to_dict(self) -> dict[str, Any]:
        data = {"flag": self.flag, "at": self.at, "ticked": self.ticked}
        return {"uid": self.uid, **data} if self.uid else data


@dataclass
class RedFlagState:
    """Every change to the red flags, in the order they were made."""

    changes: list[FlagChange] = field(default_factory=list)
    newer_schema: bool = False  # written by a newer itb-tui: read, never overwritten

    def standing(self) -> dict[str, datetime]:
        """Flags whose latest change is a tick, with when they were ticked.

        The latest is the last made (the changes are kept in the order they were made, in
        the file too), not the one with the latest time: the clock may have been wrong.
        """
        latest: dict[str, FlagChange] = {}
        for change in self.changes:
            latest[change.flag] = change
        return {flag: c.at for flag, c in latest.items() if c.ticked}

    def set(self, ticked: set[str], at: datetime) -> bool:
        """Record the flags ticked now (the rest un-ticked); True when anything changed."""
        standing = set(self.standing())
        changed = [FlagChange(f, at, True) for f in sorted(ticked - standing)]
        changed += [FlagChange(f, at, False) for f in sorted(standing - ticked)]
        self.changes += changed
        return bool(changed)

    def to_dict(self) -> dict[str, Any]:
        ids = any(change.uid for change in self.changes)
        data: dict[str, Any] = {"schema_version": RED_FLAGS_SCHEMA if ids else 1}
        if self.changes:
            data["change"] = [c.to_dict() for c in self.changes]  # in the order made
        return data


def load_red_flags(path: Path) -> RedFlagState:
    """Read the file (none yet: no flags); a damaged or invalid file raises StoreError."""
    data = read_toml_file(path)
    if data is None:
        return RedFlagState()
    problems: list[str] = []
    reader = TableReader(data, str(path), problems)
    version = reader.integer("schema_version", minimum=1, maximum=10_000)
    newer = version is not None and version > RED_FLAGS_SCHEMA
    changes = []
    for number, table in enumerate(reader.tables("change", required=False), 1):
        entry = TableReader(table, f"{path}: change {number}", problems)
        flag = entry.ident("flag")
        at = entry.table.get("at")
        entry.mark_seen("at")
        if not isinstance(at, datetime) or at.tzinfo is None:
            entry.problem("at", "a date and time with a UTC offset", at)
            at = None
        ticked = entry.flag("ticked")
        uid = entry.text("uid", required=False, max_len=UID_LIMIT) or ""
        if not newer:  # a newer version's fields are left to it
            entry.finish()
        if flag is not None and at is not None:
            changes.append(FlagChange(flag, at, ticked, uid))
    settle_ids("red-flag change", changes)
    if not newer:
        reader.finish()
    if problems:
        raise StoreError("; ".join(problems), path)
    return RedFlagState(changes, newer_schema=newer)


def save_red_flags(path: Path, state: RedFlagState) -> None:
    """Write atomically (0600, a backup kept); a newer-schema file is left as it is."""
    if state.newer_schema:
        raise StoreError(
            f"{path} was written by a newer itb-tui; it is kept as it is. "
            "Upgrade itb-tui to change your red flags.",
            path,
        )
    give_ids(state.changes)
    write_toml(path, state.to_dict(), backup=True)


def standing_text(program: Program, state: RedFlagState) -> list[str]:
    """'I can't put my full weight on the leg. (ticked Mon 23 Nov)' for each standing flag."""
    lines = []
    for flag_id, at in sorted(state.standing().items(), key=lambda item: item[1]):
        flag = program.red_flag(flag_id)
        text = flag.text if flag is not None else flag_id
        lines.append(f"{text} (ticked {day_text(local_date(at))})")
    return lines


def hold_check(program: Program, state: RedFlagState) -> Check:
    """The readiness check that a red flag fails: running waits for a professional's view."""
    standing = standing_text(program, state)
    if not standing:
        return Check(RED_FLAG_CHECK, True, "none ticked")
    evidence = "; ".join(standing) + ". See a professional first; untick it (f) once cleared."
    return Check(RED_FLAG_CHECK, False, evidence)


def with_red_flags(ready: Readiness, program: Program, state: RedFlagState) -> Readiness:
    """``ready`` with the red-flag check added when a flag stands (the rules unchanged else);
    no readiness test is offered while one stands."""
    check = hold_check(program, state)
    return ready if check.met else Readiness([*ready.checks, check])


def held_by_red_flags(ready: Readiness) -> bool:
    """True when a standing red flag holds running (the check from ``with_red_flags`` fails)."""
    return any(check.name == RED_FLAG_CHECK and not check.met for check in ready.checks)


def should_ask(score: int, swelling: bool | None) -> bool:
    """Ask the red-flag questions after a high pain score or a 'yes' to swelling."""
    return score >= HIGH_PAIN or swelling is True
