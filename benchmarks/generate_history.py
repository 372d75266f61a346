"""Write years of realistic daily use as history month files, for benchmarks and demos.

One session a day (hip strength, daily stretch and foam rolling in turn) with real exercise
results from the shipped routines, and one pain log a day, pain easing over the first months.
Each month file is written once, in the format HistoryStore reads.

    python benchmarks/generate_history.py DATA_DIR [--years 5] [--days N] [--seed 1]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from itb_tui.core.content.library import Exercise, Routine, load_library
from itb_tui.core.dates import month_key
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import (
    BOTH,
    SIDES,
    ExerciseResult,
    MonthHistory,
    PainLog,
    PainSpike,
    SessionRecord,
)
from itb_tui.core.store.files import write_toml
from itb_tui.core.store.paths import Paths, content_dir

ROTATION = ("hip-strength", "daily-stretch", "foam-rolling")
END = date(2026, 11, 23)
ZONE = timezone(timedelta(hours=1))
PAIN_CONTEXTS = ("rest", "daily", "during-run", "after-run")
PAIN_WEIGHTS = (3, 4, 1, 2)
NOTES = (
    "Felt tight on the outside of the hip.",
    "Easy today.",
    "Knee a bit sore on the stairs afterwards.",
    "Ran 5 km before this, no pain.",
    "Short on time, went quickly.",
)


@dataclass(frozen=True)
class Generated:
    """What ``generate`` wrote."""

    sessions: int
    pain_logs: int
    months: int
    first: date
    last: date
    seconds: float


def _span_start(end: date, years: int) -> date:
    """The day after the same date ``years`` earlier (28 February for a 29th)."""
    try:
        before = end.replace(year=end.year - years)
    except ValueError:
        before = end.replace(year=end.year - years, day=28)
    return before + timedelta(days=1)


def _pain_level(day_no: int, rng: random.Random) -> float:
    """Easing from about 6 to 1 over the first months, with noise and the odd flare."""
    flare = 3.0 if rng.random() < 0.02 else 0.0
    return 1.0 + 5.0 * math.exp(-day_no / 60) + rng.gauss(0, 0.8) + flare


def _score(level: float) -> int:
    return max(0, min(10, round(level)))


def _set_value(exercise: Exercise, side: str, day_no: int, rng: random.Random) -> int:
    """Reps or seconds of one set; the right leg lags behind in the first months."""
    if exercise.timed:
        target = exercise.duration_s or 0
        return target if rng.random() < 0.8 else max(1, target - rng.randint(5, 30))
    low, high = exercise.reps or (1, 1)
    reps = rng.randint(low, high)
    if side == "right":
        reps = round(reps * (1 - 0.15 * math.exp(-day_no / 90)))
    return max(1, reps)


def _result(
    exercise: Exercise, day_no: int, rng: random.Random, *, reached: bool
) -> ExerciseResult:
    sides = SIDES if exercise.per_side else (BOTH,)
    unit = "seconds" if exercise.timed else exercise.unit.split()[0]
    result = ExerciseResult(exercise.id, exercise.name, unit, sides, exercise.sets)
    if not reached:
        return result
    for side in sides:
        for _ in range(exercise.sets):
            if rng.random() < 0.03:
                result.skipped_sets[side] = result.skipped_sets.get(side, 0) + 1
            else:
                result.done.setdefault(side, []).append(_set_value(exercise, side, day_no, rng))
    return result


def _spikes(session: SessionRecord, rng: random.Random, level: float) -> list[PainSpike]:
    done = [r for r in session.exercises if not r.skipped]
    if not done or rng.random() > 0.03:
        return []
    result = rng.choice(done)
    at = session.started_at + timedelta(seconds=rng.randint(60, max(61, session.duration_s)))
    return [PainSpike(at, result.exercise, rng.choice(result.sides), _score(level + 2))]


def _session(routine: Routine, day: date, day_no: int, rng: random.Random) -> SessionRecord:
    level = _pain_level(day_no, rng)
    started = datetime(day.year, day.month, day.day, 7, tzinfo=ZONE)
    started += timedelta(minutes=rng.randint(0, 90))
    stop_at = rng.randrange(1, len(routine.items)) if rng.random() < 0.04 else len(routine.items)
    results = [
        _result(exercise, day_no, rng, reached=index < stop_at)
        for index, exercise in enumerate(routine.items)
    ]
    seconds = sum(e.estimated_seconds() for e in routine.items[:stop_at])
    completed = stop_at == len(routine.items)
    session = SessionRecord(
        id=started.strftime("%Y-%m-%dT%H-%M-%S"),
        routine=routine.id,
        routine_name=routine.name,
        started_at=started,
        ended_at=started + timedelta(seconds=round(seconds * rng.uniform(0.9, 1.2))),
        completed=completed,
        exercises=results,
        pain_after=_score(level - 0.5) if completed else None,
        note=rng.choice(NOTES) if rng.random() < 0.05 else "",
    )
    session.pain_spikes = _spikes(session, rng, level)
    return session


def _pain_log(day: date, day_no: int, rng: random.Random) -> PainLog:
    at = datetime(day.year, day.month, day.day, 20, tzinfo=ZONE)
    at += timedelta(minutes=rng.randint(0, 120))
    context = rng.choices(PAIN_CONTEXTS, PAIN_WEIGHTS)[0]
    note = rng.choice(NOTES) if rng.random() < 0.03 else ""
    return PainLog(at, _score(_pain_level(day_no, rng)), context, note)


def generate(
    data_dir: Path,
    years: int = 5,
    seed: int = 1,
    *,
    days: int | None = None,
    end: date = END,
    overwrite: bool = False,
) -> Generated:
    """Write ``days`` days (default: ``years`` years) ending ``end`` to ``data_dir/history``.

    Refuses, unless ``overwrite``, to touch a folder that already holds history files.
    """
    started = time.perf_counter()
    store = HistoryStore(Paths(data=data_dir, config=data_dir / "config"))
    if store.months() and not overwrite:
        raise FileExistsError(f"{store.paths.history} already holds history files")
    first = end - timedelta(days=days - 1) if days is not None else _span_start(end, years)
    routines = load_library(content_dir()).routines
    rng = random.Random(seed)
    months: dict[str, MonthHistory] = {}
    count = (end - first).days + 1
    for day_no in range(count):
        day = first + timedelta(days=day_no)
        session = _session(routines[ROTATION[day_no % len(ROTATION)]], day, day_no, rng)
        log = _pain_log(day, day_no, rng)
        month = months.setdefault(month_key(session.started_at), MonthHistory())
        month.sessions.append(session)
        months.setdefault(month_key(log.at), MonthHistory()).pain_logs.append(log)
    for key, month in months.items():
        write_toml(store.month_path(key), month.to_dict())
    return Generated(count, count, len(months), first, end, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data_dir", type=Path, help="data folder; files go in its history/")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--days", type=int, default=None, help="a number of days instead")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="overwrite existing month files")
    args = parser.parse_args(argv)
    try:
        out = generate(args.data_dir, args.years, args.seed, days=args.days, overwrite=args.force)
    except FileExistsError as err:
        print(f"error: {err} (use --force to overwrite)", file=sys.stderr)
        return 1
    print(
        f"wrote {out.sessions} sessions and {out.pain_logs} pain logs "
        f"({out.first} to {out.last}) in {out.months} month files "
        f"under {args.data_dir / 'history'} in {out.seconds:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
