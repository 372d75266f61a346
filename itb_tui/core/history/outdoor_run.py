"""A run done outdoors, as a run session record: from ``itb log-run``, the log-run dialog and
``itb import-run`` alike.

The record is built exactly as a guided run's is (routine "run", one "easy-run" timer result
holding the minutes run, a pain spike at the minute the pain began, the pain after), so every
rule reads it the same way: the rest day after it, the week's pain and count, pain that
builds, a run stopped for pain, the next morning. Only ``source`` and ``outdoor`` tell it
apart, for the reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from itb_tui.core.history.records import (
    BOTH,
    NO_KNEES,
    ExerciseResult,
    Knees,
    PainSpike,
    SessionRecord,
    scored,
    session_id_at,
)
from itb_tui.core.history.run_facts import (
    IMPORTED,
    LOGGED,
    MAX_DISTANCE_KM,
    SOURCE_LABELS,
    SOURCES,
    RunFacts,
    cadence_text,
    distance_text,
)

if TYPE_CHECKING:
    from itb_tui.core.history.history_store import HistoryStore
    from itb_tui.core.history.run_files import RunFile

RUN_ROUTINE = "run"  # as core/plan/weeks.py (the history must not import the plan)
RUN_EXERCISE = ("easy-run", "Easy run")  # the guided run's one timer (plan/overview.py)
OUTDOOR_NAME = "Run outdoors"
MAX_MINUTES = 480
MAX_WALK_BREAKS = 100
CADENCE_RANGE = (60, 260)
SAME_START_S = 60  # a run starting this close to a kept one is that run again
LAST_NIGHT = timedelta(hours=12)  # HH:MM still to come today is yesterday's within this


@dataclass(frozen=True)
class OutdoorRun:
    """What is known of a run done outdoors. ``minutes`` is the time spent running (a
    watch's moving time); ``elapsed_minutes``, when longer, the whole outing with its stops.
    ``pain_began`` is the minute into the run the pain began, ``pain_score`` / ``pain_knees``
    how bad it was then; ``pain_after`` / ``pain_after_knees`` the pain after the run (the
    knees scored when both hurt; the score is then the worse knee's); ``swelling`` the answer
    to "Is the outside of the knee swollen or puffy?" after it (None: not answered), asked as
    after a guided run."""

    started_at: datetime
    minutes: float
    source: str = LOGGED
    elapsed_minutes: float | None = None
    distance_km: float | None = None
    walk_breaks: int | None = None
    cadence: int | None = None
    pain_began: float | None = None
    pain_score: int | None = None
    pain_knees: Knees = NO_KNEES
    pain_after: int | None = None
    pain_after_knees: Knees = NO_KNEES
    stopped: bool = False
    note: str = ""
    file_sha256: str = ""
    swelling: bool | None = None

    @property
    def ended_at(self) -> datetime:
        minutes = max(self.minutes, self.elapsed_minutes or 0)
        return self.started_at + timedelta(seconds=round(minutes * 60))


def refusal(run: OutdoorRun, now: datetime) -> str:
    """Why ``run`` cannot be kept as it is; '' when it can."""
    if run.source not in SOURCES:
        return f"unknown source {run.source!r}"
    if not 1 <= run.minutes < MAX_MINUTES + 1:
        return f"a run is 1 to {MAX_MINUTES} minutes long, not {run.minutes:g}"
    if run.started_at > now:
        return f"the run cannot start in the future ({run.started_at:%Y-%m-%d %H:%M})"
    if run.ended_at > now + timedelta(seconds=59):
        return (
            f"a run of {run.minutes:g} min started at {run.started_at:%H:%M} would end at "
            f"{run.ended_at:%H:%M}, after now ({now:%H:%M}): give the time it started"
        )
    if run.distance_km is not None and not 0 < run.distance_km <= MAX_DISTANCE_KM:
        return f"a distance is above 0 and at most {MAX_DISTANCE_KM:g} km"
    if run.walk_breaks is not None and not 0 <= run.walk_breaks <= MAX_WALK_BREAKS:
        return f"walk breaks are 0 to {MAX_WALK_BREAKS}"
    low, high = CADENCE_RANGE
    if run.cadence is not None and not low <= run.cadence <= high:
        return f"a cadence of {run.cadence} steps a minute is outside {low}-{high}"
    return _pain_refusal(run)


def _pain_refusal(run: OutdoorRun) -> str:
    for value in (run.pain_score, run.pain_after):
        if value is not None and not 0 <= value <= 10:
            return f"pain {value} is outside the scale 0-10"
    if run.pain_began is None:
        if run.pain_score is not None or run.pain_knees:
            return "give the minute the pain began with its score"
        return ""
    if run.pain_began < 0:
        return "the pain cannot begin before the run"
    if run.pain_began > run.minutes:
        return (
            f"the pain began at minute {run.pain_began:g}, after the run's end "
            f"({run.minutes:g} min)"
        )
    return ""


class RunRefused(ValueError):
    """A run that cannot be kept; the message says why."""


def run_record(run: OutdoorRun, now: datetime, ident: str = "") -> SessionRecord:
    """The run session record for ``run`` (``ident``: its id, the start to the second when
    not given). Raises RunRefused, nothing built, when ``run`` cannot be kept."""
    problem = refusal(run, now)
    if problem:
        raise RunRefused(problem)
    seconds = round(run.minutes * 60)
    exercise, name = RUN_EXERCISE
    result = ExerciseResult(exercise, name, "seconds", (BOTH,), 1, {BOTH: [seconds]})
    spikes = []
    if run.pain_began is not None:
        score = None
        if run.pain_score is not None or run.pain_knees:
            score = scored(run.pain_score or 0, run.pain_knees)
        moment = run.started_at + timedelta(seconds=round(run.pain_began * 60))
        spikes.append(PainSpike(moment, exercise, BOTH, score, run.pain_knees))
    facts = RunFacts(run.distance_km, run.walk_breaks, run.cadence, run.file_sha256)
    return SessionRecord(
        id=ident or session_id_at(run.started_at),
        routine=RUN_ROUTINE,
        routine_name=OUTDOOR_NAME,
        started_at=run.started_at,
        ended_at=run.ended_at,
        completed=not run.stopped,
        exercises=[result],
        pain_after=scored(run.pain_after or 0, run.pain_after_knees)
        if run.pain_after is not None or run.pain_after_knees
        else None,
        pain_after_knees=run.pain_after_knees,
        swelling=run.swelling,
        note=run.note,
        pain_spikes=spikes,
        source=run.source,
        outdoor=facts if facts.to_dict() else None,
    )


def same_run(kept: list[SessionRecord], record: SessionRecord) -> SessionRecord | None:
    """The kept run ``record`` repeats: the same file imported again, a run starting within
    a minute of it (the same run logged twice, or from two files), or one whose time it
    overlaps (the watch's file of a guided run: one outing is one run, or it would count
    twice towards the week's runs that 001's return-to-running weeks count); None when it is
    new."""
    for other in kept:
        if other.routine != RUN_ROUTINE:
            continue
        digest = record.outdoor.file_sha256 if record.outdoor else ""
        if digest and other.outdoor is not None and other.outdoor.file_sha256 == digest:
            return other
        if abs((other.started_at - record.started_at).total_seconds()) < SAME_START_S:
            return other
        if other.started_at < record.ended_at and record.started_at < other.ended_at:
            return other
    return None


def parse_start(text: str | None, minutes: float, now: datetime) -> datetime:
    """When the run started: ``text`` as HH:MM today (yesterday when that time is still to
    come today and yesterday's was at most 12 hours ago: a run logged after midnight) or an
    ISO date and time (local when it has no offset); when not given, ``minutes`` before
    ``now`` (it ended just now). Raises ValueError with what was expected."""
    if text is None:
        return (now - timedelta(seconds=round(minutes * 60))).replace(microsecond=0)
    text = text.strip()
    try:
        clock = time.fromisoformat(text) if len(text) <= 5 else None
    except ValueError:
        clock = None
    if clock is not None:
        moment = datetime.combine(now.date(), clock.replace(second=0), tzinfo=now.tzinfo)
        if moment > now and now - (moment - timedelta(days=1)) <= LAST_NIGHT:
            return moment - timedelta(days=1)  # 23:30 typed at 00:10: last night's run
        return moment
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a time: give HH:MM (today) or YYYY-MM-DDTHH:MM"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=now.tzinfo)
    return moment.replace(microsecond=0)


def from_file(found: RunFile, now: datetime, **pain: Any) -> OutdoorRun:
    """The run a watch's file holds, in ``now``'s zone, with the pain answers given."""
    minutes = round(found.moving_s / 60, 1)
    return OutdoorRun(
        found.started_at.astimezone(now.tzinfo).replace(microsecond=0),
        minutes,
        IMPORTED,
        elapsed_minutes=round(found.elapsed_s / 60, 1),
        distance_km=None if found.distance_m is None else round(found.distance_m / 1000, 2),
        cadence=found.cadence,
        file_sha256=found.sha256,
        **pain,
    )


@dataclass(frozen=True)
class Kept:
    """What keeping a run did: ``run`` is the run now in the history (``record`` when
    ``added``; else the run it repeats, with the pain given added when ``pain_added``)."""

    run: SessionRecord
    added: bool
    pain_added: bool = False


def with_pain(kept: SessionRecord, given: SessionRecord) -> SessionRecord | None:
    """``kept`` with the pain ``given`` (the same outing logged or imported again) says and
    ``kept`` does not: a higher rating after it, pain during it (a higher score on its first
    spike, or the spike when it had none), the knee swollen. Pain is never lessened, and a
    second telling of the same pain is not a second spike (two would read as pain that
    builds, 001's warning sign). None when ``given`` adds nothing."""
    from dataclasses import replace

    changes: dict[str, Any] = {}
    if given.pain_after is not None and (
        kept.pain_after is None or given.pain_after > kept.pain_after
    ):
        changes["pain_after"] = given.pain_after
        changes["pain_after_knees"] = given.pain_after_knees
    if given.swelling is not None and not kept.swelling and given.swelling != kept.swelling:
        changes["swelling"] = given.swelling
    spike = max(given.pain_spikes, key=lambda s: s.score or 0, default=None)
    if spike is not None and not kept.pain_spikes:
        changes["pain_spikes"] = [spike]
    elif spike is not None and (spike.score or 0) > (kept.pain_spikes[0].score or 0):
        first = replace(kept.pain_spikes[0], score=spike.score, knees=spike.knees)
        changes["pain_spikes"] = [first, *kept.pain_spikes[1:]]
    return replace(kept, **changes) if changes else None


def keep_run(store: HistoryStore, record: SessionRecord) -> Kept:
    """Add ``record`` to its month unless it is a run already kept (``same_run``, read under
    the store's lock, in its month and in the months next to it that a run across a month's
    end would be in). A run already kept gets the pain ``record`` gives (``with_pain``),
    written to its own month: pain is an input the rules must read, whichever way it came."""
    from itb_tui.core.dates import month_key

    class _Kept(Exception):
        def __init__(self, run: SessionRecord) -> None:
            self.run = run

    key = month_key(record.started_at)
    earliest = record.started_at - timedelta(minutes=MAX_MINUTES)
    others = sorted({month_key(earliest), month_key(record.ended_at)} - {key})

    def change(month: Any) -> None:
        nearby = store.load_readable(others)[0].sessions if others else []
        found = same_run([*month.sessions, *nearby], record)
        if found is not None:
            raise _Kept(found)  # nothing is written when the change raises
        month.sessions.append(record)

    try:
        store.update_month(key, change)
    except _Kept as kept:
        found = kept.run
    else:
        return Kept(record, True)
    if with_pain(found, record) is None:
        return Kept(found, False)

    def add_pain(month: Any) -> SessionRecord:
        for n, session in enumerate(month.sessions):
            if session.id == found.id and session.routine == RUN_ROUTINE:
                merged = with_pain(session, record)
                if merged is None:
                    raise _Kept(session)
                month.sessions[n] = merged
                return merged
        raise _Kept(found)  # removed meanwhile: nothing to add the pain to

    try:
        merged = store.update_month(month_key(found.started_at), add_pain)
    except _Kept as kept:
        return Kept(kept.run, False)
    return Kept(merged, False, True)


def minutes_run(run: SessionRecord) -> int:
    """Minutes of running (as core/plan/running.run_minutes counts them)."""
    seconds = sum(
        v for r in run.exercises if r.unit == "seconds" for vs in r.done.values() for v in vs
    )
    return round((seconds or run.duration_s) / 60)


def run_done_text(run: SessionRecord) -> str:
    """'22 min 4.1 km' ('22 min' without a distance)."""
    km = run.outdoor.distance_km if run.outdoor is not None else None
    return f"{minutes_run(run)} min" + (f" {distance_text(km)}" if km is not None else "")


def run_facts_text(run: SessionRecord) -> str:
    """What a run was, in one line: '22 min on Mon 23 Nov at 07:30, 4.1 km, cadence 172,
    stopped early, pain from minute 12 (3/10), pain after 1/10 (logged)'."""
    from itb_tui.core.dates import day_text, local_date
    from itb_tui.core.history.records import score_text

    when = f"{day_text(local_date(run.started_at))} at {run.started_at:%H:%M}"
    parts = [f"{minutes_run(run)} min on {when}"]
    facts = run.outdoor or RunFacts()
    if facts.distance_km is not None:
        parts.append(distance_text(facts.distance_km))
    if facts.cadence is not None:
        parts.append(cadence_text(facts.cadence))
    if facts.walk_breaks:
        parts.append(f"{facts.walk_breaks} walk break{'' if facts.walk_breaks == 1 else 's'}")
    if not run.completed:
        parts.append("stopped early")
    parts += spike_texts(run)
    if run.pain_after is not None:
        parts.append(f"pain after {score_text(run.pain_after, run.pain_after_knees)}")
    if run.swelling:
        parts.append("the knee swollen")
    return ", ".join(parts) + f" ({SOURCE_LABELS.get(run.source, run.source)})"


def spike_texts(run: SessionRecord) -> list[str]:
    """'pain from minute 12 (3/10)' for each pain spike of a run."""
    from itb_tui.core.history.records import score_text

    texts = []
    for spike in run.pain_spikes:
        minute = max(0, round((spike.at - run.started_at).total_seconds() / 60))
        score = "" if spike.score is None else f" ({score_text(spike.score, spike.knees)})"
        texts.append(f"pain from minute {minute}{score}")
    return texts


# The log-run dialog's fields, in order: (key, label, hint). Every one but minutes may be empty.
FORM = (
    ("minutes", "Minutes run", "e.g. 25"),
    ("at", "Started at", "HH:MM (empty: it ended just now)"),
    ("distance", "Distance, km", "optional"),
    ("walk_breaks", "Walk breaks", "optional"),
    ("pain_began", "Pain began at minute", "empty: no pain during the run"),
    ("pain_score", "Pain then", "0-10"),
    ("pain_after", "Pain after the run", "0-10"),
    ("swelling", "Knee swollen, puffy?", "y or n (empty: not answered)"),
    ("stopped", "Stopped early?", "y or n (empty: no)"),
    ("note", "Note", "optional"),
)


def _field(values: dict[str, str], key: str, label: str, kind: type[int] | type[float]) -> Any:
    text = values.get(key, "").strip().replace(",", ".")
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        raise RunRefused(f"{label}: '{text}' is not a number") from None


def _yes_no(values: dict[str, str], key: str, label: str) -> bool | None:
    """The field's y or n (None when empty); RunRefused for anything else."""
    text = values.get(key, "").strip().lower()
    if text not in ("", "y", "yes", "n", "no"):
        raise RunRefused(f"{label}: answer y or n, not '{text}'")
    return None if not text else text.startswith("y")


def form_run(
    values: dict[str, str],
    now: datetime,
    found: RunFile | None = None,
    *,
    pain_knees: Knees = NO_KNEES,
    pain_after_knees: Knees = NO_KNEES,
) -> OutdoorRun:
    """The run the log-run dialog's fields describe (``found``: the file it imports, whose
    time, minutes and distance replace the fields'; the knees: each knee's pain then and
    after, when both hurt). Raises RunRefused saying which field is wrong; the run it returns
    still goes through ``run_record``'s checks."""
    labels = {key: label for key, label, _ in FORM}
    number = {key: _field(values, key, labels[key], float) for key in ("distance", "pain_began")}
    counts = {
        key: _field(values, key, labels[key], int)
        for key in ("walk_breaks", "pain_score", "pain_after")
    }
    stopped = _yes_no(values, "stopped", "Stopped early")
    swelling = _yes_no(values, "swelling", "Knee swollen")
    pain = {
        "walk_breaks": counts["walk_breaks"],
        "pain_began": number["pain_began"],
        "pain_score": counts["pain_score"],
        "pain_knees": pain_knees,
        "pain_after": counts["pain_after"],
        "pain_after_knees": pain_after_knees,
        "stopped": bool(stopped),
        "swelling": swelling,
        "note": values.get("note", "").strip(),
    }
    if found is not None:
        return from_file(found, now, **pain)
    minutes = _field(values, "minutes", labels["minutes"], float)
    if minutes is None:
        raise RunRefused("Minutes run: how long did you run?")
    try:
        start = parse_start(values.get("at") or None, minutes, now)
    except ValueError as err:
        raise RunRefused(f"Started at: {err}") from None
    return OutdoorRun(start, minutes, distance_km=number["distance"], **pain)
