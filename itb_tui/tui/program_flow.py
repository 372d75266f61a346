"""The program in the app: onboarding, Today on the home screen, return to running, red flags,
progression hints and the question after a run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message

from itb_tui.core.context import AppContext
from itb_tui.core.store.files import DamagedFile, StoreError
from itb_tui.tui.screens.home import HomeScreen

if TYPE_CHECKING:  # the screens and the engine are imported when first needed
    from collections.abc import Callable

    from itb_tui.core.content.library import Routine
    from itb_tui.core.history.records import PainLog, RunDecision
    from itb_tui.core.plan.checkin import MorningAnswer
    from itb_tui.core.plan.overview import Overview
    from itb_tui.core.plan.red_flags import RedFlagState
    from itb_tui.core.plan.running import RunAccess, RunStage
    from itb_tui.core.plan.signs import Found
    from itb_tui.core.plan.weeks import Readiness
    from itb_tui.tui.screens.pain import PainResult
    from itb_tui.tui.screens.red_flags import RedFlagsScreen


class ProgramFlow(App[None]):
    """Applies the program's rules to the history and opens the program's screens."""

    context: AppContext
    home: HomeScreen
    overview: Overview | None
    start_with: str | None
    refuse_read_only: Callable[[], bool]
    begin_session: Callable[[Routine], None]
    start_routine: Callable[[str], None]
    persist_settings: Callable[[], bool]
    log_pain: Callable[[PainResult], None]
    save_pain_log: Callable[[PainLog], bool]
    read_only: bool
    _checkin_waiting: bool = False  # due, but another question was on top of home
    offer_restore: Callable[[DamagedFile], None]
    closing_report: str | None = None  # why the app closed itself, for the command line
    unreadable: list[StoreError]  # history files Today had to leave out

    def program_ready(self) -> bool:
        """Read the program's rules (on first use); if they are broken, close the app saying why."""
        from itb_tui.core.content.validate import ContentError

        try:
            self.context.program  # noqa: B018 - read for its side effect
        except ContentError as err:
            self.closing_report = err.report()  # the command line prints it once the app is closed
            self.exit(return_code=1)
            return False
        return True

    def onboard(self) -> None:
        """First launch: the notice, which knee, weaker side, start date, running now."""
        if not self.program_ready():
            return
        from itb_tui.tui.screens.onboarding import OnboardingScreen

        def done(saved: bool | None) -> None:
            if saved:
                self.persist_settings()
                self.refresh_home()
            if self.start_with:
                self.start_routine(self.start_with)
            if saved:  # asked over whatever comes next, so it is answered first
                self.open_red_flags("Before you start: do any of these apply to you?")

        context = self.context
        today = context.clock.wall().date()
        self.push_screen(
            OnboardingScreen(context.settings, context.program.disclaimer, today), done
        )

    def load_history(self) -> None:
        """Fill Today from the recent months; then, on plain home, ask about a recent run."""
        self.refresh_home()
        if self.screen is self.home:
            self.ask_about_run()
        self.ask_check_in()

    def refresh_home(self) -> None:
        """Re-read the recent months and recompute today's plan for the home screen."""
        if not self.program_ready():
            return
        from itb_tui.core.plan.overview import build_overview, load_recent

        context = self.context
        now = context.clock.wall()
        recent, unreadable = load_recent(context.store, context.settings, now.date())
        known = {(old.path, str(old)) for old in self.unreadable}
        for problem in unreadable:  # each newly found file is reported once; home keeps a line
            if (problem.path, str(problem)) not in known:
                self.call_after_refresh(self.report_unreadable, problem)
        self.unreadable = unreadable
        self.home.unreadable = [str(problem.path) for problem in unreadable]
        last = {}
        for session in sorted(recent.sessions, key=lambda s: s.started_at):
            last[session.routine] = session.started_at.date()
        self.overview = build_overview(
            context.program, context.settings, context.library, recent, now, self.red_flag_state()
        )
        self.home.today = now.date()
        self.home.last_done = last
        self.home.overview = self.overview

    def report_unreadable(self, error: StoreError) -> None:
        """A history file that cannot be read: offer its backup when damaged, else say why."""
        if isinstance(error, DamagedFile):
            self.offer_restore(error)
        else:
            self.notify(str(error), title="History not readable", severity="error", timeout=15)

    def on_home_screen_unreadable(self, message: HomeScreen.Unreadable) -> None:
        if 0 <= message.index < len(self.unreadable):
            self.report_unreadable(self.unreadable[message.index])

    def start_run(self) -> None:
        """A guided run at the current run week, when running is unlocked."""
        stage = self.overview.stage if self.overview else None
        if stage is None:
            self.notify("Running is not unlocked yet: see the checklist (r).", timeout=8)
            return
        from itb_tui.core.plan.overview import run_routine

        program = self.context.program
        self.begin_session(
            run_routine(stage.week, stage.target, program.form_tips, stage.today_minutes[1])
        )

    def on_home_screen_open(self, message: HomeScreen.Open) -> None:
        self.open_place(message.target)

    def open_place(self, target: str) -> None:
        {
            "readiness": self.action_readiness,
            "red_flags": self.action_red_flags,
            "check_in": self.action_check_in,
        }[target]()

    def ask_check_in(self) -> None:
        """The first open of a day: the morning check-in, once nothing else is over home."""
        overview = self.overview
        if overview is None or not overview.checkin_due or self.read_only:
            return
        self._checkin_waiting = self.screen is not self.home
        if not self._checkin_waiting:
            self.action_check_in()

    def on_home_screen_shown(self, _message: Message) -> None:
        if self._checkin_waiting:
            self.ask_check_in()

    def action_check_in(self) -> None:
        """Knee pain this morning, compared with yesterday, swelling; Escape skips today."""
        from itb_tui.tui.screens.checkin import CheckInScreen, yesterday_text

        if self.refuse_read_only() or not self.program_ready():
            return
        last = self.overview.yesterday_morning if self.overview else None
        self.push_screen(CheckInScreen(yesterday_text(last)), self.checked_in)

    def checked_in(self, answer: MorningAnswer | None) -> None:
        context = self.context
        now = context.clock.wall()
        if answer is None:
            context.settings.checkin_skipped = now.date()
            self.persist_settings()
            self.refresh_home()
            self.notify("Check-in skipped for today: c on the home screen answers it later.")
            return
        from itb_tui.core.plan.checkin import answer_text

        log = answer.log(now)
        if not self.save_pain_log(log):
            return
        morning = self.overview.morning if self.overview else None
        decided = ""
        if morning is not None and morning.after is not None:  # it answers a run or strength
            decided = f"\n{morning.text(now.date())}"
        self.notify(f"Checked in: {answer_text(log)}.{decided}", timeout=10)

    def action_readiness(self) -> None:
        """Return to running: the checklist, the run stage and the warning signs."""
        from itb_tui.tui.screens.readiness import ReadinessScreen

        if self.overview is None:
            return
        readiness, stage, signs, lines, access = self._readiness_shown()
        program = self.context.program
        self.push_screen(ReadinessScreen(readiness, stage, signs, program, lines, access))

    def _readiness_shown(
        self,
    ) -> tuple[Readiness, RunStage | None, list[Found], tuple[str, ...], RunAccess]:
        """What the return-to-running screen shows, from the overview (ReadinessScreen.show)."""
        from itb_tui.core.plan.checkin import missed_text

        overview = self.overview
        assert overview is not None
        today = self.context.clock.wall().date()
        morning = overview.morning.text(today) if overview.morning else ""
        lines = tuple(t for t in (morning, missed_text(overview.missed_checkins)) if t)
        return overview.readiness, overview.stage, overview.signs, lines, overview.access

    def on_readiness_screen_set_run_week(self, _message: Message) -> None:
        """Set the run week by hand, or pause or resume running: one dialog, asked once."""
        from itb_tui.tui.screens.run_week import RunWeekDialog

        if isinstance(self.screen, RunWeekDialog) or self.overview is None:
            return  # the key pressed twice
        if self.refuse_read_only():
            return
        now = self.context.clock.wall()
        dialog = RunWeekDialog(self.context.program, self.overview.access, now)
        self.push_screen(dialog, self.keep_run_decision)

    def keep_run_decision(self, decision: RunDecision | None) -> None:
        """Add the decision to the history, then show the run week it gives."""
        from itb_tui.tui.screens.readiness import ReadinessScreen, decision_text

        if decision is None:
            return
        try:
            self.context.store.add_run_decision(decision)
        except StoreError as err:
            self.notify(str(err), title="Not kept", severity="error", timeout=15)
            return
        self.refresh_home()
        if isinstance(self.screen, ReadinessScreen) and self.overview is not None:
            self.screen.show(*self._readiness_shown())
        self.notify(f"Kept: {decision_text(decision)}.", timeout=8)

    def on_readiness_screen_start_run(self, _message: Message) -> None:
        self.pop_screen()
        self.start_run()

    def on_readiness_screen_open_red_flags(self, _message: Message) -> None:
        self.action_red_flags()

    def action_red_flags(self) -> None:
        self.open_red_flags()

    def open_red_flags(self, reason: str = "") -> None:
        """The red-flag questions, with the flags ticked so far ticked again."""
        from itb_tui.tui.screens.red_flags import RedFlagsScreen

        if not self.program_ready():
            return
        improvement = self.overview.improvement if self.overview else None
        ticked = self.red_flag_state().standing()
        self.push_screen(RedFlagsScreen(self.context.program, improvement, ticked, reason))

    def ask_red_flags_after(self, score: int, swelling: bool | None) -> None:
        """A high pain score or a 'yes' to swelling: ask the red-flag questions again."""
        from itb_tui.core.plan.red_flags import should_ask

        if not should_ask(score, swelling):
            return
        what = "swelling" if swelling else f"pain {score}/10"
        self.open_red_flags(f"You reported {what}: do any of these apply now?")

    def red_flag_state(self) -> RedFlagState:
        """The flags ticked so far; an unreadable file is reported and read as none."""
        from itb_tui.core.plan.red_flags import RedFlagState

        try:
            return self.context.red_flags
        except StoreError as err:
            self.notify(str(err), title="Red flags not readable", severity="error", timeout=15)
            return RedFlagState(newer_schema=True)  # never written over

    def on_red_flags_screen_changed(self, message: RedFlagsScreen.Changed) -> None:
        """Remember each tick and untick with its time, then recompute Today."""
        state = self.red_flag_state()
        if self.refuse_read_only():
            return
        if state.newer_schema:
            self.notify("Red flags not saved: their file could not be read.", timeout=8)
            return
        if state.set(message.ticked, self.context.clock.wall()):
            try:
                self.context.save_red_flags()
            except StoreError as err:
                self.notify(str(err), title="Red flags not saved", severity="error", timeout=15)
            self.refresh_home()

    def on_home_screen_accept_hint(self, message: HomeScreen.AcceptHint) -> None:
        """Take the suggested progression: it shows in the exercise from now on."""
        if self.refuse_read_only():
            return
        settings = self.context.settings
        settings.progressions[message.exercise_id] = (
            settings.progressions.get(message.exercise_id, 0) + 1
        )
        saved = self.persist_settings()
        self.refresh_home()
        if saved:
            self.notify("Progression saved: it shows in the exercise from now on.")
        else:
            self.notify("Progression taken for this run only: it could not be saved.")

    def ask_about_run(self) -> None:
        """Two or more hours after a run: ask how the knee is (a pain that lingers is a sign)."""
        run = self.overview.ask_about_run if self.overview else None
        if run is None:
            return
        from itb_tui.tui.screens.pain import PainRatingScreen

        hours = int((self.context.clock.wall() - run.ended_at).total_seconds() // 3600)

        def answered(result: PainResult | None) -> None:
            self.context.settings.asked_after_run = self.context.clock.wall()
            self.persist_settings()
            if result is not None:
                self.log_pain(result)

        self.push_screen(
            PainRatingScreen(
                f"How is your knee now, {hours} h after your run?",
                ask_context=True,
                context="after-run",
            ),
            answered,
        )
