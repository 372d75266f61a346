"""Plan rules shared by the plan modules: program weeks, phases, dates, and run readiness.

Dates: a session counts on ``started_at.date()`` and a pain log on ``at.date()``, each in its
own UTC offset, i.e. the local calendar date where the user was when it happened. A session
logged at 23:30-05:00 counts on that day even if the app now runs in UTC+1.

Only completed sessions count towards the plan (``completed`` is True: every planned set
done, see completion.py); sessions stopped early are still read for warning signs (see
plan_signs.py).

The other rules live in plan_today.py (today's list), plan_running.py (run weeks),
plan_signs.py (warning signs) and plan_progress.py (no improvement, progression hints).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from itb_tui.core.content import Library
from itb_tui.core.history import PainLog, SessionRecord
from itb_tui.core.program import Phase, Program
from itb_tui.core.settings import Settings

# A run is a SessionRecord with this routine id (not a library routine): one ExerciseResult
# with unit "seconds" holds the running time; pain goes in pain_after and pain_spikes.
RUN_ROUTINE = "run"
STRENGTH = "strength"
# Pain logs that describe daily life (the morning check-in too), for the pain-free-days check.
DAILY_CONTEXTS = ("daily", "rest", "morning")
# Readiness: how many recent strength sessions must be pain-free, and the pain_after they allow.
STRENGTH_SESSIONS_CHECKED = 3
STRENGTH_PAIN_AFTER_MAX = 2


def local_date(moment: datetime) -> date:
    """The calendar date in the moment's own UTC offset."""
    return moment.date()


def week_monday(day: date) -> date:
    """The Monday that starts ``day``'s ISO week (Monday to Sunday)."""
    return day - timedelta(days=day.weekday())


def day_text(day: date) -> str:
    """'Mon 23 Nov'."""
    return day.strftime("%a %d %b")


def program_week(start: date, today: date) -> int:
    """Program week of ``today``: 1 for the first 7 days from ``start``; 0 before ``start``."""
    if today < start:
        return 0
    return (today - start).days // 7 + 1


def current_phases(program: Program, week: int) -> list[Phase]:
    """The phases that cover program week ``week``, in program order."""
    return [phase for phase in program.phases if phase.covers(week)]


def done_sessions(sessions: Iterable[SessionRecord], today: date) -> list[SessionRecord]:
    """Completed sessions on or before ``today``, oldest first."""
    kept = [s for s in sessions if s.completed and local_date(s.started_at) <= today]
    return sorted(kept, key=lambda s: s.started_at)


def routines_in(library: Library, category: str) -> set[str]:
    """Ids of the library routines of ``category``."""
    return {rid for rid, routine in library.routines.items() if routine.category == category}


def phase_strength_routines(program: Program, library: Library) -> set[str]:
    """The strength routines the program's phases prescribe (all strength routines if none)."""
    strength = routines_in(library, STRENGTH)
    named = {rid for phase in program.phases for rid in phase.routines if rid in strength}
    return named or strength


@dataclass(frozen=True)
class Check:
    """One readiness condition and the evidence for it."""

    name: str
    met: bool
    evidence: str


@dataclass(frozen=True)
class Readiness:
    """Whether running may start again: every check must be met."""

    checks: list[Check]

    @property
    def ready(self) -> bool:
        return all(check.met for check in self.checks)


def pain_free_streak(pain_logs: Iterable[PainLog], today: date) -> tuple[int, str]:
    """Consecutive pain-free days up to today, and why the streak stops.

    A day is pain-free when it has at least one daily/rest pain log and all of them are 0.
    A day with no such log ends the streak, except today, which is still open: it is not
    counted until logged, but does not break the streak either.
    """
    scores: dict[date, int] = {}
    for log in pain_logs:
        if log.context in DAILY_CONTEXTS:
            day = local_date(log.at)
            scores[day] = max(scores.get(day, 0), log.score)
    day = today if today in scores else today - timedelta(days=1)
    streak = 0
    while scores.get(day) == 0:
        streak += 1
        day -= timedelta(days=1)
    if day in scores:
        stop = f"pain {scores[day]}/10 on {day_text(day)}"
    else:
        stop = f"no daily pain log on {day_text(day)} (days without a log don't count)"
    return streak, stop


def _pain_free_check(program: Program, pain_logs: Iterable[PainLog], today: date) -> Check:
    rtr = program.return_to_running
    streak, stop = pain_free_streak(pain_logs, today)
    need = f"need {rtr.min_pain_free_days}, {rtr.recommended_pain_free_days} recommended"
    plural = "" if streak == 1 else "s"
    evidence = f"{streak} pain-free day{plural} in a row ({need}); before that, {stop}"
    return Check("Pain-free daily life", streak >= rtr.min_pain_free_days, evidence)


def _strength_check(
    program: Program, sessions: Iterable[SessionRecord], today: date, library: Library
) -> Check:
    name = "Strength work without pain"
    ids = phase_strength_routines(program, library)
    recent = [s for s in done_sessions(sessions, today) if s.routine in ids]
    recent = recent[-STRENGTH_SESSIONS_CHECKED:]
    if len(recent) < STRENGTH_SESSIONS_CHECKED:
        evidence = f"{len(recent)} of the last {STRENGTH_SESSIONS_CHECKED} sessions done so far"
        return Check(name, False, evidence)
    for session in reversed(recent):
        when = day_text(local_date(session.started_at))
        if session.pain_spikes:
            names = {result.exercise: result.name for result in session.exercises}
            spiked = {names.get(spike.exercise, spike.exercise) for spike in session.pain_spikes}
            exercises = ", ".join(sorted(spiked))
            return Check(name, False, f"pain during {exercises} on {when}")
        if session.pain_after is not None and session.pain_after > STRENGTH_PAIN_AFTER_MAX:
            return Check(name, False, f"pain {session.pain_after}/10 after the session on {when}")
        skipped = [result.name for result in session.exercises if result.skipped]
        if skipped:
            return Check(name, False, f"{', '.join(skipped)} skipped on {when}")
    days = ", ".join(day_text(local_date(s.started_at)) for s in recent)
    evidence = f"last {len(recent)} sessions complete with no pain spike ({days})"
    return Check(name, True, evidence)


def _weeks_check(program: Program, settings: Settings, today: date) -> Check:
    rtr = program.return_to_running
    name = "Weeks of rehab"
    start = settings.program_start
    if start is None:
        return Check(name, False, "no program start date set")
    weeks = max(0, (today - start).days // 7)
    low, high = rtr.typical_start_weeks
    evidence = (
        f"{weeks} full week{'' if weeks == 1 else 's'} done (need {rtr.min_rehab_weeks}; "
        f"most people start running in weeks {low}-{high})"
    )
    return Check(name, weeks >= rtr.min_rehab_weeks, evidence)


def readiness(
    program: Program,
    settings: Settings,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    today: date,
    library: Library,
) -> Readiness:
    """Return-to-running readiness.

    1. Daily life pain-free (daily/rest pain logs all 0) for min_pain_free_days days in a row.
    2. The last 3 completed sessions of the program's strength routine each had no pain
       spike, pain_after of at most 2 (or not rated) and no exercise skipped entirely.
    3. At least min_rehab_weeks full weeks since the program start.
    """
    return Readiness(
        [
            _pain_free_check(program, pain_logs, today),
            _strength_check(program, sessions, today, library),
            _weeks_check(program, settings, today),
        ]
    )
