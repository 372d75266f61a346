"""ItbApp: wires content, history and clock to the screens; global keys and commands.

The program's screens live in ProgramFlow and the handling of crashes, damaged files and
failed saves in Safekeeping; this module holds sessions, pain logs, settings, help and size.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import sys
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from itb_tui.core.context import AppContext
from itb_tui.core.session.speech import Speaker, find_speech_program
from itb_tui.core.store.files import StoreError
from itb_tui.core.store.instance import InstanceLock
from itb_tui.core.text import without_controls
from itb_tui.tui.keys import bindings, palette_keys
from itb_tui.tui.program_flow import ProgramFlow
from itb_tui.tui.safekeeping import Safekeeping
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

if TYPE_CHECKING:  # imported when first needed, to keep start-up short
    from textual.command import Provider
    from textual.theme import Theme

    from itb_tui.core.content.library import Routine
    from itb_tui.core.history.records import PainLog, SessionRecord
    from itb_tui.core.plan.overview import Overview
    from itb_tui.core.session.engine import SessionEngine
    from itb_tui.tui.screens.pain import PainResult
    from itb_tui.tui.screens.session import SessionScreen
    from itb_tui.tui.screens.summary import SummaryScreen


def collect_from_now_on() -> None:
    """After the first frame: collect garbage again if the command line paused it for the
    start, leaving the objects made at start-up, which live as long as the app, out of it."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def routine_commands() -> type[Provider]:
    """The palette's routine commands, imported when the palette first opens."""
    from itb_tui.tui.commands import RoutineCommands

    return RoutineCommands


class ItbApp(ProgramFlow, Safekeeping):
    """The full-screen coach."""

    CSS_PATH = "app.tcss"
    TITLE = "itb-tui"
    COMMANDS = App.COMMANDS | {routine_commands}
    BINDINGS: ClassVar[list[BindingType]] = bindings("everywhere")

    def __init__(
        self, context: AppContext, *, start_routine: str | None = None, auto_tick: bool = True
    ) -> None:
        super().__init__()
        self.context = context
        self.start_with = start_routine
        self.auto_tick = auto_tick
        self.home = HomeScreen(context.library)
        self.overview: Overview | None = None
        self.unsaved: dict[str, SessionRecord] = {}
        self.unreadable: list[StoreError] = []
        self.instance = InstanceLock(context.paths.app_lock)
        self.read_only = False
        self.speaker: Speaker | None = None
        self.update_speaker()
        if context.settings.theme in self.available_themes:
            self.theme = context.settings.theme  # before the first frame: no flash of the default

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications are plain text, never markup: they carry notes, names, paths and error
        messages, whose square brackets must show as they are (see itb_tui/tui/text.py)."""
        plain = without_controls
        super().notify(
            plain(message), title=plain(title), severity=severity, timeout=timeout, markup=False
        )

    def get_default_screen(self) -> Screen[None]:
        return self.home

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP):  # keep the session, give the terminal back
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self.interrupted, signum)
        if not self.is_headless and sys.__stdin__ is not None and sys.__stdin__.isatty():
            self.set_interval(1.0, self.check_terminal)
        self.check_size(self.size.width, self.size.height)
        self.theme_changed_signal.subscribe(self, self.keep_theme)
        try:
            self.read_only = not self.instance.acquire()
        except OSError as err:
            self.read_only = True
            self.notify(f"Cannot use the data folder: {err}", severity="error", timeout=20)
        if self.read_only:
            self.home.read_only = True
            self.notify(self.read_only_text(), title="Another itb-tui is running", timeout=20)
        elif self.start_with or not self.context.settings.onboarded:
            self.open_up()
        else:  # the question about an interrupted session comes after the first frame
            self.call_after_refresh(self.open_up)
        # The history is read after the first frame, so start-up does not grow with it.
        self.call_after_refresh(collect_from_now_on)
        self.call_after_refresh(self.load_history)

    def open_up(self) -> None:
        """Start-up: sessions written aside and an interrupted session are asked about before
        anything else, then the first-launch questions, then the routine asked for."""
        self.in_turn(self.offer_written_aside, self.offer_resume, self.first_launch)

    def first_launch(self, _then: Callable[[], None]) -> bool:
        """The last start-up step: the first-launch questions (which then start the routine
        asked for), or that routine at once."""
        if not self.context.settings.onboarded:
            self.onboard()
        elif self.start_with:
            self.start_routine(self.start_with)
        return True

    # -- sessions -----------------------------------------------------------------------

    def start_routine(self, routine_id: str) -> None:
        routine = self.context.library.routines[routine_id]
        self.begin_session(routine, self.context.settings.weaker_side or None)

    def begin_session(self, routine: Routine, weaker_side: str | None = None) -> None:
        """Open a new session, one at a time, once an interrupted one has been decided on."""
        if self.refuse_read_only():
            return
        running = self.session_on_screen()
        if running is self.screen and running is not None:  # ask to stop it first
            running.ask_to_stop(lambda: self.begin_session(routine, weaker_side), routine.name)
            return
        if running is not None:
            self.notify(
                "A session is already running: stop it first (q), then start another.",
                title="One session at a time",
                severity="warning",
                timeout=10,
            )
            return
        from itb_tui.core.session.engine import SessionEngine

        settings = self.context.settings

        def start() -> None:  # the engine is made when it starts, so its start time is right
            engine = SessionEngine(
                routine,
                self.context.clock,
                weaker_side,
                paced=settings.pacer,
                new_id=self.context.store.free_session_id,
            )
            self.push_session(engine)

        if not self.offer_resume(start):
            start()

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

    def action_history(self) -> None:
        """Past sessions and pain logs, with the pain chart, the calendar and export."""
        from itb_tui.tui.screens.history import HistoryScreen

        if not isinstance(self.screen, HistoryScreen):
            self.push_screen(HistoryScreen(self.context))

    def on_history_edited(self, _message: Message) -> None:
        """A session or pain log was changed or deleted from the history."""
        self.refresh_home()

    def on_session_screen_ended(self, message: SessionScreen.Ended) -> None:
        if not message.keep:
            self.context.store.clear_progress(message.engine.session_id)
            self.pop_screen()
            self.notify("Session discarded.")
        else:
            record = message.engine.record()
            self.pop_screen()  # the session; a save problem is asked about over home
            saved_to = self.save_record(record)
            if saved_to is None:
                return  # nothing new opens while the question about it is open
            if message.then is None:
                from itb_tui.tui.screens.summary import SummaryScreen

                self.push_screen(SummaryScreen(record, saved_to, message.engine.missing()))
                if record.pain_after is not None:
                    self.ask_red_flags_after(record.pain_after, record.swelling)
                return
            self.notify(f"{record.routine_name} saved to {saved_to}.")
        if message.then is not None:
            message.then()

    def on_summary_screen_start_routine(self, message: SummaryScreen.StartRoutine) -> None:
        self.pop_screen()
        self.start_routine(message.routine_id)

    # -- pain log -----------------------------------------------------------------------
    def log_pain(self, result: PainResult) -> None:
        from itb_tui.core.history.records import PainLog, score_text, scored

        now = self.context.clock.wall()
        score = scored(result.score, result.knees)
        log = PainLog(now, score, result.context, result.note, result.swelling, knees=result.knees)
        if self.save_pain_log(log):
            self.notify(f"Pain {score_text(log.score, log.knees)} logged ({log.context}).")
            self.ask_red_flags_after(log.score, log.swelling)

    def save_pain_log(self, log: PainLog) -> bool:
        """Add a pain log to the history and refresh Today; False (and says why) on failure."""
        try:
            self.context.store.add_pain_log(log)
        except StoreError as err:
            self.notify(str(err), title="Not saved", severity="error", timeout=15)
            return False
        self.refresh_home()
        return True

    def action_log_pain(self) -> None:
        from itb_tui.tui.screens.pain import PainRatingScreen

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
        from itb_tui.core.store.settings import settings_kept_reason
        from itb_tui.tui.screens.settings import SettingsScreen

        if self.refuse_read_only():
            return
        kept = settings_kept_reason(self.context.paths.settings)
        today = self.context.clock.wall().date()
        self.push_screen(SettingsScreen(self.context.settings, today, kept))

    def persist_settings(self) -> bool:
        """Save the settings; False (and says why) when they could not be saved."""
        try:
            self.context.save_settings()
        except StoreError as err:
            self.notify(str(err), title="Settings not saved", severity="error", timeout=15)
            return False
        return True

    def keep_theme(self, theme: Theme) -> None:
        """A theme chosen in the palette is kept in the settings for the next start."""
        if theme.name != self.context.settings.theme and not self.read_only:
            self.context.settings.theme = theme.name
            self.persist_settings()

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

        if isinstance(self.screen, HelpScreen) or not self.program_ready():
            return
        paths = self.context.paths
        disclaimer = self.context.program.disclaimer
        self.push_screen(HelpScreen(disclaimer, str(paths.data), str(paths.config)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for key in palette_keys():
            yield SystemCommand(key.palette, key.tooltip, partial(self.run_action, key.action))

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
