"""Figures drawn from the history: pain by day, adherence, streaks, side balance, table rows.

Pure functions over records; nothing here reads files or the clock. A record's day is the
local date it started on, as recorded (its own UTC offset).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from itb_tui.core.content.library import Library
from itb_tui.core.dates import days_back, week_monday
from itb_tui.core.history.corrections import rules_mark
from itb_tui.core.history.outdoor_run import RUN_ROUTINE, run_done_text
from itb_tui.core.history.records import (
    CONTEXT_LABELS,
    SIDES,
    PainLog,
    SessionRecord,
    knee_scores,
    pain_log_ids,
    score_text,
)

OTHER_CATEGORY = "other"
SESSION_CONTEXT = "exercise"
RowFilter = Literal["all", "sessions", "pain", "30d"]
ROW_FILTERS: tuple[RowFilter, ...] = ("all", "sessions", "pain", "30d")
RECENT_FILTER_DAYS = 30  # History's "30d" filter: the last 30 days
ASYMMETRY_WORTH_NOTING = 10.0  # percent: a left/right difference a report marks


def session_day(session: SessionRecord) -> date:
    """The local date a session started on."""
    return session.started_at.date()


def routine_categories(library: Library) -> dict[str, str]:
    """Routine id -> category, for the functions below that group by category; a run (guided
    or outdoors, not a library routine) is "running"."""
    return {RUN_ROUTINE: "running"} | {r.id: r.category for r in library.routines.values()}


def session_category(session: SessionRecord, categories: Mapping[str, str]) -> str:
    return categories.get(session.routine, OTHER_CATEGORY)


# -- pain by day ------------------------------------------------------------------------------
@dataclass(frozen=True)
class DayPain:
    """Every pain score of one day: logs, and sessions' end ratings as 'exercise'."""

    day: date
    max_score: int
    mean_score: float
    count: int
    by_context: dict[str, int]
    had_session: bool


def _pain_scores(
    pain_logs: Iterable[PainLog], sessions: Iterable[SessionRecord], knee: str
) -> dict[date, list[tuple[str, int]]]:
    """Each day's (context, score): the single scores, or with ``knee`` that knee's only."""
    scores: dict[date, list[tuple[str, int]]] = defaultdict(list)
    found = [(log.at.date(), log.context, log.scores()) for log in pain_logs]
    found += [
        (session_day(s), SESSION_CONTEXT, knee_scores(s.pain_after, s.pain_after_knees))
        for s in sessions
        if s.pain_after is not None
    ]
    for day, context, by_knee in found:
        if (knee or "score") in by_knee:
            scores[day].append((context, by_knee[knee or "score"]))
    return scores


def _day_pain(day: date, scores: list[tuple[str, int]], had_session: bool) -> DayPain:
    by_context: dict[str, int] = {}
    for context, score in scores:
        by_context[context] = max(score, by_context.get(context, 0))
    values = [score for _, score in scores]
    return DayPain(
        day=day,
        max_score=max(values),
        mean_score=sum(values) / len(values),
        count=len(values),
        by_context=by_context,
        had_session=had_session,
    )


def daily_pain(
    pain_logs: Iterable[PainLog],
    sessions: Iterable[SessionRecord],
    since: date | None = None,
    knee: str = "",
) -> list[DayPain]:
    """One entry per day with at least one pain score, oldest first, from ``since`` on.

    The single scores (the worse knee's where each knee was scored), or with ``knee``
    ('left' or 'right') the scores given for that knee alone.
    """
    sessions = list(sessions)
    session_days = {session_day(s) for s in sessions}
    scores = _pain_scores(pain_logs, sessions, knee)
    return [
        _day_pain(day, scores[day], day in session_days)
        for day in sorted(scores)
        if since is None or day >= since
    ]


# -- adherence calendar ---------------------------------------------------------------------
@dataclass(frozen=True)
class DayCell:
    """One day of the calendar: categories with a completed session, and with a partial one.

    A category is in ``partial`` only when that day had no completed session of it; a
    stopped session counts only if at least one exercise was done.
    """

    day: date
    completed: frozenset[str]
    partial: frozenset[str]
    future: bool = False

    @property
    def categories(self) -> frozenset[str]:
        return self.completed | self.partial


def _categories_by_day(
    sessions: Iterable[SessionRecord], categories: Mapping[str, str]
) -> tuple[dict[date, set[str]], dict[date, set[str]]]:
    completed: dict[date, set[str]] = defaultdict(set)
    partial: dict[date, set[str]] = defaultdict(set)
    for session in sessions:
        if session.completed:
            completed[session_day(session)].add(session_category(session, categories))
        elif session.exercises_done() > 0:
            partial[session_day(session)].add(session_category(session, categories))
    return completed, partial


def adherence_calendar(
    sessions: Iterable[SessionRecord],
    today: date,
    weeks: int = 6,
    categories_by_routine: Mapping[str, str] | None = None,
) -> list[list[DayCell]]:
    """``weeks`` ISO weeks ending with this one, oldest first; each row is Monday to Sunday."""
    completed, partial = _categories_by_day(sessions, categories_by_routine or {})
    first = week_monday(today) - timedelta(weeks=max(weeks, 0) - 1)
    rows: list[list[DayCell]] = []
    for week in range(max(weeks, 0)):
        row = []
        for offset in range(7):
            day = first + timedelta(weeks=week, days=offset)
            done = frozenset(completed.get(day, ()))
            row.append(DayCell(day, done, frozenset(partial.get(day, ())) - done, day > today))
        rows.append(row)
    return rows


# -- streak ------------------------------------------------------------------------------------
def _completed_days(sessions: Iterable[SessionRecord]) -> set[date]:
    return {session_day(s) for s in sessions if s.completed}


def streak(sessions: Iterable[SessionRecord], today: date) -> int:
    """Consecutive days with a completed session, up to today (or yesterday if none yet today)."""
    days = _completed_days(sessions)
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


# -- left versus right ------------------------------------------------------------------------
@dataclass(frozen=True)
class SidePoint:
    """One day's total reps or seconds on each leg."""

    day: date
    left: int
    right: int


@dataclass(frozen=True)
class SideTrend:
    """Left against right for one per-side exercise, one point per session date."""

    exercise: str
    name: str
    unit: str
    points: tuple[SidePoint, ...]

    @property
    def left_total(self) -> int:
        return sum(p.left for p in self.points)

    @property
    def right_total(self) -> int:
        return sum(p.right for p in self.points)

    @property
    def asymmetry_pct(self) -> float:
        """|left - right| as a percentage of the stronger side; 0 when equal."""
        left, right = self.left_total, self.right_total
        return 0.0 if max(left, right) == 0 else abs(left - right) * 100 / max(left, right)

    @property
    def weaker(self) -> str | None:
        """'left' or 'right', whichever did less overall; None when equal."""
        if self.left_total == self.right_total:
            return None
        return "left" if self.left_total < self.right_total else "right"


def side_comparison(
    sessions: Iterable[SessionRecord], exercise_ids: Sequence[str] | None = None
) -> list[SideTrend]:
    """Trends for per-side exercises (all, or ``exercise_ids`` in that order), else by name."""
    totals: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    labels: dict[str, tuple[str, str]] = {}
    for session in sorted(sessions, key=lambda s: s.started_at):
        for result in session.exercises:
            if not set(SIDES) & set(result.sides):
                continue
            if exercise_ids is not None and result.exercise not in exercise_ids:
                continue
            left, right = (sum(result.done.get(side, [])) for side in SIDES)
            if left or right:
                cell = totals[result.exercise][session_day(session)]
                cell[0] += left
                cell[1] += right
                labels[result.exercise] = (result.name, result.unit)
    order = [e for e in exercise_ids if e in totals] if exercise_ids is not None else None
    ids = order if order is not None else sorted(totals, key=lambda e: labels[e][0])
    return [_trend(ident, labels[ident], totals[ident]) for ident in ids]


def _trend(ident: str, label: tuple[str, str], days: dict[date, list[int]]) -> SideTrend:
    points = tuple(SidePoint(day, lr[0], lr[1]) for day, lr in sorted(days.items()))
    return SideTrend(ident, label[0], label[1], points)


# -- history table ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    """One line of the history table: a session or a pain log."""

    kind: Literal["session", "pain"]
    when: datetime
    title: str
    duration: str
    exercises: str
    pain: str
    id: str

    @property
    def when_text(self) -> str:
        """'2026-11-23 07:30'."""
        return self.when.strftime("%Y-%m-%d %H:%M")


def duration_text(seconds: int) -> str:
    """'45 s' under a minute, else whole minutes: '12 min'."""
    return f"{seconds} s" if seconds < 60 else f"{round(seconds / 60)} min"


def _spikes_text(count: int) -> str:
    return f"{count} spike" + ("s" if count != 1 else "")


def done_text(session: SessionRecord) -> str:
    """What was done: '2/6' exercises; for a run its minutes and distance, '22 min 4.1 km'."""
    if session.routine == RUN_ROUTINE:
        return run_done_text(session)
    return f"{session.exercises_done()}/{len(session.exercises)}"


def _session_row(session: SessionRecord) -> Row:
    pain = (
        "-"
        if session.pain_after is None
        else score_text(session.pain_after, session.pain_after_knees)
    )
    pain += rules_mark(session)
    if session.pain_spikes:
        spikes = _spikes_text(len(session.pain_spikes))
        pain = spikes if pain == "-" else f"{pain} ({spikes})"
    title = session.routine_name + ("" if session.completed else " (not complete)")
    return Row(
        kind="session",
        when=session.started_at,
        title=title,
        duration=duration_text(session.duration_s),
        exercises=done_text(session),
        pain=pain,
        id=session.id,
    )


def _pain_row(log: PainLog, ident: str) -> Row:
    label = CONTEXT_LABELS.get(log.context, log.context)
    pain = score_text(log.score, log.knees) + rules_mark(log)
    return Row("pain", log.at, f"Pain {label}", "", "", pain, ident)


def session_rows(
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    filter: RowFilter,
    today: date,
) -> list[Row]:
    """Rows for the history table, newest first.

    ``filter``: 'all', 'sessions' only, 'pain' logs only, or '30d' (everything from the
    30 days ending ``today``).
    """
    if filter not in ROW_FILTERS:
        raise ValueError(f"unknown filter {filter!r}; expected one of {', '.join(ROW_FILTERS)}")
    rows: list[Row] = []
    if filter != "pain":
        rows.extend(_session_row(s) for s in sessions)
    if filter != "sessions":
        logs = list(pain_logs)
        rows.extend(_pain_row(p, i) for p, i in zip(logs, pain_log_ids(logs), strict=True))
    if filter == "30d":
        first = days_back(today, RECENT_FILTER_DAYS)
        rows = [r for r in rows if first <= r.when.date() <= today]
    return sorted(rows, key=lambda r: r.when, reverse=True)
