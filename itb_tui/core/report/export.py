"""Export the history as CSV, JSON or a Markdown report for a physiotherapist; read JSON back."""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Literal

from itb_tui.core.content.library import load_library
from itb_tui.core.content.validate import ContentError
from itb_tui.core.dates import days_back, week_monday, week_sunday
from itb_tui.core.history.function_scale import (
    MEANINGFUL,
    changes,
    rated_changes,
    summary_lines,
)
from itb_tui.core.history.outdoor_run import run_facts_text
from itb_tui.core.history.records import (
    CONTEXT_LABELS,
    SIDES,
    FunctionScore,
    Knees,
    MonthHistory,
    PainLog,
    RunDecision,
    SessionRecord,
    pain_log_ids,
    score_text,
)
from itb_tui.core.history.stats import (
    DayPain,
    daily_pain,
    done_text,
    routine_categories,
    session_day,
)
from itb_tui.core.plan.weeks import RUN_ROUTINE, STRENGTH, STRENGTH_PER_WEEK, STRETCH, week_counts
from itb_tui.core.report.entries import decision_entries, note_entries, spike_entries
from itb_tui.core.report.flags import FlagEvent, flag_lines
from itb_tui.core.store.paths import content_dir
from itb_tui.core.text import plain_text, plural

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ExportFormat = Literal["csv", "json", "markdown"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "json", "markdown")
JSON_SCHEMA = 1
CSV_HEADER = (
    "kind",
    "date",
    "at",
    "id",
    "routine",
    "exercise",
    "side",
    "sets_planned",
    "sets_done",
    "values",
    "unit",
    "skipped_sets",
    "pain",
    "context",
    "note",
    "pain_left",  # each knee's score where both knees were scored ("" otherwise)
    "pain_right",
    "swelling",  # true / false as answered, "" when not asked
    "compared",  # a morning check-in's better / same / worse
)
REPORT_LIST_LIMIT = 40
_SPAN = re.compile(r"^(\d+)\s*([dw])$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def export(
    history: MonthHistory,
    fmt: ExportFormat,
    since: date | None,
    today: date,
    *,
    categories_by_routine: Mapping[str, str] | None = None,
    left_out: Sequence[str] = (),
    flags: Sequence[FlagEvent] = (),
    program_start: date | None = None,
) -> str:
    """The records from ``since`` (all when None) up to ``today`` in ``fmt``.

    ``categories_by_routine`` (routine id -> category) is used by the Markdown report's
    sessions and adherence figures; when None the shipped routines' categories are used.
    ``left_out`` names the files that could not be read: each format says so at its top.
    ``flags``: every red flag ticked and unticked, listed in each format. Adherence counts
    from ``program_start`` when the period begins before it.
    """
    chosen = filter_history(history, since, today)
    ahead = ahead_text(chosen, today)
    if fmt == "csv":
        return (f"# {ahead}\n" if ahead else "") + to_csv(chosen, left_out, flags)
    if fmt == "json":
        return to_json(chosen, left_out, flags, ahead)
    if fmt == "markdown":
        categories = (
            categories_by_routine if categories_by_routine is not None else _shipped_categories()
        )
        text = to_markdown(chosen, since, today, categories, left_out, flags, program_start)
        return text.replace("\n\n", f"\n\n**{ahead}**\n\n", 1) if ahead else text
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def filter_history(history: MonthHistory, since: date | None, today: date) -> MonthHistory:
    """The sessions, pain logs and run-week decisions dated from ``since``, including any
    dated after ``today`` (a clock that was ahead, a move west): they are the user's too."""

    def keep(day: date) -> bool:
        return since is None or day >= since

    return MonthHistory(
        sorted((s for s in history.sessions if keep(session_day(s))), key=lambda s: s.started_at),
        sorted((p for p in history.pain_logs if keep(p.at.date())), key=lambda p: p.at),
        sorted((d for d in history.run_decisions if keep(d.at.date())), key=lambda d: d.at),
        [f for f in history.function_scores if f.at.date() <= today],  # the first is the baseline
    )


def ahead_text(history: MonthHistory, today: date) -> str:
    """What says that entries are dated after ``today``, or ""."""
    days = [session_day(s) for s in history.sessions]
    days += [p.at.date() for p in history.pain_logs] + [d.at.date() for d in history.run_decisions]
    count = sum(1 for day in days if day > today)
    if not count:
        return ""
    return (
        f"{plural(count, 'entry', 'entries')} dated after today ({today.isoformat()}), included "
        "as recorded: the clock may have been ahead, or you crossed time zones."
    )


def _shipped_categories() -> dict[str, str]:
    try:
        return routine_categories(load_library(content_dir()))
    except ContentError:
        return {}


# -- since ------------------------------------------------------------------------------------
def parse_since(text: str, today: date | None = None) -> date:
    """'2026-09-01', or a span ending today: '30d' (30 days), '8w' (8 weeks)."""
    value = text.strip().lower()
    today = today or date.today()
    span = _SPAN.match(value)
    if span:
        count = int(span.group(1)) * (7 if span.group(2) == "w" else 1)
        if count < 1:
            raise ValueError(f"a span must be at least one day, got {text!r}")
        try:
            return days_back(today, count)
        except OverflowError:
            raise ValueError(f"{text!r} reaches back before the year 1") from None
    if _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{text!r} is not a real date") from None
    raise ValueError(
        f"expected a date as YYYY-MM-DD (2026-09-01) or a span such as 30d or 8w, got {text!r}"
    )


# -- CSV --------------------------------------------------------------------------------------
def _session_csv_rows(session: SessionRecord) -> Iterable[list[object]]:
    start = [
        "session",
        session_day(session).isoformat(),
        session.started_at.isoformat(),
        session.id,
        session.routine,
    ]
    end = [
        "" if session.pain_after is None else session.pain_after,
        "",
        plain_text(session.note, keep_newlines=True),
        *_knee_cells(session.pain_after_knees),
        _yes_no(session.swelling),
        "",
    ]
    if not session.exercises:
        yield [*start, "", "", "", "", "", "", "", *end]
    for result in session.exercises:
        for side in result.sides:
            values = result.done.get(side, [])
            yield [
                *start,
                result.exercise,
                side,
                result.sets_planned,
                len(values),
                " ".join(str(v) for v in values),
                result.unit,
                result.skipped_sets.get(side, 0),
                *end,
            ]


def _pain_csv_row(log: PainLog, ident: str) -> list[object]:
    when = [log.at.date().isoformat(), log.at.isoformat()]
    return [
        "pain",
        *when,
        ident,
        *[""] * 8,
        log.score,
        log.context,
        plain_text(log.note, keep_newlines=True),
        *_knee_cells(log.knees),
        _yes_no(log.swelling),
        log.compared,
    ]


def _flag_csv_row(event: FlagEvent) -> list[object]:
    """A red flag ticked or unticked: the flag's id in ``id``, ticked/unticked in
    ``context``, its question in ``note``."""
    when = [event.at.date().isoformat(), event.at.isoformat()]
    return ["red-flag", *when, event.flag, *[""] * 9, event.verb, event.text, *[""] * 4]


def _yes_no(answer: bool | None) -> str:
    return "" if answer is None else str(answer).lower()


def _decision_csv_row(decision: RunDecision) -> list[object]:
    """A run-week decision: the week set in ``values``, week/pause/resume in ``context``."""
    when = [decision.at.date().isoformat(), decision.at.isoformat()]
    week = "" if decision.week is None else decision.week
    note = plain_text(decision.note, keep_newlines=True)
    row = ["run-decision", *when, decision.id, *[""] * 5, week, *[""] * 3, decision.decision, note]
    return [*row, *[""] * 4]


def _function_csv_rows(scores: Sequence[FunctionScore]) -> Iterable[tuple[datetime, list[object]]]:
    """A function score: one row per activity, its rating in ``values``, in ``note`` its change
    since the activity's first rating."""
    for score, change in rated_changes(scores):
        when = [score.at.date().isoformat(), score.at.isoformat()]
        since = f"change {change.change:+d} since {change.since.isoformat()}"
        note = since + (", meaningful" if change.meaningful else "")
        row = ["function", *when, score.id, "", change.activity, "", "", "", change.last]
        yield score.at, [*row, "0-10", "", "", "", note, "", ""]


def _knee_cells(knees: Knees) -> list[object]:
    return ["" if value is None else value for value in (knees.left, knees.right)]


def left_out_text(left_out: Sequence[str]) -> str:
    """'Left out (could not be read): FILE, FILE.'"""
    return f"Left out (could not be read): {', '.join(left_out)}."


def to_csv(
    history: MonthHistory, left_out: Sequence[str] = (), flags: Sequence[FlagEvent] = ()
) -> str:
    """One row per exercise and side of each session, one per pain log, run-week decision
    and red flag ticked or unticked, in time order.

    Files left out are named in a ``#`` comment line above the header.
    """
    timed: list[tuple[datetime, list[object]]] = []
    for session in history.sessions:
        timed.extend((session.started_at, row) for row in _session_csv_rows(session))
    logs = history.pain_logs
    timed.extend(
        (log.at, _pain_csv_row(log, ident))
        for log, ident in zip(logs, pain_log_ids(logs), strict=True)
    )
    timed.extend((d.at, _decision_csv_row(d)) for d in history.run_decisions)
    timed.extend((event.at, _flag_csv_row(event)) for event in flags)
    timed.extend(_function_csv_rows(history.function_scores))
    out = io.StringIO()
    if left_out:
        out.write(f"# {plain_text(left_out_text(left_out))}\n")
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    writer.writerows(
        [_inert(cell) for cell in row] for _, row in sorted(timed, key=lambda item: item[0])
    )
    return out.getvalue()


def _inert(cell: object) -> object:
    """A text cell a spreadsheet would run as a formula (it begins with = + - @, a tab or a
    carriage return) gets a leading ' (as OWASP advises for CSV), so it shows as typed."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


# -- JSON -------------------------------------------------------------------------------------
def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    return value


def _escape_controls(text: str) -> str:
    """JSON leaves DEL and the C1 controls as they are; write them as ``\\u`` escapes."""
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


def to_json(
    history: MonthHistory,
    left_out: Sequence[str] = (),
    flags: Sequence[FlagEvent] = (),
    ahead: str = "",
) -> str:
    """``{"schema_version": 1, "sessions": [...], "pain_logs": [...]}``, times as ISO text.

    Each pain log carries its CSV ``id``; files left out are listed under ``left_out``;
    run-week decisions, when there are any, under ``run_decisions``; every red flag ticked
    and unticked under ``red_flags`` (an empty list when none ever was).
    """
    logs = history.pain_logs
    data: dict[str, Any] = {"schema_version": JSON_SCHEMA}
    if left_out:
        data["left_out"] = list(left_out)
    if ahead:
        data["dated_after_today"] = ahead
    data["sessions"] = [_jsonable(s.to_dict()) for s in history.sessions]
    data["pain_logs"] = [
        {"id": ident, **_jsonable(p.to_dict())}
        for p, ident in zip(logs, pain_log_ids(logs), strict=True)
    ]
    if history.run_decisions:
        data["run_decisions"] = [
            {"id": d.id, **_jsonable(d.to_dict())} for d in history.run_decisions
        ]
    data["red_flags"] = [event.to_dict() for event in flags]
    if history.function_scores:
        data["function_scores"] = [
            {"id": f.id, **_jsonable(f.to_dict())} for f in history.function_scores
        ]
        data["function_change"] = [
            {
                "activity": c.activity,
                "first": c.first,
                "since": c.since.isoformat(),
                "last": c.last,
                "change": c.change,
                "meaningful": c.meaningful,
            }
            for c in changes(history.function_scores)
        ]
    return _escape_controls(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def _parse_time(table: Any, key: str) -> None:
    """Turn ISO text back into a datetime; bad text is left for the reader to report."""
    if isinstance(table, dict) and isinstance(table.get(key), str):
        with contextlib.suppress(ValueError):
            table[key] = datetime.fromisoformat(table[key])


def _restore_times(data: dict[str, Any]) -> None:
    for session in data.get("sessions") or []:
        _parse_time(session, "started_at")
        _parse_time(session, "ended_at")
        spikes = session.get("pain_spikes") if isinstance(session, dict) else None
        for spike in spikes if isinstance(spikes, list) else []:
            _parse_time(spike, "at")
    data.pop("function_change", None)  # worked out from the scores
    keys = ("pain_logs", "run_decisions", "function_scores")
    logs = [entry for key in keys for entry in data.get(key) or []]
    for log in logs:
        _parse_time(log, "at")
        if isinstance(log, dict):
            log.pop("id", None)  # worked out from the entries, not stored


def import_json(text: str) -> MonthHistory:
    """Read back what ``to_json`` wrote; ValueError names every problem found."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"not valid JSON: {err}") from err
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object with 'sessions' and 'pain_logs'")
    version = data.get("schema_version")
    if isinstance(version, int) and version > JSON_SCHEMA:
        raise ValueError(f"schema_version {version} is newer than this itb-tui understands")
    if not isinstance(data.get("sessions", []), list) or not isinstance(
        data.get("pain_logs", []), list
    ):
        raise ValueError("'sessions' and 'pain_logs' must be lists")
    _restore_times(data)
    data.pop("left_out", None)
    data.pop("red_flags", None)  # kept in red-flags.toml, not in the history
    data.pop("dated_after_today", None)
    problems: list[str] = []
    history = MonthHistory.from_dict(data, "JSON export", problems)
    if problems:
        raise ValueError("; ".join(problems))
    return history


# -- Markdown ---------------------------------------------------------------------------------
def _cell(text: str) -> str:
    """User text for a line or table cell of the report, shown as typed: one line, HTML
    escaped, and no square brackets left to make a link or an image (none is ever fetched)."""
    text = " ".join(plain_text(text).split())
    text = html.escape(text.replace("\\", "\\\\"), quote=False)
    for char in "|[]":
        text = text.replace(char, "\\" + char)
    return text


TOO_SHORT = "the period holds no whole week (Monday to Sunday), too short for a weekly rate"


def _per_week(sessions: Sequence[SessionRecord], mondays: Sequence[date]) -> str:
    """Sessions a week over the whole weeks ``mondays`` (the period's partial weeks left out)."""
    if not mondays:
        return TOO_SHORT
    first, end = mondays[0], week_sunday(mondays[-1])
    count = sum(1 for s in sessions if first <= session_day(s) <= end)
    return f"{count / len(mondays):.1f} per week over {plural(len(mondays), 'whole week')}"


def _full_weeks(start: date, today: date) -> list[date]:
    """Mondays of the ISO weeks lying wholly within ``start``..``today``."""
    monday = week_monday(start) + (timedelta(weeks=1) if start.weekday() else timedelta())
    mondays = []
    while week_sunday(monday) <= today:
        mondays.append(monday)
        monday += timedelta(weeks=1)
    return mondays


def _adherence(
    history: MonthHistory,
    start: date,
    today: date,
    categories: Mapping[str, str],
    *,
    since_start: bool = False,
) -> list[str]:
    days = max(1, (today - start).days + 1)
    sessions = [s for s in history.sessions if session_day(s) >= start]
    done = [s for s in sessions if s.completed]
    strength = [s for s in done if categories.get(s.routine) == STRENGTH and not s.short_minutes]
    short = sum(1 for s in done if s.short_minutes)
    stretch_days = {session_day(s) for s in done if categories.get(s.routine) == STRETCH}
    mondays = _full_weeks(start, today)
    weeks = [week_counts(sessions, monday, categories) for monday in mondays]
    back_to_back = sum(len(w.back_to_back) for w in weeks)
    strength_line = (
        f"- Strength: {plural(len(strength), 'session')}, {_per_week(strength, mondays)} "
        f"(target {STRENGTH_PER_WEEK} a week, not on consecutive days)"
    )
    if weeks:
        met = sum(1 for w in weeks if w.strength_met)
        strength_line += f"; target met in {met} of {len(weeks)} whole weeks"
    lines = [
        "## Adherence",
        "",
        f"- Sessions: {len(sessions)} ({len(done)} completed, "
        f"{len(sessions) - len(done)} not complete), {_per_week(sessions, mondays)}",
        strength_line,
        f"- Stretching: {len(stretch_days)} of {days} days "
        f"({round(len(stretch_days) * 100 / days)} %), target daily",
    ]
    if short:
        lines.append(f"- Short sessions (partial, not counted above): {short}")
    if back_to_back:
        lines.append(f"- Strength on back-to-back days: {plural(back_to_back, 'time')}")
    if since_start:
        lines.append(f"- Counted from the program start, {start.isoformat()}")
    return lines


def _mean_text(days: Sequence[DayPain]) -> str:
    """'mean 1.5/10 over 4 scores' across ``days``."""
    count = sum(d.count for d in days)
    mean = sum(d.mean_score * d.count for d in days) / count
    return f"mean {mean:.1f}/10 over {plural(count, 'score')}"


def _window(days: list[DayPain], first: date, last: date) -> str:
    chosen = [d for d in days if first <= d.day <= last]
    return f"{first.isoformat()} to {last.isoformat()}: {_mean_text(chosen)}"


def _pain_trend(history: MonthHistory, start: date, today: date) -> list[str]:
    """First and last 7 days with data (inside the period), compared; the worst day."""
    lines = ["## Pain trend", ""]
    days = daily_pain(history.pain_logs, history.sessions)
    if not days:
        return [*lines, "No pain scores in this period."]
    week = timedelta(days=6)
    first, last = days[0].day, days[-1].day
    if last - first < timedelta(days=13):  # two weeks would overlap: one window, no trend
        lines.append(f"- Whole period, {_window(days, first, last)} (too short for a trend)")
    else:
        lines.append(f"- First week, {_window(days, first, min(first + week, today))}")
        lines.append(f"- Last week, {_window(days, max(last - week, start), last)}")
    worst = max(days, key=lambda d: (d.max_score, d.mean_score, -d.day.toordinal()))
    where = ", ".join(_worst_sources(history, worst.day, worst.max_score))
    lines.append(f"- Worst day: {worst.day.isoformat()}, {worst.max_score}/10 ({where})")
    lines.append(f"- Days with a pain score: {len(days)}")
    return lines + _knee_trend(history)


def _worst_sources(history: MonthHistory, day: date, score: int) -> list[str]:
    """Where the worst day's highest score was given: a pain log's context, or after the
    session it rated ('after Run', 'after Hip strength'), each once."""
    found = [
        CONTEXT_LABELS.get(p.context, p.context)
        for p in history.pain_logs
        if p.at.date() == day and p.score == score
    ]
    found += [
        f"after {s.routine_name}"
        for s in history.sessions
        if session_day(s) == day and s.pain_after == score
    ]
    return list(dict.fromkeys(found))


def _knee_trend(history: MonthHistory) -> list[str]:
    """'- Left knee, where each knee was scored: mean 1.5/10 over 4 scores, worst 3/10 on
    2026-11-24' for each knee with a score of its own; nothing without one."""
    lines = []
    for knee in SIDES:
        days = daily_pain(history.pain_logs, history.sessions, knee=knee)
        if days:
            worst = max(days, key=lambda d: (d.max_score, -d.day.toordinal()))
            lines.append(
                f"- {knee.capitalize()} knee, where each knee was scored: "
                f"{_mean_text(days)}, "
                f"worst {worst.max_score}/10 on {worst.day.isoformat()}"
            )
    return lines


def _limited(items: list[str], noun: str) -> list[str]:
    if not items:
        return ["None."]
    if len(items) <= REPORT_LIST_LIMIT:
        return items
    shown = items[-REPORT_LIST_LIMIT:]
    return [*shown, "", f"Showing the last {len(shown)} of {len(items)} {noun}."]


def matters(session: SessionRecord, categories: Mapping[str, str]) -> bool:
    """A session the report keeps ahead of daily routines: a run, strength work, or one that
    was stopped or painful (a pain spike, or pain rated above 0)."""
    return (
        session.routine == RUN_ROUTINE
        or categories.get(session.routine) == STRENGTH
        or not session.completed
        or bool(session.pain_spikes)
        or bool(session.pain_after)
    )


def reported_sessions(
    sessions: Sequence[SessionRecord], categories: Mapping[str, str]
) -> list[SessionRecord]:
    """At most REPORT_LIST_LIMIT sessions, in time order: the newest that matter first
    (see ``matters``), then the newest of the rest in the room left."""
    if len(sessions) <= REPORT_LIST_LIMIT:
        return list(sessions)
    ranked = sorted(sessions, key=lambda s: (matters(s, categories), s.started_at), reverse=True)
    return sorted(ranked[:REPORT_LIST_LIMIT], key=lambda s: s.started_at)


def _sessions_table(history: MonthHistory, categories: Mapping[str, str]) -> list[str]:
    rows = []
    shown = reported_sessions(history.sessions, categories)
    for s in shown:
        routine = s.routine_name + ("" if s.completed else " (not complete)")
        pain = "-" if s.pain_after is None else score_text(s.pain_after, s.pain_after_knees)
        done = done_text(s)
        rows.append(f"| {session_day(s).isoformat()} | {_cell(routine)} | {done} | {pain} |")
    if not rows:
        return ["## Sessions", "", "None."]
    body = ["| Date | Routine | Done/planned | Pain after |", "|---|---|---|---|", *rows]
    if len(shown) < len(history.sessions):
        body += [
            "",
            f"Showing {len(shown)} of {len(history.sessions)} sessions: runs, strength and "
            "anything stopped or painful first, then the newest of the rest; "
            "the CSV export has them all.",
        ]
    return ["## Sessions", "", *body]


def _runs(history: MonthHistory) -> list[SessionRecord]:
    return [s for s in history.sessions if s.routine == RUN_ROUTINE]


def _run_lines(history: MonthHistory) -> list[str]:
    """Every run, guided or outdoors: minutes, distance, pain spikes at their minute, pain
    after, where it came from."""
    lines = [f"- {_cell(run_facts_text(run))}" for run in _runs(history)]
    return ["## Runs", "", *_limited(lines, "runs")]


def _spike_lines(history: MonthHistory) -> list[str]:
    lines = [f"- {_cell(entry.describe())}" for entry in spike_entries(history)]
    return ["## Pain spikes", "", *_limited(lines, "pain spikes")]


def _note_lines(history: MonthHistory) -> list[str]:
    lines = [f"- {n.at:%Y-%m-%d}, {_cell(n.about)}: {_cell(n.text)}" for n in note_entries(history)]
    return ["## Notes", "", *_limited(lines, "notes")]


def _flag_lines(flags: Sequence[FlagEvent]) -> list[str]:
    return ["## Red flags", "", *(f"- {_cell(line)}" for line in flag_lines(flags))]


def _decision_lines(history: MonthHistory) -> list[str]:
    lines = [f"- {_cell(text)}" for text in decision_entries(history)]
    return ["## Run week set by hand", "", *_limited(lines, "decisions")]


def _function_lines(history: MonthHistory) -> list[str]:
    lines = [f"- {_cell(line)}" for line in summary_lines(history.function_scores)]
    head = "## Function (Patient-Specific Functional Scale: 0 = cannot, 10 = as before)"
    return [head, "", *lines, "", f"A change of {MEANINGFUL} points or more is meaningful."]


def _period_start(history: MonthHistory, since: date | None, today: date) -> date:
    if since is not None:
        return since
    days = [session_day(s) for s in history.sessions] + [p.at.date() for p in history.pain_logs]
    return min(days, default=today)


def adherence_start(start: date, program_start: date | None, today: date) -> date:
    """Adherence counts from the program's start when the period begins before it."""
    if program_start is None or program_start <= start:
        return start
    return min(program_start, today)


def to_markdown(
    history: MonthHistory,
    since: date | None,
    today: date,
    categories: Mapping[str, str],
    left_out: Sequence[str] = (),
    flags: Sequence[FlagEvent] = (),
    program_start: date | None = None,
) -> str:
    """A one-page report: adherence, pain trend, sessions, runs, pain spikes, red flags,
    run-week decisions (when there are any) and notes."""
    start = _period_start(history, since, today)
    counted = adherence_start(start, program_start, today)
    days = (today - start).days + 1
    warning = [f"**{_cell(left_out_text(left_out))}**", ""] if left_out else []
    parts = [
        ["# IT band rehab report", "", *warning],
        [f"Period: {start.isoformat()} to {today.isoformat()} ({plural(days, 'day')})", ""],
        ["*Self-reported data recorded in itb-tui; not a clinical measurement.*", ""],
        [*_adherence(history, counted, today, categories, since_start=counted != start), ""],
        [*_pain_trend(history, start, today), ""],
        [*_sessions_table(history, categories), ""],
        [*_run_lines(history), ""] if _runs(history) else [],
        [*_spike_lines(history), ""],
        [*_flag_lines(flags), ""],
        [*_decision_lines(history), ""] if history.run_decisions else [],
        [*_function_lines(history), ""] if history.function_scores else [],
        _note_lines(history),
    ]
    return "\n".join(line for part in parts for line in part) + "\n"
