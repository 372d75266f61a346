"""The dated entries of a report for a physiotherapist: pain spikes, notes and run-week
decisions, oldest first.

Shared by the Markdown and PDF reports, which differ only in how they print them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from itb_tui.core.history.records import (
    BOTH,
    CONTEXT_LABELS,
    NO_KNEES,
    Knees,
    MonthHistory,
    RunDecision,
    score_text,
)
from itb_tui.core.text import plain_text, shown_note


@dataclass(frozen=True)
class SpikeEntry:
    """Pain noticed during one exercise of a session."""

    at: datetime
    routine: str
    exercise: str
    side: str
    score: int | None
    knees: Knees = NO_KNEES

    def describe(self) -> str:
        """'2026-11-20 07:14, Hip strength: Clamshells, right leg, 5/10' (or 'L 2 / R 5')."""
        side = "" if self.side == BOTH else f", {self.side} leg"
        score = "" if self.score is None else f", {score_text(self.score, self.knees)}"
        return f"{self.at:%Y-%m-%d %H:%M}, {self.routine}: {self.exercise}{side}{score}"


@dataclass(frozen=True)
class NoteEntry:
    """A note the user wrote, with what it was written on (``about``)."""

    at: datetime
    about: str
    text: str


def spike_entries(history: MonthHistory) -> list[SpikeEntry]:
    """Every pain spike of every session, by exercise name where the session recorded it."""
    entries = []
    for session in history.sessions:
        names = {r.exercise: r.name for r in session.exercises}
        for spike in sorted(session.pain_spikes, key=lambda p: p.at):
            name = names.get(spike.exercise, spike.exercise)
            entries.append(
                SpikeEntry(
                    spike.at, session.routine_name, name, spike.side, spike.score, spike.knees
                )
            )
    return entries


def note_entries(history: MonthHistory) -> list[NoteEntry]:
    """The sessions' and pain logs' notes that are not blank, in time order."""
    notes = [NoteEntry(s.started_at, s.routine_name, shown_note(s.note)) for s in history.sessions]
    notes.extend(
        NoteEntry(
            p.at,
            f"pain log, {score_text(p.score, p.knees)} {CONTEXT_LABELS.get(p.context, p.context)}",
            shown_note(p.note),
        )
        for p in history.pain_logs
    )
    return sorted((n for n in notes if n.text.strip()), key=lambda n: n.at)


def decision_text(decision: RunDecision) -> str:
    """'2026-11-30 07:00, run week 3 set (the rules gave week 2), physio cleared: note'."""
    text = f"{decision.at:%Y-%m-%d %H:%M}, {decision.describe()}"
    if decision.rules_week is not None:
        text += f" (the rules gave week {decision.rules_week})"
    if decision.cleared:
        text += ", cleared by the physio"
    note = plain_text(shown_note(decision.note))
    return f"{text}: {note}" if note else text


def decision_entries(history: MonthHistory) -> list[str]:
    """Each run-week decision by hand, described, oldest first."""
    return [decision_text(d) for d in sorted(history.run_decisions, key=lambda d: d.at)]
