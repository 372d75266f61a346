"""The program in the app: onboarding, Today on the home screen, return to running, red flags,
progression hints and the question after a run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message

from itb_tui.core.context import AppContext
from itb_tui.core.files import DamagedFile, StoreError
from itb_tui.tui.screens.home import HomeScreen

if TYPE_CHECKING:  # the screens and the engine are imported when first needed
    from collections.abc import Callable

    from itb_tui.core.overview import Overview
    from itb_tui.core.session import SessionEngine
    from itb_tui.tui.screens.pain import PainResult


class ProgramFlow(App[None]):
    """Applies the program's rules to the history and opens the program's screens."""

    context: AppContext
    home: HomeScreen
    overview: Overview | None
    start_with: str | None
    refuse_read_only: Callable[[], bool]
    push_session: Callable[[SessionEngine], None]
    start_routine: Callable[[str], None]
    persist_settings: Callable[[], None]
    log_pain: Callable[[PainResult], None]
    offer_restore: Callable[[DamagedFile], None]
    closing_report: str | None = None  # why the app closed itself, for the command line

    def program_ready(self) -> bool:
        """Read the program's rules (on first use); if they are broken, close the app saying why."""
        from itb_tui.core.validate import ContentError

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

    def refresh_home(self) -> None:
        """Re-read the recent months and recompute today's plan for the home screen."""
        if not self.program_ready():
            return
        from itb_tui.core.history import MonthHistory
        from itb_tui.core.overview import build_overview, load_recent

        context = self.context
        now = context.clock.wall()
        try:
            recent = load_recent(context.store, context.settings, now.date())
        except DamagedFile as err:
            recent = MonthHistory()
            self.call_after_refresh(self.offer_restore, err)
        except StoreError as err:
            self.notify(str(err), title="History not readable", severity="error", timeout=15)
            recent = MonthHistory()
        last = {}
        for session in sorted(recent.sessions, key=lambda s: s.started_at):
            last[session.routine] = session.started_at.date()
        self.overview = build_overview(
            context.program, context.settings, context.library, recent, now
        )
        self.home.today = now.date()
        self.home.last_done = last
        self.home.overview = self.overview

    def start_run(self) -> None:
        """A guided run at the current run week, when running is unlocked."""
        if self.refuse_read_only():
            return
        stage = self.overview.stage if self.overview else None
        if stage is None:
            self.notify("Running is not unlocked yet: see the checklist (r).", timeout=8)
            return
        from itb_tui.core.overview import run_routine
        from itb_tui.core.session import SessionEngine

        routine = run_routine(stage.week, stage.target, stage.today_minutes[1])
        self.push_session(SessionEngine(routine, self.context.clock))

    def on_home_screen_open(self, message: HomeScreen.Open) -> None:
        self.open_place(message.target)

    def open_place(self, target: str) -> None:
        {"readiness": self.action_readiness, "red_flags": self.action_red_flags}[target]()

    def action_readiness(self) -> None:
        """Return to running: the checklist, the run stage and the warning signs."""
        from itb_tui.tui.screens.readiness import ReadinessScreen

        overview = self.overview
        if overview is None:
            return
        self.push_screen(
            ReadinessScreen(
                overview.readiness, overview.stage, overview.signs, self.context.program
            )
        )

    def on_readiness_screen_start_run(self, _message: Message) -> None:
        self.pop_screen()
        self.start_run()

    def on_readiness_screen_open_red_flags(self, _message: Message) -> None:
        self.action_red_flags()

    def action_red_flags(self) -> None:
        from itb_tui.tui.screens.red_flags import RedFlagsScreen

        if not self.program_ready():
            return
        improvement = self.overview.improvement if self.overview else None
        self.push_screen(RedFlagsScreen(self.context.program, improvement))

    def on_home_screen_accept_hint(self, message: HomeScreen.AcceptHint) -> None:
        """Take the suggested progression: it shows in the exercise from now on."""
        if self.refuse_read_only():
            return
        settings = self.context.settings
        settings.progressions[message.exercise_id] = (
            settings.progressions.get(message.exercise_id, 0) + 1
        )
        self.persist_settings()
        self.refresh_home()
        self.notify("Progression saved: it shows in the exercise from now on.")

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
