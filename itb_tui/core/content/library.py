"""Exercises and routines: records, and loading them from TOML with validation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from itb_tui.core.content.figure import Figure
from itb_tui.core.content.figure_read import read_figure
from itb_tui.core.content.validate import (
    ContentError,
    ContentReader,
    TableReader,
    check_schema,
    read_toml,
)
from itb_tui.core.records import record
from itb_tui.core.store.files import StoreError, read_bytes

CONTENT_SCHEMA = 1
KINDS = ("hold", "reps", "steps", "roll", "massage", "timer")
TIMED_KINDS = frozenset({"hold", "roll", "massage", "timer"})
CATEGORIES = ("mobility", "rolling", "strength", "stretch", "activation", "recovery", "running")
# Seconds one rep takes when the content gives no tempo, for duration estimates.
DEFAULT_REP_SECONDS = 3
SWITCH_SECONDS = 5
READY_SECONDS = 5
INTRO_SECONDS = 15
# A routine item's ``priority``: 1 is kept first when a session must be short.
PRIORITY_MAX = 99


@record
class Tempo:
    """Seconds for each phase of one repetition."""

    up: int
    hold: int
    down: int

    @property
    def total(self) -> int:
        return self.up + self.hold + self.down

    def describe(self) -> str:
        parts = [f"{self.up} s up"]
        if self.hold:
            parts.append(f"{self.hold} s hold")
        parts.append(f"{self.down} s down")
        return ", ".join(parts)


@record
class Exercise:
    """One exercise with its dose, instructions and cautions."""

    id: str
    name: str
    kind: str
    per_side: bool
    sets: int
    rest_s: int
    frequency: str
    targets: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    errors: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    progressions: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    reps: tuple[int, int] | None = None
    duration_s: int | None = None
    duration_range_s: tuple[int, int] | None = None
    tempo: Tempo | None = None
    source: str = ""
    figure: Figure | None = None
    weight_bearing: bool = False  # done standing on the leg: held after high pain (001)

    @property
    def timed(self) -> bool:
        """True when each set is a countdown rather than counted reps."""
        return self.kind in TIMED_KINDS

    @property
    def paceable(self) -> bool:
        """True when the rep pacer can count its sets: reps with a tempo of some length."""
        return self.reps is not None and self.tempo is not None and self.tempo.total > 0

    @property
    def unit(self) -> str:
        return "steps each way" if self.kind == "steps" else "reps"

    def target_text(self) -> str:
        """The work of one set: '15-20 reps' or '90 s'."""
        if self.timed:
            return format_seconds(self.duration_s or 0)
        low, high = self.reps or (0, 0)
        return f"{low}-{high} {self.unit}" if low != high else f"{low} {self.unit}"

    def dose_text(self) -> str:
        """The whole dose: '3 x 15-20 reps per side'."""
        side = " per side" if self.per_side else ""
        sets = f"{self.sets} x " if self.sets > 1 else ""
        return f"{sets}{self.target_text()}{side}"

    def set_seconds(self) -> int:
        """Estimated seconds of one set on one side."""
        if self.timed:
            return (self.duration_s or 0) + READY_SECONDS
        per_rep = self.tempo.total if self.tempo else DEFAULT_REP_SECONDS
        return (self.reps or (0, 0))[1] * max(per_rep, 1)

    def estimated_seconds(self) -> int:
        """Estimated seconds for the whole exercise, rests and side switches included."""
        sides = 2 if self.per_side else 1
        work = self.set_seconds() * self.sets * sides
        switches = (sides - 1) * self.sets * SWITCH_SECONDS
        return INTRO_SECONDS + work + switches + self.rest_s * (self.sets - 1)


@record
class Routine:
    """An ordered list of exercises, each with its dose for this routine."""

    id: str
    name: str
    category: str
    summary: str
    description: str
    items: tuple[Exercise, ...]
    origin: str = "shipped"
    # Each item's ``priority`` from the content (1 comes first; None: after every ranked item),
    # in item order; what a short session keeps first (session/short_session.py).
    priorities: tuple[int | None, ...] = ()
    # Above 0: a short session built to fit this many minutes, not the routine in full.
    short_minutes: int = 0
    # A readiness test's id: the routine is that test (core/plan/readiness_tests.py).
    readiness_test: str = ""
    # The test asks "Did you limp?" at its end (a walk test).
    asks_limp: bool = False
    # Exercises of the routine left out of this session because the rules hold them today
    # (plan/pain_holds.without_held): the session is never the routine in full.
    held: tuple[Exercise, ...] = ()

    def priority(self, index: int) -> int | None:
        """The content's priority of item ``index``, None when it gives none."""
        return self.priorities[index] if index < len(self.priorities) else None

    def estimated_seconds(self) -> int:
        return sum(item.estimated_seconds() for item in self.items)

    def estimated_minutes(self) -> int:
        return max(1, round(self.estimated_seconds() / 60))


@record
class Library:
    """Every exercise and routine the app knows, shipped and the user's own."""

    exercises: dict[str, Exercise]
    routines: dict[str, Routine]

    def routine(self, routine_id: str) -> Routine:
        try:
            return self.routines[routine_id]
        except KeyError:
            known = ", ".join(sorted(self.routines))
            raise KeyError(f"no routine called '{routine_id}' (known: {known})") from None


def format_seconds(seconds: int) -> str:
    """'45 s', '2 min', '2 min 30 s'."""
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def _read_dose(reader: TableReader, kind: str | None, *, partial: bool) -> dict[str, Any]:
    """Read sets/reps/duration/rest fields; with ``partial`` every field is optional."""
    need = not partial
    dose: dict[str, Any] = {
        "sets": reader.integer("sets", minimum=1, maximum=20, required=need),
        "rest_s": reader.integer("rest_s", maximum=600, required=need),
    }
    timed = kind in TIMED_KINDS
    counted = kind is not None and not timed
    reps = reader.pair("reps", minimum=1, maximum=200, required=need and counted)
    duration = reader.integer("duration_s", minimum=1, maximum=3600, required=need and timed)
    if kind is not None and reps is not None and timed:
        reader.problem("reps", f"no 'reps' for a {kind} exercise (use duration_s)", got=False)
    if kind is not None and duration is not None and counted:
        reader.problem("duration_s", f"no 'duration_s' for a {kind} exercise (use reps)", got=False)
    dose["reps"], dose["duration_s"] = reps, duration
    return {key: value for key, value in dose.items() if value is not None}


def _read_exercise(table: object, where: str, problems: list[str]) -> Exercise | None:
    reader = ContentReader(table, where, problems)
    if not reader.ok:
        return None
    before = len(problems)
    ident = reader.named()
    kind = reader.choice("kind", KINDS)
    dose = _read_dose(reader, kind, partial=False)
    duration_range = reader.pair("duration_range_s", minimum=1, maximum=3600, required=False)
    if duration_range and "duration_s" in dose:
        low, high = duration_range
        if not low <= dose["duration_s"] <= high:
            reader.problem("duration_s", f"a value within duration_range_s {list(duration_range)}")
    tempo = None
    tempo_reader = reader.sub("tempo")
    if tempo_reader is not None and tempo_reader.ok:
        if kind in TIMED_KINDS:
            reader.problem("tempo", "no tempo for a timed exercise", got=False)
        up = tempo_reader.integer("up", maximum=30)
        hold = tempo_reader.integer("hold", maximum=60)
        down = tempo_reader.integer("down", maximum=30)
        tempo_reader.finish()
        if up is not None and hold is not None and down is not None:
            tempo = Tempo(up, hold, down)
    fields: dict[str, Any] = {
        "name": reader.text("name", max_len=32),
        "per_side": reader.flag("per_side"),
        "weight_bearing": reader.flag("weight_bearing", required=False),
        "frequency": reader.text("frequency", max_len=200),
        "targets": reader.text("targets", max_len=300),
        "equipment": reader.texts("equipment"),
        "steps": reader.texts("steps"),
        "cues": reader.texts("cues", max_len=80),
        "errors": reader.texts("errors"),
        "progressions": reader.texts("progressions", required=False),
        "cautions": reader.texts("cautions", required=False),
        "source": reader.text("source", max_len=40),
        "figure": read_figure(reader),
    }
    for key in ("steps", "cues"):
        if key in reader.table and not fields[key]:
            reader.problem(key, "at least one entry", got=False)
    reader.finish()
    if len(problems) > before or ident is None or kind is None:
        return None
    return Exercise(
        id=ident, kind=kind, duration_range_s=duration_range, tempo=tempo, **dose, **fields
    )


def _read_routine(
    table: object, where: str, exercises: dict[str, Exercise], origin: str, problems: list[str]
) -> Routine | None:
    reader = ContentReader(table, where, problems)
    if not reader.ok:
        return None
    before = len(problems)
    ident = reader.named()
    fields = {
        "name": reader.text("name", max_len=28),
        "category": reader.choice("category", CATEGORIES),
        "summary": reader.text("summary", max_len=80),
        "description": reader.text("description", max_len=600),
    }
    items: list[Exercise] = []
    priorities: list[int | None] = []
    entries = reader.tables("items")
    if "items" in reader.table and not entries:
        reader.problem("items", "at least one item", got=False)
    for number, entry in enumerate(entries, start=1):
        item = ContentReader(entry, f"{reader.where}: item {number}", problems)
        exercise_id = item.text("exercise", max_len=64)
        exercise = exercises.get(exercise_id or "")
        if exercise_id and exercise is None:
            item.problem("exercise", "the id of a known exercise", exercise_id)
        dose = _read_dose(item, exercise.kind if exercise else None, partial=True)
        priority = item.integer("priority", minimum=1, maximum=PRIORITY_MAX, required=False)
        item.finish()
        if exercise is not None:
            items.append(replace(exercise, **dose))
            priorities.append(priority)
    reader.finish()
    if len(problems) > before or ident is None:
        return None
    return Routine(
        id=ident,
        items=tuple(items),
        origin=origin,
        priorities=tuple(priorities),
        **fields,  # type: ignore[arg-type]
    )


def _file_tables(
    path: Path, problems: list[str], *, required: bool, cache_dir: Path | None
) -> dict[str, list[Any]]:
    """The ``[[exercise]]`` and ``[[routine]]`` arrays of one content file."""
    data = read_toml(path, cache_dir)
    reader = ContentReader(data, str(path), problems)
    if required or "schema_version" in data:
        check_schema(reader, CONTENT_SCHEMA)
    tables = {key: reader.tables(key, required=False) for key in ("exercise", "routine")}
    reader.finish()
    return tables


def _merge(
    path: Path,
    noun: str,
    tables: list[Any],
    target: dict[str, Any],
    problems: list[str],
    read: Callable[[object, str, list[str]], Exercise | Routine | None],
) -> None:
    """Read each table with ``read`` and add it to ``target``, refusing an id repeated in a file."""
    seen: set[str] = set()
    for number, table in enumerate(tables, 1):
        entry = read(table, f"{path}: {noun} {number}", problems)
        if entry is None:
            continue
        if entry.id in seen:
            problems.append(f"{path}: {noun} '{entry.id}' is defined twice")
        seen.add(entry.id)
        target[entry.id] = entry


def load_library(
    content_dir: Path, user_file: Path | None = None, cache_dir: Path | None = None
) -> Library:
    """Load the shipped exercises and routines, then the user's own file over them.

    The user's entries are added to the shipped ones; an entry with a shipped id replaces it.
    Raises ContentError listing every problem found, so the app never starts half-broken.
    With ``cache_dir``, files unchanged since an earlier run are not parsed again (parse_cache),
    and while none has changed the library read from them is used again (library_cache).
    """
    files = [
        (content_dir / "exercises.toml", "shipped"),
        (content_dir / "routines.toml", "shipped"),
    ]
    if user_file is not None and user_file.exists():
        files.append((user_file, "yours"))
    if cache_dir is None:
        return _read_library(files, None)
    from itb_tui.core.content.library_cache import kept_library

    try:
        sources = [(path, read_bytes(path)) for path, _origin in files]
    except StoreError:  # said with the file's name as it is read
        return _read_library(files, cache_dir)
    return kept_library(cache_dir, sources, lambda: _read_library(files, cache_dir))


def _read_library(files: list[tuple[Path, str]], cache_dir: Path | None) -> Library:
    """Read and check ``files`` (each with its origin) into a library; ContentError if not."""
    problems: list[str] = []
    exercises: dict[str, Exercise] = {}
    routines: dict[str, Routine] = {}
    loaded: list[tuple[Path, str, dict[str, list[Any]]]] = []
    for path, origin in files:
        try:
            loaded.append(
                (
                    path,
                    origin,
                    _file_tables(path, problems, required=origin == "shipped", cache_dir=cache_dir),
                )
            )
        except ContentError as err:
            problems.extend(err.problems)
    for path, _origin, tables in loaded:
        _merge(path, "exercise", tables["exercise"], exercises, problems, _read_exercise)
    for path, origin, tables in loaded:

        def read(
            table: object, where: str, found: list[str], origin: str = origin
        ) -> Routine | None:
            return _read_routine(table, where, exercises, origin, found)

        _merge(path, "routine", tables["routine"], routines, problems, read)
    if problems:
        raise ContentError(problems)
    return Library(exercises=exercises, routines=routines)
