"""History records (sessions, exercise results, pain logs) and their TOML form."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from itb_tui.core.content.validate import TableReader
from itb_tui.core.history.ids import UID_LIMIT, settle_ids
from itb_tui.core.history.run_facts import SOURCES, RunFacts
from itb_tui.core.pain import COMPARED as COMPARED  # the words a log keeps, and their order
from itb_tui.core.pain import PAIN_CONTEXTS as PAIN_CONTEXTS

NAME_LIMIT = 80  # characters in the name of the clinician who cleared a run week
OVERRIDE_LIMIT = 500  # characters in a run's override: the question asked, and who cleared it

HISTORY_SCHEMA = 6  # the newest month this version reads and writes
# Schema 2 added per-knee pain scores and run-week decisions. A month is written as 2 only when
# it holds one of them: an older itb-tui then shows it (score is the worse knee; decisions
# left out) but will not add to it, so it cannot drop them; any other month stays 1 and older
# versions go on adding to it. Schema 3 added runs done outdoors (``source`` and ``outdoor``
# on a run), a run's ``override``, a decision's ``clinician``, short sessions
# (``short_minutes``: a version that does not know them would count one as a full session) and
# function scores (``function_scores``) and the order decisions were made in (``seq``): a month
# holding one is written as 3, for the same reason. Schema 4 added each record's own id
# (``uid``, see ids.py) and readiness tests (``readiness_test`` on a session): a version before
# it reads an unknown key as a damaged month, and would count a test as the exercise's routine,
# so a month with either is written as 4, which such a version shows but never adds to (it would
# add a record without an id, and write the month as 3 again).
# A pain log kept from a discarded session names it (``session``, ``routine``, ``kept``):
# schema 4 too. Schema 5 added a walk test's answer to "Did you limp?" (``limped``): a month
# holding one is written as 5, so a version that would read it as damaged never adds to it.
# Schema 6 added what an entry held before a correction lowered it (``highest``, see
# corrections.py): a version before it would read the month as damaged, or drop what the rules
# read, so a month holding one is written as 6.
FIRST_SCHEMA = 1
KNEES_SCHEMA = 2
OUTDOOR_SCHEMA = SHORT_SCHEMA = 3
IDS_SCHEMA = TESTS_SCHEMA = 4
LIMP_SCHEMA = 5
HIGHEST_SCHEMA = 6
FIRST_YEAR, LAST_YEAR = 1970, 2200  # the years a record may be dated in
MAX_RUN_WEEK = 52  # a run week set by hand: far beyond any run table, never absurd
SIDES = ("left", "right")
BOTH = "both"
CONTEXT_LABELS = {
    "rest": "at rest",
    "daily": "daily activity (stairs, walking)",
    "during-run": "during a run",
    "after-run": "after a run",
    "exercise": "during exercise",
    "morning": "morning check-in",
}
# What a pain log kept from a discarded session keeps of it: a pain spike given a score, one
# noted without a score (or scored 0; kept as 1/10), or the rating given when it was stopped.
KEPT_SPIKE, KEPT_UNSCORED, KEPT_RATING = "spike", "unscored-spike", "rating"
KEPT = (KEPT_SPIKE, KEPT_UNSCORED, KEPT_RATING)
# The morning check-in's answer to "compared with yesterday".
UNITS = ("reps", "steps", "seconds")


@dataclass(frozen=True)
class Knees:
    """A pain score 0-10 for each knee, None for a knee not scored: an optional detail beside
    a record's single ``score``, which is then the worse knee's (see ``scored``)."""

    left: int | None = None
    right: int | None = None

    def __post_init__(self) -> None:
        for value in (self.left, self.right):
            if value is not None and not 0 <= value <= 10:
                raise ValueError(f"pain {value} is outside the scale 0-10")

    def __bool__(self) -> bool:
        return self.left is not None or self.right is not None

    def items(self) -> list[tuple[str, int]]:
        """('left', 2), ('right', 3) for the knees scored."""
        pairs = (("left", self.left), ("right", self.right))
        return [(knee, value) for knee, value in pairs if value is not None]

    @property
    def worse(self) -> int | None:
        """The higher of the knees scored; None when neither was."""
        return max((value for _, value in self.items()), default=None)

    def text(self) -> str:
        """'L 2 / R 3', 'L 2' or 'R 3'; '' when neither knee was scored."""
        return " / ".join(f"{knee[0].upper()} {value}" for knee, value in self.items())

    def to_dict(self, prefix: str = "") -> dict[str, int]:
        """{'left': 2, 'right': 3} (keys after ``prefix``), the knees scored only."""
        return {prefix + knee: value for knee, value in self.items()}

    @classmethod
    def read(cls, reader: TableReader, prefix: str = "") -> Knees:
        left, right = (reader.integer(prefix + knee, maximum=10, required=False) for knee in SIDES)
        return cls(left, right)


NO_KNEES = Knees()


@dataclass(frozen=True)
class Highest:
    """What an entry held before a correction in History lowered it, and the rules still read
    (corrections.py): its highest score (None: no higher than now), each knee's, and a yes to
    swelling taken back. Only what is above the entry as it stands is kept."""

    score: int | None = None
    knees: Knees = field(default_factory=Knees)
    swelling: bool = False

    def __bool__(self) -> bool:
        return self.score is not None or bool(self.knees) or self.swelling

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {} if self.score is None else {"score": self.score}
        return data | self.knees.to_dict() | ({"swelling": True} if self.swelling else {})

    @classmethod
    def read(cls, parent: TableReader) -> Highest | None:
        """The ``highest`` table of a record; None when it has none."""
        reader = parent.sub("highest")
        if reader is None:
            return None
        score = reader.integer("score", maximum=10, required=False)
        knees = Knees.read(reader)
        swelling = reader.flag("swelling", required=False)
        reader.finish()
        return cls(score, knees, swelling) or None


def _highest_dict(highest: Highest | None) -> dict[str, Any]:
    return {"highest": highest.to_dict()} if highest else {}


def scored(score: int, knees: Knees) -> int:
    """A record's single score: the worse knee when a knee was scored, else ``score``."""
    worse = knees.worse
    return score if worse is None else worse


def given_score(score: int | None, knees: Knees) -> int:
    """The single score from what was typed: ``score``, or the worse knee's when a knee was
    scored (a ``score`` given as well must be that one). Raises ValueError otherwise."""
    if knees and score not in (None, knees.worse):
        raise ValueError(
            f"the score is the worse knee's: {knees.worse}, not {score} (or leave it out)"
        )
    if score is None and not knees:
        raise ValueError("give a pain score 0-10, or a score for a knee")
    return scored(score or 0, knees)


def score_text(score: int, knees: Knees) -> str:
    """'L 2 / R 3' where knees were scored, else '2/10'."""
    return knees.text() or f"{score}/10"


def knee_scores(score: int, knees: Knees) -> dict[str, int]:
    """What pain rules compare day to day: the single score, and each knee with itself."""
    return {"score": score, **knees.to_dict()}


def rose(before: dict[str, int], now: dict[str, int]) -> list[str]:
    """Which of ``knee_scores`` went up from ``before`` to ``now``: 'score', 'left', 'right'.

    A knee counts only against its own earlier score, so a knee that got worse counts even
    when the other got better and the worse-knee score did not move.
    """
    return [key for key, value in now.items() if key in before and value > before[key]]


def _check_worse(reader: TableReader, score: int | None, knees: Knees, key: str) -> None:
    """A record with knees must hold the worse knee's score in ``key`` (a hand edit may not)."""
    if knees and score != knees.worse:
        reader.problem(key, f"the worse knee's score ({knees.worse}), as the knees say", score)


@dataclass
class ExerciseResult:
    """What was done of one exercise: per side, the reps or seconds of each completed set."""

    exercise: str
    name: str
    unit: str
    sides: tuple[str, ...]
    sets_planned: int
    done: dict[str, list[int]] = field(default_factory=dict)
    skipped_sets: dict[str, int] = field(default_factory=dict)

    def sets_done(self, side: str) -> int:
        return len(self.done.get(side, []))

    def done_text(self, side: str, *, short: bool = False) -> str:
        """'15 15 12 reps', '1 second' ('45 s' when ``short``); '' when nothing was done."""
        values = self.done.get(side, [])
        if not values:
            return ""
        numbers = " ".join(str(v) for v in values)
        if short and self.unit == "seconds":
            return f"{numbers} s"
        return numbers + " " + (self.unit[:-1] if values == [1] else self.unit)

    @property
    def complete(self) -> bool:
        return all(self.sets_done(side) >= self.sets_planned for side in self.sides)

    @property
    def skipped(self) -> bool:
        """True when nothing at all was done of it."""
        return not any(self.done.get(side) for side in self.sides)

    def to_dict(self) -> dict[str, Any]:
        return {
            "exercise": self.exercise,
            "name": self.name,
            "unit": self.unit,
            "sides": list(self.sides),
            "sets_planned": self.sets_planned,
            "done": {side: list(values) for side, values in self.done.items()},
            "skipped_sets": dict(self.skipped_sets),
        }

    @classmethod
    def from_reader(cls, reader: TableReader) -> ExerciseResult | None:
        exercise = reader.text("exercise", max_len=64)
        name = reader.text("name", max_len=64)
        unit = reader.choice("unit", UNITS)
        sides = reader.texts("sides")
        planned = reader.integer("sets_planned", maximum=100)
        done = _side_table(
            reader, "done", lambda v: isinstance(v, list) and all(_is_int(i) for i in v)
        )
        skipped = _side_table(reader, "skipped_sets", _is_int)
        reader.finish()
        if None in (exercise, name, unit, planned) or not sides:
            return None
        return cls(exercise, name, unit, sides, planned, done, skipped)  # type: ignore[arg-type]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _side_table(reader: TableReader, key: str, valid: Any) -> dict[str, Any]:
    value = reader.table.get(key, {})
    reader.mark_seen(key)
    if not isinstance(value, dict) or not all(
        side in (*SIDES, BOTH) and valid(v) for side, v in value.items()
    ):
        reader.problem(key, "a table keyed by left/right/both", value)
        return {}
    return {side: list(v) if isinstance(v, list) else v for side, v in value.items()}


@dataclass
class PainSpike:
    """Pain noticed during an exercise, recorded with a key press mid-session.

    ``side`` is the leg being exercised; ``knees`` the score per knee when it was given,
    ``score`` then being the worse knee's.
    """

    at: datetime
    exercise: str
    side: str
    score: int | None = None
    knees: Knees = field(default_factory=Knees)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"at": self.at, "exercise": self.exercise, "side": self.side}
        if self.score is not None:
            data["score"] = self.score
        return data | self.knees.to_dict()

    @classmethod
    def from_reader(cls, reader: TableReader) -> PainSpike | None:
        at = _datetime(reader, "at")
        exercise = reader.text("exercise", max_len=64)
        side = reader.choice("side", (*SIDES, BOTH))
        score = reader.integer("score", maximum=10, required=False)
        knees = Knees.read(reader)
        _check_worse(reader, score, knees, "score")
        reader.finish()
        if at is None or exercise is None or side is None:
            return None
        return cls(at, exercise, side, score, knees)


def _datetime(reader: TableReader, key: str, *, required: bool = True) -> datetime | None:
    value = reader.table.get(key)
    reader.mark_seen(key)
    if value is None:
        if required:
            reader.problem(key, "a date and time (it is required)", got=False)
        return None
    if not isinstance(value, datetime) or value.tzinfo is None:
        reader.problem(key, "a date and time with a UTC offset", value)
        return None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:  # year 1 would be "739,955 days missed"
        reader.problem(key, f"a date and time from {FIRST_YEAR} to {LAST_YEAR}", value)
        return None
    return value


def session_id_at(started_at: datetime) -> str:
    """A session's plain id, its start to the second: '2026-11-23T07-30-00'."""
    return started_at.strftime("%Y-%m-%dT%H-%M-%S")


@dataclass
class SessionRecord:
    """One guided session, finished or stopped early."""

    id: str
    routine: str
    routine_name: str
    started_at: datetime
    ended_at: datetime
    completed: bool
    exercises: list[ExerciseResult] = field(default_factory=list)
    pain_after: int | None = None
    note: str = ""
    pain_spikes: list[PainSpike] = field(default_factory=list)
    swelling: bool | None = None  # "is the outside of the knee swollen?"; None: not asked
    # The rating per knee, when given: ``pain_after`` is then the worse knee's.
    pain_after_knees: Knees = field(default_factory=Knees)
    # A run started on a day the rules said rest or held: why, as asked ("" for none).
    override: str = ""
    # A run done outdoors: "logged" by hand or "imported" from a file ("" for a guided one).
    source: str = ""
    outdoor: RunFacts | None = None
    # Above 0: a session cut to fit this many minutes (session/short_session.py), which never
    # counts as the routine in full.
    short_minutes: int = 0
    # Its own id for good (ids.py), given when first written; ``id`` is its start, for people.
    uid: str = field(default="", compare=False)
    # A readiness test (core/plan/readiness_tests.py): the test's id ("" for any other session).
    readiness_test: str = ""
    # A walk test's "Did you limp?" (None: not asked, as in every session before it was).
    limped: bool | None = None
    # The rating and swelling answer before a correction lowered them, which the rules read.
    highest: Highest | None = None

    @property
    def duration_s(self) -> int:
        return max(0, int((self.ended_at - self.started_at).total_seconds()))

    def exercise_name(self, exercise: str) -> str:
        """The name of exercise id ``exercise`` as recorded ('Glute bridge' from the id if not)."""
        fallback = exercise.replace("-", " ").capitalize()
        return next((r.name for r in self.exercises if r.exercise == exercise), fallback)

    def exercises_done(self) -> int:
        return sum(1 for result in self.exercises if not result.skipped)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            **_uid_dict(self.uid),
            "routine": self.routine,
            "routine_name": self.routine_name,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "completed": self.completed,
        }
        if self.pain_after is not None:
            data["pain_after"] = self.pain_after
        data |= self.pain_after_knees.to_dict("pain_after_")
        data["note"] = self.note
        if self.swelling is not None:
            data["swelling"] = self.swelling
        data["exercises"] = [result.to_dict() for result in self.exercises]
        if self.pain_spikes:
            data["pain_spikes"] = [spike.to_dict() for spike in self.pain_spikes]
        if self.override:
            data["override"] = self.override
        if self.source:
            data["source"] = self.source
        if self.outdoor is not None:
            data["outdoor"] = self.outdoor.to_dict()
        if self.short_minutes:
            data["short_minutes"] = self.short_minutes
        if self.readiness_test:
            data["readiness_test"] = self.readiness_test
        if self.limped is not None:
            data["limped"] = self.limped
        return data | _highest_dict(self.highest)

    @classmethod
    def from_reader(cls, reader: TableReader) -> SessionRecord | None:
        ident = reader.text("id", max_len=64)
        if ident:
            reader.where = f"{reader.where} '{ident}'"
        routine = reader.text("routine", max_len=64)
        routine_name = reader.text("routine_name", max_len=64)
        started = _datetime(reader, "started_at")
        ended = _datetime(reader, "ended_at")
        completed = reader.flag("completed")
        pain = reader.integer("pain_after", maximum=10, required=False)
        knees = Knees.read(reader, "pain_after_")
        _check_worse(reader, pain, knees, "pain_after")
        note = _note(reader)
        swelling = _yes_no(reader, "swelling")
        limped = _yes_no(reader, "limped")
        override = reader.text("override", required=False, max_len=OVERRIDE_LIMIT) or ""
        short = reader.integer("short_minutes", minimum=1, maximum=1000, required=False) or 0
        test = reader.ident("readiness_test") if "readiness_test" in reader.table else ""
        exercises = [
            ExerciseResult.from_reader(
                TableReader(t, f"{reader.where}: exercise {n}", reader.problems)
            )
            for n, t in enumerate(reader.tables("exercises", required=False), 1)
        ]
        spikes = [
            PainSpike.from_reader(
                TableReader(t, f"{reader.where}: pain spike {n}", reader.problems)
            )
            for n, t in enumerate(reader.tables("pain_spikes", required=False), 1)
        ]
        source = reader.choice("source", SOURCES, required=False) or ""
        facts = reader.sub("outdoor")
        outdoor = None if facts is None else RunFacts.read(facts)
        uid = _uid(reader)
        highest = Highest.read(reader)
        reader.finish()
        if None in (ident, routine, routine_name, started, ended):
            return None
        return cls(
            ident,  # type: ignore[arg-type]
            routine,  # type: ignore[arg-type]
            routine_name,  # type: ignore[arg-type]
            started,  # type: ignore[arg-type]
            ended,  # type: ignore[arg-type]
            completed,
            [e for e in exercises if e is not None],
            pain,
            note,
            [s for s in spikes if s is not None],
            swelling,
            knees,
            override,
            source,
            outdoor,
            short,
            uid,
            test or "",
            limped,
            highest,
        )


def _uid(reader: TableReader) -> str:
    """A record's own id as written ('' when it has none: ids.py then derives one)."""
    return reader.text("uid", required=False, max_len=UID_LIMIT) or ""


def _uid_dict(uid: str) -> dict[str, str]:
    return {"uid": uid} if uid else {}


def _note(reader: TableReader) -> str:
    """The optional free-text note ('' when absent)."""
    note = reader.table.get("note", "")
    reader.mark_seen("note")
    if not isinstance(note, str):
        reader.problem("note", "a string", note)
        return ""
    return note


def _yes_no(reader: TableReader, key: str) -> bool | None:
    """An optional yes/no answer (swelling, a limp); history written before it was asked has
    none."""
    value = reader.table.get(key)
    reader.mark_seen(key)
    if value is None or isinstance(value, bool):
        return value
    reader.problem(key, "true or false", value)
    return None


@dataclass
class PainLog:
    """A pain score logged on its own, with where it was felt.

    A morning check-in (context "morning") also says how it compares with yesterday and
    whether the knee is swollen; other logs leave ``compared`` "" and ``swelling`` None.
    ``knees`` holds a score per knee when one was given; ``score``, the single figure every
    rule reads, is then the worse knee's. A log kept from a discarded session
    (plan/kept_pain.py) names the session (``session``, its ``SessionRecord.id``), its routine
    and what it keeps (``kept``, one of KEPT), so the logs of one discarded run are read as
    that run's pain spikes.
    """

    at: datetime
    score: int
    context: str
    note: str = ""
    swelling: bool | None = None  # "is the outside of the knee swollen?"; None: not asked
    compared: str = ""  # "", or one of COMPARED (a morning check-in)
    knees: Knees = field(default_factory=Knees)
    uid: str = field(default="", compare=False)  # its own id for good (ids.py)
    session: str = ""  # the discarded session it was kept from ("" for any other log)
    routine: str = ""  # that session's routine
    kept: str = ""  # "" or one of KEPT: what it keeps of that session
    highest: Highest | None = None  # before a correction lowered it, read by the rules

    def scores(self) -> dict[str, int]:
        """What rules compare with another log's (see ``knee_scores``)."""
        return knee_scores(self.score, self.knees)

    @property
    def id(self) -> str:
        return "pain-" + self.at.strftime("%Y-%m-%dT%H-%M-%S")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            **_uid_dict(self.uid),
            "at": self.at,
            "score": self.score,
            "context": self.context,
            "note": self.note,
        }
        if self.compared:
            data["compared"] = self.compared
        if self.swelling is not None:
            data["swelling"] = self.swelling
        if self.kept:
            data |= {"session": self.session, "routine": self.routine, "kept": self.kept}
        return data | self.knees.to_dict() | _highest_dict(self.highest)

    @classmethod
    def from_reader(cls, reader: TableReader) -> PainLog | None:
        at = _datetime(reader, "at")
        score = reader.integer("score", maximum=10)
        context = reader.choice("context", PAIN_CONTEXTS)
        note = _note(reader)
        swelling = _yes_no(reader, "swelling")
        compared = reader.choice("compared", COMPARED, required=False) or ""
        knees = Knees.read(reader)
        _check_worse(reader, score, knees, "score")
        uid = _uid(reader)
        kept = reader.choice("kept", KEPT, required=False) or ""
        session = reader.text("session", required=kept != "", max_len=UID_LIMIT) or ""
        routine = reader.text("routine", required=kept != "", max_len=UID_LIMIT) or ""
        highest = Highest.read(reader)
        reader.finish()
        if at is None or score is None or context is None:
            return None
        log = cls(at, score, context, note, swelling, compared, knees, uid, highest=highest)
        return replace(log, session=session, routine=routine, kept=kept) if kept else log


def pain_log_ids(logs: list[PainLog]) -> list[str]:
    """An id for each log, unique even when several share one second: the first keeps
    ``PainLog.id``, the next ones in that second add ``-2``, ``-3``... in the given order
    (the file's order, which saving keeps), so an entry keeps its id from export to export."""
    seen: dict[str, int] = {}
    ids = []
    for log in logs:
        count = seen[log.id] = seen.get(log.id, 0) + 1
        ids.append(log.id if count == 1 else f"{log.id}-{count}")
    return ids


RUN_DECISIONS = ("week", "pause", "resume")


@dataclass
class RunDecision:
    """The run week set by hand, or running paused or resumed, by the user or their physio.

    ``rules_week`` is the run week the rules gave at that moment (None: running had not
    started); ``cleared`` says the user confirmed their physio cleared them to run, and
    ``clinician`` names who did (required for a week above the rules' week, see running.py).
    """

    at: datetime
    decision: str  # one of RUN_DECISIONS
    week: int | None = None  # the week set (decision "week")
    rules_week: int | None = None
    note: str = ""
    cleared: bool = False
    clinician: str = ""
    # The order the decisions were made in (1, 2, ...), which the latest wins by: the clock
    # may have been wrong when one was dated. 0: an older file's, ordered by ``at``.
    seq: int = 0
    uid: str = field(default="", compare=False)  # its own id for good (ids.py)

    @property
    def id(self) -> str:
        return "run-week-" + self.at.strftime("%Y-%m-%dT%H-%M-%S")

    def describe(self) -> str:
        """'run week 3 set', 'running paused', 'running resumed'."""
        if self.decision == "week":
            return f"run week {self.week} set"
        return f"running {self.decision}d"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {**_uid_dict(self.uid), "at": self.at, "decision": self.decision}
        if self.week is not None:
            data["week"] = self.week
        if self.rules_week is not None:
            data["rules_week"] = self.rules_week
        if self.cleared:
            data["physio_cleared"] = True
        if self.clinician:
            data["clinician"] = self.clinician
        if self.seq:
            data["seq"] = self.seq
        data["note"] = self.note
        return data

    @classmethod
    def from_reader(cls, reader: TableReader) -> RunDecision | None:
        at = _datetime(reader, "at")
        decision = reader.choice("decision", RUN_DECISIONS)
        week = reader.integer("week", minimum=1, maximum=MAX_RUN_WEEK, required=decision == "week")
        rules_week = reader.integer("rules_week", minimum=1, maximum=MAX_RUN_WEEK, required=False)
        cleared = reader.flag("physio_cleared", required=False)
        clinician = reader.text("clinician", required=False, max_len=NAME_LIMIT) or ""
        seq = reader.integer("seq", minimum=1, maximum=10**9, required=False) or 0
        note = _note(reader)
        uid = _uid(reader)
        reader.finish()
        if at is None or decision is None or (decision == "week" and week is None):
            return None
        chosen = week if decision == "week" else None
        return cls(at, decision, chosen, rules_week, note, cleared, clinician, seq, uid)


ACTIVITY_LIMIT = 60  # characters in an activity's name (function scores)
MAX_ACTIVITIES = 3  # activities in one function score


@dataclass
class FunctionScore:
    """The Patient-Specific Functional Scale at one moment: up to three activities the user
    named, each rated 0 (cannot do it) to 10 (as before the knee trouble), in the order asked."""

    at: datetime
    ratings: tuple[tuple[str, int], ...]
    uid: str = field(default="", compare=False)  # its own id for good (ids.py)

    def __post_init__(self) -> None:
        if not 1 <= len(self.ratings) <= MAX_ACTIVITIES:
            raise ValueError(f"rate 1 to {MAX_ACTIVITIES} activities")
        names = [name.strip().casefold() for name, _ in self.ratings]
        if len(set(names)) < len(names):
            raise ValueError("name each activity once")
        for name, score in self.ratings:
            if not name.strip() or len(name) > ACTIVITY_LIMIT:
                raise ValueError(f"an activity is a name of 1 to {ACTIVITY_LIMIT} characters")
            if not 0 <= score <= 10:
                raise ValueError(f"{score} is outside the scale 0-10")

    @property
    def id(self) -> str:
        return "function-" + self.at.strftime("%Y-%m-%dT%H-%M-%S")

    @property
    def mean(self) -> float:
        return sum(score for _, score in self.ratings) / len(self.ratings)

    def to_dict(self) -> dict[str, Any]:
        activities = [{"activity": name, "score": score} for name, score in self.ratings]
        return {**_uid_dict(self.uid), "at": self.at, "activities": activities}

    @classmethod
    def from_reader(cls, reader: TableReader) -> FunctionScore | None:
        at = _datetime(reader, "at")
        ratings = []
        for n, table in enumerate(reader.tables("activities"), 1):
            item = TableReader(table, f"{reader.where}: activity {n}", reader.problems)
            name = item.text("activity", max_len=ACTIVITY_LIMIT)
            score = item.integer("score", maximum=10)
            item.finish()
            if name is not None and score is not None:
                ratings.append((name, score))
        uid = _uid(reader)
        reader.finish()
        if at is None or not ratings:
            return None
        try:
            return cls(at, tuple(ratings), uid)
        except ValueError as err:
            reader.problems.append(f"{reader.where}: {err}")
            return None


@dataclass
class MonthHistory:
    """The sessions, pain logs and run-week decisions of one calendar month: one file on disk."""

    sessions: list[SessionRecord] = field(default_factory=list)
    pain_logs: list[PainLog] = field(default_factory=list)
    run_decisions: list[RunDecision] = field(default_factory=list)
    function_scores: list[FunctionScore] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Time-ordered; an empty list is left out (a later [[table]] can then be appended)."""
        data: dict[str, Any] = {"schema_version": self.schema()}
        if self.sessions:
            data["sessions"] = [
                s.to_dict() for s in sorted(self.sessions, key=lambda s: s.started_at)
            ]
        if self.pain_logs:
            data["pain_logs"] = [p.to_dict() for p in sorted(self.pain_logs, key=lambda p: p.at)]
        if self.run_decisions:
            made = sorted(self.run_decisions, key=in_order_made)
            data["run_decisions"] = [d.to_dict() for d in made]
        if self.function_scores:
            scores = sorted(self.function_scores, key=lambda f: f.at)
            data["function_scores"] = [f.to_dict() for f in scores]
        return data

    def records(self) -> list[tuple[str, list[Any]]]:
        """Each kind of record with its list: ('session', sessions), ('pain log', ...)..."""
        return [
            ("session", self.sessions),
            ("pain log", self.pain_logs),
            ("run-week decision", self.run_decisions),
            ("function score", self.function_scores),
        ]

    def schema(self) -> int:
        """The schema this month needs: 6 (HIGHEST_SCHEMA) when an entry keeps what it held
        before a correction; 5 (LIMP_SCHEMA) when a walk test was asked about a
        limp; 4 (IDS_SCHEMA, TESTS_SCHEMA) when a record has its id
        (every record written by this version), a session is a readiness test or a pain log was
        kept from a discarded session; 3
        (OUTDOOR_SCHEMA, SHORT_SCHEMA) with a run done outdoors, a run's override, a clinician's
        name, a short session or a function score; KNEES_SCHEMA with a per-knee score or a
        run-week decision; else the first."""
        if any(s.highest for s in self.sessions) or any(log.highest for log in self.pain_logs):
            return HIGHEST_SCHEMA
        if any(s.limped is not None for s in self.sessions):
            return LIMP_SCHEMA
        if (
            any(s.readiness_test for s in self.sessions)
            or any(log.kept for log in self.pain_logs)
            or any(record.uid for _, records in self.records() for record in records)
        ):
            return IDS_SCHEMA
        newer = any(
            s.source or s.outdoor is not None or s.override or s.short_minutes
            for s in self.sessions
        )
        decided = any(d.clinician or d.seq for d in self.run_decisions)
        if newer or self.function_scores or decided:
            return OUTDOOR_SCHEMA
        knees = [log.knees for log in self.pain_logs]
        for session in self.sessions:
            knees += [session.pain_after_knees, *(s.knees for s in session.pain_spikes)]
        return KNEES_SCHEMA if self.run_decisions or any(knees) else FIRST_SCHEMA

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str, problems: list[str]) -> MonthHistory:
        reader = TableReader(data, where, problems)
        reader.integer("schema_version", minimum=1, maximum=10_000)
        sessions = [
            SessionRecord.from_reader(TableReader(t, f"{where}: session {n}", problems))
            for n, t in enumerate(reader.tables("sessions", required=False), 1)
        ]
        logs = [
            PainLog.from_reader(TableReader(t, f"{where}: pain log {n}", problems))
            for n, t in enumerate(reader.tables("pain_logs", required=False), 1)
        ]
        decisions = [
            RunDecision.from_reader(TableReader(t, f"{where}: run-week decision {n}", problems))
            for n, t in enumerate(reader.tables("run_decisions", required=False), 1)
        ]
        functions = [
            FunctionScore.from_reader(TableReader(t, f"{where}: function score {n}", problems))
            for n, t in enumerate(reader.tables("function_scores", required=False), 1)
        ]
        reader.finish()
        month = cls(
            [s for s in sessions if s],
            [p for p in logs if p],
            [d for d in decisions if d],
            [f for f in functions if f],
        )
        for kind, records in month.records():  # in file order: see ids.py
            settle_ids(kind, records)
        month.sort()
        return month

    def sort(self) -> None:
        """Put sessions and pain logs in time order (a file may hold them appended), run-week
        decisions in the order they were made."""
        self.sessions.sort(key=lambda s: s.started_at)
        self.pain_logs.sort(key=lambda p: p.at)
        self.run_decisions.sort(key=in_order_made)
        self.function_scores.sort(key=lambda f: f.at)


def in_order_made(decision: RunDecision) -> tuple[int, datetime]:
    """Sort key of run-week decisions: the order they were made in, then the time."""
    return (decision.seq, decision.at)
