"""First launch: the not-medical-advice notice, the knee, the weaker side and the start date."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, RadioSet, Static, Switch

from itb_tui.core.store.settings import Settings, parse_start
from itb_tui.tui.keys import bindings
from itb_tui.tui.screens.dialog import AnswersOnce
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.toggles import OnOff, Radio, Tick

KNEES = (("left", "Left"), ("right", "Right"), ("both", "Both"))
SIDES = (("left", "Left"), ("right", "Right"), ("", "Don't know"))
KEYS_HINT = "Tab: next field - Space: choose - ctrl+s or Start: save - Escape: not now"


def _radio_set(choices: tuple[tuple[str, str], ...], current: str, ident: str) -> RadioSet:
    buttons = [Radio(label, value=value == current) for value, label in choices]
    return RadioSet(*buttons, id=ident, classes="choices")


class OnboardingScreen(AnswersOnce[bool]):
    """Dismisses True after filling ``settings``; False (nothing changed) on Escape."""

    BINDINGS = bindings("onboarding")

    def __init__(self, settings: Settings, disclaimer: str, today: date) -> None:
        super().__init__()
        self.settings = settings
        self.disclaimer = disclaimer
        self.today = today

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        s = self.settings
        start = s.program_start or self.today
        with VerticalScroll(id="onboarding"):
            yield Static("[b]Welcome to itb-tui[/b], a coach for IT band rehab", id="ob-title")
            yield Static(
                Content.assemble(("Not medical advice. ", "bold"), self.disclaimer),
                id="ob-disclaimer",
            )
            yield Tick("I understand: this app is not medical advice", id="ob-ack")
            with Grid(id="ob-grid"):
                yield Label("Which knee hurts?")
                yield _radio_set(KNEES, s.painful_knee, "ob-knee")
                yield Label("Weaker side")
                yield _radio_set(SIDES, s.weaker_side, "ob-side")
                yield Label("Program start")
                yield Input(
                    start.isoformat(),
                    placeholder="YYYY-MM-DD or today",
                    max_length=10,
                    id="ob-start",
                )
                yield Label("Running now?")
                with Horizontal(id="ob-last"):
                    yield OnOff(s.running, id="ob-running")
                    yield Button("Start", variant="primary", id="ob-save")
            yield Static(KEYS_HINT, id="ob-hint", classes="dim")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Checkbox).focus()

    def _hint(self, problem: str = "") -> None:
        hint = self.query_one("#ob-hint", Static)
        hint.set_class(bool(problem), "-problem")
        hint.update(
            Content.assemble(("Can't start yet: ", "bold"), problem) if problem else KEYS_HINT
        )

    def _start_date(self) -> date | None:
        """The typed start date, or None after showing what is wrong with it."""
        field = self.query_one("#ob-start", Input)
        try:
            day = parse_start(field.value, self.today)
        except ValueError as err:
            field.add_class("-invalid")
            self._hint(str(err))
            return None
        field.remove_class("-invalid")
        return day

    def _choice(self, ident: str, choices: tuple[tuple[str, str], ...]) -> str | None:
        index = self.query_one(ident, RadioSet).pressed_index
        return choices[index][0] if index >= 0 else None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._start_date() is not None:
            self._hint()
            self.focus_next()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.has_class("-invalid"):
            event.input.remove_class("-invalid")
            self._hint()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Check every answer, fill the settings and dismiss True."""
        if not self.query_one(Checkbox).value:
            self._hint("tick 'I understand' first (Space on the box).")
            self.query_one(Checkbox).focus()
            return
        knee = self._choice("#ob-knee", KNEES)
        if knee is None:
            self._hint("choose which knee hurts (arrows, then Space).")
            self.query_one("#ob-knee").focus()
            return
        start = self._start_date()
        if start is None:
            self.query_one("#ob-start").focus()
            return
        s = self.settings
        s.painful_knee = knee
        s.weaker_side = self._choice("#ob-side", SIDES) or ""
        s.program_start = start
        s.running = self.query_one("#ob-running", Switch).value
        s.onboarded = True
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
