"""Readiness tests: functional tests before the first run, each done as a guided session.

The tests are content (program.toml ``[[readiness_test]]``, content/readiness_tests.py). A
test is done as a session of one exercise (``routine_for``): one set per side at the test's
target, through the same session engine as any routine, with its side prompts, rep counter and
pain key; the session is kept with ``readiness_test`` set to the test's id. Rules (the targets
follow IJSPT 2022, 17(6):1002, Table 2 and clinic checklists; 001: every hip exercise without
pain before running):
  * an attempt fails on a pain spike during it, a limp (a walk test asks "Did you limp?" at
    its end: walking without a limp, IJSPT 2022 Table 2), no pain rating after it, a rating
    above the program's band ([check_in] acceptable_pain), a side short of the target's low
    end, the weaker side under ``side_ratio_pct`` of the stronger (each-side tests), or when it
    is not complete (stopped early, or a set ended too soon to count: Enter pressed straight
    through);
  * the latest attempt decides; a pass stands ``valid_days`` days, then the test is due again;
    after a failure the test waits ``retry_days`` days before it is offered again;
  * an attempt discarded with pain noted in it (a spike, a rating above the band) is a failed
    attempt, read back from the pain logs kept from it (kept_pain.py): discarding never
    lessens pain, so the test waits as it would after the attempt kept;
  * a test with ``after`` is locked until every test it names stands passed;
  * a test turned off (``enabled = false``) is not asked for.
Running (core/plan/weeks.py) waits for every enabled test to stand passed before the first run,
for a first run from ``[readiness] tests_from`` on. Once running has started, a failed or
expired test does not stop it: only repeated warning signs send a runner back (running.py),
and then the tests are asked for again with the other checks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from itb_tui.core.content.library import Library, Routine
from itb_tui.core.content.program import Program
from itb_tui.core.content.readiness_tests import ReadinessTest
from itb_tui.core.dates import local_date
from itb_tui.core.history.records import BOTH, SIDES, PainLog, SessionRecord
from itb_tui.core.text import sentence

ROUTINE_PREFIX = "readiness-"
PASSED, FAILED, EXPIRED, UNTRIED, LOCKED = "passed", "failed", "expired", "not tried", "locked"
SIDE_LETTERS = {"left": "L", "right": "R"}


@dataclass(frozen=True)
class ReadinessState:
    """Where one test stands today; ``counts`` is side -> reps (minutes for a timed test)."""

    test: ReadinessTest
    status: str  # PASSED, FAILED, EXPIRED, UNTRIED or LOCKED
    evidence: str  # 'L 10 / R 7, failed 3 days ago; try again in 2 days. Work on: ...'
    attempt: SessionRecord | None = None
    counts: tuple[tuple[str, int], ...] = ()
    problems: tuple[str, ...] = ()
    retry_in: int = 0  # days until a failed test is offered again

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    @property
    def startable(self) -> bool:
        """It can be done today: not passed, not locked, not waiting after a failure."""
        return self.status in (UNTRIED, EXPIRED) or (self.status == FAILED and not self.retry_in)

    @property
    def line(self) -> str:
        return f"{self.test.name}: {self.evidence}"


def routine_for(test: ReadinessTest, library: Library) -> Routine:
    """The guided session of ``test``: its exercise once per side at the test's target."""
    exercise = library.exercises[test.exercise]
    low, high = test.target
    if test.timed:
        item = replace(exercise, sets=1, rest_s=0, duration_s=high * 60, duration_range_s=None)
    else:
        item = replace(exercise, sets=1, rest_s=0, reps=(low, high))
    rule = f"no pain, {test.target_text()}"
    return Routine(
        id=ROUTINE_PREFIX + test.id,
        name=f"Test: {test.name}",
        category="strength",
        summary=f"Readiness test: {test.target_text()}",
        description=f"A readiness test before running: {rule}.",
        items=(item,),
        readiness_test=test.id,
        asks_limp=test.asks_limp,
    )


def counts(test: ReadinessTest, session: SessionRecord) -> dict[str, int]:
    """Reps done on each side (each-side tests), or whole minutes done (timed tests)."""
    result = next((r for r in session.exercises if r.exercise == test.exercise), None)
    if test.timed:
        seconds = sum(sum(done) for done in result.done.values()) if result else 0
        return {BOTH: seconds // 60}
    return {side: sum(result.done.get(side, [])) if result else 0 for side in SIDES}


def problems(test: ReadinessTest, session: SessionRecord, band: int, ratio_pct: int) -> list[str]:
    """Why the attempt ``session`` does not pass ``test``; empty when it passes."""
    found = []
    if session.pain_spikes:
        found.append("pain during it")
    if session.limped:  # asked at the end of a walk test; older attempts have no answer
        found.append("a limp")
    if session.pain_after is None:
        found.append("no pain rating after it")
    elif session.pain_after > band:
        allowed = f"at most {band}" if band else "none allowed"
        found.append(f"pain {session.pain_after}/10 after it ({allowed})")
    done = counts(test, session)
    low = test.target[0]
    short = [
        f"{amount} of {low} minutes" if side == BOTH else f"{SIDE_LETTERS[side]} {amount} of {low}"
        for side, amount in done.items()
        if amount < low
    ]
    (weak, weak_side), (strong, strong_side) = (
        min((a, s) for s, a in done.items()),
        max((a, s) for s, a in done.items()),
    )
    if short:
        found += short
    elif not test.timed and weak * 100 < strong * ratio_pct:
        ratio = weak * 100 // strong
        weaker, stronger = SIDE_LETTERS[weak_side], SIDE_LETTERS[strong_side]
        found.append(f"{weaker} {ratio} % of {stronger}, need {ratio_pct} %")
    if not found and not session.completed:  # core/session/completion.py: complete means done
        found.append("stopped early or a set ended too soon to count")
    return found


def attempt_result(program: Program, session: SessionRecord) -> str | None:
    """What a kept readiness test session says at its end: 'Passed: ...' or 'Not passed:
    ...' with why and when to try again; None for any other session."""
    test = next((t for t in program.readiness_tests if t.id == session.readiness_test), None)
    if test is None:
        return None
    band, ratio = program.acceptable_morning_pain, program.readiness.side_ratio_pct
    found = problems(test, session, band, ratio)
    if not found:
        return f"Passed: {test.name} ({test.target_text()}, no pain)."
    again = sentence(_again(program.readiness.retry_days))
    return f"Not passed: {test.name}: {'; '.join(found)}. {again}"


def _count_text(test: ReadinessTest, done: dict[str, int]) -> str:
    if test.timed:
        return f"{done[BOTH]} min"
    return " / ".join(f"{SIDE_LETTERS[side]} {amount}" for side, amount in done.items())


def _ago(days: int) -> str:
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


def _in(days: int) -> str:
    return "tomorrow" if days == 1 else f"in {days} days"


def _again(wait: int) -> str:
    """When a failed test may be tried again, ``wait`` days on: 'try again in 3 days'."""
    return f"try again {_in(wait)}" if wait else "try again today"


def discarded_attempts(pain_logs: Iterable[PainLog], band: int) -> list[SessionRecord]:
    """The attempts discarded with pain noted in them (a spike, a rating above ``band``), read
    back from the pain logs kept from them (kept_pain.discarded_sessions), without exercises."""
    from itb_tui.core.plan.kept_pain import discarded_sessions

    return [
        replace(s, readiness_test=s.routine.removeprefix(ROUTINE_PREFIX))
        for s in discarded_sessions(pain_logs)
        if s.routine.startswith(ROUTINE_PREFIX) and (s.pain_spikes or (s.pain_after or 0) > band)
    ]


def _judge(
    program: Program,
    library: Library,
    test: ReadinessTest,
    attempts: list[SessionRecord],
    today: date,
    discarded: frozenset[str] = frozenset(),
) -> ReadinessState:
    """The state of an unlocked test from its attempts (oldest first); ``discarded``: the ids
    of those discarded with pain (discarded_attempts)."""
    if not attempts:
        return ReadinessState(test, UNTRIED, f"not tried yet ({test.target_text()}, no pain)")
    last = attempts[-1]
    day = local_date(last.started_at)
    age = (today - day).days
    done = counts(test, last)
    shown = _count_text(test, done)
    pairs = tuple(done.items())
    found = problems(test, last, program.acceptable_morning_pain, program.readiness.side_ratio_pct)
    if last.id in discarded:
        shown, pairs, found = "discarded", (), ["pain noted during it"]
    if not found:
        if age > test.valid_days:
            text = f"{shown}, passed {_ago(age)}; a pass stands {test.valid_days} days: test again"
            return ReadinessState(test, EXPIRED, text, last, pairs)
        left = test.valid_days - age
        text = f"{shown}, passed {_ago(age)} (stands {_in(left) if left else 'until today'})"
        return ReadinessState(test, PASSED, text, last, pairs)
    wait = max(0, program.readiness.retry_days - age)
    again = _again(wait)
    names = [library.exercises[e].name for e in test.work_on if e in library.exercises]
    work = f". Work on: {', '.join(names)}" if names else ""
    text = f"{shown}, failed {_ago(age)} ({'; '.join(found)}); {again}{work}"
    return ReadinessState(test, FAILED, text, last, pairs, tuple(found), wait)


def readiness_states(
    program: Program,
    library: Library,
    sessions: Iterable[SessionRecord],
    today: date,
    pain_logs: Iterable[PainLog] = (),
) -> list[ReadinessState]:
    """Each enabled test's state on ``today``, in the program's order; the attempts are the
    kept sessions of the test up to today (completed or stopped early), and those discarded
    with pain noted in them (read from ``pain_logs``, see discarded_attempts)."""
    tests = program.enabled_tests
    attempts: dict[str, list[SessionRecord]] = {test.id: [] for test in tests}
    discarded = discarded_attempts(pain_logs, program.acceptable_morning_pain)
    for session in sorted([*sessions, *discarded], key=lambda s: s.started_at):
        if session.readiness_test in attempts and local_date(session.started_at) <= today:
            attempts[session.readiness_test].append(session)
    ids = frozenset(s.id for s in discarded)
    states = {
        test.id: _judge(program, library, test, attempts[test.id], today, ids) for test in tests
    }
    names = {test.id: test.name for test in program.readiness_tests}
    for test in tests:
        waiting = [
            names[other]
            for other in test.after
            if other in states and not states[other].passed  # a test turned off is not waited for
        ]
        if waiting:
            listed = f"{', '.join(waiting[:-1])} and {waiting[-1]}" if waiting[1:] else waiting[0]
            text = f"locked until {listed} pass"
            states[test.id] = ReadinessState(test, LOCKED, text)
    return [states[test.id] for test in tests]


def next_due(states: Iterable[ReadinessState]) -> ReadinessState | None:
    """The first test that can be done today, if any."""
    return next((state for state in states if state.startable), None)
