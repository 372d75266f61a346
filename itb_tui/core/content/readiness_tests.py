"""Readiness tests as data: ``[[readiness_test]]`` in program.toml, read and checked here.

Each test is done as a guided session of one exercise from the library (core/plan/
readiness_tests.py builds it and judges the result). A test names:
  * ``exercise``: the library exercise it is done as;
  * ``target``: reps per side, or minutes for a timed exercise; a number, or [low, high]
    where ``low`` passes and the session offers up to ``high``;
  * ``pass_rule``: "each-side" (every side reaches the target, the weaker side within the
    program's ratio of the stronger) or "timed" (the exercise lasts the target minutes);
  * ``valid_days``: how long a pass stands; ``after``: tests that must pass first;
  * ``work_on``: the exercises that train it, offered when it fails;
  * ``source``: the article it rests on; ``enabled``: false turns it off (a physio's call);
  * ``asks_limp``: true asks "Did you limp?" at its end; a limp fails it (a walk test).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from itb_tui.core.content.validate import TableReader

PASS_RULES = ("each-side", "timed")
SOURCES = ("000", "001", "002", "003")
MAX_VALID_DAYS = 365
MAX_TARGET = 120  # reps per side, or minutes


@dataclass(frozen=True)
class ReadinessTest:
    """One functional test before the first run (see the module docstring)."""

    id: str
    name: str
    exercise: str
    target: tuple[int, int]
    pass_rule: str
    valid_days: int
    source: str
    enabled: bool = True
    after: tuple[str, ...] = ()
    work_on: tuple[str, ...] = ()
    asks_limp: bool = False

    @property
    def timed(self) -> bool:
        return self.pass_rule == "timed"

    def target_text(self) -> str:
        """'30 per side', '10-20 per side' or '15-30 minutes'."""
        low, high = self.target
        amount = str(low) if low == high else f"{low}-{high}"
        return f"{amount} minutes" if self.timed else f"{amount} per side"


def _target(reader: TableReader) -> tuple[int, int] | None:
    value = reader.table.get("target")
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= MAX_TARGET:
            reader.mark_seen("target")
            return (value, value)
        reader.problem("target", f"a whole number from 1 to {MAX_TARGET}", value)
        reader.mark_seen("target")
        return None
    return reader.pair("target", minimum=1, maximum=MAX_TARGET)


def read_test(
    reader: TableReader, ident: str, exercises: Mapping[str, bool] | None
) -> ReadinessTest | None:
    """One ``[[readiness_test]]`` table; ``exercises``: library exercise id -> timed (None:
    the exercises are not checked)."""
    name = reader.text("name", max_len=60)
    exercise = reader.ident("exercise")
    target = _target(reader)
    rule = reader.choice("pass_rule", PASS_RULES)
    valid = reader.integer("valid_days", minimum=1, maximum=MAX_VALID_DAYS)
    source = reader.choice("source", SOURCES)
    enabled = reader.flag("enabled", required=False, default=True)
    after = reader.texts("after", required=False, max_len=64)
    work_on = reader.texts("work_on", required=False, max_len=64)
    asks_limp = reader.flag("asks_limp", required=False, default=False)
    if exercises is not None:
        if exercise is not None and exercise not in exercises:
            reader.problem("exercise", "the id of a known exercise", exercise)
        elif exercise is not None and rule is not None and exercises[exercise] != (rule == "timed"):
            expected = "'timed' (the exercise is a countdown)"
            if rule == "timed":
                expected = "'each-side' (the exercise counts reps)"
            reader.problem("pass_rule", expected, rule)
        for other in work_on:
            if other not in exercises:
                reader.problem("work_on", "ids of known exercises", other)
    if None in (name, exercise, target, rule, valid, source):
        return None
    return ReadinessTest(
        ident,
        name,  # type: ignore[arg-type]
        exercise,  # type: ignore[arg-type]
        target,  # type: ignore[arg-type]
        rule,  # type: ignore[arg-type]
        valid,  # type: ignore[arg-type]
        source,  # type: ignore[arg-type]
        enabled,
        after,
        work_on,
        asks_limp,
    )


def check_order(where: str, tests: Collection[ReadinessTest], problems: list[str]) -> None:
    """Every ``after`` names a test of the file, and no test waits, in a loop, for itself."""
    known = {test.id: test for test in tests}
    for test in tests:
        for other in test.after:
            if other not in known:
                problems.append(
                    f"{where}: readiness_test '{test.id}': field 'after': expected ids of "
                    f"other readiness tests, got '{other}'"
                )
    for test in tests:
        seen: set[str] = set()
        waiting = list(test.after)
        while waiting:
            other = waiting.pop()
            if other == test.id:
                problems.append(
                    f"{where}: readiness_test '{test.id}': field 'after': the tests wait for "
                    "each other in a loop"
                )
                break
            if other in known and other not in seen:
                seen.add(other)
                waiting.extend(known[other].after)


def exercise_kinds(exercises: Mapping[str, object]) -> dict[str, bool]:
    """Library exercise id -> timed, what read_test checks a test's exercise against."""
    return {ident: bool(getattr(exercise, "timed", False)) for ident, exercise in exercises.items()}
