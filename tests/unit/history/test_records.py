"""Property tests: records survive TOML unchanged, and junk only ever gives typed errors."""

from __future__ import annotations

import math
import tomllib
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from itb_tui.core.content.validate import ContentError, read_toml
from itb_tui.core.history.records import (
    BOTH,
    PAIN_CONTEXTS,
    SIDES,
    UNITS,
    MonthHistory,
    PainLog,
    SessionRecord,
)
from itb_tui.core.store.files import StoreError, read_toml_file
from itb_tui.core.store.settings import (
    CUE_STYLES,
    KNEE_CHOICES,
    SIDE_CHOICES,
    Settings,
    load_settings,
)
from tests.unit.history.strategies import (
    PROPS,
    offsets,
    pain_logs,
    sessions,
)


def through_toml(month: MonthHistory) -> MonthHistory:
    text = tomli_w.dumps(month.to_dict())
    problems: list[str] = []
    back = MonthHistory.from_dict(tomllib.loads(text), "month.toml", problems)
    assert problems == []
    return back


def offsets_of(month: MonthHistory) -> list[timedelta | None]:
    found: list[timedelta | None] = []
    for record in month.sessions:
        found += [record.started_at.utcoffset(), record.ended_at.utcoffset()]
        found += [spike.at.utcoffset() for spike in record.pain_spikes]
    found += [log.at.utcoffset() for log in month.pain_logs]
    return found


@PROPS
@given(sessions)
def test_a_session_round_trips(record: SessionRecord) -> None:
    month = MonthHistory(sessions=[record])
    back = through_toml(month)
    assert back.sessions == [record]
    assert back.pain_logs == []
    assert offsets_of(back) == offsets_of(month)  # the same instant and the same local time


@PROPS
@given(pain_logs)
def test_a_pain_log_round_trips(log: PainLog) -> None:
    month = MonthHistory(pain_logs=[log])
    back = through_toml(month)
    assert back.pain_logs == [log]
    assert back.pain_logs[0].id == log.id
    assert offsets_of(back) == offsets_of(month)


@PROPS
@given(st.lists(sessions, max_size=3), st.lists(pain_logs, max_size=3))
def test_a_month_round_trips_in_time_order(
    records: list[SessionRecord], logs: list[PainLog]
) -> None:
    back = through_toml(MonthHistory(sessions=list(records), pain_logs=list(logs)))
    assert back.sessions == sorted(records, key=lambda s: s.started_at)
    assert back.pain_logs == sorted(logs, key=lambda p: p.at)


# -- junk ---------------------------------------------------------------------------------------
SESSION_FIELDS = (
    "id",
    "routine",
    "routine_name",
    "started_at",
    "ended_at",
    "completed",
    "pain_after",
    "note",
)
KNOWN_KEYS = (
    "schema_version",
    "sessions",
    "pain_logs",
    *SESSION_FIELDS,
    "exercises",
    "pain_spikes",
    "exercise",
    "name",
    "unit",
    "sides",
    "sets_planned",
    "done",
    "skipped_sets",
    "at",
    "score",
    "context",
    "side",
    "left",
    "right",
    "both",
    "weaker_side",
    "painful_knee",
    "cue_style",
    "flash",
    "program_start",
    "running",
    "onboarded",
    "progressions",
    "asked_after_run",
)
keys = st.sampled_from(KNOWN_KEYS) | st.text(max_size=8)
scalars = st.one_of(
    st.text(max_size=20),
    st.sampled_from(("left", "right", "both", "rest", "reps", "bell", "voice", "off", "")),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.integers(min_value=-2, max_value=12),
    st.floats(),
    st.booleans(),
    st.datetimes(timezones=st.none() | offsets),
    st.dates(),
    st.times(),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=15,
)
tables = st.dictionaries(keys, values, max_size=8)
months = st.fixed_dictionaries(
    {},
    optional={
        "schema_version": values,
        "sessions": st.lists(tables, max_size=3) | values,
        "pain_logs": st.lists(tables, max_size=3) | values,
    },
)


def check_month(data: Any) -> None:
    """from_dict never raises; what it returns is well-formed; problems name the file."""
    problems: list[str] = []
    month = MonthHistory.from_dict(data, "junk.toml", problems)
    assert all(isinstance(p, str) and p.startswith("junk.toml") for p in problems)
    for record in month.sessions:
        assert isinstance(record.id, str) and record.id == record.id.strip() and record.id
        assert record.started_at.tzinfo is not None and record.ended_at.tzinfo is not None
        assert isinstance(record.completed, bool) and isinstance(record.note, str)
        assert record.pain_after is None or 0 <= record.pain_after <= 10
        for result in record.exercises:
            assert result.unit in UNITS and result.sides
            assert set(result.done) | set(result.skipped_sets) <= {*SIDES, BOTH}
    for log in month.pain_logs:
        assert 0 <= log.score <= 10 and log.context in PAIN_CONTEXTS
    if not problems:
        back = through_toml(month)
        assert back.sessions == sorted(month.sessions, key=lambda s: s.started_at)
        assert back.pain_logs == sorted(month.pain_logs, key=lambda p: p.at)


@PROPS
@given(months | tables | values)
def test_junk_month_dicts_never_crash(data: Any) -> None:
    check_month(data)


OPTIONAL = {"pain_after": None, "note": ""}


@PROPS
@given(sessions, st.sampled_from(SESSION_FIELDS), st.none() | values)
def test_one_bad_session_field_is_named(record: SessionRecord, key: str, value: Any) -> None:
    """Replace (or, for None, remove) one field: the problem names it, or the value was fine."""
    table = record.to_dict()
    if value is None:
        table.pop(key, None)
    else:
        table[key] = value
    problems: list[str] = []
    month = MonthHistory.from_dict({"schema_version": 1, "sessions": [table]}, "m", problems)
    check_month({"schema_version": 1, "sessions": [table]})
    if problems:
        assert any(p.startswith("m: session 1") and f"field '{key}'" in p for p in problems)
        return
    assert len(month.sessions) == 1
    expected = OPTIONAL.get(key) if value is None else value
    got = getattr(month.sessions[0], key)
    assert got == expected or (isinstance(got, str) and got == str(expected).strip())


@PROPS
@given(pain_logs, st.sampled_from(("at", "score", "context", "note")), st.none() | values)
def test_one_bad_pain_log_field_is_named(log: PainLog, key: str, value: Any) -> None:
    table = log.to_dict()
    if value is None:
        table.pop(key)
    else:
        table[key] = value
    problems: list[str] = []
    month = MonthHistory.from_dict({"schema_version": 1, "pain_logs": [table]}, "m", problems)
    if problems:
        assert any(f"m: pain log 1: field '{key}'" in p for p in problems), problems
    else:
        assert getattr(month.pain_logs[0], key) == ("" if value is None else value)


# -- junk files ---------------------------------------------------------------------------------
FRAGMENTS = (
    "schema_version = 1",
    "[[sessions]]",
    "[[pain_logs]]",
    "[sessions]",
    'id = "x"',
    "at = 2026-11-23T07:30:00+01:00",
    "at = 2026-02-30T07:30:00",
    "score = 3",
    "flash = true",
    'weaker_side = "left"',
    "program_start = 2026-11-23",
    "a = [1, 2",
    "b = {",
    '"',
    "= 1",
    "c.d = 1",
    "c = 2",
    "x = 1979-05-27T00:32:00.999999-07:00",
    "",
)
toml_ish = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=10).map(
    lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")
)
junk_bytes = st.binary(max_size=200) | toml_ish


def write(path: Path, raw: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return path


def same(a: Any, b: Any) -> bool:
    """Equality in which NaN equals NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b) and type(a) is type(b)


@PROPS
@given(junk_bytes)
def test_read_toml_file_gives_a_dict_or_store_error(tmp_path: Path, raw: bytes) -> None:
    path = write(tmp_path / "junk" / "2026-11.toml", raw)
    try:
        expected: Any = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        expected = StoreError
    try:
        got: Any = read_toml_file(path)
    except StoreError as err:
        assert str(err).startswith(f"{path} is damaged")
        got = StoreError
    assert same(got, expected)
    assert path.read_bytes() == raw


def check_settings(path: Path, data: dict[str, Any] | None) -> None:
    try:
        loaded = load_settings(path)
    except StoreError as err:
        assert str(err).startswith(str(path))
        return
    assert isinstance(loaded, Settings)
    if data is None:
        return
    version = data.get("schema_version")
    # A newer file is read where it can be: what this version cannot use keeps its default.
    newer = isinstance(version, int) and not isinstance(version, bool) and version > 1
    defaults = Settings()

    def check(key: str, valid: bool) -> None:
        if valid:
            assert getattr(loaded, key) == data[key]
        else:
            assert newer and getattr(loaded, key) == getattr(defaults, key)

    choices = {"weaker_side": SIDE_CHOICES, "painful_knee": KNEE_CHOICES, "cue_style": CUE_STYLES}
    for key, allowed in choices.items():
        if key in data:
            check(key, data[key] in allowed)
    for key in ("flash", "running", "onboarded"):
        if key in data:
            check(key, isinstance(data[key], bool))
    if "program_start" in data:
        start = data["program_start"]
        plain = isinstance(start, date) and not isinstance(start, datetime)
        check("program_start", plain and 1970 <= start.year <= 2200)


settings_dicts = st.fixed_dictionaries(
    {},
    optional={
        "schema_version": st.integers(min_value=-1, max_value=3) | values,
        "weaker_side": st.sampled_from(("left", "right", "both", "")) | values,
        "painful_knee": st.sampled_from(KNEE_CHOICES) | values,
        "cue_style": st.sampled_from(CUE_STYLES) | values,
        "flash": st.booleans() | values,
        "running": st.booleans() | values,
        "onboarded": st.booleans() | values,
        "program_start": st.dates() | st.datetimes() | st.times() | values,
        "progressions": st.dictionaries(keys, st.integers(min_value=-1, max_value=21)) | values,
        "asked_after_run": st.datetimes(timezones=st.none() | offsets) | values,
        "extra": values,
    },
)


@PROPS
@given(settings_dicts | tables)
def test_load_settings_from_any_table(tmp_path: Path, data: dict[str, Any]) -> None:
    path = write(tmp_path / "config" / "settings.toml", tomli_w.dumps(data).encode("utf-8"))
    check_settings(path, data)


@PROPS
@given(junk_bytes)
def test_load_settings_from_any_bytes(tmp_path: Path, raw: bytes) -> None:
    path = write(tmp_path / "config" / "settings.toml", raw)
    check_settings(path, None)


@PROPS
@given(junk_bytes)
def test_read_toml_gives_a_dict_or_content_error(tmp_path: Path, raw: bytes) -> None:
    path = write(tmp_path / "content" / "content.toml", raw)
    try:
        data = read_toml(path)
    except ContentError as err:
        assert len(err.problems) == 1 and err.problems[0].startswith(f"{path}: is not ")
        return
    assert same(data, tomllib.loads(raw.decode("utf-8")))


def test_a_bare_time_is_not_a_program_start(tmp_path: Path) -> None:
    path = write(tmp_path / "settings.toml", tomli_w.dumps({"program_start": time(7)}).encode())
    with pytest.raises(StoreError, match="field 'program_start': expected a date such as"):
        load_settings(path)
