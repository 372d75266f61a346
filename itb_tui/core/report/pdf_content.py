"""What the PDF report shows, gathered from the history with the Markdown report's own figures.

Nothing here draws: report_pdf lays this out on the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from itb_tui.core.content.figure import Figure
from itb_tui.core.content.library import Exercise
from itb_tui.core.content.program import Program
from itb_tui.core.history.outdoor_run import RUN_ROUTINE, run_facts_text
from itb_tui.core.history.records import MonthHistory
from itb_tui.core.history.stats import DayPain, SideTrend, daily_pain, side_comparison
from itb_tui.core.report.entries import (
    NoteEntry,
    SpikeEntry,
    decision_entries,
    note_entries,
    spike_entries,
)
from itb_tui.core.report.export import (
    _adherence,
    _function_lines,
    _pain_trend,
    _period_start,
    adherence_start,
)
from itb_tui.core.report.flags import FlagEvent, history_of, standing
from itb_tui.core.store.settings import Settings
from itb_tui.core.text import plural


@dataclass(frozen=True)
class FlagState:
    """One of the program's red flags, ticked when the history shows it; ``detail`` says how."""

    text: str
    ticked: bool
    detail: str = ""


@dataclass(frozen=True)
class Report:
    """The period and everything in it, as the report's sections show them."""

    start: date
    today: date
    adherence: tuple[str, ...]
    pain_trend: tuple[str, ...]
    pain_days: tuple[DayPain, ...]
    sides: tuple[SideTrend, ...]
    spikes: tuple[SpikeEntry, ...]
    notes: tuple[NoteEntry, ...]
    flags: tuple[FlagState, ...]
    figures: tuple[tuple[str, Figure], ...] = ()  # (name, figure) of each exercise done
    decisions: tuple[str, ...] = ()  # the run week set by hand, paused or resumed
    runs: tuple[str, ...] = ()  # each run: minutes, distance, pain at its minute, source
    function: tuple[str, ...] = ()  # the function score (PSFS) and its change, when rated

    @property
    def period(self) -> str:
        """'2026-09-22 to 2026-11-23 (63 days)'."""
        days = (self.today - self.start).days + 1
        return f"{self.start.isoformat()} to {self.today.isoformat()} ({plural(days, 'day')})"


def _items(markdown: list[str]) -> tuple[str, ...]:
    """A Markdown section's lines without its heading, blank line and bullets."""
    return tuple(line.removeprefix("- ") for line in markdown[2:] if line)


def done_figures(
    history: MonthHistory, exercises: Mapping[str, Exercise]
) -> tuple[tuple[str, Figure], ...]:
    """The name and figure of each exercise done in ``history``, in the order first done."""
    found: dict[str, tuple[str, Figure]] = {}
    for session in sorted(history.sessions, key=lambda s: s.started_at):
        for result in session.exercises:
            exercise = exercises.get(result.exercise)
            if result.skipped or exercise is None or exercise.figure is None:
                continue
            found.setdefault(exercise.id, (exercise.name, exercise.figure))
    return tuple(found.values())


def build_report(
    history: MonthHistory,
    since: date | None,
    today: date,
    categories: Mapping[str, str],
    flags: Sequence[FlagState] = (),
    exercises: Mapping[str, Exercise] | None = None,
    program_start: date | None = None,
) -> Report:
    """The report of ``history`` (already cut to the period) from ``since`` to ``today``.

    With ``exercises`` (the library's), it shows the figure of each exercise done in it.
    Adherence counts from ``program_start`` when the period begins before it.
    """
    start = _period_start(history, since, today)
    counted = adherence_start(start, program_start, today)
    uneven = sorted(side_comparison(history.sessions), key=lambda t: -t.asymmetry_pct)
    return Report(
        start=start,
        today=today,
        adherence=_items(
            _adherence(history, counted, today, categories, since_start=counted != start)
        ),
        pain_trend=_items(_pain_trend(history, start, today)),
        pain_days=tuple(daily_pain(history.pain_logs, history.sessions)),
        sides=tuple(uneven),
        spikes=tuple(spike_entries(history)),
        notes=tuple(note_entries(history)),
        flags=tuple(flags),
        figures=done_figures(history, exercises or {}),
        decisions=tuple(decision_entries(history)),
        runs=tuple(run_facts_text(s) for s in history.sessions if s.routine == RUN_ROUTINE),
        function=_items(_function_lines(history)) if history.function_scores else (),
    )


def red_flag_states(
    program: Program | None,
    settings: Settings | None,
    history: MonthHistory,
    today: date,
    events: Sequence[FlagEvent] = (),
) -> list[FlagState]:
    """The program's red flags, each ticked while it stands: ticked by the user (``events``,
    every tick and untick, dated in its detail) or shown by the history.

    The history shows one: pain no better after six or more weeks of consistent rehab
    (plan_progress.no_improvement, which needs the program's start date).
    """
    if program is None:
        return []
    from itb_tui.core.plan.progress import no_improvement

    shown: dict[str, str] = {}
    if settings is not None:
        improvement = no_improvement(program, settings, history.sessions, history.pain_logs, today)
        if improvement.flagged and improvement.red_flag is not None:
            shown[improvement.red_flag.id] = improvement.evidence
    ticked = {event.flag for event in standing(events)}
    states = []
    for flag in program.red_flags:
        details = [history_of(flag.id, events).capitalize(), shown.get(flag.id, "")]
        detail = "; ".join(d for d in details if d)
        states.append(FlagState(flag.text, flag.id in shown or flag.id in ticked, detail))
    return states
