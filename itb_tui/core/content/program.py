"""The rehab program as data: phases, return-to-running weeks, warning signs and red flags."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from itb_tui.core.content.readiness_tests import ReadinessTest, check_order, read_test
from itb_tui.core.content.validate import ContentError, TableReader, check_schema, read_toml

PROGRAM_SCHEMA = 1
MAX_WEEK = 104
# The warning signs the plan rules detect (see core/plan/signs.py); program.toml describes each.
WARNING_SIGN_IDS = ("run-pain-worsens", "pain-after-run", "pain-during-strength", "swelling")

T = TypeVar("T")


@dataclass(frozen=True)
class Phase:
    """One phase of the rehab; ``weeks`` is [first, last] program week, last 0 = ongoing."""

    id: str
    name: str
    weeks: tuple[int, int]
    goal: str
    routines: tuple[str, ...]
    advice: tuple[str, ...]
    avoid: tuple[str, ...]

    @property
    def ongoing(self) -> bool:
        return self.weeks[1] == 0

    def covers(self, week: int) -> bool:
        """True when program week ``week`` falls in this phase."""
        first, last = self.weeks
        return week >= first and (self.ongoing or week <= last)

    def weeks_text(self) -> str:
        """'weeks 1-2', 'week 3' or 'from week 1'."""
        first, last = self.weeks
        if self.ongoing:
            return f"from week {first}"
        return f"week {first}" if first == last else f"weeks {first}-{last}"


@dataclass(frozen=True)
class RunWeek:
    """The target of one return-to-running week; ``long_run_minutes`` (0, 0) = no long run."""

    week: int
    runs_per_week: int
    minutes: tuple[int, int]
    long_run_minutes: tuple[int, int]
    alternate_days: bool
    notes: tuple[str, ...]

    @property
    def has_long_run(self) -> bool:
        return self.long_run_minutes[1] > 0


@dataclass(frozen=True)
class ReturnToRunning:
    """When running may start again and how it builds up, week by week."""

    min_pain_free_days: int
    recommended_pain_free_days: int
    min_rehab_weeks: int
    typical_start_weeks: tuple[int, int]
    max_weekly_increase_pct: int
    hills_and_track_from_week: int
    pre_run_routine: str
    post_run_routine: str
    # Choices the articles leave open (see program.toml for what each means).
    strength_sessions_checked: int
    spike_merge_s: int
    worsening_pain_after: int
    settle_days: int
    repeated_weeks_to_phase_one: int
    gap_weeks_step_back: int
    over_target_pct: int
    # The single-run spike guard (core/plan/single_run.py; Garmin-RUNSAFE, BJSM 2025).
    single_run_window_days: int
    max_single_run_increase_pct: int
    still_running_advice: tuple[str, ...]
    weeks: tuple[RunWeek, ...]

    def week(self, number: int) -> RunWeek:
        """The target for run week ``number``; past the last row, the last row applies."""
        return self.weeks[max(1, min(number, len(self.weeks))) - 1]


@dataclass(frozen=True)
class WarningSign:
    """A sign to back off (not start over), and what to change."""

    id: str
    name: str
    description: str
    what_to_change: str


@dataclass(frozen=True)
class RedFlag:
    """A symptom that needs a professional: ``text`` is in the user's words."""

    id: str
    text: str
    why: str
    # While it stands, every routine with a weight-bearing exercise is held (001's red flags:
    # a leg that cannot take weight, gives way or has nerve symptoms needs assessing first).
    holds_weight_bearing: bool = False


@dataclass(frozen=True)
class ReadinessRules:
    """``[readiness]``: how the readiness tests are judged (core/plan/readiness_tests.py)."""

    # The weaker side must reach this percentage of the stronger side's count.
    side_ratio_pct: int = 85
    # Days to wait after a failed test before it is offered again.
    retry_days: int = 3
    # The tests gate a first run made on or after this day; running that started before it
    # (the tests did not exist then) stays started.
    tests_from: date = date.min


@dataclass(frozen=True)
class Program:
    """The whole program: everything in program.toml."""

    disclaimer: str
    phases: tuple[Phase, ...]
    return_to_running: ReturnToRunning
    warning_signs: tuple[WarningSign, ...]
    red_flags: tuple[RedFlag, ...]
    form_tips: tuple[str, ...]
    cross_training: tuple[str, ...]
    # The morning check-in: the highest morning pain (0-10) that still lets the next session
    # go ahead after a run or strength session; [check_in] acceptable_pain in program.toml.
    acceptable_morning_pain: int = 0
    # Functional tests before the first run (content/readiness_tests.py), in file order.
    readiness_tests: tuple[ReadinessTest, ...] = ()
    readiness: ReadinessRules = field(default_factory=ReadinessRules)

    @property
    def enabled_tests(self) -> tuple[ReadinessTest, ...]:
        """The readiness tests a physio has not turned off."""
        return tuple(test for test in self.readiness_tests if test.enabled)

    def warning_sign(self, sign_id: str) -> WarningSign | None:
        return next((s for s in self.warning_signs if s.id == sign_id), None)

    def red_flag(self, flag_id: str) -> RedFlag | None:
        return next((f for f in self.red_flags if f.id == flag_id), None)


def _week_span(reader: TableReader, key: str) -> tuple[int, int] | None:
    """[first, last] program weeks, where last may be 0 for 'ongoing'."""
    value = reader.table.get(key)
    reader.mark_seen(key)
    if value is None:
        if reader.ok:
            reader.problem(key, "a value (it is required)", got=False)
        return None
    ok = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and 1 <= value[0] <= MAX_WEEK
        and (value[1] == 0 or value[0] <= value[1] <= MAX_WEEK)
    )
    if not ok:
        expected = f"[first, last] with 1 <= first <= last <= {MAX_WEEK}, or last 0 for ongoing"
        reader.problem(key, expected, value)
        return None
    return (value[0], value[1])


def _routine_ref(reader: TableReader, key: str, routine_ids: Collection[str]) -> str | None:
    value = reader.ident(key)
    if value is not None and value not in routine_ids:
        reader.problem(key, "the id of a known routine", value)
        return None
    return value


def _entries(
    path: Path,
    noun: str,
    tables: list[Any],
    problems: list[str],
    read: Callable[[TableReader, str], T | None],
) -> list[T]:
    """Read each ``[[noun]]`` table, refusing an id used twice."""
    found: list[T] = []
    seen: set[str] = set()
    for number, table in enumerate(tables, 1):
        reader = TableReader(table, f"{path}: {noun} {number}", problems)
        if not reader.ok:
            continue
        before = len(problems)
        ident = reader.named()
        if ident:
            if ident in seen:
                problems.append(f"{path}: {noun} '{ident}' is defined twice")
            seen.add(ident)
        entry = read(reader, ident or "")
        reader.finish()
        if entry is not None and ident is not None and len(problems) == before:
            found.append(entry)
    return found


def _read_phase(reader: TableReader, ident: str, routine_ids: Collection[str]) -> Phase | None:
    name = reader.text("name", max_len=40)
    weeks = _week_span(reader, "weeks")
    goal = reader.text("goal", max_len=300)
    routines = reader.texts("routines", max_len=64)
    for routine in routines:
        if routine not in routine_ids:
            reader.problem("routines", "ids of known routines", routine)
    advice = reader.texts("advice")
    avoid = reader.texts("avoid")
    if name is None or weeks is None or goal is None:
        return None
    return Phase(ident, name, weeks, goal, routines, advice, avoid)


def _read_run_week(reader: TableReader, number: int) -> RunWeek | None:
    week = reader.integer("week", minimum=1, maximum=MAX_WEEK)
    if week is not None and week != number:
        reader.problem("week", f"{number} (weeks are numbered 1, 2, 3... in order)", week)
    runs = reader.integer("runs_per_week", minimum=1, maximum=7)
    minutes = reader.pair("minutes", minimum=1, maximum=300)
    long_run = reader.pair("long_run_minutes", minimum=0, maximum=300)
    alternate = reader.flag("alternate_days")
    if alternate and runs is not None and runs > 4:
        reader.problem("runs_per_week", "at most 4 when alternate_days is true", runs)
    notes = reader.texts("notes")
    reader.finish()
    if week != number or runs is None or minutes is None or long_run is None:
        return None
    return RunWeek(week, runs, minutes, long_run, alternate, notes)


# Thresholds that are the app's choice, with their allowed range.
_CHOICES = (
    ("strength_sessions_checked", (1, 12)),
    ("spike_merge_s", (1, 600)),
    ("worsening_pain_after", (1, 10)),
    ("settle_days", (0, 14)),
    ("repeated_weeks_to_phase_one", (2, 12)),
    ("gap_weeks_step_back", (1, 12)),
    ("over_target_pct", (1, 200)),
)


def _read_return(
    reader: TableReader | None, routine_ids: Collection[str], problems: list[str]
) -> ReturnToRunning | None:
    if reader is None or not reader.ok:
        return None
    before = len(problems)
    fields = {
        "min_pain_free_days": reader.integer("min_pain_free_days", minimum=1, maximum=60),
        "recommended_pain_free_days": reader.integer(
            "recommended_pain_free_days", minimum=1, maximum=60
        ),
        "min_rehab_weeks": reader.integer("min_rehab_weeks", maximum=MAX_WEEK),
        "typical_start_weeks": reader.pair("typical_start_weeks", minimum=1, maximum=MAX_WEEK),
        "max_weekly_increase_pct": reader.integer(
            "max_weekly_increase_pct", minimum=1, maximum=100
        ),
        "hills_and_track_from_week": reader.integer(
            "hills_and_track_from_week", minimum=1, maximum=MAX_WEEK
        ),
        "pre_run_routine": _routine_ref(reader, "pre_run_routine", routine_ids),
        "post_run_routine": _routine_ref(reader, "post_run_routine", routine_ids),
        **{key: reader.integer(key, minimum=low, maximum=high) for key, (low, high) in _CHOICES},
        "single_run_window_days": reader.integer("single_run_window_days", minimum=7, maximum=90),
        "max_single_run_increase_pct": reader.integer(
            "max_single_run_increase_pct", minimum=1, maximum=100
        ),
        "still_running_advice": reader.texts("still_running_advice"),
    }
    low, high = fields["min_pain_free_days"], fields["recommended_pain_free_days"]
    if isinstance(low, int) and isinstance(high, int) and high < low:
        reader.problem("recommended_pain_free_days", f"at least min_pain_free_days ({low})", high)
    tables = reader.tables("week")
    weeks = [
        _read_run_week(TableReader(t, f"{reader.where}: week {n}", problems), n)
        for n, t in enumerate(tables, 1)
    ]
    if "week" in reader.table and not tables:
        reader.problem("week", "at least one [[return_to_running.week]] table", got=False)
    reader.finish()
    if len(problems) > before or None in fields.values():
        return None
    return ReturnToRunning(weeks=tuple(w for w in weeks if w), **fields)  # type: ignore[arg-type]


def _check_signs(path: Path, tables: list[Any], problems: list[str]) -> None:
    """Every sign the app detects must be described (when any signs are given at all)."""
    ids = {t.get("id") for t in tables if isinstance(t, dict)}
    for sign_id in WARNING_SIGN_IDS:
        if tables and sign_id not in ids:
            problems.append(f"{path}: warning_sign '{sign_id}' is missing (the app detects it)")


def load_program(
    path: Path, routine_ids: set[str], exercises: dict[str, bool] | None = None
) -> Program:
    """Load and validate program.toml; routines named in it must be in ``routine_ids``, and
    the exercises the readiness tests name in ``exercises`` (id -> timed; None: unchecked).

    Raises ContentError listing every problem, each naming file, entry, field and expectation.
    """
    problems: list[str] = []
    reader = TableReader(read_toml(path), str(path), problems)
    check_schema(reader, PROGRAM_SCHEMA)
    disclaimer = reader.text("disclaimer", max_len=1000)
    phases = _entries(
        path, "phase", reader.tables("phase"), problems, lambda r, i: _read_phase(r, i, routine_ids)
    )
    running = _read_return(reader.sub("return_to_running", required=True), routine_ids, problems)

    def sign(r: TableReader, ident: str) -> WarningSign | None:
        if ident and ident not in WARNING_SIGN_IDS:
            known = ", ".join(f"'{i}'" for i in WARNING_SIGN_IDS)
            r.problem("id", f"one of {known} (the signs the app can detect)", ident)
        name = r.text("name", max_len=60)
        description = r.text("description", max_len=400)
        change = r.text("what_to_change", max_len=400)
        if name is None or description is None or change is None:
            return None
        return WarningSign(ident, name, description, change)

    def flag(r: TableReader, ident: str) -> RedFlag | None:
        text, why = r.text("text", max_len=200), r.text("why", max_len=400)
        holds = r.flag("holds_weight_bearing", required=False)
        return RedFlag(ident, text, why, holds) if text and why else None

    sign_tables = reader.tables("warning_sign")
    signs = _entries(path, "warning_sign", sign_tables, problems, sign)
    _check_signs(path, sign_tables, problems)
    flags = _entries(path, "red_flag", reader.tables("red_flag"), problems, flag)
    for key in ("phase", "warning_sign", "red_flag"):
        if reader.table.get(key) == []:
            reader.problem(key, "at least one entry", got=False)
    form = reader.sub("form", required=True)
    tips: tuple[str, ...] = ()
    cross_training: tuple[str, ...] = ()
    if form is not None:
        tips, cross_training = form.texts("tips"), form.texts("cross_training")
        form.finish()
    band = _acceptable_morning_pain(reader.sub("check_in"))
    tests = _entries(
        path,
        "readiness_test",
        reader.tables("readiness_test", required=False),
        problems,
        lambda r, i: read_test(r, i, exercises),
    )
    check_order(str(path), tests, problems)
    rules = _readiness_rules(reader.sub("readiness"))
    reader.finish()
    if problems or disclaimer is None or running is None:
        raise ContentError(problems or [f"{path}: the program could not be read"])
    return Program(
        disclaimer,
        tuple(phases),
        running,
        tuple(signs),
        tuple(flags),
        tips,
        cross_training,
        acceptable_morning_pain=band,
        readiness_tests=tuple(tests),
        readiness=rules,
    )


def _readiness_rules(reader: TableReader | None) -> ReadinessRules:
    """``[readiness]``; each key absent keeps its default."""
    if reader is None:
        return ReadinessRules()
    ratio = reader.integer("side_ratio_pct", minimum=50, maximum=100, required=False)
    retry = reader.integer("retry_days", maximum=30, required=False)
    since = reader.table.get("tests_from")
    reader.mark_seen("tests_from")
    if since is not None and (not isinstance(since, date) or isinstance(since, datetime)):
        reader.problem("tests_from", "a date such as 2026-12-07", since)
        since = None
    reader.finish()
    default = ReadinessRules()
    return ReadinessRules(
        default.side_ratio_pct if ratio is None else ratio,
        default.retry_days if retry is None else retry,
        since or default.tests_from,
    )


# The most a physiotherapist may accept (Silbernagel et al., 2007: up to 5/10 if settled by
# the next morning); the sources ask for 0.
MAX_ACCEPTABLE_PAIN = 5


def _acceptable_morning_pain(reader: TableReader | None) -> int:
    """``[check_in] acceptable_pain``: 0 (pain-free) when the table or the key is absent."""
    if reader is None:
        return 0
    band = reader.integer("acceptable_pain", maximum=MAX_ACCEPTABLE_PAIN, required=False)
    reader.finish()
    return band or 0
