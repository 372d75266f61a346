"""Everything the home screen says about today, computed in one place from recent history.

Only recent months are read, so opening the app costs the same after years of use: today's
plan, readiness, warning signs and the run stage look back weeks, not years. The
no-improvement check looks at the program from its start, so it runs only while the program
start is within ``IMPROVEMENT_HORIZON_MONTHS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import partial

from itb_tui.core.content.library import Exercise, Library, Routine
from itb_tui.core.content.program import Phase, Program, RunWeek
from itb_tui.core.dates import local_date, month_key, month_keys_since
from itb_tui.core.history.function_scale import due_text
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import MonthHistory, PainLog, SessionRecord
from itb_tui.core.plan.checkin import (
    MorningVerdict,
    checkin_due,
    days_missed,
    hold_items,
    missed_checkins,
    morning_of,
    morning_verdict,
    restart_note,
)
from itb_tui.core.plan.due import DueItem
from itb_tui.core.plan.knees import carry_all
from itb_tui.core.plan.next_test import DueTest, PainWait, next_test
from itb_tui.core.plan.pain_holds import HeldExercises, PainReading, high_pain, hold_for_pain
from itb_tui.core.plan.progress import Hint, Improvement, no_improvement, progression_hints
from itb_tui.core.plan.red_flags import (
    RedFlagState,
    standing_text,
    with_red_flags,
)
from itb_tui.core.plan.running import RunAccess, RunStage, held_by_red_flag, run_access
from itb_tui.core.plan.signs import Found, warning_signs
from itb_tui.core.plan.today import today_plan
from itb_tui.core.plan.weeks import (
    RUN_ROUTINE,
    STRENGTH,
    Readiness,
    after_run,
    current_phases,
    program_week,
    readiness,
    routines_in,
)
from itb_tui.core.store.files import StoreError
from itb_tui.core.store.settings import Settings

RECENT_MONTHS = 3
IMPROVEMENT_HORIZON_MONTHS = 6


@dataclass
class Overview:
    """Today, as the app sees it."""

    week: int
    phases: list[Phase]
    items: list[DueItem]
    readiness: Readiness
    access: RunAccess
    signs: list[Found]
    improvement: Improvement | None
    hints: list[Hint] = field(default_factory=list)
    ask_about_run: SessionRecord | None = None
    red_flags: list[str] = field(default_factory=list)  # the flags standing, in words
    morning: MorningVerdict | None = None  # the check-in that decides the next session
    checkin_due: bool = False  # today has no check-in and it was not skipped
    missed_checkins: list[date] = field(default_factory=list)
    restart_note: str = ""  # "2 days missed: restart with ..."
    function_due: str = ""  # why the function score (history/function_scale.py) is due
    held: list[DueItem] = field(default_factory=list)  # the items the morning check-in held
    # routine id -> the rule that held it when not the morning's (pain_holds.py)
    held_rules: dict[str, str] = field(default_factory=dict)
    # routine id -> its exercises held today by high pain or a red flag (the rest not)
    held_exercises: dict[str, HeldExercises] = field(default_factory=dict)
    high_pain: PainReading | None = None  # the latest pain, when 7/10 or more or swollen
    yesterday_morning: PainLog | None = None  # for "compared with yesterday"
    test_due: DueTest | None = None  # the readiness test next, while only the tests are left

    @property
    def stage(self) -> RunStage | None:
        """The run stage once running has started, else None."""
        return self.access.stage


def load_recent(
    store: HistoryStore, settings: Settings, today: date
) -> tuple[MonthHistory, list[StoreError]]:
    """The last few months by date (and any dated after today, whose entries count too), and
    the months since the program start while it is recent.

    A month that cannot be read is left out (the others still count) and its error returned.
    """
    existing = store.months()
    first = today.replace(day=1)
    for _ in range(RECENT_MONTHS - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    keys = {key for key in existing if key >= month_key(first)}
    start = settings.program_start
    if start is not None and (today - start).days <= IMPROVEMENT_HORIZON_MONTHS * 31:
        keys |= set(month_keys_since(start, today)) & set(existing)
    return store.load_readable(sorted(keys))


def pending_run_check(
    history: MonthHistory, now: datetime, asked_after: datetime | None = None
) -> SessionRecord | None:
    """The last run, when it ended 2-24 h ago and no after-run pain was logged since."""
    runs = [s for s in history.sessions if s.routine == RUN_ROUTINE]
    if not runs:
        return None
    last = max(runs, key=lambda s: s.ended_at)
    if not after_run(now - last.ended_at):
        return None
    if asked_after is not None and asked_after >= last.ended_at:
        return None
    logged = any(
        log.context == "after-run" and log.at >= last.ended_at for log in history.pain_logs
    )
    return None if logged else last


def readiness_before_pain(
    program: Program,
    settings: Settings,
    sessions: list[SessionRecord],
    logs: list[PainLog],
    high: PainReading,
    library: Library,
) -> Readiness:
    """Readiness as it stood just before ``high`` was recorded: the pain logs before it and
    the sessions ended before it (a session's own rating or pain spike is not)."""
    ended = [s for s in sessions if s.ended_at < high.at]
    before = [log for log in logs if log.at < high.at]
    return readiness(program, settings, ended, before, local_date(high.at), library)


def build_overview(
    program: Program,
    settings: Settings,
    library: Library,
    history: MonthHistory,
    now: datetime,
    flags: RedFlagState | None = None,
) -> Overview:
    """Apply the program's rules to the recent history; a standing red flag holds running."""
    today = now.date()
    sessions, logs = carry_all(history.sessions, history.pain_logs, settings.painful_knee)
    start = settings.program_start
    week = program_week(start, today) if start is not None and start <= today else 1
    flags = flags or RedFlagState()
    rules_ready = readiness(program, settings, sessions, logs, today, library)
    ready = with_red_flags(rules_ready, program, flags)
    decisions = history.run_decisions
    # Whether running started is worked out once, without the red flags; a flag standing
    # then holds every run, started or not.
    access_by_rules = run_access(
        program, settings, sessions, logs, today, library, ready=rules_ready, decisions=decisions
    )
    standing = standing_text(program, flags)
    access = held_by_red_flag(access_by_rules) if standing else access_by_rules
    improvement = None
    if start is not None and (today - start).days <= IMPROVEMENT_HORIZON_MONTHS * 31:
        improvement = no_improvement(program, settings, sessions, logs, today)
    strength = routines_in(library, STRENGTH)
    alternate = access.stage is not None and access.stage.target.alternate_days
    band = program.acceptable_morning_pain
    morning = morning_verdict(band, sessions, logs, today, strength, alternate)
    rtr = program.return_to_running
    planned = today_plan(
        program, settings, sessions, logs, today, library, ready=ready, access=access
    )
    companions = (rtr.pre_run_routine, rtr.post_run_routine)
    high = high_pain(sessions, logs, now)
    pain_wait = None
    if high is not None:  # the readiness test line waits on it (next_test)
        pain_wait = PainWait(
            high,
            partial(readiness_before_pain, program, settings, sessions, logs, high, library),
            program.return_to_running.min_pain_free_days,
            today,
        )
    holds = hold_for_pain(program, library, planned, high, flags, companions)
    held_rules = holds.rules
    items = hold_items(holds.items, morning, today, strength, companions)
    return Overview(
        week=week,
        phases=current_phases(program, week),
        items=items,
        # No readiness test is offered while high pain holds weight-bearing work (pain_holds).
        readiness=ready if high is None else replace(ready, next_test=""),
        access=access,
        signs=warning_signs(program, sessions, logs, today, library),
        improvement=improvement,
        hints=[
            h
            for h in progression_hints(sessions, library, today)
            if settings.progressions.get(h.exercise_id, 0) == 0 and high is None
        ],
        ask_about_run=pending_run_check(history, now, settings.asked_after_run),
        red_flags=standing,
        morning=morning,
        held=[
            item
            for item, was in zip(items, planned, strict=True)
            if item.status != was.status or item.routine_id in held_rules
        ],
        held_rules=held_rules,
        held_exercises=holds.exercises,
        high_pain=high,
        checkin_due=checkin_due(logs, today, settings.checkin_skipped),
        missed_checkins=missed_checkins(logs, today, start),
        yesterday_morning=morning_of(logs, today - timedelta(days=1)),
        restart_note=restart_note(
            days_missed(sessions, logs, today),
            items,
            access.stage.week if access.stage else None,
            strength,
        ),
        function_due=due_text(history.function_scores, today),
        test_due=next_test(rules_ready, access_by_rules, red_flag=bool(standing), pain=pain_wait),
    )


def run_routine(
    week: int, target: RunWeek, form_tips: tuple[str, ...] = (), minutes: int | None = None
) -> Routine:
    """A guided run for a run week: one easy-paced timer of ``minutes`` (the week's longest
    plain run when not given; the stage's today_minutes keep it within the weekly cap).

    Its intro gives the steps, then the program's running-form tips.
    """
    minutes = minutes or target.minutes[1]
    exercise = Exercise(
        id="easy-run",
        name="Easy run",
        kind="timer",
        per_side=False,
        sets=1,
        rest_s=0,
        frequency=f"run week {week}: {target.runs_per_week} runs a week",
        targets="An easy run that rebuilds tolerance without provoking the knee.",
        steps=(
            "Start at an easy pace: you can speak in full sentences.",
            "Keep your steps short and quick, and run on the softest level surface you have.",
            "If pain starts on the outside of the knee, press p at once and walk.",
            "If the pain builds as you go on, stop the run and walk home.",
            *form_tips,
        ),
        cues=(
            "Easy pace: you can talk.",
            "Short, quick steps.",
            "Knee pain? Press p and walk.",
        ),
        errors=("Speeding up because it feels good.", "Running on through pain."),
        cautions=("Pain that worsens during the run is a warning sign: stop and walk.",),
        duration_s=minutes * 60,
        source="001",
    )
    return Routine(
        id=RUN_ROUTINE,
        name=f"Run, week {week}",
        category="running",
        summary=f"{min(target.minutes[0], minutes)}-{minutes} min easy",
        description=" ".join(target.notes),
        items=(exercise,),
        origin="program",
    )
