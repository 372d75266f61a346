"""Synthetic users for the rules fuzzer: a program start, a knee setting and day-by-day actions.

A user is a list of days from the first simulated day; each day holds a few actions at their
hours. ``Simulation`` turns them into the real records (tests/factories.py builders, the
types of core/history/records.py) in memory, and goes through the same gates the app has: a
run is recorded only when the return-to-running screen lets it start (``surfaces.can_start_run``),
a run week or a pause only when the dialog's refusal allows it, a session's ``completed`` is
the session engine's own decision (core/session/completion.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from hypothesis import strategies as st

from itb_tui.core.content.library import Routine
from itb_tui.core.history.records import (
    BOTH,
    SIDES,
    ExerciseResult,
    Knees,
    MonthHistory,
    PainLog,
    PainSpike,
    RunDecision,
    SessionRecord,
    scored,
)
from itb_tui.core.plan.due import DUE
from itb_tui.core.plan.red_flags import RedFlagState
from itb_tui.core.session.completion import is_complete
from itb_tui.core.store.settings import Settings
from tests.factories import TZ, run, session, shipped_library, shipped_program

from .corrections import corrections

FIRST_DAY = date(2026, 11, 2)  # a Monday: run weeks are ISO weeks
CLINICIAN = "Dr Ana Silva, physio"
ROUTINES = ("hip-strength", "foam-rolling", "daily-stretch", "pre-run", "side-leg-lifts", "ice")
# How a guided session ends: every set at its dose, stopped part way, Enter pressed through
# every set (a 1-rep set, a 0 s hold), a set short of its reps, or discarded (nothing kept).
ENDINGS = ("complete", "stopped", "pressed", "short", "discard")
RUN_ENDINGS = ("complete", "stopped", "discard")
CONTEXTS = ("daily", "rest", "during-run", "after-run", "exercise", "morning")
RED_FLAGS = ("no-weight-bearing", "swelling-instability", "nerve-symptoms", "clicking-locking")
# How the sets of a readiness test go: every side at the top of the target, a side short of
# it, the weaker side under the ratio (a range target: 16 of 20), stopped after the first side,
# or Enter pressed straight through with the counter left at the target (sets too quick).
TEST_SETS = ("pass", "short", "weak", "stopped", "pressed")


# --- actions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pain:
    """A pain score with its knees (both None unless the settings say both knees)."""

    score: int
    left: int | None = None
    right: int | None = None

    @property
    def knees(self) -> Knees:
        return Knees(self.left, self.right)

    @property
    def single(self) -> int:
        return scored(self.score, self.knees)


NO_PAIN = Pain(0)


@dataclass(frozen=True)
class CheckIn:
    hour: int
    pain: Pain
    compared: str
    swelling: bool


@dataclass(frozen=True)
class SkipCheckIn:
    hour: int


@dataclass(frozen=True)
class Session:
    hour: int
    routine: str
    ending: str
    pain_after: Pain | None
    spike: Pain | None  # a pain spike part way through, with its score if one was given
    swelling: bool | None


@dataclass(frozen=True)
class Run:
    hour: int
    minute: int
    minutes: int | None  # None: the minutes the plan gives today
    ending: str
    spikes: int  # pain spikes, 2 min apart
    pain_after: Pain | None
    swelling: bool | None


@dataclass(frozen=True)
class LogPain:
    hour: int
    minute: int
    pain: Pain
    context: str
    swelling: bool | None


@dataclass(frozen=True)
class SetWeek:
    hour: int
    week: int
    cleared: bool
    clinician: str  # the note: who cleared it, or ""


@dataclass(frozen=True)
class Pause:
    hour: int
    resume: bool  # False: pause; True: resume


@dataclass(frozen=True)
class Flag:
    hour: int
    flag: str
    ticked: bool


@dataclass(frozen=True)
class Attempt:
    """`t`: the readiness test the verdict offers (none: nothing happens), its sets as
    ``sets`` (TEST_SETS), a pain spike in it or not, rated ``pain_after`` (None: Escape),
    kept or discarded."""

    hour: int
    sets: str
    spike: bool
    pain_after: int | None
    discard: bool


PASSING = Attempt(0, "pass", False, 0, False)


@dataclass(frozen=True)
class Follow:
    """Do what Today offers as due at this hour, in full, after each readiness test offered
    done as ``test`` says (None: no test); the run rated ``run_pain`` after. ``outdoors``:
    the run offered is run outdoors instead, then logged ("log") or its watch's file imported
    ("import"), with the same rating."""

    hour: int
    run_pain: int = 0
    test: Attempt | None = PASSING
    outdoors: str = ""


@dataclass(frozen=True)
class LogRun:
    """A run done outdoors, logged afterwards with the log-run form (`o`; `itb log-run` reads
    its options the same way): logged at ``hour``:``minute``, the run having ended ``ago``
    minutes before (0: just now, the form's start left empty; else its start typed as
    YYYY-MM-DDTHH:MM, across midnight too), ``minutes`` long (None: the minutes the plan gives
    at the time; ``more``: that many more). Pain began ``pain_began`` minutes in, scored
    ``pain_then`` (None: not scored), pain after the run ``pain_after``, the knee swollen
    after it or not (None: not answered); stopped early or not."""

    hour: int
    minute: int
    ago: int
    minutes: int | None
    more: int
    pain_began: int | None
    pain_then: Pain | None
    pain_after: Pain | None
    stopped: bool
    swelling: bool | None = None


# Where an imported file's run starts: ended ``ago`` minutes before the import, a few minutes
# into the last run kept (the same outing the guided run recorded), after the import (a
# watch's clock ahead), or the file imported last time imported again.
IMPORT_STARTS = ("ago", "ago", "ago", "overlap", "future", "again")
FILE_KINDS = ("gpx", "tcx", "fit")


@dataclass(frozen=True)
class ImportRun:
    """`itb import-run FILE` (or the form's file field) at ``hour``:``minute``: a watch's
    ``kind`` file of a run of ``minutes`` moving minutes and ``stops`` minutes stopped, whose
    start is as ``start`` says (IMPORT_STARTS), its times in UTC as watches write them; with
    the pain options (None: not given)."""

    hour: int
    minute: int
    kind: str
    start: str
    ago: int
    minutes: int
    stops: int
    pain_began: int | None
    pain_after: Pain | None
    swelling: bool | None = None


Outdoors = LogRun | ImportRun
Action = (
    CheckIn | SkipCheckIn | Session | Run | LogPain | SetWeek | Pause | Flag | Follow | Attempt
) | Outdoors


@dataclass(frozen=True)
class User:
    """A synthetic user: the program started ``start_back`` days before the first day."""

    start_back: int
    knee: str  # "", "left" or "both"
    running: bool  # the first-launch answer "still running?"
    days: tuple[tuple[Action, ...], ...]
    # The readiness tests gate a first run from this many days after FIRST_DAY (as for
    # someone who began after the tests came in); None: from the program's own tests_from.
    tests_from: int | None = None

    def describe(self) -> str:
        lines = [f"program start {self.start_back} days before {FIRST_DAY}, knee {self.knee!r}"]
        if self.tests_from is not None:
            lines.append(f"  readiness tests gate a first run from day {self.tests_from}")
        for number, actions in enumerate(self.days):
            day = FIRST_DAY + timedelta(days=number)
            lines.append(f"  day {number} {day:%a %d %b}: " + "; ".join(map(repr, actions)))
        return "\n".join(lines)


# --- strategies --------------------------------------------------------------------------

HOURS = st.sampled_from([8, 7, 12, 18, 20, 23, 0, 6, 10, 16, 21, 22])
LOW_SCORES = st.sampled_from([0, 0, 0, 0, 0, 0, 0, 1, 2])
SCORES = st.integers(0, 10)


@st.composite
def pains(draw: st.DrawFn, knee: str, scores: st.SearchStrategy[int] = SCORES) -> Pain:
    """A single score, or with both knees painful a score per knee (either may be missing)."""
    if knee != BOTH or draw(st.booleans()):
        return Pain(draw(scores))
    left = draw(st.none() | scores)
    right = draw(st.none() | scores) if left is not None else draw(scores)
    return Pain(scored(0, Knees(left, right)), left, right)


@st.composite
def tests(draw: st.DrawFn, hour: int) -> Attempt:
    return Attempt(
        hour,
        draw(st.sampled_from(TEST_SETS)),
        draw(st.booleans()),
        draw(st.none() | LOW_SCORES),
        draw(st.booleans()),
    )


@st.composite
def actions(draw: st.DrawFn, knee: str) -> Action:
    if draw(st.integers(0, 5)) == 0:  # one in six: a correction in History (corrections.py)
        return draw(corrections(draw(HOURS)))  # type: ignore[no-any-return]
    kind = draw(
        st.sampled_from(
            [
                *("follow", "check-in", "session", "run", "pain", "skip", "week", "pause"),
                *("flag", "test", "outdoors"),
            ]
        )
    )
    hour = draw(HOURS)
    if kind == "outdoors":
        return draw(outdoor_runs(knee, hour))
    if kind == "follow":
        return Follow(hour)
    if kind == "check-in":
        compared = draw(st.sampled_from(["same", "better", "worse"]))
        return CheckIn(hour, draw(pains(knee)), compared, draw(st.booleans()))
    if kind == "session":
        return Session(
            hour,
            draw(st.sampled_from(ROUTINES)),
            draw(st.sampled_from(ENDINGS)),
            draw(st.none() | pains(knee)),
            draw(st.none() | pains(knee)),
            draw(st.none() | st.booleans()),
        )
    if kind == "run":
        return Run(
            hour,
            draw(st.sampled_from([0, 30])),
            draw(st.none() | st.integers(1, 50)),
            draw(st.sampled_from(RUN_ENDINGS)),
            draw(st.integers(0, 3)),
            draw(st.none() | pains(knee)),
            draw(st.none() | st.booleans()),
        )
    if kind == "pain":
        context = draw(st.sampled_from(CONTEXTS))
        return LogPain(
            hour,
            draw(st.integers(0, 59)),
            draw(pains(knee)),
            context,
            draw(st.none() | st.booleans()),
        )
    if kind == "skip":
        return SkipCheckIn(hour)
    if kind == "test":
        return draw(tests(hour))
    if kind == "week":
        clinician = draw(st.sampled_from(["", CLINICIAN]))
        return SetWeek(hour, draw(st.integers(1, 5)), draw(st.booleans()), clinician)
    if kind == "pause":
        return Pause(hour, draw(st.booleans()))
    return Flag(hour, draw(st.sampled_from(RED_FLAGS)), draw(st.booleans()))


@st.composite
def outdoor_runs(draw: st.DrawFn, knee: str, hour: int) -> Outdoors:
    """A run logged or imported at ``hour``: often late (after midnight for the evening
    before, the next morning), at the planned minutes or more, with pain or not."""
    minute = draw(st.sampled_from([0, 1, 10, 59]))
    ago = draw(st.sampled_from([0, 5, 30, 90, 60 * 10, 60 * 26]))
    began = draw(st.none() | st.sampled_from([0, 3, 12]))
    after = draw(st.none() | pains(knee, LOW_SCORES) | pains(knee))
    swelling = draw(st.sampled_from([None, None, False, True]))
    if draw(st.booleans()):
        return LogRun(
            hour,
            minute,
            ago,
            draw(st.none() | st.integers(1, 60)),
            draw(st.sampled_from([0, 0, 5, 30])),
            began,
            None if began is None else draw(st.none() | pains(knee)),
            after,
            draw(st.booleans()),
            swelling,
        )
    return ImportRun(
        hour,
        minute,
        draw(st.sampled_from(FILE_KINDS)),
        draw(st.sampled_from(IMPORT_STARTS)),
        ago,
        draw(st.sampled_from([15, 20, 25, 40])),
        draw(st.sampled_from([0, 0, 3])),
        began,
        after,
        swelling,
    )


@st.composite
def days(draw: st.DrawFn, knee: str, steady: bool) -> tuple[Action, ...]:
    """A good day (a settled check-in, what is due, a pain-free evening), an odd one or none;
    a steady user has mostly good days."""
    mixed = ["good", "good", "odd", "good", "good", "nothing", "good", "odd"]
    kind = draw(st.sampled_from(["good"] * 11 + ["odd"] if steady else mixed))
    if kind == "nothing":
        return ()
    if kind == "good":
        morning = CheckIn(7, draw(pains(knee, LOW_SCORES)), "same", False)
        evening = LogPain(21, 0, NO_PAIN, "daily", None)
        hour = draw(st.sampled_from([8, 18, 12]))
        way = draw(st.sampled_from(["pass", "pass", "pass", "pass", "none", "any"]))
        test = draw(tests(hour)) if way == "any" else None if way == "none" else PASSING
        outdoors = draw(st.sampled_from(["", "", "", "", "", "", "", "log", "", "import"]))
        follow = Follow(hour, draw(st.sampled_from([0, 0, 0, 2, 4])), test, outdoors)
        return (morning, follow, evening)
    found = draw(st.lists(actions(knee), min_size=1, max_size=4))
    return tuple(sorted(found, key=lambda action: action.hour))


@st.composite
def users(
    draw: st.DrawFn, min_days: int = 28, max_days: int = 49, runner: bool | None = None
) -> User:
    """Any user; a ``runner`` is steady and has done the weeks of rehab running needs (None:
    either)."""
    knee = draw(st.sampled_from(["", "both", "left"]))
    runner = draw(st.booleans()) if runner is None else runner
    steady = runner or draw(st.booleans())
    return User(
        start_back=draw(st.sampled_from([21, 28, 35] if runner else [21, 28, 0, 14, 35, 7])),
        knee=knee,
        running=draw(st.booleans()),
        days=tuple(draw(st.lists(days(knee, steady), min_size=min_days, max_size=max_days))),
        tests_from=draw(st.sampled_from([None, None, 0, 14])),
    )


# --- records -----------------------------------------------------------------------------


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


def exercise_results(routine_id: str, ending: str) -> list[ExerciseResult]:
    """What a guided session of ``routine_id`` records when it ends as ``ending``."""
    routine = shipped_library().routines[routine_id]
    results = []
    reached = len(routine.items) // 2 if ending == "stopped" else len(routine.items)
    for number, exercise in enumerate(routine.items):
        sides = SIDES if exercise.per_side else (BOTH,)
        unit = "seconds" if exercise.timed else "reps"
        result = ExerciseResult(exercise.id, exercise.name, unit, sides, exercise.sets)
        if number < reached:
            dose = exercise.duration_s if exercise.timed else (exercise.reps or (1, 1))[0]
            value = {
                "complete": dose or 1,
                "stopped": dose or 1,
                "pressed": 0 if exercise.timed else 1,
            }
            done = value.get(ending, max(0, (dose or 1) - 3))  # "short": below the dose
            for side in sides:
                result.done[side] = [done] * exercise.sets
        results.append(result)
    return results


def planned_dose(exercise_id: str, routine_id: str) -> int | None:
    """The least a set of ``exercise_id`` must hold to be a planned set: the low end of its
    rep range, or half its hold time (None when the routine does not know it)."""
    routine = shipped_library().routines.get(routine_id)
    for exercise in routine.items if routine else ():
        if exercise.id == exercise_id:
            if exercise.timed:
                return (exercise.duration_s or 0) // 2
            return (exercise.reps or (1, 1))[0]
    return None


def discard_keeps(record: SessionRecord) -> list[PainLog]:
    """The pain logs the app keeps when ``record`` is discarded: none before discarding kept
    pain (issue 22), then core/plan/kept_pain.py's."""
    try:
        from itb_tui.core.plan.kept_pain import kept_pain_logs  # type: ignore[import-not-found]
    except ImportError:
        return []
    return list(kept_pain_logs(record))


# --- the simulation ----------------------------------------------------------------------


@dataclass
class Simulation:
    """One user's records so far, built action by action."""

    user: User
    settings: Settings = field(default_factory=Settings)
    history: MonthHistory = field(default_factory=MonthHistory)
    flags: RedFlagState = field(default_factory=RedFlagState)
    story: list[str] = field(default_factory=list)  # what happened, for a failure message
    ready_seen: bool = False  # every readiness check seen met since the last phase 1
    # History's corrections (corrections.py): each entry changed, at its worst before; the
    # entries deleted, as felt; swelling noted in an entry changed (P4).
    worst: dict[str, PainLog | SessionRecord] = field(default_factory=dict)
    deleted: list[PainLog | SessionRecord] = field(default_factory=list)
    swollen: list[tuple[datetime, str]] = field(default_factory=list)
    felt: list[tuple[datetime, str]] = field(default_factory=list)  # pain noted, kept or not
    discarded: list[SessionRecord] = field(default_factory=list)  # sessions discarded (P5)
    files: list[bytes] = field(default_factory=list)  # the watch files imported, in order

    def __post_init__(self) -> None:
        self.program = shipped_program()
        if self.user.tests_from is not None:
            since = FIRST_DAY + timedelta(days=self.user.tests_from)
            rules = replace(self.program.readiness, tests_from=since)
            self.program = replace(self.program, readiness=rules)
        self.library = shipped_library()
        self.settings = replace(
            self.settings,
            program_start=FIRST_DAY - timedelta(days=self.user.start_back),
            painful_knee=self.user.knee,
            running=self.user.running,
            onboarded=True,
        )

    def note(self, when: datetime, text: str) -> None:
        self.story.append(f"{when:%a %d %b %H:%M} {text}")

    def add_log(self, log: PainLog) -> None:
        self.history.pain_logs.append(log)
        self.history.sort()

    def add_session(self, record: SessionRecord) -> None:
        self.noted(record)
        self.history.sessions.append(record)
        self.history.sort()

    def slot(self, start: datetime) -> datetime:
        """``start``, or just after a session it would overlap (one session at a time)."""
        for record in self.history.sessions:
            if record.started_at <= start <= record.ended_at:
                start = record.ended_at + timedelta(minutes=1)
        return start

    def session(self, day: date, action: Session) -> None:
        start = self.slot(at(day, action.hour, 5))
        results = exercise_results(action.routine, action.ending)
        routine = self.library.routines[action.routine]
        spikes = []
        if action.spike is not None:
            spiked = next((r for r in results if not r.skipped), results[0])
            score = action.spike.single if action.spike.score or action.spike.knees else None
            spikes.append(
                PainSpike(
                    start + timedelta(minutes=3),
                    spiked.exercise,
                    spiked.sides[0],
                    score,
                    action.spike.knees,
                )
            )
        record = session(
            action.routine,
            start=start,
            minutes=20,
            completed=is_complete(routine, results),
            exercises=results,
            pain_after=None if action.pain_after is None else action.pain_after.single,
            pain_spikes=spikes,
        )
        record.swelling = action.swelling
        record.pain_after_knees = action.pain_after.knees if action.pain_after else Knees()
        if action.ending == "discard":
            self.discard(record)
            return
        self.note(start, f"{action.routine} {action.ending}, completed={record.completed}")
        self.add_session(record)

    def run(self, day: date, action: Run, planned: int, override: str = "") -> None:
        start = self.slot(at(day, action.hour, action.minute))
        minutes = action.minutes or planned or 15
        ran = minutes if action.ending == "complete" else max(1, minutes // 3)
        spikes = [
            PainSpike(start + timedelta(minutes=1 + 2 * n), "easy-run", BOTH)
            for n in range(action.spikes)
        ]
        record = run(
            start=start,
            minutes=ran,
            completed=action.ending == "complete",
            pain_after=None if action.pain_after is None else action.pain_after.single,
            pain_spikes=spikes,
        )
        record.swelling = action.swelling
        record.pain_after_knees = action.pain_after.knees if action.pain_after else Knees()
        record.override = override
        if action.ending == "discard":
            self.discard(record)
            return
        self.note(
            start,
            f"run {ran} min {action.ending}, {action.spikes} spikes, after {action.pain_after}",
        )
        self.add_session(record)

    def test(self, start: datetime, action: Attempt, routine: Routine) -> None:
        """``routine``, a readiness test's guided session, done from ``start`` as ``action``
        says."""
        test = next(t for t in self.program.enabled_tests if t.id == routine.readiness_test)
        item = routine.items[0]
        low, high = test.target
        sets = action.sets
        if test.timed:
            seconds = {"short": low * 60 - 120, "stopped": low * 30, "pressed": 1}
            done = {BOTH: [seconds.get(sets, high * 60)]}
        else:
            other = {"short": max(0, low - 3), "weak": max(low, high * 4 // 5)}.get(sets, high)
            done = {"left": [high]} if sets == "stopped" else {"left": [high], "right": [other]}
        unit = "seconds" if test.timed else "reps"
        sides = (BOTH,) if test.timed else SIDES
        results = [ExerciseResult(item.id, item.name, unit, sides, 1, done)]
        spike = PainSpike(start + timedelta(minutes=2), item.id, sides[0])
        spikes = [spike] if action.spike else []
        record = session(
            routine.id,
            start=start,
            minutes=35 if test.timed else 10,
            completed=is_complete(routine, results, {0: 1} if sets == "pressed" else None),
            exercises=results,
            pain_after=action.pain_after,
            pain_spikes=spikes,
            name=routine.name,
        )
        record.readiness_test = test.id
        if action.discard:
            self.discard(record)
            return
        self.note(start, f"test {test.id} {action}, completed={record.completed}")
        self.add_session(record)

    def noted(self, record: SessionRecord) -> None:
        """Remember the pain the user noted in ``record``, kept or not (P4)."""
        self.felt += [
            (spike.at, f"a pain spike in {record.routine}") for spike in record.pain_spikes
        ]
        if record.pain_after:
            self.felt.append((record.ended_at, f"{record.pain_after}/10 after {record.routine}"))

    def discard(self, record: SessionRecord) -> None:
        """``q d``: the session is not kept; what the app keeps of its pain is added. The
        swelling question comes with the pain rating (core/session/record.py's Rating), so a
        session discarded without a rating has no swelling answer."""
        if record.pain_after is None:
            record.swelling = None
        self.noted(record)
        self.discarded.append(record)
        kept = discard_keeps(record)
        self.note(record.started_at, f"{record.routine} discarded, {len(kept)} pain logs kept")
        for log in kept:
            self.add_log(log)

    def log(self, day: date, action: LogPain | CheckIn) -> None:
        if isinstance(action, CheckIn):
            when = at(day, action.hour, 1)
            log = PainLog(
                when,
                action.pain.single,
                "morning",
                "",
                action.swelling,
                action.compared,
                action.pain.knees,
            )
        else:
            when = at(day, action.hour, action.minute)
            log = PainLog(
                when, action.pain.single, action.context, "", action.swelling, "", action.pain.knees
            )
        self.note(
            when,
            f"pain log {log.score}/10 {log.knees.text()} {log.context} swelling={log.swelling}",
        )
        self.add_log(log)

    def decide(self, decision: RunDecision) -> None:
        self.history.run_decisions.append(decision)
        self.history.sort()
        self.note(
            decision.at,
            f"run decision {decision.describe()} by {decision.clinician!r} note={decision.note!r}",
        )

    def flag(self, day: date, action: Flag) -> None:
        when = at(day, action.hour, 2)
        ticked = set(self.flags.standing())
        ticked = ticked | {action.flag} if action.ticked else ticked - {action.flag}
        if self.flags.set(ticked, when):
            self.note(when, f"red flag {action.flag} {'ticked' if action.ticked else 'unticked'}")

    def skip(self, day: date, action: SkipCheckIn) -> None:
        self.settings = replace(self.settings, checkin_skipped=day)
        self.note(at(day, action.hour), "check-in skipped")


def due_routines(items: list, kinds: tuple[str, ...] = ("routine",)) -> list[str]:
    return [item.routine_id for item in items if item.status == DUE and item.kind in kinds]
