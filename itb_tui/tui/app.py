"""ItbApp: wires content, history and clock to the screens; global keys and commands."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from itb_tui.core.context import AppContext
from itb_tui.core.history import MonthHistory, PainLog, SessionRecord
from itb_tui.core.instance import InstanceLock
from itb_tui.core.session import SessionEngine
from itb_tui.core.speech import Speaker, find_speech_program
from itb_tui.core.storage import DamagedFile, StoreError, month_key, restore_backup, write_toml
from itb_tui.tui.commands import RoutineCommands
from itb_tui.tui.screens.choice import Choice, ChoiceScreen
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.pain import PainRatingScreen, PainResult
from itb_tui.tui.screens.resume import confirm_discard_screen, resume_screen
from itb_tui.tui.screens.summary import SummaryScreen
from itb_tui.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

if TYPE_CHECKING:  # imported when first needed, to keep start-up short
    from itb_tui.core.overview import Overview
    from itb_tui.tui.screens.session import SessionScreen


class ItbApp(App[None]):
    """The full-screen coach."""

    CSS_PATH = "app.tcss"
    TITLE = "itb-tui"
    COMMANDS = App.COMMANDS | {RoutineCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="help", tooltip="Keys and where data lives"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self, context: AppContext, *, start_routine: str | None = None, auto_tick: bool = True
    ) -> None:
        super().__init__()
        self.context = context
        self.start_with = start_routine
        self.auto_tick = auto_tick
        self.home = HomeScreen(context.library)
        self.overview: Overview | None = None
        self.instance = InstanceLock(context.paths.app_lock)
        self.read_only = False
        self.speaker: Speaker | None = None
        self.update_speaker()

    def get_default_screen(self) -> Screen[None]:
        return self.home

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP):  # leave the terminal as it was
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self.exit)
        self.check_size(self.size.width, self.size.height)
        try:
            self.read_only = not self.instance.acquire()
        except OSError as err:
            self.read_only = True
            self.notify(f"Cannot use the data folder: {err}", severity="error", timeout=20)
        if self.read_only:
            self.sub_title = "read-only: another copy is running"
            self.notify(self.read_only_text(), title="Another itb-tui is running", timeout=20)
        elif not self.context.settings.onboarded:
            self.onboard()
        elif not self.offer_resume() and self.start_with:
            self.start_routine(self.start_with)
        # The history is read after the first frame, so start-up does not grow with it.
        self.call_after_refresh(self.load_history)

    def load_history(self) -> None:
        """Fill Today from the recent months; then, on plain home, ask about a recent run."""
        self.refresh_home()
        if self.screen is self.home:
            self.ask_about_run()

    def onboard(self) -> None:
        """First launch: the notice, which knee, weaker side, start date, running now."""
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

    # -- history ------------------------------------------------------------------------
    def refresh_home(self) -> None:
        """Re-read the recent months and recompute today's plan for the home screen."""
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

    def offer_resume(self) -> bool:
        """Ask what to do with an interrupted session; True when the question was asked."""
        store = self.context.store
        try:
            snapshot = store.load_progress()
        except StoreError as err:
            self.notify(str(err), severity="error", timeout=15)
            return False
        if snapshot is None:
            return False
        problems: list[str] = []
        month = MonthHistory.from_dict(
            {"schema_version": 1, "sessions": [snapshot.get("record", {})]}, "progress", problems
        )
        if problems or not month.sessions:
            self.notify(
                f"The unfinished-session file {self.context.paths.in_progress} is damaged and "
                "was left as it is.",
                severity="error",
                timeout=15,
            )
            return False
        record = month.sessions[0]
        resume = snapshot.get("resume")
        resume = resume if isinstance(resume, dict) else {}
        routine = self.context.library.routines.get(str(resume.get("routine", "")))
        engine = None
        if routine is not None:
            engine = SessionEngine(routine, self.context.clock)
            try:
                engine.restore(resume, record)
            except (ValueError, KeyError, TypeError, IndexError, AttributeError):
                engine = None

        def decided(choice: str | None) -> None:
            if choice == "resume" and engine is not None:
                self.push_session(engine)
            elif choice == "keep":
                record.completed = False
                self.save_record(record)
            elif choice == "discard":
                self.push_screen(confirm_discard_screen(), decided_again)

        def decided_again(choice: str | None) -> None:
            if choice == "discard":
                store.clear_progress()
            else:
                decided("keep")

        self.push_screen(resume_screen(record, engine is not None), decided)
        return True

    def read_only_text(self) -> str:
        pid = self.instance.other_pid
        who = f" (process {pid})" if pid else ""
        return (
            f"Another itb-tui is open{who}. This copy can show your history and log pain, "
            "but cannot run sessions or change settings. Close the other one to do those."
        )

    def offer_restore(self, error: DamagedFile) -> None:
        """A damaged history file: say so, and offer its backup. The file is never rewritten."""
        path = error.path
        if path is None or isinstance(self.screen, ChoiceScreen):
            return
        has_backup = path.with_name(path.name + ".bak").exists()
        choices = [Choice("restore", "r", "Restore the backup")] if has_backup else []
        choices.append(Choice("continue", "c", "Continue without that month"))

        def decided(choice: str | None) -> None:
            if choice != "restore":
                return
            try:
                aside = restore_backup(path, self.context.clock.wall().strftime("%Y%m%dT%H%M%S"))
            except StoreError as err:
                self.notify(str(err), severity="error", timeout=15)
                return
            self.notify(f"Backup restored. The damaged file is kept as {aside.name}.", timeout=15)
            self.refresh_home()

        backup = "A backup of its previous version is available." if has_backup else "No backup."
        self.push_screen(
            ChoiceScreen("A history file is damaged", f"{error}\n\n{backup}", choices, "continue"),
            decided,
        )

    def save_record(self, record: SessionRecord) -> str | None:
        """Save a session to the history and forget the progress file; None on failure."""
        store = self.context.store
        try:
            store.save_session(record)
        except StoreError as err:
            self.offer_save_elsewhere(record, err)
            return None
        store.clear_progress()
        self.refresh_home()
        return str(store.month_path(month_key(record.started_at)))

    def offer_save_elsewhere(self, record: SessionRecord, error: StoreError) -> None:
        """Saving failed (disk full, read-only folder): retry, or write the session elsewhere."""
        fallback = self.context.paths.config / f"unsaved-session-{record.id}.toml"

        def decided(choice: str | None) -> None:
            if choice == "retry":
                saved = self.save_record(record)
                if saved is not None:
                    self.notify(f"Saved to {saved}.")
            elif choice == "elsewhere":
                try:
                    write_toml(fallback, {"schema_version": 1, "sessions": [record.to_dict()]})
                except StoreError as err:
                    self.offer_save_elsewhere(record, err)
                    return
                self.notify(f"Session written to {fallback}.", timeout=20)

        self.push_screen(
            ChoiceScreen(
                "The session could not be saved",
                f"{error}\nIt is still in memory; nothing on disk was changed.",
                [
                    Choice("retry", "r", "Try again"),
                    Choice("elsewhere", "e", f"Write it to {fallback}"),
                    Choice("keep", "k", "Leave it (it stays in this window until you quit)"),
                ],
                escape_result="keep",
            ),
            decided,
        )

    # -- sessions -----------------------------------------------------------------------
    def refuse_read_only(self) -> bool:
        """True (and says why) when this copy may not change anything."""
        if self.read_only:
            self.notify(self.read_only_text(), title="Read-only", severity="warning", timeout=10)
        return self.read_only

    def start_routine(self, routine_id: str) -> None:
        if self.refuse_read_only():
            return
        routine = self.context.library.routines[routine_id]
        engine = SessionEngine(
            routine, self.context.clock, self.context.settings.weaker_side or None
        )
        self.push_session(engine)

    def push_session(self, engine: SessionEngine) -> None:
        from itb_tui.tui.screens.session import SessionScreen

        self.push_screen(
            SessionScreen(
                engine,
                self.context.store,
                self.context.settings,
                speaker=self.speaker,
                auto_tick=self.auto_tick,
            )
        )

    def on_home_screen_start_routine(self, message: HomeScreen.StartRoutine) -> None:
        self.start_routine(message.routine_id)

    def start_run(self) -> None:
        """A guided run at the current run week, when running is unlocked."""
        if self.refuse_read_only():
            return
        stage = self.overview.stage if self.overview else None
        if stage is None:
            self.notify("Running is not unlocked yet: see the checklist (r).", timeout=8)
            return
        from itb_tui.core.overview import run_routine

        routine = run_routine(stage.week, stage.target)
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

    def action_history(self) -> None:
        """Past sessions and pain logs, with the pain chart, the calendar and export."""
        from itb_tui.tui.screens.history import HistoryScreen

        if not isinstance(self.screen, HistoryScreen):
            self.push_screen(HistoryScreen(self.context))

    def on_history_edited(self, _message: Message) -> None:
        """A session or pain log was changed or deleted from the history."""
        self.refresh_home()

    def on_readiness_screen_start_run(self, _message: Message) -> None:
        self.pop_screen()
        self.start_run()

    def on_readiness_screen_open_red_flags(self, _message: Message) -> None:
        self.action_red_flags()

    def action_red_flags(self) -> None:
        from itb_tui.tui.screens.red_flags import RedFlagsScreen

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

    def on_session_screen_ended(self, message: SessionScreen.Ended) -> None:
        if not message.keep:
            self.context.store.clear_progress()
            self.pop_screen()
            self.notify("Session discarded.")
            return
        record = message.engine.record()
        self.pop_screen()  # the session; a save problem is asked about over home
        saved_to = self.save_record(record)
        if saved_to is not None:
            self.push_screen(SummaryScreen(record, saved_to))

    def on_summary_screen_start_routine(self, message: SummaryScreen.StartRoutine) -> None:
        self.pop_screen()
        self.start_routine(message.routine_id)

    # -- pain log -----------------------------------------------------------------------
    def log_pain(self, result: PainResult) -> None:
        log = PainLog(self.context.clock.wall(), result.score, result.context, result.note)
        try:
            self.context.store.add_pain_log(log)
        except StoreError as err:
            self.notify(str(err), title="Not saved", severity="error", timeout=15)
            return
        self.notify(f"Pain {log.score}/10 logged ({log.context}).")
        self.refresh_home()

    def action_log_pain(self) -> None:
        def logged(result: PainResult | None) -> None:
            if result is not None:
                self.log_pain(result)

        self.push_screen(
            PainRatingScreen("Quick pain log", ask_context=True, context="daily"), logged
        )

    # -- settings -----------------------------------------------------------------------
    def update_speaker(self) -> None:
        """Start a speaker when voice cues are chosen and a speech program exists."""
        wanted = self.context.settings.cue_style == "voice"
        if wanted and self.speaker is None:
            self.speaker = Speaker(find_speech_program())
        elif not wanted and self.speaker is not None:
            self.speaker.close()
            self.speaker = None

    def action_settings(self) -> None:
        from itb_tui.tui.screens.settings import SettingsScreen

        if self.refuse_read_only():
            return
        self.push_screen(SettingsScreen(self.context.settings))

    def persist_settings(self) -> None:
        try:
            self.context.save_settings()
        except StoreError as err:
            self.notify(str(err), title="Settings not saved", severity="error", timeout=15)

    def on_settings_screen_changed(self, _message: Message) -> None:
        self.persist_settings()
        self.update_speaker()
        self.refresh_home()

    def on_unmount(self) -> None:
        if self.speaker is not None:
            self.speaker.close()
        self.instance.release()

    # -- help, palette, size ------------------------------------------------------------
    def action_help(self) -> None:
        from itb_tui.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        paths = self.context.paths
        disclaimer = self.context.program.disclaimer
        self.push_screen(HelpScreen(disclaimer, str(paths.data), str(paths.config)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Log pain", "Quick 0-10 pain log", self.action_log_pain)
        yield SystemCommand("Help", "Keys, data folders, notice", self.action_help)
        yield SystemCommand("Settings", "Cues, pacer, weaker side", self.action_settings)
        yield SystemCommand(
            "History", "Sessions, pain chart, calendar, export", self.action_history
        )
        yield SystemCommand("Return to running", "Readiness and run weeks", self.action_readiness)
        yield SystemCommand("Red flags", "When to see a professional", self.action_red_flags)

    def on_resize(self, event: events.Resize) -> None:
        self.check_size(event.size.width, event.size.height)

    def check_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        covering = isinstance(self.screen, TooSmallScreen)
        if small and not covering:
            self.push_screen(TooSmallScreen())
        elif small and isinstance(self.screen, TooSmallScreen):
            self.screen.show_size(width, height)
        elif not small and covering:
            self.pop_screen()
