"""Hypothesis strategies for valid history records, and the settings the property tests run with."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from itb_tui.core.history.records import (
    BOTH,
    PAIN_CONTEXTS,
    SIDES,
    UNITS,
    ExerciseResult,
    PainLog,
    PainSpike,
    SessionRecord,
)
from tests.examples import examples

PROPS = settings(
    max_examples=examples(100),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# -- valid records ------------------------------------------------------------------------------
# TOML offsets are whole minutes below a day; records are kept to the second.
offsets = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


moments = st.builds(
    lambda naive, tz: naive.replace(microsecond=0, tzinfo=tz),
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 12, 31)),
    offsets,
)


chars = st.characters(exclude_categories=("Cs",))


# What TableReader.text accepts and gives back unchanged: stripped, not empty.
names = st.text(chars, min_size=1, max_size=64).map(str.strip).filter(bool)


notes = st.text(chars, max_size=200)


side_keys = st.sampled_from((*SIDES, BOTH))


counts = st.integers(min_value=0, max_value=10_000)


@st.composite
def exercise_results(draw: st.DrawFn) -> ExerciseResult:
    sides = draw(st.sampled_from([("left", "right"), ("right", "left"), (BOTH,)]))
    return ExerciseResult(
        exercise=draw(names),
        name=draw(names),
        unit=draw(st.sampled_from(UNITS)),
        sides=sides,
        sets_planned=draw(st.integers(min_value=0, max_value=100)),
        done=draw(st.dictionaries(side_keys, st.lists(counts, max_size=6), max_size=3)),
        skipped_sets=draw(st.dictionaries(side_keys, counts, max_size=3)),
    )


spikes = st.builds(
    PainSpike,
    at=moments,
    exercise=names,
    side=side_keys,
    score=st.none() | st.integers(min_value=0, max_value=10),
)


sessions = st.builds(
    SessionRecord,
    id=names,
    routine=names,
    routine_name=names,
    started_at=moments,
    ended_at=moments,
    completed=st.booleans(),
    exercises=st.lists(exercise_results(), max_size=3),
    pain_after=st.none() | st.integers(min_value=0, max_value=10),
    note=notes,
    pain_spikes=st.lists(spikes, max_size=3),
)


pain_logs = st.builds(
    PainLog,
    at=moments,
    score=st.integers(min_value=0, max_value=10),
    context=st.sampled_from(PAIN_CONTEXTS),
    note=notes,
)
