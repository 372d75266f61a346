"""Plan rules shared by the plan modules: program weeks, phases, dates, and run readiness.

Dates: a session counts on ``started_at.date()`` and a pain log on ``at.date()``, each in its
own UTC offset, i.e. the local calendar date where the user was when it happened. A session
logged at 23:30-05:00 counts on that day even if the app now runs in UTC+1.

Completed sessions count towards the plan's "done today" (``completed`` is True: every
planned set done, see core/session/completion.py). Sessions stopped early count wherever their
pain matters: in the warning signs (signs.py), in the run weeks (running.py: every kept run
counts) and in the readiness strength check below; a stopped strength session with sets done
also counts for the strength cap.

The other rules live in today.py (today's list), running.py (run weeks), signs.py (warning
signs) and progress.py (no improvement, progression hints).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from itb_tui.core.content.library import Library
from itb_tui.core.content.program import Phase, Program
from itb_tui.core.dates import day_text, local_date, week_monday, week_sunday
from itb_tui.core.history.dose import dose_gap
from itb_tui.core.history.records import ExerciseResult, PainLog, PainSpike, SessionRecord
from itb_tui.core.history.stats import session_category, session_day
from itb_tui.core.plan.readiness_tests import next_due, readiness_states
from itb_tui.core.store.settings import Settings

# A run is a SessionRecord with this routine id (not a library routine): one ExerciseResult
# with unit "seconds" holds the running time; pain goes in pain_after and pain_spikes.
RUN_ROUTINE = "run"
# Routine categories the plan counts, and how often: strength at most 3 times in any 7 days in a
# row, never two days in a row; stretching every day.
STRENGTH = "strength"
STRETCH = "stretch"
STRENGTH_PER_WEEK = 3
STRENGTH_WINDOW_DAYS = 7
STRETCH_DAYS_PER_WEEK = 7
# 001 gives 2-3 h for pain that lingers after a run; the app takes 2 h, the careful end. The
# after-run prompt asks until 24 h after a run; the rules read pain after a run until the next
# run or the first morning check-in after it (see after_run_of), whatever the clock, and at most
# AFTER_RUN_LONGEST after it (a week later, pain says how the knee is, not how it took that run).
AFTER_RUN_FROM = timedelta(hours=2)
AFTER_RUN_UNTIL = timedelta(hours=24)
AFTER_RUN_LONGEST = timedelta(days=7)
# Pain logs that describe daily life (the morning check-in too), for the pain-free-days check.
DAILY_CONTEXTS = ("daily", "rest", "morning")
# 001: running starts again once every phase-3 exercise can be done without pain. The strength
# check reads the sessions of the last 14 days only (the app's choice: at 3 sessions a week that
# is room for the 3 it needs and a missed one); older sessions say how the knee was, not is.
STRENGTH_CHECK_DAYS = 14


def program_week(start: date, today: date) -> int:
    """Program week of ``today``: 1 for the first 7 days from ``start``; 0 before ``start``."""
    if today < start:
        return 0
    return (today - start).days // 7 + 1


def after_run(gap: timedelta) -> bool:
    """True when ``gap``, the time since a run ended, is in the after-run window (2-24 h)."""
    return AFTER_RUN_FROM <= gap <= AFTER_RUN_UNTIL


def after_run_of(
    runs: Sequence[SessionRecord], mornings: Sequence[datetime], moment: datetime
) -> SessionRecord | None:
    """The run whose after-run window holds ``moment``, or None.

    The window opens 2 h after a run ends and closes when the next run starts or at the first
    morning check-in from 2 h after it (that check-in included): the next morning decides,
    whatever the hour of the run (Silbernagel et al., 2007). ``runs`` oldest first;
    ``mornings`` the times of the morning check-ins.
    """
    before = [r for r in runs if r.started_at <= moment]
    if not before:
        return None
    last = max(before, key=lambda r: r.ended_at)
    opens = last.ended_at + AFTER_RUN_FROM
    if not opens <= moment <= last.ended_at + AFTER_RUN_LONGEST:
        return None
    if any(opens <= m < moment for m in mornings):
        return None  # the next morning has answered for this run already
    return last


def current_phases(program: Program, week: int) -> list[Phase]:
    """The phases that cover program week ``week``, in program order."""
    return [phase for phase in program.phases if phase.covers(week)]


def done_sessions(sessions: Iterable[SessionRecord], today: date) -> list[SessionRecord]:
    """Completed sessions on or before ``today``, oldest first."""
    kept = [s for s in sessions if s.completed and local_date(s.started_at) <= today]
    return sorted(kept, key=lambda s: s.started_at)


def kept_sessions(sessions: Iterable[SessionRecord], today: date) -> list[SessionRecord]:
    """Every kept session, completed or stopped early, on or before ``today``, oldest first."""
    kept = [s for s in sessions if local_date(s.started_at) <= today]
    return sorted(kept, key=lambda s: s.started_at)


def distinct_spikes(spikes: Sequence[PainSpike], window_s: int) -> list[PainSpike]:
    """Pain spikes with those within ``window_s`` seconds of the one before merged into it.

    Two presses of the pain key in quick succession report one pain, not pain that builds.
    """
    kept: list[PainSpike] = []
    for spike in sorted(spikes, key=lambda s: s.at):
        if not kept or (spike.at - kept[-1].at).total_seconds() > window_s:
            kept.append(spike)
    return kept


def had_pain(session: SessionRecord) -> bool:
    """A pain spike during the session or pain above 0 rated after it."""
    return bool(session.pain_spikes) or bool(session.pain_after)


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
    test: str = ""  # a readiness test's id (readiness_tests.py), "" for the other checks


@dataclass(frozen=True)
class Readiness:
    """Whether running may start again: every check must be met."""

    checks: list[Check]
    next_test: str = ""  # the readiness test that can be done today, first in the program

    @property
    def ready(self) -> bool:
        return all(check.met for check in self.checks)


PAIN_FREE_CHECK = "Pain-free daily life"


def pain_free_streak(
    pain_logs: Iterable[PainLog], today: date, sessions: Iterable[SessionRecord] = ()
) -> tuple[int, str]:
    """Consecutive pain-free days up to today, and why the streak stops.

    A day is pain-free when it has at least one daily, rest or morning pain log and no knee
    pain recorded that day anywhere: every log 0 and without swelling, whatever its context,
    no pain spike in a session and no rating above 0 after one (001: pain "absent in all
    daily activities"). A day with no daily log ends the streak, except today, which is still
    open: it is not counted until logged, but does not break the streak either.
    """
    scores: dict[date, int] = {}  # the day's pain as the streak reads it: swelling is 1 at least
    pained: dict[date, int] = {}  # the pain scored (a spike without a score is 1)
    swollen: set[date] = set()

    def felt(day: date, score: int, swelling: bool | None = False) -> None:
        pained[day] = max(pained.get(day, 0), score)
        if swelling:
            swollen.add(day)
        scores[day] = max(scores.get(day, 0), score, 1 if swelling else 0)

    for log in pain_logs:
        if log.context in DAILY_CONTEXTS or log.score > 0 or log.swelling:
            felt(local_date(log.at), log.score, log.swelling)
    for session in sessions:
        for spike in session.pain_spikes:  # a spike without a score is still pain
            felt(local_date(spike.at), spike.score or 1)
        if session.pain_after or session.swelling:
            felt(local_date(session.ended_at), session.pain_after or 0, session.swelling)
    day = today if today in scores else today - timedelta(days=1)
    streak = 0
    while scores.get(day) == 0:
        streak += 1
        day -= timedelta(days=1)
    if day in scores:
        felt_then = [f"pain {pained[day]}/10"] if pained[day] else []
        felt_then += ["swelling"] if day in swollen else []
        stop = f"{' with '.join(felt_then)} on {day_text(day)}"
    else:
        stop = f"no daily pain log on {day_text(day)} (days without a log don't count)"
    return streak, stop


def _pain_free_check(
    program: Program,
    pain_logs: Iterable[PainLog],
    today: date,
    sessions: Iterable[SessionRecord] = (),
) -> Check:
    rtr = program.return_to_running
    streak, stop = pain_free_streak(pain_logs, today, sessions)
    need = f"need {rtr.min_pain_free_days}, {rtr.recommended_pain_free_days} recommended"
    plural = "" if streak == 1 else "s"
    evidence = f"{streak} pain-free day{plural} in a row ({need}); before that, {stop}"
    return Check(PAIN_FREE_CHECK, streak >= rtr.min_pain_free_days, evidence)


def _spiked_names(session: SessionRecord) -> str:
    names = {result.exercise: result.name for result in session.exercises}
    return ", ".join(sorted({names.get(s.exercise, s.exercise) for s in session.pain_spikes}))


def _not_in_full(session: SessionRecord, library: Library) -> list[str]:
    """Exercises of the session not done at their planned sets on every side, each set at its
    dose (history/dose.py: a set below the low end of its range is not one of them)."""
    routine = library.routines.get(session.routine)
    if routine is None:
        return [result.name for result in session.exercises if not result.complete]
    items = {item.id: item for item in routine.items}

    def short_of_dose(result: ExerciseResult) -> bool:
        item = items.get(result.exercise)
        return not result.complete if item is None else bool(dose_gap(item, result))

    short = [result.name for result in session.exercises if short_of_dose(result)]
    recorded = {result.exercise for result in session.exercises}
    return short + [item.name for item in routine.items if item.id not in recorded]


def _strength_problem(session: SessionRecord, library: Library) -> str | None:
    """Why this session does not show strength work without pain, or None when it does."""
    when = day_text(local_date(session.started_at))
    if session.pain_spikes:
        return f"pain during {_spiked_names(session)} on {when}"
    if session.pain_after is None:
        return f"no pain rating after the session on {when} (rate it in History)"
    if session.pain_after > 0:
        return f"pain {session.pain_after}/10 after the session on {when}"
    short = _not_in_full(session, library)
    if short or not session.exercises:
        what = ", ".join(short) or "no exercises"
        return f"{what} not done at the planned sets on both sides on {when}"
    return None


def _strength_check(
    program: Program, sessions: Iterable[SessionRecord], today: date, library: Library
) -> Check:
    """001: every phase-3 exercise can be done with no pain.

    The last ``strength_sessions_checked`` sessions of the program's strength routines within
    STRENGTH_CHECK_DAYS each need every exercise at its planned sets on both sides, each set
    at its dose, no pain spike and pain 0 after. A session stopped early counts when it had
    pain (a spike or a rating above 0), so stopping because of pain always shows here, and
    when it has no pain rating yet (it fails until rated); one stopped and rated without pain
    is left out. A short session (session/short_session.py) is never a session in full: it
    counts only when it had pain, or has no rating yet, so pain in it still shows.
    """
    name = "Strength work without pain"
    need = program.return_to_running.strength_sessions_checked
    ids = phase_strength_routines(program, library)
    since = today - timedelta(days=STRENGTH_CHECK_DAYS)
    counted = [
        s
        for s in kept_sessions(sessions, today)
        if s.routine in ids
        and local_date(s.started_at) > since
        and ((s.completed and not s.short_minutes) or had_pain(s) or s.pain_after is None)
    ]
    recent = counted[-need:]
    for session in reversed(recent):
        problem = _strength_problem(session, library)
        if problem is not None:
            return Check(name, False, problem)
    if len(recent) < need:
        window = STRENGTH_CHECK_DAYS
        evidence = f"{len(recent)} of {need} sessions in full in the last {window} days"
        return Check(name, False, evidence)
    days = ", ".join(day_text(local_date(s.started_at)) for s in recent)
    evidence = f"last {len(recent)} sessions in full, with no pain during or after ({days})"
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
        f"{weeks} full week{'' if weeks == 1 else 's'} done (need {rtr.min_rehab_weeks}, so "
        f"from program week {rtr.min_rehab_weeks + 1}; most people start in weeks {low}-{high})"
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
    """Return-to-running readiness (001: "Return to running begins when ...").

    1. Daily life pain-free (pain_free_streak) for min_pain_free_days days in a row.
    2. Strength work without pain (see _strength_check).
    3. At least min_rehab_weeks full weeks since the program start (001: typically weeks 4-6).
    4. Each enabled readiness test stands passed (readiness_tests.py), from the program's
       ``[readiness] tests_from`` day on: a first run made before it needed checks 1-3 only.
    """
    sessions, pain_logs = list(sessions), list(pain_logs)
    checks = [
        _pain_free_check(program, pain_logs, today, sessions),
        _strength_check(program, sessions, today, library),
        _weeks_check(program, settings, today),
    ]
    if today < program.readiness.tests_from:
        return Readiness(checks)
    states = readiness_states(program, library, sessions, today, pain_logs)
    checks += [Check(s.test.name, s.passed, s.evidence, s.test.id) for s in states]
    due = next_due(states)
    return Readiness(checks, due.test.id if due is not None else "")


def readiness_before(
    program: Program,
    settings: Settings,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    moment: datetime,
    library: Library,
) -> Readiness:
    """Readiness as it stood just before ``moment``: only what was recorded before it."""
    before = [s for s in sessions if s.started_at < moment]
    logs = [log for log in pain_logs if log.at < moment]
    return readiness(program, settings, before, logs, local_date(moment), library)


@dataclass(frozen=True)
class WeekCounts:
    """This ISO week against the plan: strength 3 times with rest days, stretching daily."""

    week_start: date
    strength_sessions: int
    strength_days: tuple[date, ...]
    back_to_back: tuple[date, ...]
    stretch_days: tuple[date, ...]
    short_sessions: int = 0  # strength cut short to fit the day: partial, never counted above
    strength_target: int = STRENGTH_PER_WEEK
    stretch_target: int = STRETCH_DAYS_PER_WEEK

    @property
    def strength_met(self) -> bool:
        """Enough strength days, none straight after another."""
        return len(self.strength_days) >= self.strength_target and not self.back_to_back

    @property
    def stretch_met(self) -> bool:
        return len(self.stretch_days) >= self.stretch_target


def week_counts(
    sessions: Iterable[SessionRecord], today: date, categories_by_routine: Mapping[str, str]
) -> WeekCounts:
    """Completed strength sessions and stretch days in ``today``'s ISO week.

    ``back_to_back`` lists this week's strength days that follow a strength day (last
    Sunday included), which the plan advises against. A short session is partial: counted
    in ``short_sessions`` only.
    """
    monday = week_monday(today)
    sunday = week_sunday(today)
    strength: list[date] = []
    stretch: set[date] = set()
    short = 0
    for session in sessions:
        if not session.completed:
            continue
        category = session_category(session, categories_by_routine)
        if session.short_minutes:
            short += monday <= session_day(session) <= sunday
        elif category == STRENGTH:
            strength.append(session_day(session))
        elif category == STRETCH:
            stretch.add(session_day(session))
    in_week = sorted({d for d in strength if monday <= d <= sunday})
    all_strength = set(strength)
    return WeekCounts(
        week_start=monday,
        strength_sessions=sum(1 for d in strength if d in in_week),
        strength_days=tuple(in_week),
        back_to_back=tuple(d for d in in_week if d - timedelta(days=1) in all_strength),
        stretch_days=tuple(sorted(d for d in stretch if monday <= d <= sunday)),
        short_sessions=short,
    )
