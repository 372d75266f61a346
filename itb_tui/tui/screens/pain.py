"""Rate pain 0-10 from the keyboard: at the end of a session, or as a quick log at any time."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from itb_tui.core.history.records import CONTEXT_LABELS, NO_KNEES, PAIN_CONTEXTS, Knees
from itb_tui.tui.keys import CONTEXT_KEYS, bindings
from itb_tui.tui.screens.dialog import Dialog
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import markup
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.knee_scale import KneeScale, both_knees
from itb_tui.tui.widgets.note_input import NoteInput
from itb_tui.tui.widgets.pain_scale import PainScale

SWELLING_QUESTION = "Is the outside of the knee swollen or puffy?"


@dataclass(frozen=True)
class PainResult:
    score: int
    note: str
    context: str
    swelling: bool | None = None  # None: the question was left unanswered
    knees: Knees = NO_KNEES  # a score per knee when given; ``score`` is then the worse


def swelling_line(answer: bool | None) -> str:
    """The yes/no question, with the answer chosen so far shown reversed."""
    parts = []
    for value, label in ((True, "y: yes"), (False, "n: no")):
        parts.append(f"[reverse b]>{label}<[/]" if answer is value else f" {label} ")
    return f"{SWELLING_QUESTION}  " + "  ".join(parts)


class PainRatingScreen(Dialog[PainResult | None]):
    """Digits pick the score, Tab reaches the note, Enter saves, Escape goes back."""

    BINDINGS = bindings("pain scale")

    def __init__(
        self,
        title: str = "How is your knee now?",
        *,
        ask_context: bool = False,
        context: str = "exercise",
        escape_text: str = "goes back",
    ) -> None:
        super().__init__()
        self.escape_text = escape_text
        self.title_text = title
        self.ask_context = ask_context
        self.context = context
        self.swelling: bool | None = None

    def key_label(self, binding: Binding) -> str:
        """The footer's word for a key: Escape says what it does here ('Skip', 'Back')."""
        if binding.id == "cancel" and self.escape_text == "skips":
            return "Skip"
        return binding.description

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        with Vertical(id="pain-dialog"):
            yield Static(markup("[b]$title[/b]", title=self.title_text), id="pain-title")
            yield Static("0 = no pain, 10 = the worst you can imagine.", classes="dim")
            yield KneeScale(per_knee=both_knees(self.app), id="pain-scale")
            if self.ask_context:
                yield Static(id="pain-context")
            yield Static(swelling_line(None), id="pain-swelling")
            yield NoteInput(placeholder="Note (optional), e.g. 'stairs'", id="pain-note")
            yield Static(id="pain-hint", classes="dim")
        yield KeysFooter()

    def on_mount(self) -> None:
        scale = self.query_one(KneeScale)
        scale.focus()
        if scale.per_knee and self.ask_context:  # a pain log when both hurt: each knee
            scale.action_next_knee()
        self._show_context()
        self._hint("")

    def on_pain_scale_changed(self, _event: PainScale.Changed) -> None:
        self._hint("")  # a score is picked: "Pick a score first" no longer applies

    def _hint(self, text: str) -> None:
        base = f"Enter saves - Tab moves to the note - Escape {self.escape_text}"
        self.query_one("#pain-hint", Static).update(f"[red]{text}[/red]\n{base}" if text else base)

    def _show_context(self) -> None:
        if not self.ask_context:
            return
        keys = {c: k for k, c in CONTEXT_KEYS.items()}
        parts = []
        for ctx in PAIN_CONTEXTS:
            label = f"{keys[ctx]}: {CONTEXT_LABELS[ctx]}"
            parts.append(f"[reverse b]>{label}<[/]" if ctx == self.context else f" {label} ")
        self.query_one("#pain-context", Static).update("Where:  " + "  ".join(parts))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("context", "cycle_context"):
            return self.ask_context and not isinstance(self.focused, Input)
        if action == "swelling":
            return not isinstance(self.focused, Input)
        return True

    def action_swelling(self, answer: bool) -> None:
        self.swelling = answer
        self.query_one("#pain-swelling", Static).update(swelling_line(answer))

    def action_context(self, context: str) -> None:
        self.context = context
        self._show_context()

    def action_cycle_context(self, step: int) -> None:
        index = (PAIN_CONTEXTS.index(self.context) + step) % len(PAIN_CONTEXTS)
        self.action_context(PAIN_CONTEXTS[index])

    def action_confirm(self) -> None:
        score = self.query_one(PainScale).value
        if score is None:
            self._hint("Pick a score first: press a digit 0-9, or the arrows for 10.")
            self.query_one(PainScale).focus()
            return
        note = self.query_one("#pain-note", NoteInput).note
        knees = self.query_one(KneeScale).knees
        self.dismiss(PainResult(score, note, self.context, self.swelling, knees))

    def action_cancel(self) -> None:
        self.dismiss(None)


class OneKeyScale(KneeScale):
    """A KneeScale that says when a digit (not an arrow) picked the score."""

    class Picked(Message):
        def __init__(self, score: int) -> None:
            self.score = score
            super().__init__()

    def action_pick(self, score: int) -> None:
        super().action_pick(score)
        self.post_message(self.Picked(score))


@dataclass(frozen=True)
class SpikeScore:
    """How bad a pain spike was: one score, or each knee's (``score`` then the worse)."""

    score: int
    knees: Knees = NO_KNEES


class SpikeScoreScreen(Dialog[SpikeScore | None]):
    """How bad the pain just noted is: one digit saves it at once (the arrows reach 10, then
    Enter); when both knees hurt, each knee's score on the per-knee scale, then Enter.
    Escape keeps the spike without a score."""

    BINDINGS = bindings("spike score")

    def __init__(self, exercise: str, *, per_knee: bool = False) -> None:
        super().__init__()
        self.exercise = exercise
        self.per_knee = per_knee

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        with Vertical(id="pain-dialog"):
            title = markup("[b]Pain during $exercise: how bad?[/b]", exercise=self.exercise)
            yield Static(title, id="pain-title")
            yield Static("0 = no pain, 10 = the worst you can imagine.", classes="dim")
            yield OneKeyScale(per_knee=self.per_knee, id="pain-scale")
            yield Static(id="pain-hint", classes="dim")
        yield KeysFooter()

    def on_mount(self) -> None:
        scale = self.query_one(KneeScale)
        scale.focus()
        if self.per_knee:
            scale.action_next_knee()  # straight to the left knee
        self._hint("")

    def on_one_key_scale_picked(self, event: OneKeyScale.Picked) -> None:
        """One digit is the whole answer on the plain scale."""
        if not self.per_knee:
            self.dismiss(SpikeScore(event.score))

    def _hint(self, text: str) -> None:
        how = "Enter saves" if self.per_knee else "A digit saves (10: the arrows, then Enter)"
        base = f"{how} - Escape keeps the pain noted without a score"
        self.query_one("#pain-hint", Static).update(f"[red]{text}[/red]\n{base}" if text else base)

    def action_confirm(self) -> None:
        scale = self.query_one(KneeScale)
        if scale.value is None:
            first = "Score a knee first" if self.per_knee else "Pick a score first"
            self._hint(f"{first}: a digit, or the arrows for 10.")
            return
        self.dismiss(SpikeScore(scale.value, scale.knees))

    def action_cancel(self) -> None:
        self.dismiss(None)
