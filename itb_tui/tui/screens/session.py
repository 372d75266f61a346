"""The guided session: one exercise at a time, countdowns, sets, sides, cues."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import BOTH
from itb_tui.core.plan.kept_pain import discard_note, sets_done
from itb_tui.core.session import metronome, view
from itb_tui.core.session.actions import SessionAction, session_action
from itb_tui.core.session.coach import Coach
from itb_tui.core.session.engine import Cue, Phase, SessionEngine
from itb_tui.core.session.speech import Speaker
from itb_tui.core.store.files import StoreError
from itb_tui.core.store.settings import Settings
from itb_tui.tui.asking import QUESTIONS, ask_in_turn
from itb_tui.tui.keys import bindings
from itb_tui.tui.messages import PainReported, SessionEnded
from itb_tui.tui.screens.pain import PainRatingScreen, SpikeScore, SpikeScoreScreen
from itb_tui.tui.screens.quit_session import quit_session_screen
from itb_tui.tui.screens.resume import confirm_discard_screen
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import lines, literal, markup
from itb_tui.tui.widgets import figure as figure_widget
from itb_tui.tui.widgets.countdown import Countdown
from itb_tui.tui.widgets.figure import ExerciseFigure
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.side_banner import SideBanner

FLASH_SECONDS = 0.4


def knee_text(painful_knee: str) -> str:
    """Where the pain is, from the settings: 'right knee', 'both knees' or 'knee'."""
    if painful_knee == BOTH:
        return "both knees"
    return f"{painful_knee} knee" if painful_knee else "knee"


def styled(line: view.Line) -> Content:
    """One line of the view, its texts shown literally and its styles applied."""
    return Content("").join(
        markup(f"[{style}]$t[/{style}]", t=text) if style else literal(text) for text, style in line
    )


def styled_lines(parts: tuple[view.Line, ...]) -> Content:
    return lines(styled(line) for line in parts)


class SessionScreen(Screen[None]):
    """Shows what view.py says of the engine; every key goes to the core through ``_act``."""

    BINDINGS = bindings("session")

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (figure_widget.FIGURE_SCREEN_COLUMNS, "-figure")]
    FOOTER_KEEP = ("done", "pause", "pain", "quit", "help")  # kept in view on a narrow screen

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
        self._beat: Timer | None = None  # the run's metronome, while it ticks
        self._shown: tuple[object, ...] = ()
        self._asking_pain = False  # the pain rating is open
        self._rating_closed = False  # it was closed with Escape: Enter opens it again

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        read_stylesheet_beside(self.app, figure_widget.__file__)
        with Horizontal(id="session-body"):
            # the countdown between two groups: a new second repaints it and the compositor
            # looks at no other text (it visits every child of a container it repaints in)
            with Vertical(id="session"):
                with Vertical(id="session-top", classes="session-group"):
                    yield Static(id="session-header")
                    yield Static(id="exercise-name")
                    yield SideBanner(id="side-banner")
                yield Countdown(id="countdown")
                with Vertical(id="session-bottom", classes="session-group"):
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
        wake = self.coach.wake_in() if self.auto_tick else None
        if wake is not None:
            self._timer = self.set_timer(max(0.01, wake + 0.002), self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        self.tick()
        self._schedule()

    def tick(self) -> None:
        """Check the clock: handle cues and redraw if what is shown changed."""
        self.handle(self.engine.tick())

    # -- state in, cues out --------------------------------------------------------------
    def handle(self, cues: list[Cue], action: SessionAction | None = None) -> None:
        """Announce, save and redraw after a tick or a key's ``action``.

        The pain rating opens when the session reaches it, and when Enter asks for it again."""
        said = self.coach.after(cues, action)
        speaking = self.speaker is not None and self.speaker.enabled
        if said.phrase and speaking and self.settings.cue_style == "voice":
            assert self.speaker is not None
            self.speaker.say(said.phrase)
        elif said.alert and self.settings.bell:
            self.app.bell()
        if said.alert and self.settings.flash:
            self.flash()
        if said.save:
            try:
                self.store.progress.save(self.engine)
            except StoreError as err:
                self.notify(f"Progress not saved: {err}", severity="error", timeout=8)
        self.render_state()
        # Enter asks again after Escape
        wanted = action is SessionAction.DONE or not self._rating_closed
        if self.engine.phase is Phase.PAIN and not self._asking_pain and wanted:
            self.ask_pain()

    def ask_pain(self) -> None:
        self._asking_pain = True
        self._rating_closed = False
        self.run_worker(self.rate_pain(), name=QUESTIONS, group="rating")

    async def rate_pain(self) -> None:
        """The rating at the end (then "Did you limp?" after a walk test): the session is kept
        with it, and ends. Escape closes it with every set recorded; Enter asks again."""
        result = await self.app.push_screen_wait(PainRatingScreen())
        self._asking_pain = False
        if result is None:
            self._rating_closed = True
            self._act([])
            return
        self.engine.rate_pain(result.score, result.note, result.swelling, result.knees)
        if self.engine.routine.asks_limp:  # a walk test: a limp fails it
            from itb_tui.tui.screens.limp import LIMPED, LimpQuestion

            answer = await self.app.push_screen_wait(LimpQuestion())
            if answer:
                self.engine.answer_limp(answer == LIMPED)
        self.post_message(SessionEnded(self.engine, keep=True))

    def flash(self, on: bool = True) -> None:
        self.query_one(SideBanner).set_class(on, "-flash")
        self.query_one(Countdown).flashing = on
        if on:
            self.set_timer(FLASH_SECONDS, lambda: self.flash(on=False))

    def _metronome(self) -> None:
        """Start or stop the run's metronome (Settings) as the run's timer starts or stops."""
        cadence = self.settings.metronome
        on = self.auto_tick and metronome.ticking(self.engine, cadence)
        if on and self._beat is None and cadence:
            self._beat = self.set_interval(metronome.beat_s(cadence), self.app.bell)
        elif not on and self._beat is not None:
            self._beat.stop()
            self._beat = None

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
        ticking = view.countdown(engine)
        if ticking is not None:
            countdown.total = ticking.total
            countdown.seconds = ticking.seconds
        self._metronome()
        if key == self._shown:
            return
        self._shown = key
        shown = view.session_view(
            engine,
            pacer_status=self.coach.status(),
            rating_closed=self._rating_closed,
            progressions=self.settings.progressions,
        )
        self.query_one("#session-header", Static).update(styled(shown.header))
        self.query_one("#exercise-name", Static).update(literal(shown.exercise))
        banner = self.query_one(SideBanner)
        banner.side = shown.banner_side
        banner.text = shown.banner
        countdown.display = shown.countdown is not None
        self.query_one(ExerciseFigure).show(view.figure(engine), self.coach.pacer)
        self.query_one("#set-info", Static).update(styled_lines(shown.set_info))
        self.query_one("#guide", Static).update(styled_lines(shown.guide))
        self.query_one("#next", Static).update(literal(shown.next))
        self.refresh_bindings()

    # -- keys ---------------------------------------------------------------------------
    def key_label(self, binding: Binding) -> str:
        """The footer's word for a key: Enter starts an exercise from its intro."""
        word = binding.description
        return view.enter_word(self.engine, word) if binding.id == "done" else word

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that do something now are offered (False hides a key)."""
        known = session_action(action)
        if known is None:  # not a session key (Textual's own: copying selected text)
            return True
        per_knee = self.settings.painful_knee == BOTH
        return view.offered(self.engine, known, self.coach.pacing, self._rating_closed, per_knee)

    def _act(self, cues: list[Cue], action: SessionAction | None = None) -> None:
        """Every key ends here with the cues of what it did (see ``handle``)."""
        self.handle(cues, action)
        self._schedule()

    def action_done(self) -> None:
        self._act(self.coach.finish_set(), SessionAction.DONE)

    def action_pause(self) -> None:
        self.coach.toggle_pause()
        self._act([], SessionAction.PAUSE)

    def action_skip(self) -> None:
        self._act(self.engine.skip(), SessionAction.SKIP)

    def action_skip_exercise(self) -> None:
        self._act(self.engine.skip_exercise(), SessionAction.SKIP_EXERCISE)

    def action_back(self) -> None:
        self._act(self.engine.back(), SessionAction.BACK)

    def action_adjust(self, direction: int) -> None:
        self.engine.adjust(direction)
        self._act([], SessionAction.ADJUST)

    def action_pain_spike(self) -> None:
        spike = self.engine.pain_spike()
        if spike is None:
            return
        if self.coach.pacing and not self.engine.paused:
            self.coach.toggle_pause()
        self._act([], SessionAction.PAIN_SPIKE)
        self.ask_spike_score(self.settings.painful_knee == BOTH, noted=True)

    def ask_spike_score(self, per_knee: bool, *, noted: bool = False) -> None:
        """How bad the last pain spike is: one score, or each knee's; 7/10 or more asks the
        red-flag questions. Escape leaves it as it was. ``noted``: the spike was just noted,
        so one notice says so once the dialog closes, with its score or without."""

        def scored(answer: SpikeScore | None) -> None:
            if answer is not None:
                self.engine.score_spike(answer.knees, answer.score)
                self._act([], SessionAction.SCORE_SPIKE)
            if noted:
                side = knee_text(self.settings.painful_knee)
                said = view.pain_noted(self.engine, side, per_knee=per_knee)
                self.notify(said, title="Pain noted", timeout=10)
            elif answer is not None:
                self.notify(view.spike_scored(self.engine), title="Pain noted")
            if answer is not None:
                self.post_message(PainReported(answer.score))

        exercise = view.spike_exercise(self.engine)
        self.app.push_screen(SpikeScoreScreen(exercise, per_knee=per_knee), scored)

    def action_score_spike(self) -> None:
        """Each knee's pain at the last pain spike (when both knees hurt), again."""
        if self.engine.pain_spikes:
            self.ask_spike_score(per_knee=True)

    def under_way(self) -> bool:
        """True until the session is done: leaving it then asks first."""
        return self.engine.phase is not Phase.DONE

    def action_quit_session(self) -> None:
        if not self.under_way():
            self.app.pop_screen()
            return
        ask_in_turn(self, "stop", self.stop)

    async def stop(self) -> None:
        """The stop key: ask, and end the session as answered."""
        ending = await self.ask_to_stop()
        if ending is not None:
            self.post_message(ending)

    async def ask_to_stop(
        self, starting: str = "", *, quitting: bool = False
    ) -> SessionEnded | None:
        """Pause and ask: back, keep or discard; how the session ends, or None when it goes on.

        ``starting`` names the routine asked for next, ``quitting`` says the app quits next.
        Discarding finished sets is confirmed; a session kept is stopped early, and its pain
        matters most, so it is asked (Escape skips)."""
        was_paused = self.engine.paused
        if not was_paused:
            self.coach.toggle_pause()
        self._act([], SessionAction.QUIT_SESSION)
        kept = discard_note(self.engine.record())
        choice = await self.app.push_screen_wait(
            quit_session_screen(starting, kept, quitting=quitting)
        )
        if choice == "discard" and sets_done(self.engine.record()):
            confirm = confirm_discard_screen(self.engine.record(), unfinished=False)
            choice = await self.app.push_screen_wait(confirm)
        if choice == "discard":
            return SessionEnded(self.engine, keep=False)
        if choice == "keep":
            rating = PainRatingScreen("Stopped early: how is your knee now?", escape_text="skips")
            result = await self.app.push_screen_wait(rating)
            if result is not None:
                self.engine.rate_stopped(result.score, result.note, result.swelling, result.knees)
            return SessionEnded(self.engine, keep=True)
        if not was_paused:
            self.coach.toggle_pause()
            self._act([])
        return None
