"""Longer-term signals: no improvement after 6-8 weeks, and exercises ready to progress."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean

from itb_tui.core.content.library import Exercise, Library
from itb_tui.core.content.program import Program, RedFlag
from itb_tui.core.dates import local_date
from itb_tui.core.history.records import ExerciseResult, PainLog, SessionRecord
from itb_tui.core.plan.weeks import DAILY_CONTEXTS, RUN_ROUTINE, done_sessions
from itb_tui.core.store.settings import Settings

IMPROVEMENT_AFTER_WEEKS = 6
CONSISTENT_PER_WEEK = 2.0
COMPARE_DAYS = 14
HINT_SESSIONS = 3


@dataclass(frozen=True)
class Improvement:
    """Whether to suggest a professional because the pain is no better; ``red_flag`` explains."""

    flagged: bool
    evidence: str
    red_flag: RedFlag | None


@dataclass(frozen=True)
class Hint:
    """An exercise that has been at the top of its range: try its first progression."""

    exercise_id: str
    name: str
    suggestion: str
    evidence: str


def _mean_pain(pain_logs: list[PainLog], first: date, last: date) -> float | None:
    scores = [p.score for p in pain_logs if first <= local_date(p.at) <= last]
    return mean(scores) if scores else None


def no_improvement(
    program: Program,
    settings: Settings,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    today: date,
) -> Improvement:
    """Flag when, after 6+ weeks of consistent rehab, daily pain is not lower than at the start.

    Consistent: completed non-run sessions since the start average at least 2 per week.
    Pain: the mean of daily/rest pain logs of the program's first 14 days against the last 14
    days up to today. Flagged when the later mean is not lower, unless it is 0.
    """
    flag = program.red_flag("no-improvement")
    start = settings.program_start
    if start is None or start > today:
        return Improvement(False, "No program start date set.", flag)
    days = (today - start).days + 1
    weeks = days // 7
    if weeks < IMPROVEMENT_AFTER_WEEKS:
        return Improvement(False, f"Too early to judge: {weeks} of 6 weeks done.", flag)
    rehab = [
        s
        for s in done_sessions(sessions, today)
        if s.routine != RUN_ROUTINE and local_date(s.started_at) >= start
    ]
    per_week = len(rehab) * 7 / days
    if per_week < CONSISTENT_PER_WEEK:
        text = f"{per_week:.1f} sessions a week on average; the check needs 2 or more to judge."
        return Improvement(False, text, flag)
    logs = [p for p in pain_logs if p.context in DAILY_CONTEXTS]
    before = _mean_pain(logs, start, start + timedelta(days=COMPARE_DAYS - 1))
    after = _mean_pain(logs, today - timedelta(days=COMPARE_DAYS - 1), today)
    if before is None or after is None:
        gap = "first" if before is None else "last"
        return Improvement(False, f"No daily pain logs in the {gap} two weeks to compare.", flag)
    text = (
        f"Daily pain averaged {before:.1f}/10 in the first two weeks and {after:.1f}/10 in the "
        f"last two, over {weeks} weeks at {per_week:.1f} sessions a week."
    )
    return Improvement(after > 0 and after >= before, text, flag)


def _top_of_range(session: SessionRecord, exercise: Exercise, library: Library) -> int | None:
    """The rep target's upper end in this session's routine (or the exercise's own)."""
    routine = library.routines.get(session.routine)
    items = routine.items if routine is not None else ()
    dosed = next((item for item in items if item.id == exercise.id), exercise)
    return dosed.reps[1] if dosed.reps else None


def _at_top(result: ExerciseResult, top: int) -> bool:
    return not result.skipped and all(
        result.sets_done(side) >= result.sets_planned
        and all(value >= top for value in result.done.get(side, []))
        for side in result.sides
    )


def progression_hints(
    sessions: Iterable[SessionRecord], library: Library, today: date
) -> list[Hint]:
    """Exercises at the top of their rep range on every set, side and session, pain-free.

    Looks at the last 3 completed sessions with the exercise at its full number of sets
    (lighter doses, such as one set in a warm-up, are left out). None of them may have a pain
    spike for it or pain above 0 rated after it (001 progresses an exercise once it is
    easy, and pain is a warning sign); the hint says "with no pain" only when every one
    was rated 0, else "with no pain spike". Only counted exercises (reps, steps) with a
    progression are considered.
    """
    done = list(reversed(done_sessions(sessions, today)))
    hints = []
    for exercise in library.exercises.values():
        if exercise.timed or exercise.reps is None or not exercise.progressions:
            continue
        recent = [
            (session, result)
            for session in done
            for result in session.exercises
            if result.exercise == exercise.id and result.sets_planned >= exercise.sets
        ][:HINT_SESSIONS]
        if len(recent) < HINT_SESSIONS:
            continue
        tops = [_top_of_range(session, exercise, library) for session, _ in recent]
        ready = all(
            top is not None
            and _at_top(result, top)
            and not session.pain_after
            and not any(spike.exercise == exercise.id for spike in session.pain_spikes)
            for top, (session, result) in zip(tops, recent, strict=True)
        )
        if ready:
            rated = all(session.pain_after == 0 for session, _ in recent)
            evidence = (
                f"{tops[0]} {exercise.unit} on every set in your last {HINT_SESSIONS} "
                f"sessions, with no pain{'' if rated else ' spike'}."
            )
            hints.append(Hint(exercise.id, exercise.name, exercise.progressions[0], evidence))
    return hints
