"""The rules' invariants, checked after every simulated day and at every run the user starts.

Each check returns the ways it is broken, in words (an empty list: it holds). The names
follow issue 21 (I1-I6) and issue 22 (P1-P5: every pain read, high pain holds weight-bearing
work, a missing knee is not 0, no pain removed, discarding a session never makes its pain
count for less). ``Tracker`` keeps the run week of the day
before; the simulation remembers whether every readiness check has been seen met since the
last return to phase 1.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from itb_tui.core.content.readiness_tests import ReadinessTest
from itb_tui.core.dates import local_date, week_monday
from itb_tui.core.history.records import (
    SIDES,
    Knees,
    MonthHistory,
    PainLog,
    RunDecision,
    SessionRecord,
)
from itb_tui.core.plan.due import DUE, OPTIONAL
from itb_tui.core.plan.referee import readiness_session
from itb_tui.core.plan.signs import step_back_signs, strength_pain_signs
from itb_tui.core.plan.weeks import RUN_ROUTINE
from itb_tui.core.shell.today_line import tests_json
from tests.factories import weight_bearing_offered

from .corrections import as_ruled, felt
from .surfaces import Look, ics_today, verdict
from .users import TZ, Simulation, planned_dose

SIGN_DAYS = 14  # issue 21: no rise within 14 days of a warning sign
MEETS_CHECKS = "You meet the checks"


def end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=TZ)


def clinician_named(decision: RunDecision) -> bool:
    """A week set with the clearance of a clinician, named."""
    return decision.decision == "week" and decision.cleared and bool(decision.clinician.strip())


def named_decision_on(history: MonthHistory, day: date) -> bool:
    return any(clinician_named(d) and local_date(d.at) == day for d in history.run_decisions)


def painful_run(run: SessionRecord) -> bool:
    return bool(run.pain_spikes) or bool(run.pain_after) or bool(run.swelling)


def run_pain_days(history: MonthHistory) -> set[date]:
    """Days with pain in a run: a spike, a rating above 0, a during- or after-run log."""
    days = {
        local_date(s.started_at)
        for s in history.sessions
        if s.routine == RUN_ROUTINE and painful_run(s)
    }
    days |= {
        local_date(log.at)
        for log in history.pain_logs
        if log.context in ("during-run", "after-run") and log.score > 0
    }
    return days


def sign_days(sim: Simulation, today: date) -> set[date]:
    """Days with a warning sign (001's four), by the product's own sign finders, in the
    history as felt (before any correction)."""
    history = felt(sim)
    found = step_back_signs(sim.program, history.sessions, history.pain_logs, today)
    found += strength_pain_signs(sim.program, history.sessions, sim.library, today)
    return {f.on for f in found}


@dataclass
class Tracker:
    """What the checks carry from day to day."""

    week: int | None = None  # the run week at the end of the day before


# --- I1 ----------------------------------------------------------------------------------


def i1_run_start(look: Look, overridden: bool = False) -> list[str]:
    """I1 at the moment a run is started: the verdict must offer it (or an override be kept)."""
    status = look.run_item()
    if status not in (DUE, OPTIONAL) and not overridden:
        return [f"I1: a run starts that the verdict lists as {status}: {look.verdict.run.reason}"]
    return []


def i1_offered(look: Look) -> list[str]:
    """I1 on Home: nothing held is offered as due."""
    found = []
    overview = look.overview
    offered = look.home_due()
    if overview.red_flags and RUN_ROUTINE in offered:
        found.append("I1: a run is offered while a red flag stands")
    morning = overview.morning
    if morning is not None and morning.holds_run and RUN_ROUTINE in offered:
        found.append(f"I1: a run is offered that the morning holds: {morning.text(look.today)}")
    if look.run_item() not in (DUE, OPTIONAL):
        companions = {"pre-run", "ice"} & offered
        if "pre-run" in companions:
            found.append("I1: the pre-run routine is offered on a day the run is held")
    if overview.stage is None and RUN_ROUTINE in offered:
        found.append("I1: a run is offered while running is locked")
    return found


# --- I2, I3, I4 --------------------------------------------------------------------------


def i2_no_rise(sim: Simulation, look: Look, tracker: Tracker) -> list[str]:
    """I2: the run week never rises after a week with pain in a run, nor within 14 days of a
    warning sign, except by a clinician-named decision. Only what came before today counts:
    a run today is run at the week it rose to."""
    stage = look.overview.stage
    week, before = (stage.week if stage else None), tracker.week
    if week is None or before is None or week <= before:
        return []
    today = look.today
    if named_decision_on(sim.history, today):
        return []
    found = []
    since = week_monday(today) - timedelta(days=7)
    pain = sorted(day for day in run_pain_days(felt(sim)) if since <= day < today)
    if pain:
        found.append(f"I2: run week {before} -> {week} after pain in a run on {pain[-1]}")
    first = today - timedelta(days=SIGN_DAYS)
    signs = sorted(d for d in sign_days(sim, today) if first <= d < today)
    if signs:
        found.append(f"I2: run week {before} -> {week} within 14 days of a sign on {signs[-1]}")
    return found


def i3_phase_one(sim: Simulation, look: Look) -> list[str]:
    """I3: three run weeks in a row with pain in a run lead back to phase 1, whatever weeks
    were set: this Monday's run week is 1 at most, started again from this week."""
    today = look.today
    monday = week_monday(today)
    pain = run_pain_days(sim.history)
    weeks = [monday - timedelta(days=7 * n) for n in (1, 2, 3)]
    if not all(any(m <= d < m + timedelta(days=7) for d in pain) for m in weeks):
        return []
    access = look.overview.access
    if access.stage is None or (access.started is not None and access.started >= monday):
        return []
    if access.started is not None and weeks[-1] < week_monday(access.started):
        return []  # running started again after those weeks: the count starts from there
    return [
        f"I3: three run weeks with pain (from {weeks[-1]}) but run week {access.stage.week} "
        f"goes on (running started {access.started})"
    ]


def i4_started(sim: Simulation, look: Look, tracker: Tracker) -> list[str]:
    """I4: running never starts before every check is met, except by a clinician-named
    decision; Today never says the checks are met when they are not."""
    found = []
    overview = look.overview
    if overview.access.phase_one:
        sim.ready_seen = overview.readiness.ready
    named = any(clinician_named(d) for d in sim.history.run_decisions)
    if overview.stage is not None and not sim.ready_seen and not named:
        found.append(
            f"I4: running started ({overview.access.evidence}) with checks never all met: "
            + "; ".join(f"{c.name}: {c.evidence}" for c in overview.readiness.checks if not c.met)
        )
    if not overview.readiness.ready:
        said = [i.reason for i in overview.items if MEETS_CHECKS in i.reason]
        found += [f"I4: Today says '{text}' with a check not met" for text in said]
    return found


# --- I5 ----------------------------------------------------------------------------------


def i5_complete(sim: Simulation) -> list[str]:
    """I5: a session counts as complete only when every set met its planned dose."""
    found = []
    for record in sim.history.sessions:
        if not record.completed or record.routine == RUN_ROUTINE:
            continue
        for result in record.exercises:
            dose = planned_dose(result.exercise, record.routine)
            short = [v for values in result.done.values() for v in values if dose and v < dose]
            if short:
                found.append(
                    f"I5: {record.routine} on {record.started_at:%d %b} is complete with "
                    f"{result.exercise} sets of {short[0]} (planned at least {dose})"
                )
                break
    return found


# --- I6 ----------------------------------------------------------------------------------


def i6_shell(look: Look) -> list[str]:
    """I6: `itb today --format json` lists as due what Home offers as due."""
    home, shell = look.home_due(), look.json_due()
    expected = (home - {RUN_ROUTINE}) | ({RUN_ROUTINE} if look.run_item() == DUE else set())
    return (
        []
        if shell == expected
        else [f"I6: Home offers {sorted(home)}, `itb today` {sorted(shell)}"]
    )


def i6_run_key(look: Look) -> list[str]:
    """I6: the r screen starts a run exactly when Home offers one."""
    offered = RUN_ROUTINE in look.home_due()
    if look.can_run == offered:
        return []
    return [f"I6: Home offers a run: {offered}; the r screen starts one: {look.can_run}"]


def i6_calendar(sim: Simulation, look: Look) -> list[str]:
    """I6: the ICS plans for today what Home offers today."""
    home, ics = look.home_due(), ics_today(sim, look.today, look.now)
    return (
        [] if ics == home else [f"I6: Home offers {sorted(home)}, the calendar plans {sorted(ics)}"]
    )


# --- P1, P2, P3 (issue 22) ---------------------------------------------------------------


def fingerprint(sim: Simulation, history: MonthHistory, now: datetime) -> tuple[object, ...]:
    """Everything a rule can say about ``now``, in words."""
    overview = verdict(replace_history(sim, history), now)
    stage = overview.stage
    return (
        tuple(overview.items),
        tuple((c.name, c.met, c.evidence) for c in overview.readiness.checks),
        tuple(f.evidence for f in overview.signs),
        overview.morning.text(now.date()) if overview.morning else "",
        None if stage is None else (stage.week, stage.evidence, stage.today_text),
        overview.access.phase_one,
        overview.improvement,
    )


def replace_history(sim: Simulation, history: MonthHistory) -> Simulation:
    clone = Simulation.__new__(Simulation)
    clone.__dict__.update(sim.__dict__)
    clone.history = history
    return clone


def without(history: MonthHistory, *pains: object) -> MonthHistory:
    """``history`` with recorded pains taken out (logs, spikes, ratings)."""
    gone = {id(pain) for pain in pains}
    sessions: list[SessionRecord] = []
    for s in history.sessions:
        if id(s) in gone:
            s = replace(s, pain_after=0, pain_after_knees=type(s.pain_after_knees)(), swelling=None)
            s.highest = None  # nor what a correction kept of it
        spikes = [p for p in s.pain_spikes if id(p) not in gone]
        sessions.append(replace(s, pain_spikes=spikes) if len(spikes) != len(s.pain_spikes) else s)
    logs = [log for log in history.pain_logs if id(log) not in gone]
    return MonthHistory(sessions, logs, list(history.run_decisions))


@dataclass(frozen=True)
class Recorded:
    """One recorded pain above the band: when, the record, how much, swelling, in words."""

    at: datetime
    record: object  # the PainLog, the PainSpike or the SessionRecord (its rating)
    score: int  # a spike without a score, or swelling, counts as 1: the least that is pain
    swelling: bool
    words: str

    @property
    def day(self) -> date:
        return local_date(self.at)

    def covers(self, other: Recorded) -> bool:
        """Another pain of the same day, as high or higher (with swelling if ``other`` had
        it): whatever ``other`` would decide, this one already does."""
        return (
            self is not other
            and self.day == other.day
            and self.score >= other.score
            and (self.swelling or not other.swelling)
        )


def read_score(score: int | None, swelling: bool | None) -> int:
    """A rating or log as the rules score it: swelling is pain, 1/10 at least, though rated 0
    or not at all (weeks.pain_free_streak). So a spike without a score in the session a
    swelling answer comes with says nothing that answer does not: it is read with it."""
    return max(score or 0, 1 if swelling else 0)


def recorded_pains(history: MonthHistory, band: int) -> list[Recorded]:
    """Every pain above the band, oldest first."""
    found: list[Recorded] = []
    for s in history.sessions:
        found += [
            Recorded(p.at, p, p.score or 1, False, f"a pain spike in {s.routine} ({p.exercise})")
            for p in s.pain_spikes
        ]
        if (s.pain_after or 0) > band or s.swelling:
            words = f"pain {s.pain_after}/10 after {s.routine}"
            score = read_score(s.pain_after, s.swelling)
            found.append(Recorded(s.ended_at, s, score, bool(s.swelling), words))
    found += [
        Recorded(
            log.at,
            log,
            read_score(log.score, log.swelling),
            bool(log.swelling),
            f"pain {log.score}/10 {log.context}",
        )
        for log in history.pain_logs
        if log.score > band or log.swelling
    ]
    return sorted(found, key=lambda item: item.at)


def until(history: MonthHistory, day: date) -> MonthHistory:
    """``history`` as it stood at the end of ``day``."""
    return MonthHistory(
        [s for s in history.sessions if local_date(s.started_at) <= day],
        [p for p in history.pain_logs if local_date(p.at) <= day],
        [d for d in history.run_decisions if local_date(d.at) <= day],
    )


def changes_something(sim: Simulation, pains: list[Recorded]) -> bool:
    """Without ``pains``, something said that day, the next or on the Monday after (when the
    run week moves) would be different."""
    day = pains[0].day
    records = [pain.record for pain in pains]
    for d in (day, day + timedelta(days=1), week_monday(day) + timedelta(days=7)):
        history = until(sim.history, d)
        with_them = fingerprint(sim, history, end_of(d))
        if with_them != fingerprint(sim, without(history, *records), end_of(d)):
            return True
    return False


def p1_pain_read(sim: Simulation, today: date, most: int = 3) -> list[str]:
    """P1: every pain above the band recorded before today is read by at least one rule.

    A pain is read when, without it, something said that day, the next or on the Monday
    after would be different; or, when other pains that day are as high or higher (with
    swelling if it had swelling), when without all of them something would be: the rules
    read a day's pain at its worst, so a spike of 4 and a rating of 4 in one session say it
    once (and a spike without a score and swelling answered yes say 1/10 once). A pain that
    is neither is read by no rule."""
    band = sim.program.acceptable_morning_pain
    pains = [p for p in recorded_pains(sim.history, band) if p.day < today]
    found = []
    for pain in pains[-most:]:
        if changes_something(sim, [pain]):
            continue
        covering = [other for other in pains if other.covers(pain)]
        if covering and changes_something(sim, [pain, *covering]):
            continue
        if week_already_painful(sim, pain):
            continue
        found.append(f"P1: {pain.words} at {pain.at:%a %d %b %H:%M} is read by no rule")
    return found


def week_already_painful(sim: Simulation, pain: Recorded) -> bool:
    """``pain`` was in a run, in a run week that pain in another run or a warning sign already
    makes painful (I3's painful week): the run weeks read a week's pain once, as the rules
    read a day's at its worst. (A run logged while running is paused shows nothing of its
    own until running resumes; only the week underneath reads it.)"""
    if not (
        pain.words.startswith(f"a pain spike in {RUN_ROUTINE} ")
        or pain.words.endswith(f"after {RUN_ROUTINE}")
    ):
        return False
    monday = week_monday(pain.day)
    sunday = monday + timedelta(days=6)
    history = without(until(sim.history, sunday), pain.record)
    days = run_pain_days(history) | sign_days(replace_history(sim, history), sunday)
    return any(monday <= day <= sunday for day in days)


HIGH = 7


def high_pain_standing(history: MonthHistory, now: datetime) -> PainLog | SessionRecord | None:
    """The last pain of 7+ or with swelling, unless a lower score came after it (a log, a
    rating after a session, a pain spike's score)."""
    events: list[tuple[datetime, bool, object]] = []
    for log in history.pain_logs:
        if log.at <= now:
            events.append((log.at, log.score >= HIGH or bool(log.swelling), log))
    for s in history.sessions:
        if s.ended_at <= now and s.pain_after is not None:
            events.append((s.ended_at, s.pain_after >= HIGH or bool(s.swelling), s))
        scored = [p for p in s.pain_spikes if p.score is not None and p.at <= now]
        events += [(p.at, (p.score or 0) >= HIGH, s) for p in scored]
    events.sort(key=lambda e: e[0])
    standing = None
    for _, high, record in events:
        standing = record if high else None
    return standing  # type: ignore[return-value]


def p2_high_pain_holds(sim: Simulation, look: Look) -> list[str]:
    """P2: after a 7+ or swelling, nothing weight-bearing is due until a lower score: no run,
    no weight-bearing exercise (``weight_bearing`` in the content) in a routine offered
    unless it is held."""
    standing = high_pain_standing(felt(sim), look.now)
    if standing is None:
        return []
    due = weight_bearing_offered(sim.library, look.verdict)
    return [f"P2: {due} offered after {standing!r:.120}"] if due else []


def rated_knees(history: MonthHistory) -> list[tuple[datetime, PainLog | SessionRecord, Knees]]:
    """(when, the record, the knees given) for every pain log and session rating, oldest
    first."""
    found: list[tuple[datetime, PainLog | SessionRecord, Knees]] = [
        (log.at, log, log.knees) for log in history.pain_logs
    ]
    found += [
        (s.ended_at, s, s.pain_after_knees) for s in history.sessions if s.pain_after is not None
    ]
    return sorted(found, key=lambda item: item[0])


def filled_in(
    history: MonthHistory, record: PainLog | SessionRecord, knee: str, score: int
) -> MonthHistory:
    """``history`` with ``knee`` of ``record`` given as ``score``."""
    if isinstance(record, PainLog):
        knees = replace(record.knees, **{knee: score})
        filled = replace(record, score=max(record.score, score), knees=knees)
        logs = [filled if p is record else p for p in history.pain_logs]
        return MonthHistory(list(history.sessions), logs, list(history.run_decisions))
    knees = replace(record.pain_after_knees, **{knee: score})
    rated = replace(record, pain_after=max(record.pain_after or 0, score), pain_after_knees=knees)
    sessions = [rated if s is record else s for s in history.sessions]
    return MonthHistory(sessions, list(history.pain_logs), list(history.run_decisions))


def p3_missing_knee(sim: Simulation, look: Look) -> list[str]:
    """P3: a knee left out of a log or a session's rating is never read as 0 (its last score
    carries forward). Knees as the rules read them: a knee corrected lower in History at its
    highest."""
    history = as_ruled(sim.history)
    last: dict[str, int] = {}
    found = []
    carried = []
    for _, record, knees in rated_knees(history):
        given = dict(knees.items())
        if knees and len(given) == 1:
            missing = "right" if "left" in given else "left"
            if last.get(missing, 0) > next(iter(given.values())):
                carried.append((record, missing, last[missing]))
        last.update(given)
    for record, missing, score in carried[-2:]:
        other = filled_in(history, record, missing, score)
        if fingerprint(sim, history, look.now) == fingerprint(sim, other, look.now):
            continue
        what = (
            f"the {record.context} log at {record.at:%a %d %b %H:%M}"
            if isinstance(record, PainLog)
            else f"the rating after {record.routine} at {record.ended_at:%a %d %b %H:%M}"
        )
        found.append(
            f"P3: the {missing} knee left out of {what} is read as 0 (its last score was {score})"
        )
    return found


def p4_pain_kept(sim: Simulation) -> list[str]:
    """P4: no action removes a recorded pain: every spike and rating the user noted, in a
    session kept or discarded, and every pain or swelling in an entry corrected in History,
    is in the history the rules read at its time."""
    history = as_ruled(sim.history)
    times = {spike.at for s in history.sessions for spike in s.pain_spikes}
    times |= {s.ended_at for s in history.sessions if s.pain_after}
    times |= {log.at for log in history.pain_logs if log.score > 0}
    swollen = {s.ended_at for s in history.sessions if s.swelling}
    swollen |= {log.at for log in history.pain_logs if log.swelling}
    found = [
        f"P4: {words} at {when:%a %d %b %H:%M} is gone from the history"
        for when, words in sim.felt
        if when not in times
    ]
    return found + [
        f"P4: {words} at {when:%a %d %b %H:%M} is gone from the history"
        for when, words in sim.swollen
        if when not in swollen
    ]


def found_signs(sim: Simulation, history: MonthHistory, today: date) -> set[tuple[str, date]]:
    """(sign, day) for every warning sign the product finds in ``history`` up to ``today``."""
    sessions, logs = history.sessions, history.pain_logs
    found = step_back_signs(sim.program, sessions, logs, today)
    found += strength_pain_signs(sim.program, sessions, sim.library, today, logs)
    return {(f.sign.id, f.on) for f in found}


def kept_instead(history: MonthHistory, discarded: list[SessionRecord]) -> MonthHistory:
    """``history`` with the ``discarded`` sessions kept, and the pain logs kept from them gone."""
    ids = {s.id for s in discarded}
    logs = [log for log in history.pain_logs if not (log.kept and log.session in ids)]
    return MonthHistory([*history.sessions, *discarded], logs, list(history.run_decisions))


def p5_discard_same_pain(sim: Simulation, today: date) -> list[str]:
    """P5: every warning sign the sessions discarded with pain noted in them would have given
    had they been kept, they give discarded, on the same day (issue 22, item 2)."""
    painful = [s for s in sim.discarded if s.pain_spikes or s.pain_after is not None]
    if not painful:
        return []
    kept = found_signs(sim, kept_instead(felt(sim, restore=False), painful), today)
    missing = kept - found_signs(sim, as_ruled(sim.history), today)
    return [
        f"P5: {sign} on {day:%a %d %b} only if the session is kept" for sign, day in sorted(missing)
    ]


# --- R1, R2, R3: the readiness tests -----------------------------------------------------


def test_done(test: ReadinessTest, attempt: SessionRecord) -> bool:
    """Every side (a timed test: the whole) at the low end of the target at least."""
    done = [v for result in attempt.exercises for vs in result.done.values() for v in vs]
    if test.timed:
        return sum(done) >= test.target[0] * 60
    sides = {
        side: sum(v for r in attempt.exercises for v in r.done.get(side, [])) for side in SIDES
    }
    return all(count >= test.target[0] for count in sides.values())


def why_not_passed(sim: Simulation, test: ReadinessTest, moment: datetime) -> str:
    """'' when ``test`` stands passed at ``moment``: its latest attempt kept before it is
    complete, done to the target, without a pain spike, rated within the band, and no older
    than the test's valid days. Else why not, in words. (The side ratio is left to the
    product: this judge is looser, never stricter.)"""
    band = sim.program.acceptable_morning_pain
    attempts = [
        s for s in sim.history.sessions if s.readiness_test == test.id and s.started_at < moment
    ]
    if not attempts:
        return "never kept"
    last = max(attempts, key=lambda s: s.started_at)
    age = (local_date(moment) - local_date(last.started_at)).days
    problems = [
        "not complete" if not last.completed else "",
        "short of the target" if not test_done(test, last) else "",
        "a pain spike" if last.pain_spikes else "",
        "no rating" if last.pain_after is None else "",
        f"rated {last.pain_after}" if (last.pain_after or 0) > band else "",
        f"{age} days old" if age > test.valid_days else "",
    ]
    found = ", ".join(p for p in problems if p)
    return f"last tried {last.started_at:%a %d %b %H:%M}: {found}" if found else ""


def stint_start(sim: Simulation, look: Look) -> datetime:
    """When the first run of the running that stands today was (or, none yet, now)."""
    started = look.overview.access.started
    runs = [
        s.started_at
        for s in sim.history.sessions
        if s.routine == RUN_ROUTINE and started is not None and local_date(s.started_at) >= started
    ]
    return min(runs, default=look.now)


def r1_first_run(sim: Simulation, look: Look, starting: bool = False) -> list[str]:
    """R1: no surface offers a first run (nor does `r` start one) from the program's
    tests_from while an enabled readiness test has no valid pass, unless a clinician named in
    the run-week dialog cleared the user. Home and the r screen are asked; `itb today` and
    the calendar offer what Home offers (I6)."""
    if look.today < sim.program.readiness.tests_from:
        return []
    if not (starting or look.can_run or RUN_ROUTINE in look.home_due()):
        return []
    first = stint_start(sim, look)
    if local_date(first) < sim.program.readiness.tests_from:
        return []
    if any(clinician_named(d) and d.at <= first for d in sim.history.run_decisions):
        return []
    found = []
    for test in sim.program.enabled_tests:
        why = why_not_passed(sim, test, first)
        if why:
            found.append(f"{test.name} ({why})")
    if not found:
        return []
    return [f"R1: a first run ({first:%a %d %b %H:%M}) offered with no pass of " + "; ".join(found)]


def offered_test(sim: Simulation, look: Look) -> str:
    """The readiness test any surface offers: `t`, the checklist, `itb readiness`."""
    routine = readiness_session(look.verdict, sim.program, sim.library)
    nexts = [t["id"] for t in tests_json(look.verdict) if t["next"]]
    offered = [look.overview.readiness.next_test, routine.readiness_test if routine else ""]
    return next((str(t) for t in [*offered, *nexts] if t), "")


def r2_no_test_held(sim: Simulation, look: Look) -> list[str]:
    """R2: no readiness test is offered while weight-bearing work is held: a red flag
    standing or pain of 7+ or swelling not yet followed by a lower score (001)."""
    flags = sim.flags.standing()
    high = None if flags else high_pain_standing(sim.history, look.now)
    test = offered_test(sim, look) if flags or high is not None else ""
    if not test:
        return []
    if flags:
        return [f"R2: the {test} test is offered while red flag {sorted(flags)[0]} stands"]
    if high is not None:
        return [f"R2: the {test} test is offered after high pain: {high!r:.100}"]
    return []


def r3_pass_is_kept_and_complete(sim: Simulation, look: Look) -> list[str]:
    """R3: a test the checklist shows as passed has a kept attempt that passes: never a
    discarded one, one stopped early or pressed through, one short, with pain or unrated."""
    tests = {test.id: test for test in sim.program.enabled_tests}
    found = []
    for check in look.overview.readiness.checks:
        if check.met and check.test in tests:
            why = why_not_passed(sim, tests[check.test], look.now)
            if why:
                found.append(f"R3: {check.name} shows passed ({check.evidence}); {why}")
    return found


def r4_discarded_test_pain(sim: Simulation, look: Look) -> list[str]:
    """R4: a readiness test discarded with pain noted in it (a spike, a rating above the
    band) waits its retry days before it is offered again, as it would kept (a failure):
    discarding never lessens pain (P5)."""
    test = offered_test(sim, look)
    if not test:
        return []
    band = sim.program.acceptable_morning_pain
    wait = sim.program.readiness.retry_days
    painful = [
        s.started_at
        for s in sim.discarded
        if s.readiness_test == test
        and (s.pain_spikes or (s.pain_after or 0) > band)
        and (look.today - local_date(s.started_at)).days < wait
    ]
    if not painful:
        return []
    return [
        f"R4: the {test} test is offered again after pain in it at {max(painful):%a %d %b %H:%M}"
    ]
