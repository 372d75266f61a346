"""One history entry in full, with edit and delete: a session, or a pain log (smaller)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from itb_tui.core.content.library import format_seconds
from itb_tui.core.dates import month_key
from itb_tui.core.history.corrections import Rated, lowers, refusal, ruled_session, rules_note
from itb_tui.core.history.edit import delete_pain_log, update_pain_log, update_session
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.outdoor_run import RUN_ROUTINE, run_facts_text
from itb_tui.core.history.records import (
    BOTH,
    CONTEXT_LABELS,
    NO_KNEES,
    SIDES,
    ExerciseResult,
    Knees,
    PainLog,
    SessionRecord,
    score_text,
)
from itb_tui.core.plan.kept_pain import delete_session, discard_note
from itb_tui.core.store.files import StoreError
from itb_tui.core.text import shown_note
from itb_tui.tui.keys import bindings
from itb_tui.tui.messages import HistoryEdited
from itb_tui.tui.safekeeping import refused_here
from itb_tui.tui.screens.dialog import Dialog
from itb_tui.tui.screens.history_dialogs import EditPainScreen, EditResult, confirm_delete
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import rich_literal, rich_markup
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.pain_scale import anchor


def pain_text(score: int | None, knees: Knees = NO_KNEES, ruled: str = "") -> str:
    """'3/10 - mild, a nag you can ignore while busy', 'L 2 / R 3 (worse knee 3/10 - mild,
    ...)' where each knee was scored, or 'not rated'; then ``ruled``, what the rules go by
    after a correction (corrections.rules_note)."""
    if score is None:
        told = "not rated"
    else:
        told = f"{score}/10 - {anchor(score)}"
        told = f"{knees.text()} (worse knee {told})" if knees else told
    return f"{told} {ruled}" if ruled else told


def side_cell(result: ExerciseResult, side: str) -> Text:
    """'2/3  15 15 reps, 1 skipped' for one side of one exercise."""
    values = result.done_text(side, short=True)
    cell = Text()
    cell.append(f"{result.sets_done(side)}/{result.sets_planned}", style="bold")
    if values:
        cell.append(f"  {values}")
    skipped = result.skipped_sets.get(side, 0)
    if skipped:
        cell.append(f", {skipped} skipped", style="yellow")
    return cell


def exercise_table(session: SessionRecord) -> Table:
    """Each exercise on a row, the left and right legs side by side (one column when no
    exercise was done a leg at a time, as in a run)."""
    table = Table(box=None, pad_edge=False, expand=True, header_style="bold")
    table.add_column("Exercise", max_width=26, no_wrap=True, overflow="ellipsis")
    if all(BOTH in result.sides for result in session.exercises):
        table.add_column("Done", ratio=1)
        for result in session.exercises:
            table.add_row(rich_literal(result.name), side_cell(result, BOTH))
        return table
    table.add_column("Left leg", ratio=1)
    table.add_column("Right leg", ratio=1)
    for result in session.exercises:
        if result.skipped:
            table.add_row(rich_literal(result.name, "dim"), Text("skipped", style="dim"), "")
        elif BOTH in result.sides:
            table.add_row(
                rich_literal(result.name), Text("both: ").append_text(side_cell(result, BOTH)), ""
            )
        else:
            table.add_row(rich_literal(result.name), *(side_cell(result, side) for side in SIDES))
    return table


def session_view(session: SessionRecord) -> RenderableType:
    """Everything recorded about a session."""
    status = "[green]completed[/green]" if session.completed else "[yellow]not complete[/yellow]"
    head = rich_markup(
        f"[b]$name[/b]  $when  $length  {status}\n$done of $planned exercises done\n",
        name=session.routine_name,
        when=f"{session.started_at:%a %d %b %Y %H:%M}-{session.ended_at:%H:%M}",
        length=format_seconds(session.duration_s),
        done=session.exercises_done(),
        planned=len(session.exercises),
    )
    spikes = [
        f"  {s.at:%H:%M}  {session.exercise_name(s.exercise)}"
        + ("" if s.side == BOTH else f", {s.side} leg")
        + ("" if s.score is None else f", {score_text(s.score, s.knees)}")
        for s in sorted(session.pain_spikes, key=lambda s: s.at)
    ]
    limp = "" if session.limped is None else f"[b]Limped[/b]: {swelling_text(session.limped)}\n"
    tail = rich_markup(
        "\n[b]Pain noted during[/b]: $spikes\n[b]Pain after[/b]: $pain\n"
        f"[b]Swelling[/b]: {swelling_text(session.swelling)}\n{limp}[b]Note[/b]: "
        + ("$note" if session.note else "[dim]none[/dim]"),
        spikes="\n" + "\n".join(spikes) if spikes else "none",
        pain=pain_text(session.pain_after, session.pain_after_knees, rules_note(session)),
        note=shown_note(session.note),
    )
    if session.routine == RUN_ROUTINE:  # a run: its minutes, distance, pain, source
        facts = rich_markup("[b]Run[/b]: $facts\n", facts=run_facts_text(session))
        return Group(head, facts, exercise_table(session), tail)
    return Group(head, exercise_table(session), tail)


def pain_log_view(log: PainLog) -> RenderableType:
    """A pain log's time, score, where it was felt and note (a check-in: its two answers)."""
    morning = "[b]Compared with yesterday[/b]: $compared\n" if log.compared else ""
    return rich_markup(
        "[b]Pain log[/b]  $when\n\n[b]Score[/b]: $score\n[b]Where[/b]: $where\n"
        f"{morning}[b]Swelling[/b]: {swelling_text(log.swelling)}\n[b]Note[/b]: "
        + ("$note" if log.note else "[dim]none[/dim]"),
        when=f"{log.at:%a %d %b %Y %H:%M}",
        score=pain_text(log.score, log.knees, rules_note(log)),
        where=CONTEXT_LABELS.get(log.context, log.context),
        compared=log.compared,
        note=shown_note(log.note),
    )


def edited(result: EditResult) -> Rated:
    """What an entry says of pain once ``result`` is saved (the worse knee's score where the
    knees were scored)."""
    score = result.knees.worse if result.knees else result.score
    return Rated(score, result.knees, result.swelling)


def swelling_text(answer: bool | None) -> str:
    """'yes', 'no' or 'not asked' (a yes/no answer: swelling, a limp)."""
    if answer is None:
        return "[dim]not asked[/dim]"
    return "[b]yes[/b]" if answer else "no"


class _EntryDetail(Dialog[HistoryEdited | None]):
    """Shows one entry; ``e`` edits its pain and note, ``delete``/``D`` removes it.

    Dismisses with a HistoryEdited when anything was saved, else None.
    """

    BINDINGS = bindings("detail")
    noun = "entry"

    def __init__(self, store: HistoryStore) -> None:
        super().__init__()
        self.store = store
        self.edited: HistoryEdited | None = None

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        with VerticalScroll(id="detail-body", classes="dialog"):
            yield Static(id="detail-text")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        self.query_one("#detail-text", Static).update(self.entry_view())

    def entry_view(self) -> RenderableType:
        raise NotImplementedError

    def entry_month(self) -> str:
        raise NotImplementedError

    def edit_dialog(self) -> EditPainScreen:
        raise NotImplementedError

    def save_edit(self, result: EditResult) -> None:
        raise NotImplementedError

    def delete_entry(self) -> None:
        raise NotImplementedError

    def refusal(self) -> str:
        """Why the entry cannot be deleted ('' when it can)."""
        return ""

    def delete_note(self) -> str:
        """What deleting keeps, for the question ('' for nothing)."""
        return ""

    def action_edit(self) -> None:
        if refused_here(self.app):
            return

        def edited(result: EditResult | None) -> None:
            if result is None:
                return
            try:
                self.save_edit(result)
            except (StoreError, ValueError) as err:
                self.notify(str(err), title="Not saved", severity="error", timeout=15)
                return
            self.edited = HistoryEdited(self.entry_month(), deleted=False)
            self.redraw()
            self.notify(f"The {self.noun} was updated.")

        self.app.push_screen(self.edit_dialog(), edited)

    def action_delete(self) -> None:
        if refused_here(self.app):
            return
        if why := self.refusal():
            self.notify(why, title="Not deleted", severity="warning", timeout=20)
            return

        def answered(answer: str | None) -> None:
            if answer != "delete":
                return
            try:
                self.delete_entry()
            except StoreError as err:
                self.notify(str(err), title="Not deleted", severity="error", timeout=15)
                return
            self.notify(f"The {self.noun} was deleted.")
            self.dismiss(HistoryEdited(self.entry_month(), deleted=True))

        self.app.push_screen(confirm_delete(self.noun, self.delete_note()), answered)

    def action_back(self) -> None:
        self.dismiss(self.edited)


class SessionDetailScreen(_EntryDetail):
    """A session: each exercise per leg, pain spikes, pain after, note."""

    noun = "session"

    def __init__(self, session: SessionRecord, store: HistoryStore) -> None:
        super().__init__(store)
        self.session = session
        self.add_class("-session")

    def entry_view(self) -> RenderableType:
        return session_view(self.session)

    def entry_month(self) -> str:
        return month_key(self.session.started_at)

    def edit_dialog(self) -> EditPainScreen:
        title = f"Pain after {self.session.routine_name}, {self.session.started_at:%d %b}"
        s = self.session
        return EditPainScreen(
            title,
            s.pain_after,
            s.note,
            required=False,
            swelling=s.swelling,
            knees=s.pain_after_knees,
            warn=lambda result: lowers(Rated.of(s), edited(result)),
        )

    def save_edit(self, result: EditResult) -> None:
        s = self.session
        self.session = update_session(
            self.store,
            s.id,
            s.started_at,
            pain_after=result.score,
            note=result.note,
            swelling=result.swelling,
            knees=result.knees,
            seen=s,
        )

    def delete_entry(self) -> None:
        delete_session(self.store, self.session.id, self.session.started_at, self.session)

    def delete_note(self) -> str:
        return discard_note(ruled_session(self.session))


class PainLogDetailScreen(_EntryDetail):
    """A pain log: its score, where it was felt, and the note."""

    noun = "pain log"

    def __init__(self, log: PainLog, store: HistoryStore, log_id: str | None = None) -> None:
        """``log_id``: its id in its month (``pain_log_ids``); the first of its second if None."""
        super().__init__(store)
        self.pain_log = log
        self.log_id = log.id if log_id is None else log_id
        self.add_class("-pain-log")

    def entry_view(self) -> RenderableType:
        return pain_log_view(self.pain_log)

    def entry_month(self) -> str:
        return month_key(self.pain_log.at)

    def edit_dialog(self) -> EditPainScreen:
        title = f"Pain log of {self.pain_log.at:%d %b %H:%M}"
        log = self.pain_log
        return EditPainScreen(
            title,
            log.score,
            log.note,
            required=True,
            swelling=log.swelling,
            knees=log.knees,
            compared=log.compared if log.context == "morning" else None,
            warn=lambda result: lowers(Rated.of(log), edited(result)),
        )

    def save_edit(self, result: EditResult) -> None:
        score = self.pain_log.score if result.score is None else result.score
        log = self.pain_log
        self.pain_log = update_pain_log(
            self.store,
            self.log_id,
            log.at,
            score,
            log.context,
            result.note,
            result.swelling,
            knees=result.knees,
            compared=result.compared,
            seen=log,
        )

    def delete_entry(self) -> None:
        delete_pain_log(self.store, self.log_id, self.pain_log.at, self.pain_log)

    def refusal(self) -> str:
        return refusal(self.pain_log)
