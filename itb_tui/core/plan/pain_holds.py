"""High pain and red flags hold the weight-bearing work, from any way the pain came in.

Rules (001's warning signs and red flags):
  * High pain: the latest pain recorded, from any source (a pain log in any context, the
    morning check-in, a session's or run's rating after it, a pain spike's score), of
    HIGH_PAIN/10 or more or with swelling holds today's run with its warm-up, every routine
    with a weight-bearing exercise, and the progression hints, until a lower score without
    swelling is recorded. How long ago the last run or strength session was does not matter.
  * A red flag that ``holds_weight_bearing`` (no full weight on the leg, giving way, nerve
    symptoms: content/program.toml) holds every routine with a weight-bearing exercise, with
    "ask your professional before continuing"; while any other flag stands, that line is added
    to each item still due (the run itself is held by any flag: red_flags.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from itb_tui.core.content.library import Library
from itb_tui.core.content.program import Program
from itb_tui.core.dates import day_text, local_date
from itb_tui.core.history.records import PainLog, SessionRecord
from itb_tui.core.plan.due import DONE, DUE, OPTIONAL, REST, DueItem
from itb_tui.core.plan.red_flags import HIGH_PAIN, RedFlagState

ASK_PROFESSIONAL = "Ask your professional before continuing."


@dataclass(frozen=True)
class PainReading:
    """One recorded pain: when, how much (None: not scored), swelling, and where from."""

    at: datetime
    score: int | None
    swelling: bool | None
    source: str  # 'a pain log', 'the morning check-in', 'after Hip strength', ...

    @property
    def high(self) -> bool:
        return (self.score is not None and self.score >= HIGH_PAIN) or self.swelling is True

    def text(self) -> str:
        """'pain 8/10 with swelling in a pain log on Mon 23 Nov'."""
        parts = [f"pain {self.score}/10" if self.score is not None else "swelling"]
        if self.score is not None and self.swelling:
            parts.append("with swelling")
        return " ".join([*parts, self.source, "on", day_text(local_date(self.at))])


def pain_readings(
    sessions: Iterable[SessionRecord], pain_logs: Iterable[PainLog]
) -> list[PainReading]:
    """Every pain recorded with a score or a swelling answer, oldest first."""
    found = []
    for log in pain_logs:
        source = "at the morning check-in" if log.context == "morning" else "in a pain log"
        found.append(PainReading(log.at, log.score, log.swelling, source))
    for session in sessions:
        name = "the run" if session.routine == "run" else session.routine_name
        if session.pain_after is not None or session.swelling is not None:
            after = f"after {name}"
            found.append(PainReading(session.ended_at, session.pain_after, session.swelling, after))
        for spike in session.pain_spikes:
            if spike.score is not None:
                found.append(PainReading(spike.at, spike.score, None, f"during {name}"))
    return sorted(found, key=lambda r: r.at)


def high_pain(
    sessions: Iterable[SessionRecord], pain_logs: Iterable[PainLog], now: datetime
) -> PainReading | None:
    """The latest pain up to ``now`` when it is high (see the module docstring), else None.

    A swelling answer of "no" without a score does not lower a high score; of two readings at
    the same moment, the high one counts."""
    readings = [r for r in pain_readings(sessions, pain_logs) if r.at <= now]
    readings.sort(key=lambda r: (r.at, r.high))
    scored = [r for r in readings if r.score is not None or r.swelling is True]
    if not scored or not scored[-1].high:
        return None
    return scored[-1]


def weight_bearing_routines(library: Library) -> dict[str, list[str]]:
    """Routine id -> the names of its weight-bearing exercises, for routines that have any."""
    found = {}
    for rid, routine in library.routines.items():
        names = [e.name for e in routine.items if e.weight_bearing]
        if names:
            found[rid] = names
    return found


def hold_for_pain(
    program: Program,
    library: Library,
    items: list[DueItem],
    high: PainReading | None,
    flags: RedFlagState,
    run_companions: Collection[str] = (),
) -> tuple[list[DueItem], dict[str, str]]:
    """Today's items with what high pain and the red flags hold turned into rest days, and
    routine id -> the rule that held it ('high-pain' or 'red-flag-weight-bearing')."""
    standing = [program.red_flag(f) for f in flags.standing()]
    holding = [f.text for f in standing if f is not None and f.holds_weight_bearing]
    others = any(f is not None and not f.holds_weight_bearing for f in standing)
    bearing = weight_bearing_routines(library)
    held: dict[str, str] = {}
    out = []
    for item in items:
        rest_run = item.kind == "run" and item.status == REST and high is not None
        if (item.status in (DONE, REST) and not rest_run) or item.kind == "advice":
            out.append(item)
            continue
        names = bearing.get(item.routine_id, [])
        why, rule = _held(item, names, holding, high, item.routine_id in run_companions)
        if rule:
            held[item.routine_id] = rule
            item = item._replace(status=REST, reason=why)
        elif others and item.status in (DUE, OPTIONAL):
            item = item._replace(reason=f"{item.reason} {ASK_PROFESSIONAL}".strip())
        out.append(item)
    return out, held


def _held(
    item: DueItem,
    names: list[str],
    holding: list[str],
    high: PainReading | None,
    companion: bool,
) -> tuple[str, str]:
    """(why, the rule) when ``item`` is held; ('', '') when not."""
    if holding and names:
        verb = "is" if len(names) == 1 else "are"
        why = f"{holding[0].rstrip('.')}: {', '.join(names)} {verb} held. {ASK_PROFESSIONAL}"
        return why, "red-flag-weight-bearing"
    if high is None or not (item.kind == "run" or names or companion):
        return "", ""
    if companion and not names:
        return "No run today, so not needed.", "high-pain"
    what = "today's run" if item.kind == "run" else item.title
    text = high.text()
    return f"{text[0].upper()}{text[1:]}: {what} is held until a lower score.", "high-pain"
