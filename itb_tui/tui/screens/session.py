"""The guided session: one exercise at a time, countdowns, sets, sides, cues."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from itb_tui.core.content.library import Exercise, format_seconds
from itb_tui.core.history.records import BOTH
from itb_tui.core.session.coach import Coach
from itb_tui.core.session.engine import Cue, Phase, SessionEngine
from itb_tui.core.session.speech import Speaker
from itb_tui.core.store.files import StoreError
from itb_tui.core.store.history_store import HistoryStore
from itb_tui.core.store.settings import Settings
from itb_tui.tui.keys import bindings
from itb_tui.tui.screens.pain import PainRatingScreen, PainResult
from itb_tui.tui.screens.quit_session import quit_session_screen
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import lines, literal, markup
from itb_tui.tui.widgets import figure as figure_widget
from itb_tui.tui.widgets.countdown import Countdown
from itb_tui.tui.widgets.figure import ExerciseFigure
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.side_banner import SideBanner

FLASH_SECONDS = 0.4


def intro_lines(exercise: Exercise) -> list[Content | str]:
    """An exercise's intro: cautions first (never below the fold), then what it is for, what
    you need, the steps, the common errors and how often."""
    parts: list[Content | str] = [
        markup("[yellow]! $t[/yellow]", t=text) for text in exercise.cautions
    ]
    parts.append(markup("[dim]$t[/dim]", t=exercise.targets))
    if exercise.equipment:
        parts.append(markup("[b]You need:[/b] $t", t=", ".join(exercise.equipment)))
    parts += [f"{n}. {text}" for n, text in enumerate(exercise.steps, 1)]
    if exercise.errors:
        parts.append(markup("[b]Common errors:[/b]"))
        parts += [f"x {text}" for text in exercise.errors]
    if exercise.frequency:
        parts.append(markup("[b]How often:[/b] $t", t=exercise.frequency))
    return parts


def side_label(side: str) -> str:
    return "BOTH LEGS" if side == BOTH else f"{side.upper()} LEG"


class SessionScreen(Screen[None]):
    """Renders the engine and forwards keys to it; the engine does all the deciding."""

    BINDINGS = bindings("session")

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (figure_widget.FIGURE_SCREEN_COLUMNS, "-figure")]

    FOOTER_KEEP = ("done", "pause", "pain", "quit", "help")  # kept in view on a narrow screen

    class Ended(Message):
        """The session is over: kept (finished or stopped early) or discarded; ``then``
        opens what comes next instead of the summary."""

        def __init__(
            self, engine: SessionEngine, keep: bool, then: Callable[[], None] | None = None
        ) -> None:
            self.engine = engine
            self.keep = keep
            self.then = then
            super().__init__()

    def __init__(
        self,
        engine: SessionEngine,
        store: HistoryStore,
        settings: Settings,
        *,
        speaker: Speaker | None = None,
        auto_tick: bool = True,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.store = store
        self.settings = settings
        self.speaker = speaker
        self.coach = Coach(engine, engine.clock, pacer=settings.pacer)
        self.auto_tick = auto_tick
        self._timer: Timer | None = None
        self._shown: tuple[object, ...] = ()
        self._asking_pain = False  # the pain rating is open
        self._rating_closed = False  # it was closed with Escape: Enter opens it again

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        read_stylesheet_beside(self.app, figure_widget.__file__)
        with Horizontal(id="session-body"):
            with Vertical(id="session"):
                yield Static(id="session-header")
                yield Static(id="exercise-name")
                yield SideBanner(id="side-banner")
                yield Countdown(id="countdown")
                yield Static(id="set-info")
                with VerticalScroll(id="guide-scroll"):
                    yield Static(id="guide")
                yield Static(id="next")
            yield ExerciseFigure(auto_tick=self.auto_tick)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.render_state()
        self._schedule()

    # -- time --------------------------------------------------------------------------
    def _schedule(self) -> None:
        """Wake exactly when the shown second will change, and not more often."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        engine = self.engine
        pacer_wake = self.coach.next_wake()
        if not self.auto_tick or (engine.paused and pacer_wake is None):
            return
        if not engine.counting_down and pacer_wake is None:
            return
        delays = [pacer_wake] if pacer_wake is not None else []
        if engine.counting_down and not engine.paused:
            remaining = engine.remaining()
            delays.append(remaining - (engine.shown_seconds() - 1) if remaining > 0 else 0.0)
        self._timer = self.set_timer(max(0.01, min(delays) + 0.002), self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        self.tick()
        self._schedule()

    def tick(self) -> None:
        """Check the clock: handle cues and redraw if what is shown changed."""
        self.handle(self.engine.tick())

    # -- state in, cues out --------------------------------------------------------------
    def handle(self, cues: list[Cue]) -> None:
        said = self.coach.after(cues)
        speaking = self.speaker is not None and self.speaker.enabled
        if said.phrase and speaking and self.settings.cue_style == "voice":
            assert self.speaker is not None
            self.speaker.say(said.phrase)
        elif said.alert and self.settings.bell:
            self.app.bell()
        if said.alert and self.settings.flash:
            self.flash()
        if said.save:
            self.autosave()
        self.render_state()
        if self.engine.phase is Phase.PAIN and not self._asking_pain and not self._rating_closed:
            self.ask_pain()

    def ask_pain(self) -> None:
        self._asking_pain = True
        self._rating_closed = False
        self.app.push_screen(PainRatingScreen(), self._pain_rated)

    def flash(self) -> None:
        for widget in (self.query_one(SideBanner), self.query_one(Countdown)):
            widget.add_class("-flash")
        self.set_timer(FLASH_SECONDS, self._unflash)

    def _unflash(self) -> None:
        for widget in (self.query_one(SideBanner), self.query_one(Countdown)):
            widget.remove_class("-flash")

    def autosave(self) -> None:
        try:
            self.store.save_progress(self.engine.snapshot())
        except StoreError as err:
            self.notify(f"Progress not saved: {err}", severity="error", timeout=8)

    def render_state(self) -> None:
        """Push the engine's state into the widgets, touching only what changed.

        A new second changes only the countdown; the rest of the screen (and the Footer's
        bindings) is redrawn when the step, the pause, the reps or the pacer change.
        """
        engine = self.engine
        key = (
            engine.index,
            engine.paused,
            engine.reps,
            engine.total_seconds(),
            self.coach.status(),
            self._rating_closed,
        )
        countdown = self.query_one(Countdown)
        if engine.counting_down:
            countdown.total = engine.total_seconds()
            countdown.seconds = engine.shown_seconds()
        if key == self._shown:
            return
        self._shown = key
        step, exercise = engine.step, engine.exercise
        done, total = engine.progress()
        items = len(engine.routine.items)
        position = f"exercise {step.item + 1} of {items}" if exercise else "finishing"
        self.query_one("#session-header", Static).update(
            markup(
                "[b]$name[/b] - $position - sets done $done of $total",
                name=engine.routine.name,
                position=position,
                done=done,
                total=total,
            )
        )
        self.query_one("#exercise-name", Static).update(literal(exercise.name if exercise else ""))
        banner = self.query_one(SideBanner)
        banner.side = step.side if step.phase is not Phase.REST else "rest"
        banner.text = self._banner_text()
        countdown.display = engine.counting_down
        self.query_one(ExerciseFigure).show(exercise.figure if exercise else None, self.coach.pacer)
        self.query_one("#set-info", Static).update(self._set_text())
        self.query_one("#guide", Static).update(self._guide_text())
        self.query_one("#next", Static).update(literal(engine.next_text()))
        self.refresh_bindings()

    @property
    def is_run(self) -> bool:
        """A run: one timer, no legs or sets to speak of."""
        return self.engine.routine.category == "running"

    def _banner_text(self) -> str:
        engine, step = self.engine, self.engine.step
        paused = "PAUSED - " if engine.paused else ""
        work = "RUN" if self.is_run else side_label(step.side)
        texts = {
            Phase.INTRO: "GET SET UP - press Enter to start",
            Phase.READY: f"GET READY - {work}",
            Phase.WORK: work,
            Phase.SWITCH: f"SWITCH SIDES - now the {side_label(step.side)}",
            Phase.REST: "REST",
            Phase.PAIN: "HOW IS YOUR KNEE?",
            Phase.DONE: "SESSION DONE",
        }
        return paused + texts[step.phase]

    def _set_text(self) -> Content:
        engine, step, exercise = self.engine, self.engine.step, self.engine.exercise
        if step.phase is Phase.PAIN and self._rating_closed:
            return literal("Every set is recorded. Enter to rate your pain; q to stop here.")
        if exercise is None:
            return literal("")
        if step.phase is Phase.INTRO:
            rest = " - rest $rest s between sets" if exercise.sets > 1 else ""
            return markup(f"[b]$dose[/b]{rest}", dose=exercise.dose_text(), rest=exercise.rest_s)
        set_part = f"Set {step.set_no} of {exercise.sets}"
        if self.is_run:
            return literal(f"{exercise.name} - {format_seconds(exercise.duration_s or 0)}")
        if exercise.timed:
            return literal(f"{set_part} - hold {format_seconds(exercise.duration_s or 0)}")
        tempo = f" - tempo: {exercise.tempo.describe()}" if exercise.tempo else ""
        target = {"set": set_part, "target": exercise.target_text(), "tempo": tempo}
        if step.phase is Phase.WORK and self.coach.pacing:
            return markup(
                "$set - target [b]$target[/b]$tempo\n"
                "[b]$status[/b]  (Enter ends the set with the reps done)",
                status=self.coach.status(),
                **target,
            )
        if step.phase is Phase.WORK:
            return markup(
                "$set - target [b]$target[/b]$tempo\n"
                "Done: [b]$reps[/b]  (+/- to change, Enter when the set is done)",
                reps=engine.reps,
                **target,
            )
        if step.phase is Phase.REST:
            return literal(
                f"Rest after set {step.set_no} of {exercise.sets} - Enter to start the next set"
            )
        return literal(f"{set_part} - target {exercise.target_text()}")

    def _guide_text(self) -> Content:
        exercise, step = self.engine.exercise, self.engine.step
        if exercise is None:
            return literal("")
        level = min(self.settings.progressions.get(exercise.id, 0), len(exercise.progressions))
        progression = (
            [
                markup(
                    "[green]+ Your progression: $step[/green]",
                    step=exercise.progressions[level - 1],
                )
            ]
            if level
            else []
        )
        if step.phase is Phase.INTRO:
            return lines([*progression, *intro_lines(exercise)])
        return lines([*progression, *(f"- {cue}" for cue in exercise.cues)])

    # -- keys ---------------------------------------------------------------------------
    def key_label(self, binding: Binding) -> str:
        """The footer's word for a key: Enter starts an exercise from its intro."""
        if binding.id == "done" and self.engine.phase is Phase.INTRO:
            return "Start"
        return binding.description

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that do something now are offered (False hides a key)."""
        phase = self.engine.phase
        if phase is Phase.PAIN and action == "done":
            return self._rating_closed
        if phase in (Phase.PAIN, Phase.DONE):
            return action == "quit_session"
        if action == "pause":
            return self.engine.counting_down or self.coach.pacing  # hidden: nothing to pause
        if action == "adjust":
            return phase in (Phase.WORK, Phase.REST, Phase.READY)
        if action == "back":
            return self.engine.index > 0
        return True

    def _act(self, cues: list[Cue]) -> None:
        self.handle(cues)
        self._schedule()

    def action_done(self) -> None:
        if self.engine.phase is Phase.PAIN:
            self.ask_pain()
            return
        self._act(self.coach.finish_set())

    def action_pause(self) -> None:
        self.coach.toggle_pause()
        self.autosave()
        self._act([])

    def action_skip(self) -> None:
        self._act(self.engine.skip())

    def action_skip_exercise(self) -> None:
        self._act(self.engine.skip_exercise())

    def action_back(self) -> None:
        self._act(self.engine.back())

    def action_adjust(self, direction: int) -> None:
        self.engine.adjust(direction)
        self._act([])

    def action_pain_spike(self) -> None:
        spike = self.engine.pain_spike()
        exercise = self.engine.exercise
        if spike is None or exercise is None:
            return
        caution = (
            exercise.cautions[0] if exercise.cautions else "Ease off: smaller range, less load."
        )
        if self.coach.pacing and not self.engine.paused:
            self.coach.toggle_pause()
        paused = " Paused." if self.engine.paused else ""
        self.notify(f"Pain noted ({spike.side}).{paused} {caution}", title="Pain noted", timeout=10)
        self.autosave()
        self._act([])

    def action_quit_session(self) -> None:
        if self.engine.phase is Phase.DONE:
            self.app.pop_screen()
            return
        self.ask_to_stop()

    def ask_to_stop(self, then: Callable[[], None] | None = None, starting: str = "") -> None:
        """Pause and ask: back, keep or discard; ``then`` runs once it has stopped, to open
        ``starting`` (the routine asked for) instead of the summary."""
        was_paused = self.engine.paused
        if not was_paused:
            self.coach.toggle_pause()
        self.autosave()
        self._act([])

        def decided(choice: str | None) -> None:
            if choice == "keep":
                self._ask_pain_stopped(then)
            elif choice == "discard":
                self.post_message(self.Ended(self.engine, keep=False, then=then))
            elif not was_paused:
                self.coach.toggle_pause()
                self._act([])

        self.app.push_screen(quit_session_screen(starting), decided)

    def _pain_rated(self, result: PainResult | None) -> None:
        self._asking_pain = False
        if result is None:  # escape: every set stays recorded; Enter asks again
            self._rating_closed = True
            self._act([])
            return
        self.engine.rate_pain(result.score, result.note, result.swelling)
        self.post_message(self.Ended(self.engine, keep=True))

    def _ask_pain_stopped(self, then: Callable[[], None] | None) -> None:
        """A session stopped early is kept; its pain matters most, so ask (Escape skips).

        ``then`` opens what comes next (another routine) once it is saved."""

        def rated(result: PainResult | None) -> None:
            if result is not None:
                self.engine.rate_stopped(result.score, result.note, result.swelling)
            self.post_message(self.Ended(self.engine, keep=True, then=then))

        self.app.push_screen(
            PainRatingScreen("Stopped early: how is your knee now?", escape_text="skips"),
            rated,
        )
