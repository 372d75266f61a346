"""The program in the app: onboarding, Today on the home screen, return to running, red flags,
progression hints; and the pain logs: the quick log, the morning check-in, the question after
a run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from itb_tui.core.store.files import StoreError
from itb_tui.tui.asking import ask_in_turn, asking
from itb_tui.tui.messages import BeginSession, Place, TodayLoaded
from itb_tui.tui.screens.home import HomeState

if TYPE_CHECKING:  # the screens and the program's rules are imported when first needed
    from datetime import date

    from itb_tui.core.history.records import FunctionScore, PainLog
    from itb_tui.core.plan.overview import Overview
    from itb_tui.core.plan.progress import Hint
    from itb_tui.core.plan.red_flags import RedFlagState
    from itb_tui.core.plan.referee import RulesInput
    from itb_tui.core.plan.verdict import Verdict
    from itb_tui.tui.app import ItbApp
    from itb_tui.tui.safekeeping import Safekeeping
    from itb_tui.tui.screens.pain import PainResult
    from itb_tui.tui.screens.red_flags import RedFlagsScreen


def red_flags_reason(score: int, swelling: bool | None) -> str:
    """Why the red-flag questions are asked again after a score: high pain or a 'yes' to
    swelling (red_flags.should_ask); '' when they are not."""
    from itb_tui.core.plan.red_flags import should_ask

    if not should_ask(score, swelling):
        return ""
    what = "swelling" if swelling else f"pain {score}/10"
    return f"You reported {what}: do any of these apply now?"


class ProgramFlow:
    """Applies the program's rules to the history and opens the program's screens."""

    def __init__(self, app: ItbApp, safekeeping: Safekeeping) -> None:
        self.app = app
        self.context = app.context
        self.safekeeping = safekeeping
        self.verdict: Verdict | None = None  # the referee's answer for today
        self.overview: Overview | None = None  # what Home shows of it
        self.unreadable: list[StoreError] = []  # history files Today had to leave out
        self.taken_hints: dict[str, Hint] = {}  # progressions taken since the app opened

    def ready(self) -> bool:
        """Read the program's rules (on first use); if they are broken, close the app saying why."""
        from itb_tui.core.content.validate import ContentError

        try:
            self.context.program  # noqa: B018 - read for its side effect
        except ContentError as err:
            self.app.closing_report = err.report()  # the command line prints it once closed
            self.app.exit(return_code=1)
            return False
        return True

    async def onboarding(self) -> bool:
        """First launch: the notice, which knee, weaker side, start date, running now; True
        when the answers were saved."""
        from itb_tui.tui.screens.onboarding import OnboardingScreen

        app, context = self.app, self.context
        today = context.clock.wall().date()
        screen = OnboardingScreen(context.settings, context.program.disclaimer, today)
        if not await app.push_screen_wait(screen):
            return False
        app.persist_settings()
        self.refresh_home()
        return True

    def load_history(self) -> None:
        """Fill Today from the recent months; then the questions it brings are asked."""
        self.refresh_home()
        self.app.post_message(TodayLoaded())

    def watch_day(self) -> None:
        """Past midnight with the app open: Today becomes the new day's, and the new day's
        check-in is asked (as at an open)."""
        if (
            self.overview is not None
            and self.app.home.state.today != self.context.clock.wall().date()
        ):
            self.load_history()

    def refresh_home(self) -> None:
        """Re-read the recent months and recompute today's plan for the home screen."""
        if not self.ready():
            return
        context = self.context
        inp, unreadable, verdict = self.work_out_today()
        now, recent = inp.now, inp.history
        known = {(old.path, str(old)) for old in self.unreadable}
        for problem in unreadable:  # each newly found file is reported once; home keeps a line
            if (problem.path, str(problem)) not in known:
                self.app.call_after_refresh(self.safekeeping.report_unreadable, problem)
        self.unreadable = unreadable
        last: dict[str, date] = {}
        for session in sorted(recent.sessions, key=lambda s: s.started_at):
            last[session.routine] = session.started_at.date()
        self.verdict = verdict
        self.overview = verdict.overview
        paths = tuple(str(problem.path) for problem in unreadable)
        levels = context.settings.progressions
        taken = tuple(h for h in self.taken_hints.values() if levels.get(h.exercise_id, 0) > 0)
        self.app.home.state = HomeState(self.overview, now.date(), last, paths, taken)

    def todays_overview(self) -> Overview | None:
        """Today's plan as Home has it; before Home has worked it out (a routine asked for at
        launch, a key pressed at once), worked out now, so a session is held as any other."""
        if self.overview is not None or not self.ready():
            return self.overview
        return self.work_out_today()[2].overview

    def work_out_today(self) -> tuple[RulesInput, list[StoreError], Verdict]:
        """What the rules read now, the files that could not be read, and their verdict."""
        from itb_tui.core.plan.referee import decide, load_input

        inp, unreadable = load_input(self.context, self.red_flag_state())
        return inp, unreadable, decide(inp)

    def show_unreadable(self, index: int) -> None:
        if 0 <= index < len(self.unreadable):
            self.safekeeping.report_unreadable(self.unreadable[index])

    def start_run(self) -> None:
        """A guided run as the verdict allows; on a rest or held day, a question that names why
        first, and the answer is kept with the run."""
        from itb_tui.core.plan.referee import guided_run
        from itb_tui.core.plan.verdict import offers_run

        verdict = self.verdict
        if verdict is None:
            return
        run = verdict.run
        if not offers_run(run):
            self.app.notify(f"No run today: {run.reason}", timeout=8)
            return
        program = self.context.program
        if run.startable:
            routine = guided_run(verdict, program)
            if routine is not None:
                self.app.post_message(BeginSession(routine))
            return
        ask_in_turn(self.app, "run-anyway", lambda: self.ask_run_anyway(verdict))

    async def ask_run_anyway(self, verdict: Verdict) -> None:
        """A run on a rest or held day: asked first, naming why; the answer is kept with it."""
        from itb_tui.core.plan.referee import guided_run, override_question
        from itb_tui.tui.screens.choice import Choice, ChoiceScreen

        ask = override_question(verdict)
        choices = [
            Choice("run", "y", "Yes, run anyway (kept with the run)"),
            Choice("no", "n", "No"),
        ]
        choice = await self.app.push_screen_wait(ChoiceScreen("Run anyway?", ask, choices, "no"))
        routine = guided_run(verdict, self.context.program, anyway=True)
        if choice == "run" and routine is not None:
            self.app.post_message(BeginSession(routine, override=ask))

    def start_test(self) -> None:
        """The readiness test the verdict offers today, as a guided session."""
        from itb_tui.core.plan.referee import readiness_session

        if self.verdict is None:
            return
        context = self.context
        routine = readiness_session(self.verdict, context.program, context.library)
        if routine is None:
            self.app.notify("No readiness test is due today.", timeout=8)
            return
        self.app.post_message(BeginSession(routine, context.settings.weaker_side or None))

    def open_place(self, target: Place) -> None:
        """The return-to-running screen, the red flags or the function score's questions (the
        check-in is the pain logs')."""
        {
            "readiness": self.readiness,
            "red_flags": self.open_red_flags,
            "function_score": self.rate_function,
        }[target]()

    def rate_function(self) -> None:
        """The function score's questions; the ratings are added to the history."""
        from itb_tui.core.shell.function_verb import saved_text
        from itb_tui.tui.screens.function_dialog import FunctionScoreDialog

        app = self.app
        if isinstance(app.screen, FunctionScoreDialog) or self.safekeeping.refuse_read_only():
            return
        store = self.context.store
        history, _unreadable = store.load_readable(store.months())
        scores = sorted(history.function_scores, key=lambda score: score.at)

        def keep(score: FunctionScore | None) -> None:
            if score is None:
                return
            try:
                store.add_function_score(score)
            except StoreError as err:
                app.notify(str(err), title="Not kept", severity="error", timeout=15)
                return
            self.refresh_home()
            app.notify(saved_text(score, [*scores, score]), timeout=10)

        now = self.context.clock.wall()
        app.push_screen(FunctionScoreDialog(now, scores[-1] if scores else None), keep)

    def readiness(self) -> None:
        """Return to running: the checklist, the run stage and the warning signs."""
        from itb_tui.tui.screens.readiness import ReadinessScreen

        if self.verdict is None:
            return
        program = self.context.program
        self.app.push_screen(ReadinessScreen(self.verdict, program, self._morning_lines()))

    def _morning_lines(self) -> tuple[str, ...]:
        """What the morning check-in decided, and the missed check-ins, for that screen."""
        from itb_tui.core.plan.checkin import missed_text

        overview = self.overview
        assert overview is not None
        today = self.context.clock.wall().date()
        morning = overview.morning.text(today) if overview.morning else ""
        return tuple(t for t in (morning, missed_text(overview.missed_checkins)) if t)

    def set_run_week(self) -> None:
        """Set the run week by hand, or pause or resume running: one dialog, asked once."""
        from itb_tui.tui.screens.run_week import RunWeekDialog

        app, verdict = self.app, self.verdict
        if isinstance(app.screen, RunWeekDialog) or asking(app, "run-week") or verdict is None:
            return  # the key pressed twice
        if self.safekeeping.refuse_read_only():
            return
        ask_in_turn(app, "run-week", lambda: self.ask_run_week(verdict))

    async def ask_run_week(self, verdict: Verdict) -> None:
        """The dialog, then the decision added to the history and the run week it gives."""
        from itb_tui.tui.screens.readiness import decision_text
        from itb_tui.tui.screens.run_week import RunWeekDialog

        app = self.app
        now = self.context.clock.wall()
        decision = await app.push_screen_wait(RunWeekDialog(self.context.program, verdict, now))
        if decision is None:
            return
        try:
            self.context.store.add_run_decision(decision)
        except StoreError as err:
            app.notify(str(err), title="Not kept", severity="error", timeout=15)
            return
        self.refresh_home()
        self.reshow_readiness()
        app.notify(f"Kept: {decision_text(decision)}.", timeout=8)

    def reshow_readiness(self) -> None:
        """Show the return-to-running screen again with today's verdict, when it is open (under
        a session or its summary too)."""
        from itb_tui.tui.screens.readiness import ReadinessScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, ReadinessScreen) and self.verdict is not None:
                screen.show(self.verdict, self._morning_lines())

    def open_red_flags(self, reason: str = "") -> None:
        """The red-flag questions, with the flags ticked so far ticked again."""
        screen = self.red_flags_screen(reason)
        if screen is not None:
            self.app.push_screen(screen)

    def red_flags_screen(self, reason: str) -> RedFlagsScreen | None:
        from itb_tui.tui.screens.red_flags import RedFlagsScreen

        if not self.ready():
            return None
        improvement = self.overview.improvement if self.overview else None
        ticked = self.red_flag_state().standing()
        return RedFlagsScreen(self.context.program, improvement, ticked, reason)

    def ask_red_flags_after(self, score: int, swelling: bool | None) -> None:
        """A high pain score or a 'yes' to swelling: ask the red-flag questions again."""
        reason = red_flags_reason(score, swelling)
        if reason:
            self.open_red_flags(reason)

    async def red_flags_answered(self, score: int, swelling: bool | None) -> None:
        """As ``ask_red_flags_after``, in a chain of questions: back once they are closed."""
        reason = red_flags_reason(score, swelling)
        screen = self.red_flags_screen(reason) if reason else None
        if screen is not None:
            await self.app.push_screen_wait(screen)

    def red_flag_state(self) -> RedFlagState:
        """The flags ticked so far; an unreadable file is reported and read as none."""
        from itb_tui.core.plan.red_flags import RedFlagState

        try:
            return self.context.red_flags
        except StoreError as err:
            self.app.notify(str(err), title="Red flags not readable", severity="error", timeout=15)
            return RedFlagState(newer_schema=True)  # never written over

    def red_flags_changed(self, ticked: set[str]) -> None:
        """Remember each tick and untick with its time, then recompute Today."""
        state = self.red_flag_state()
        if self.safekeeping.refuse_read_only():
            return
        if state.newer_schema:
            self.app.notify("Red flags not saved: their file could not be read.", timeout=8)
            return
        if state.set(ticked, self.context.clock.wall()):
            try:
                self.context.save_red_flags()
            except StoreError as err:
                self.app.notify(str(err), title="Red flags not saved", severity="error", timeout=15)
            self.refresh_home()

    def accept_hint(self, exercise_id: str, step: int = 1) -> None:
        """Take the suggested progression, ``step`` of the exercise's: it shows in the exercise
        from now on. One press, one step: a press repeated before Home has caught up asks for
        the step already taken, and changes nothing."""
        if self.safekeeping.refuse_read_only():
            return
        settings = self.context.settings
        if settings.progressions.get(exercise_id, 0) >= step:
            return
        hints = self.overview.hints if self.overview is not None else []
        hint = next((h for h in hints if h.exercise_id == exercise_id), None)
        if hint is not None:
            self.taken_hints[exercise_id] = hint
        settings.progressions[exercise_id] = step
        saved = self.app.persist_settings()
        self.refresh_home()
        if saved:
            self.app.notify("Progression saved: it shows in the exercise from now on.")
        else:
            self.app.notify("Progression taken for this run only: it could not be saved.")


class PainLogging:
    """Pain logs from the app: the quick log, the morning check-in, the question after a run;
    a high score or swelling asks the red-flag questions again."""

    def __init__(self, app: ItbApp, program_flow: ProgramFlow) -> None:
        self.app = app
        self.context = app.context
        self.program_flow = program_flow
        self._checkin_waiting = False  # due, but another question was on top of home

    def log(self, result: PainResult) -> None:
        from itb_tui.core.history.records import PainLog, score_text, scored

        now = self.context.clock.wall()
        score = scored(result.score, result.knees)
        log = PainLog(now, score, result.context, result.note, result.swelling, knees=result.knees)
        if self.save(log):
            self.app.notify(f"Pain {score_text(log.score, log.knees)} logged ({log.context}).")
            self.program_flow.ask_red_flags_after(log.score, log.swelling)

    def save(self, log: PainLog) -> bool:
        """Add a pain log to the history and refresh Today; False (and says why) on failure."""
        try:
            self.context.store.add_pain_log(log)
        except StoreError as err:
            self.app.notify(str(err), title="Not saved", severity="error", timeout=15)
            return False
        self.program_flow.refresh_home()
        return True

    def quick_log(self) -> None:
        """Any time: a pain score, what it was during, a note."""
        from itb_tui.tui.screens.pain import PainRatingScreen

        self.app.push_screen(
            PainRatingScreen("Quick pain log", ask_context=True, context="daily"), self.logged
        )

    def logged(self, result: PainResult | None) -> None:
        if result is not None:
            self.log(result)

    def ask_check_in(self) -> None:
        """The first open of a day: the morning check-in, once nothing else is over home."""
        overview = self.program_flow.overview
        if overview is None or not overview.checkin_due or self.app.read_only:
            return
        self._checkin_waiting = self.app.screen is not self.app.home or asking(self.app)
        if not self._checkin_waiting:
            self.check_in()

    def home_shown(self) -> None:
        """Home is on top again: ask the check-in that waited for it."""
        if self._checkin_waiting:
            self.ask_check_in()

    def check_in(self) -> None:
        """Knee pain this morning, compared with yesterday, swelling; Escape skips today."""
        from itb_tui.tui.screens.checkin import CheckInScreen

        program_flow = self.program_flow
        if not program_flow.ready():  # a read-only copy may check in: it adds a log, as the shell
            return
        if isinstance(self.app.screen, CheckInScreen):
            return  # asked already
        ask_in_turn(self.app, "check-in", self.checking_in)

    async def checking_in(self) -> None:
        """Ask; save the answer in place of any given earlier today, or, on Escape, skip the
        check-in for today (when it was answered, keep that answer); a high score or swelling
        asks the red-flag questions."""
        from itb_tui.core.history.corrections import rules_note
        from itb_tui.core.history.morning_log import first_check_in, save_check_in, today_check_in
        from itb_tui.core.plan.checkin import answer_text
        from itb_tui.tui.screens.checkin import CheckInScreen, yesterday_text

        context, program_flow = self.context, self.program_flow
        last = program_flow.overview.yesterday_morning if program_flow.overview else None
        today = context.clock.wall().date()
        answered = today_check_in(context.store, today)
        screen = CheckInScreen(
            yesterday_text(last),
            first=first_check_in(context.store, today),
            answered=answer_text(answered) if answered else "",
        )
        answer = await self.app.push_screen_wait(screen)
        now = context.clock.wall()
        if answer is None and answered:
            self.app.notify("Today's check-in is kept as it was.")
            return
        if answer is None:
            context.settings.checkin_skipped = now.date()
            self.app.note_in_settings()
            program_flow.refresh_home()
            self.app.notify("Check-in skipped for today: c on the home screen answers it later.")
            return
        log = answer.log(now)
        try:
            replaced = save_check_in(context.store, log)
        except StoreError as err:
            self.app.notify(str(err), title="Not saved", severity="error", timeout=15)
            return
        program_flow.refresh_home()
        morning = program_flow.overview.morning if program_flow.overview else None
        decided = ""
        if morning is not None and morning.after is not None:  # it answers a run or strength
            decided = f"\n{morning.text(now.date())}"
        earlier = f" (in place of this morning's earlier answer) {rules_note(log)}"
        again = earlier.rstrip() if replaced else ""
        self.app.notify(f"Checked in: {answer_text(log)}{again}.{decided}", timeout=10)
        program_flow.ask_red_flags_after(log.score, log.swelling)

    def ask_about_run(self) -> None:
        """Two or more hours after a run: ask how the knee is (a pain that lingers is a sign)."""
        overview = self.program_flow.overview
        run = overview.ask_about_run if overview else None
        if run is None:
            return
        from itb_tui.tui.screens.pain import PainRatingScreen

        hours = int((self.context.clock.wall() - run.ended_at).total_seconds() // 3600)

        def answered(result: PainResult | None) -> None:
            self.context.settings.asked_after_run = self.context.clock.wall()
            self.app.note_in_settings()
            self.logged(result)

        self.app.push_screen(
            PainRatingScreen(
                f"How is your knee now, {hours} h after your run?",
                ask_context=True,
                context="after-run",
            ),
            answered,
        )
