"""Warning signs to back off, found in runs, strength sessions and pain logs.

001 lists four signs to back off (not to start over): pain during a run that gets worse,
pain lasting beyond 2-3 h after a run, pain in the hip-strength exercises, swelling at the
outer knee. Sessions stopped early count here too: stopping because of pain is the signal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from itb_tui.core.content.library import Library
from itb_tui.core.content.program import Program, WarningSign
from itb_tui.core.dates import day_text, days_back, local_date
from itb_tui.core.history.records import (
    KEPT_SPIKE,
    KEPT_UNSCORED,
    PainLog,
    SessionRecord,
    rose,
    score_text,
)
from itb_tui.core.plan.kept_pain import discarded_sessions
from itb_tui.core.plan.weeks import (
    RUN_ROUTINE,
    STRENGTH,
    after_run_of,
    distinct_spikes,
    phase_strength_routines,
    routines_in,
)

SIGNS_LOOKBACK_DAYS = 14  # the warning signs Home and the report show: the last two weeks


@dataclass(frozen=True)
class Found:
    """A warning sign found in the history, with the evidence and when it happened."""

    sign: WarningSign
    evidence: str
    at: datetime

    @property
    def on(self) -> date:
        return local_date(self.at)


def _duration_text(gap: timedelta) -> str:
    minutes = int(gap.total_seconds()) // 60
    hours, rest = divmod(minutes, 60)
    return f"{hours} h" + (f" {rest} min" if rest else "")


def _runs(sessions: Iterable[SessionRecord]) -> list[SessionRecord]:
    return sorted((s for s in sessions if s.routine == RUN_ROUTINE), key=lambda s: s.ended_at)


def _run_worsened(program: Program, run: SessionRecord) -> str | None:
    """Why this run shows pain that built up, or None.

    001: knee pain that grows as the run goes on. Two pain spikes
    (presses within spike_merge_s are one), a spike scored worsening_pain_after or more, a
    run stopped after a pain spike, or one spike and pain of worsening_pain_after or more
    rated after the run.
    """
    rtr = program.return_to_running
    spikes = distinct_spikes(run.pain_spikes, rtr.spike_merge_s)
    when = day_text(local_date(run.started_at))
    if len(spikes) >= 2:
        return f"{len(spikes)} pain spikes during the run on {when}"
    if not spikes:
        return None
    worst = max((s.score for s in run.pain_spikes if s.score is not None), default=None)
    if worst is not None and worst >= rtr.worsening_pain_after:
        return f"pain of {worst}/10 during the run on {when}"
    if not run.completed:
        return f"the run on {when} was stopped after pain began"
    if run.pain_after is not None and run.pain_after >= rtr.worsening_pain_after:
        return f"pain began during the run on {when} and was {run.pain_after}/10 after it"
    return None


def _run_pain_worsens(
    sign: WarningSign,
    program: Program,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
) -> list[Found]:
    """A run whose pain built up (see _run_worsened), a discarded one too (read back from the
    pain logs kept from it, as it would be read had it been kept), or a during-run log above an
    earlier one that day: the worse knee's score, or either knee's against its own (001's "pain
    that worsens as you go on" is about a knee, so one knee rising counts). The spikes of a
    discarded run are read as its spikes only, as a kept run's are."""
    pain_logs = list(pain_logs)
    found = []
    for run in _runs([*sessions, *discarded_sessions(pain_logs)]):
        why = _run_worsened(program, run)
        if why is not None:
            found.append(Found(sign, why, run.started_at))
    lowest: dict[date, dict[str, int]] = defaultdict(dict)
    flagged: set[date] = set()
    logged = [p for p in pain_logs if p.context == "during-run" and not _run_spike(p)]
    for log in sorted(logged, key=lambda p: p.at):
        day, scores = local_date(log.at), log.scores()
        low = lowest[day]
        risen = rose(low, scores)
        if risen and day not in flagged:
            flagged.add(day)
            found.append(Found(sign, _rise_text(low, scores, risen[0]) + day_text(day), log.at))
        for key, value in scores.items():
            low[key] = min(low.get(key, value), value)
    return found


def _run_spike(log: PainLog) -> bool:
    """A pain spike kept from a discarded run (read as that run's, see discarded_sessions)."""
    return log.routine == RUN_ROUTINE and log.kept in (KEPT_SPIKE, KEPT_UNSCORED)


def _rise_text(before: dict[str, int], now: dict[str, int], key: str) -> str:
    """'pain during a run rose from 1/10 to 3/10 on ' ('left knee pain ...' for one knee)."""
    whose = "" if key == "score" else f"{key} knee "
    return f"{whose}pain during a run rose from {before[key]}/10 to {now[key]}/10 on "


def _pain_after_run(
    sign: WarningSign,
    program: Program,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
) -> list[Found]:
    """001: pain still there more than 2-3 h after a run.

    Any pain log above the program's band (``[check_in] acceptable_pain``, the band the
    morning check-in uses) in a run's after-run window counts, whatever its context: from 2 h
    after the run until the next run or the first morning check-in after it, that check-in
    included (weeks.after_run_of). Only "during-run" logs, which belong to a run in progress,
    are left out. A discarded run whose pain was kept (read back from its logs, see
    discarded_sessions) is a run here too: pain hours after it is the same sign.
    """
    pain_logs = list(pain_logs)
    runs = _runs([*sessions, *discarded_sessions(pain_logs)])
    mornings = [log.at for log in pain_logs if log.context == "morning"]
    band = program.acceptable_morning_pain
    found = []
    for log in pain_logs:
        if log.context == "during-run" or log.score <= band:
            continue
        ran = after_run_of(runs, mornings, log.at)
        if ran is not None:
            when = day_text(local_date(ran.started_at))
            gap = _duration_text(log.at - ran.ended_at)
            evidence = f"pain {score_text(log.score, log.knees)} {gap} after the run on {when}"
            found.append(Found(sign, evidence, log.at))
    return found


def _pain_during_strength(
    sign: WarningSign,
    program: Program,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    library: Library,
) -> list[Found]:
    """A pain spike in a session of any routine holding a phase-3 exercise (the hip-strength
    exercises, so the pre-run clamshells and band walks too), or in a session that held an
    exercise of those routines itself (a readiness test of hip abduction or the single-leg
    squat), finished or not; and a pain log in context "exercise" above the program's band."""
    strength = phase_three_routines(program, library)
    exercises = {e.id for rid in strength for e in library.routines[rid].items}
    found = []
    for session in sessions:
        held = session.routine in strength or any(
            result.exercise in exercises for result in session.exercises
        )
        if not held or not session.pain_spikes:
            continue
        names = {result.exercise: result.name for result in session.exercises}
        spiked = sorted({names.get(s.exercise, s.exercise) for s in session.pain_spikes})
        when = day_text(local_date(session.started_at))
        evidence = f"pain during {', '.join(spiked)} in {session.routine_name} on {when}"
        found.append(Found(sign, evidence, session.pain_spikes[0].at))
    band = program.acceptable_morning_pain
    for log in pain_logs:
        if log.context == "exercise" and log.score > band:
            when = day_text(local_date(log.at))
            score = score_text(log.score, log.knees)
            found.append(Found(sign, f"pain {score} during exercise on {when}", log.at))
    return found


def phase_three_routines(program: Program, library: Library) -> set[str]:
    """The strength routines, and every routine holding an exercise of the program's strength
    routines (001's phase 3)."""
    strength = phase_strength_routines(program, library)
    exercises = {e.id for rid in strength for e in library.routines[rid].items}
    holding = {
        rid
        for rid, routine in library.routines.items()
        if any(e.id in exercises for e in routine.items)
    }
    return holding | routines_in(library, STRENGTH)


def _swelling(
    sign: WarningSign,
    program: Program,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
) -> list[Found]:
    """A pain log or session rating that answered yes to 'is the outer knee swollen?'."""
    answers = [(log.at, f"pain log ({log.score}/10)") for log in pain_logs if log.swelling]
    answers += [(s.started_at, f"after {s.routine_name}") for s in sessions if s.swelling]
    return [
        Found(sign, f"swelling reported: {where} on {day_text(local_date(at))}", at)
        for at, where in answers
    ]


def step_back_signs(
    program: Program,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    today: date,
) -> list[Found]:
    """All signs up to today that move the run week back (whole history), oldest first."""
    sessions, pain_logs = list(sessions), list(pain_logs)
    found: list[Found] = []
    finders = {
        "run-pain-worsens": _run_pain_worsens,
        "pain-after-run": _pain_after_run,
        "swelling": _swelling,
    }
    for sign_id, finder in finders.items():
        sign = program.warning_sign(sign_id)
        if sign is not None:
            found += finder(sign, program, sessions, pain_logs)
    return sorted((f for f in found if f.on <= today), key=lambda f: f.at)


def strength_pain_signs(
    program: Program,
    sessions: Iterable[SessionRecord],
    library: Library,
    today: date,
    pain_logs: Iterable[PainLog] = (),
) -> list[Found]:
    """001: pain during any hip-strength exercise, up to today (whole history), oldest first."""
    sign = program.warning_sign("pain-during-strength")
    if sign is None:
        return []
    found = _pain_during_strength(sign, program, sessions, pain_logs, library)
    return sorted((f for f in found if f.on <= today), key=lambda f: f.at)


def warning_signs(
    program: Program,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    today: date,
    library: Library,
    days: int = SIGNS_LOOKBACK_DAYS,
) -> list[Found]:
    """The four warning signs found in the last ``days`` days (today included), newest first;
    the same sign with the same evidence (two logs of one day) is listed once."""
    sessions = list(sessions)
    pain_logs = list(pain_logs)
    found = step_back_signs(program, sessions, pain_logs, today)
    found += strength_pain_signs(program, sessions, library, today, pain_logs)
    first = days_back(today, days)
    shown: dict[tuple[str, str], Found] = {}  # two logs saying the same on one day: one line
    for f in sorted(found, key=lambda f: f.at, reverse=True):
        if first <= f.on <= today:
            shown.setdefault((f.sign.id, f.evidence), f)
    return list(shown.values())
