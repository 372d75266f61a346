"""High pain and red flags hold the weight-bearing work, from any way the pain came in.

Rules (001's warning signs and red flags):
  * Weight-bearing: an exercise done standing on the leg (``weight_bearing`` in
    content/exercises.toml: band walks, single-leg squats, standing fire hydrants, the calf
    stretch). One notion for both holds below.
  * High pain: the latest pain recorded, from any source (a pain log in any context, the
    morning check-in, a session's or run's rating after it, a pain spike's score), of
    HIGH_PAIN/10 or more or with swelling holds today's run with its warm-up, every
    weight-bearing exercise, and the progression hints, until a lower score without swelling
    is recorded. How long ago the last run or strength session was does not matter.
  * A red flag that ``holds_weight_bearing`` (no full weight on the leg, giving way, nerve
    symptoms: content/program.toml) holds every weight-bearing exercise, with "ask your
    professional before continuing"; while any other flag stands, that line is added to each
    item still due (the run itself is held by any flag: red_flags.py).
  * Per exercise: a routine whose exercises are all weight-bearing is held; any other routine
    with one stays as it was (due, optional) with the held exercises named in its line. A
    guided session of any routine, on today's plan or not, leaves them out (``without_held``)
    and is never complete: the exercises left out are in it, skipped, so it never counts as a
    full session.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from itb_tui.core.content.library import Exercise, Library, Routine
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


def weight_bearing_routines(library: Library) -> dict[str, list[Exercise]]:
    """Routine id -> its weight-bearing exercises, for routines that have any."""
    found = {}
    for rid, routine in library.routines.items():
        bearing = [e for e in routine.items if e.weight_bearing]
        if bearing:
            found[rid] = bearing
    return found


@dataclass(frozen=True)
class HeldExercises:
    """The exercises of a routine held today (ids, in routine order), and why."""

    ids: tuple[str, ...]
    why: str


def without_held(routine: Routine, held: HeldExercises | None) -> Routine:
    """``routine`` without the exercises ``held`` today (they go in ``Routine.held``), its
    description opened with why; ``routine`` itself when nothing of it is held."""
    if held is None or not any(e.id in held.ids for e in routine.items):
        return routine
    kept = [(i, e) for i, e in enumerate(routine.items) if e.id not in held.ids]
    left_out = tuple(e for e in routine.items if e.id in held.ids)
    priorities = routine.priorities
    return replace(
        routine,
        items=tuple(e for _, e in kept),
        priorities=tuple(priorities[i] for i, _ in kept) if priorities else (),
        held=left_out,
        description=f"{held.why} {routine.description}".strip(),
    )


@dataclass(frozen=True)
class PainHolds:
    """What high pain and the red flags hold today."""

    items: list[DueItem]  # today's items, those held whole turned into rest days
    rules: dict[str, str]  # routine id -> the rule that held it whole
    # Every routine with a weight-bearing exercise (on today's plan or not) -> those held.
    exercises: dict[str, HeldExercises]


def hold_for_pain(
    program: Program,
    library: Library,
    items: list[DueItem],
    high: PainReading | None,
    flags: RedFlagState,
    run_companions: Collection[str] = (),
) -> PainHolds:
    """Today's items with what high pain and the red flags hold (see the module docstring);
    the rule is 'high-pain' or 'red-flag-weight-bearing'."""
    standing = [program.red_flag(f) for f in flags.standing()]
    holding = [f.text for f in standing if f is not None and f.holds_weight_bearing]
    others = any(f is not None and not f.holds_weight_bearing for f in standing)
    bearing = weight_bearing_routines(library)
    holds = PainHolds([], {}, {})
    for rid, held in bearing.items():
        why = _exercises_held([e.name for e in held], holding, high)
        if why:
            holds.exercises[rid] = HeldExercises(tuple(e.id for e in held), why)
    for item in items:
        companion = item.routine_id in run_companions
        item, rule = _hold_item(item, library, holds.exercises, high, companion, others)
        if rule:
            holds.rules[item.routine_id] = rule
        holds.items.append(item)
    return holds


def _hold_item(
    item: DueItem,
    library: Library,
    exercises: dict[str, HeldExercises],
    high: PainReading | None,
    companion: bool,
    others: bool,
) -> tuple[DueItem, str]:
    """``item`` as the holds leave it, and the rule when it is held whole ('' if not)."""
    rest_run = item.kind == "run" and item.status == REST and high is not None
    if (item.status in (DONE, REST) and not rest_run) or item.kind == "advice":
        return item, ""
    routine = library.routines.get(item.routine_id)
    held = [e for e in routine.items if e.weight_bearing] if routine is not None else []
    whole = _held_whole(item, held, routine, high, companion)
    if whole:
        return item._replace(status=REST, reason=whole), "high-pain"
    partly = exercises.get(item.routine_id)
    if partly is not None and routine is not None and held == list(routine.items):
        return item._replace(status=REST, reason=partly.why), "red-flag-weight-bearing"
    if partly is not None:
        return item._replace(reason=_then(item.reason, partly.why)), ""
    if others and item.status in (DUE, OPTIONAL):
        return item._replace(reason=_then(item.reason, ASK_PROFESSIONAL)), ""
    return item, ""


def _exercises_held(names: list[str], holding: list[str], high: PainReading | None) -> str:
    """Why the weight-bearing exercises ``names`` are held; '' when they are not."""
    verb = "is" if len(names) == 1 else "are"
    if holding:
        return f"{holding[0].rstrip('.')}: {', '.join(names)} {verb} held. {ASK_PROFESSIONAL}"
    if high is None:
        return ""
    return f"{_capital(high.text())}: {', '.join(names)} {verb} held until a lower score."


def _held_whole(
    item: DueItem,
    held: list[Exercise],
    routine: Routine | None,
    high: PainReading | None,
    companion: bool,
) -> str:
    """Why high pain holds all of ``item`` (the run, its warm-up and cool-down, a routine of
    weight-bearing exercises only); '' when it does not."""
    if high is None or not (item.kind == "run" or companion or held):
        return ""
    if companion and not held:
        return "No run today, so not needed."
    if item.kind == "run" or companion or (routine is not None and held == list(routine.items)):
        what = "today's run" if item.kind == "run" else item.title
        return f"{_capital(high.text())}: {what} is held until a lower score."
    return ""


def _then(reason: str, more: str) -> str:
    """``reason``, then the sentence ``more``: 'due today. Ask your professional ...'."""
    if not reason:
        return more
    return f"{reason}{'' if reason.endswith(('.', '!', '?')) else '.'} {more}"


def _capital(text: str) -> str:
    return f"{text[0].upper()}{text[1:]}"
