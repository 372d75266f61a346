"""Settings: cues, pacer, weaker side and the program basics, saved as soon as they change."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Label, Select, Static, Switch

from itb_tui.core.session.speech import describe_voice_support
from itb_tui.core.store.settings import (
    CUE_STYLES,
    KNEE_CHOICES,
    SIDE_CHOICES,
    Settings,
    parse_start,
)
from itb_tui.tui.keys import bindings
from itb_tui.tui.messages import SettingsChanged
from itb_tui.tui.screens.choice import Choice, ChoiceScreen
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.toggles import OnOff

if TYPE_CHECKING:
    from itb_tui.core.content.library import Library

START_HINT = "Program start: the day week 1 began (YYYY-MM-DD or today); Enter keeps it."
CUE_LABELS = {"off": "Off (silent)", "bell": "Terminal bell", "voice": "Spoken cues"}


def _optional_select(field: str, choices: tuple[str, ...], value: str) -> Select[str]:
    """A Select for a setting that may be left unset ('')."""
    return Select(
        [(c.title(), c) for c in choices],
        value=value or Select.NULL,
        prompt="Not set",
        id=field,
    )


def taken_progressions(settings: Settings, library: Library | None) -> list[tuple[str, str]]:
    """(exercise id, 'Name: the step it is at') for each exercise with a progression taken."""
    if library is None:
        return []
    taken = []
    for exercise_id, level in settings.progressions.items():
        exercise = library.exercises.get(exercise_id)
        if exercise is None or level <= 0 or not exercise.progressions:
            continue
        step = exercise.progressions[min(level, len(exercise.progressions)) - 1]
        taken.append((exercise_id, f"{exercise.name}: {step}"))
    return taken


def progressions_text(taken: list[tuple[str, str]]) -> Content:
    """The progressions taken, one a line, and the key that takes one back."""
    lines = [f"- {text}" for _, text in taken]
    return Content.assemble(
        ("Progressions taken", "bold"), " (p takes one back):\n", "\n".join(lines)
    )


class SettingsScreen(Screen[None]):
    """Every change is written at once (atomically); Escape goes back."""

    BINDINGS = bindings("settings")

    def __init__(
        self,
        settings: Settings,
        today: date,
        kept: str | None = None,
        library: Library | None = None,
    ) -> None:
        """``kept``: why the settings file cannot be written (newer or damaged), if it cannot;
        ``library`` names the progressions taken."""
        super().__init__()
        self.settings = settings
        self.today = today
        self.kept = kept
        self.library = library

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        s = self.settings
        with VerticalScroll(id="settings"):
            yield Static("[b]Settings[/b]")
            if self.kept:
                yield Static(
                    Content.assemble(
                        ("Changes here apply until you close itb-tui and are not saved: ", "bold"),
                        f"{self.kept}.",
                    ),
                    id="settings-kept",
                )
            with Grid(id="settings-grid"):
                yield Label("Cues")
                yield Select(
                    [(CUE_LABELS[c], c) for c in CUE_STYLES],
                    value=s.cue_style,
                    allow_blank=False,
                    id="cue_style",
                )
                yield Label("Flash on cues")
                yield OnOff(s.flash, id="flash")
                yield Label("Rep pacer")
                yield OnOff(s.pacer, id="pacer")
                yield Label("Weaker side")
                yield _optional_select("weaker_side", SIDE_CHOICES, s.weaker_side)
                yield Label("Painful knee")
                yield _optional_select("painful_knee", KNEE_CHOICES, s.painful_knee)
                yield Label("Running now")
                yield OnOff(s.running, id="running")
                yield Label("Program start")
                yield Input(
                    (s.program_start or self.today).isoformat(),
                    placeholder="YYYY-MM-DD or today",
                    max_length=10,
                    id="program_start",
                )
            yield Static(START_HINT, id="start-hint", classes="dim")
            yield Static(describe_voice_support(), id="voice-support", classes="dim")
            taken = taken_progressions(s, self.library)
            yield Static(progressions_text(taken), id="progressions").set_class(not taken, "-none")
            yield Static(
                "The rep pacer counts reps for exercises with a tempo: it cues up, hold and "
                "down, and ends the set at the target. Enter ends a set early.",
                classes="dim",
            )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#cue_style", Select).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._take_start(event.input)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self._take_start(event.input)

    def _take_start(self, field: Input) -> None:
        """Keep a valid start date (the plan counts its weeks from it); say what is wrong."""
        hint = self.query_one("#start-hint", Static)
        try:
            day = parse_start(field.value, self.today)
        except ValueError as err:
            field.add_class("-invalid")
            hint.add_class("-problem")
            hint.update(Content.assemble(("Start date not changed: ", "bold"), str(err)))
            return
        field.remove_class("-invalid")
        hint.remove_class("-problem")
        field.value = day.isoformat()
        hint.update(START_HINT)
        if day != self.settings.program_start:
            self.settings.program_start = day
            self.post_message(SettingsChanged())

    def on_select_changed(self, event: Select.Changed) -> None:
        value = "" if event.value is Select.NULL else str(event.value)
        if event.select.id and getattr(self.settings, event.select.id) != value:
            setattr(self.settings, event.select.id, value)
            self.post_message(SettingsChanged())

    def on_switch_changed(self, event: Switch.Changed) -> None:
        if event.switch.id and getattr(self.settings, event.switch.id) != event.value:
            setattr(self.settings, event.switch.id, event.value)
            self.post_message(SettingsChanged())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "take_back":
            return bool(taken_progressions(self.settings, self.library))
        return True

    def action_take_back(self) -> None:
        """Ask which progression to take back one step (one answer, one step)."""
        taken = taken_progressions(self.settings, self.library)
        if not taken:
            return
        choices = [Choice(eid, str(n), text) for n, (eid, text) in enumerate(taken[:9], 1)]
        question = ChoiceScreen(
            "Take back a progression",
            "The exercise goes back one step: the session shows the step before it.",
            choices,
            escape_result="",
        )
        self.app.push_screen(question, self._take_back)

    def _take_back(self, exercise_id: str | None) -> None:
        level = self.settings.progressions.get(exercise_id or "", 0)
        if not exercise_id or level <= 0:
            return
        if level == 1:
            del self.settings.progressions[exercise_id]
        else:
            self.settings.progressions[exercise_id] = level - 1
        taken = taken_progressions(self.settings, self.library)
        shown = self.query_one("#progressions", Static)
        shown.update(progressions_text(taken))
        shown.set_class(not taken, "-none")
        self.refresh_bindings()
        self.post_message(SettingsChanged())
