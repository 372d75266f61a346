"""After a session: what was done, per exercise and side, and the pain rating."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from itb_tui.core.content.library import format_seconds
from itb_tui.core.history.records import BOTH, ExerciseResult, SessionRecord, score_text
from itb_tui.core.session.completion import left_out
from itb_tui.core.text import shown_note
from itb_tui.tui.keys import bindings
from itb_tui.tui.messages import StartRoutine
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import lines, markup
from itb_tui.tui.widgets.footer import KeysFooter

FOAM_ROLLING = "foam-rolling"
DAILY_STRETCH = "daily-stretch"  # next after rolling, while the muscles are warm


def result_line(result: ExerciseResult) -> Content | str:
    """'Clamshells: left 3/3 (15 15 12 reps), right 3/3 (...)'."""
    if result.skipped:
        return markup("[dim]$name: $why[/dim]", name=result.name, why=left_out(result))
    parts = []
    for side in result.sides:
        values = result.done_text(side)
        label = "" if side == BOTH else f"{side} "
        done = f" ({values})" if values else ""
        parts.append(f"{label}{result.sets_done(side)}/{result.sets_planned}{done}")
    return f"{result.name}: " + ", ".join(parts)


def _exercises_line(record: SessionRecord, missing: Sequence[str]) -> str:
    """'6 of 6 exercises done'; when something fell short, how many were done in full (each
    entry of ``missing`` starts with an exercise's name)."""
    total = len(record.exercises)
    if not missing:
        return f"{record.exercises_done()} of {total} exercises done"
    short = {part.partition(": ")[0] for part in missing}
    full = sum(1 for r in record.exercises if not r.skipped and r.name not in short)
    return f"{full} of {total} exercises done in full"


def summary_text(record: SessionRecord, missing: Sequence[str] = ()) -> Content:
    """What was done, what was skipped or cut short (by name), and the pain."""
    status = "completed" if record.completed else "not complete"
    parts: list[Content | str] = [
        markup(
            "[b]$name[/b] - $status - $time",
            name=record.routine_name,
            status=status,
            time=format_seconds(record.duration_s),
        ),
        _exercises_line(record, missing),
        "",
        *(result_line(result) for result in record.exercises),
    ]
    if missing:
        parts += ["", markup("[b]Not done[/b] (so this does not count as a completed session):")]
        parts += [f"- {part}" for part in missing]
    if record.pain_after is not None:
        score = score_text(record.pain_after, record.pain_after_knees)
        parts += ["", markup("Pain afterwards: [b]$score[/b]", score=score)]
    if record.pain_spikes:
        names = dict.fromkeys(record.exercise_name(s.exercise) for s in record.pain_spikes)
        parts.append(f"Pain noted during: {', '.join(names)}")
    if record.note:
        parts.append(f"Note: {shown_note(record.note)}")
    return lines(parts)


class SummaryScreen(Screen[None]):
    """Shows the saved session; Enter or Escape returns home."""

    BINDINGS = bindings("summary")

    def __init__(
        self,
        record: SessionRecord,
        saved_to: str,
        missing: Sequence[str] = (),
        result: str | None = None,
    ) -> None:
        super().__init__()
        self.record = record
        self.saved_to = saved_to
        self.missing = list(missing)
        self.result = result  # a readiness test's pass or fail (readiness_tests.attempt_result)

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        with VerticalScroll(id="summary"):
            yield Static(self.headline, id="headline")
            yield Static(summary_text(self.record, self.missing), id="summary-text")
            if self.after_run:
                yield Static(
                    "After a run: ice the outside of the knee for 15-20 min (cloth between ice "
                    "and skin). Press [b]i[/b] to start the ice timer.",
                    id="ice-offer",
                )
            if self.after_rolling:
                yield Static(
                    "Go straight on to your stretches while the muscles are warm. Press "
                    "[b]s[/b] to start the daily stretch.",
                    id="stretch-offer",
                )
            yield Static(markup("[dim]Saved to $path[/dim]", path=self.saved_to), id="saved-to")
        yield KeysFooter()

    @property
    def headline(self) -> Content:
        if self.result is not None:
            return markup("[b]$result[/b]", result=self.result)
        return markup("[b]Well done.[/b]" if self.record.completed else "[b]Saved.[/b]")

    @property
    def after_run(self) -> bool:
        return self.record.routine == "run"

    @property
    def after_rolling(self) -> bool:
        return self.record.routine == FOAM_ROLLING

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return {"ice": self.after_run, "stretch": self.after_rolling}.get(action, True)

    def action_ice(self) -> None:
        self.post_message(StartRoutine("ice", replace=True))

    def action_stretch(self) -> None:
        self.post_message(StartRoutine(DAILY_STRETCH, replace=True))
