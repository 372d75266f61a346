"""ItbApp: wires content, history and clock to the screens; global keys and commands.

The app owns its parts and hands each message from the screens to the one it concerns: a
session's life to SessionFlow, the program's screens to ProgramFlow, pain logs to PainLogging,
crashes, damaged files and failed saves to Safekeeping. It holds settings, help and size.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import sys
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen, SystemModalScreen
from textual.worker import WorkerFailed

from itb_tui.core.context import AppContext
from itb_tui.core.session.speech import Speaker, find_speech_program
from itb_tui.core.store.files import StoreError
from itb_tui.core.store.instance import InstanceLock
from itb_tui.core.text import without_controls
from itb_tui.tui.asking import ask_in_turn, asking
from itb_tui.tui.key_burst import KeyBurst
from itb_tui.tui.key_order import LOST_S, KeyOrder, KeyPassed
from itb_tui.tui.keys import bindings, palette_keys
from itb_tui.tui.messages import (
    AcceptHint,
    BeginSession,
    HistoryChanged,
    HistoryEdited,
    HomeShown,
    OpenPlace,
    PainReported,
    RedFlagsChanged,
    SessionEnded,
    SetRunWeek,
    SettingsChanged,
    ShowUnreadable,
    StartReadinessTest,
    StartRoutine,
    StartRun,
    TodayLoaded,
)
from itb_tui.tui.program_flow import PainLogging, ProgramFlow
from itb_tui.tui.safekeeping import Safekeeping
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from itb_tui.tui.session_flow import SessionFlow

if TYPE_CHECKING:  # imported when first needed, to keep start-up short
    from pathlib import Path

    from textual.command import Provider
    from textual.theme import Theme

    from itb_tui.core.history.records import SessionRecord
    from itb_tui.core.plan.overview import Overview
    from itb_tui.core.session.progress_file import Interrupted


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


class ItbApp(App[None]):
    """The full-screen coach."""

    CSS_PATH = "app.tcss"
    TITLE = "itb-tui"
    COMMANDS = App.COMMANDS | {routine_commands}
    BINDINGS: ClassVar[list[BindingType]] = bindings("everywhere")

    def __init__(
        self,
        context: AppContext,
        *,
        start_routine: str | None = None,
        start_minutes: int = 0,
        auto_tick: bool = True,
    ) -> None:
        super().__init__()
        self.context = context
        self.start_with = start_routine
        self.start_minutes = start_minutes  # above 0: a short session (itb start --minutes)
        self.auto_tick = auto_tick
        self.home = HomeScreen(context.library)
        self.instance = InstanceLock(context.paths.app_lock)
        self.read_only = False
        self.folder_problem: str | None = None  # why the data folder cannot be used, if so
        self.closing_report: str | None = None  # why the app closed itself, for the command line
        self.safekeeping = Safekeeping(self)
        self.program_flow = ProgramFlow(self, self.safekeeping)
        self.pain_logging = PainLogging(self, self.program_flow)
        self.sessions = SessionFlow(self, self.program_flow, self.safekeeping)
        self.speaker: Speaker | None = None
        self.key_burst = KeyBurst()  # a hurried second Enter after a screen closed
        self.key_order: KeyOrder[events.Key] = KeyOrder()  # one key at a time, in order
        self.restore_signals: Callable[[], None] = lambda: None  # see on_mount
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
        with contextlib.suppress(ValueError):  # not the main thread (some tests): no signals
            from itb_tui.tui import hangup

            # keep the session, give the terminal back, whatever is being drawn
            self.restore_signals = hangup.install(
                asyncio.get_running_loop(),
                self.safekeeping.interrupted,
                self.safekeeping.keep_progress,
            )
        if not self.is_headless and sys.__stdin__ is not None and sys.__stdin__.isatty():
            self.set_interval(1.0, self.safekeeping.check_terminal)
        if self.auto_tick:  # tests call watch_day themselves, with a fake clock
            self.set_interval(30.0, self.program_flow.watch_day)
        self.check_size(self.size.width, self.size.height)
        self.theme_changed_signal.subscribe(self, self.keep_theme)
        try:
            self.read_only = not self.instance.acquire()
        except StoreError as err:  # a read-only or unusable folder: not another copy
            self.read_only = True
            self.folder_problem = str(err)
        if self.instance.problem:  # the lock is held, but the disk is full
            title, text = "Data folder", self.safekeeping.folder_text(self.instance.problem)
            self.notify(text, title=title, severity="error", timeout=20)
        if self.read_only:
            self.home.read_only = True
            title = "Data folder" if self.folder_problem else "Another itb-tui is running"
            self.notify(self.safekeeping.read_only_text(), title=title, timeout=20)
        elif self.start_with or not self.context.settings.onboarded:
            self.open_up()
        else:  # the question about an interrupted session comes after the first frame
            self.call_after_refresh(self.open_up)
        # The history is read after the first frame, so start-up does not grow with it.
        self.call_after_refresh(collect_from_now_on)
        self.call_after_refresh(self.program_flow.load_history)

    def open_up(self) -> None:
        """Start-up: sessions written aside and an interrupted session are asked about before
        anything else, then the first-launch questions, then the routine asked for. With
        nothing to ask, the routine opens at once."""
        aside = self.safekeeping.written_aside()
        waiting = None if aside else self.sessions.interrupted()  # read after the sessions aside
        if waiting is True and self.context.settings.onboarded:
            if self.start_with:
                self.sessions.start_routine(self.start_with, self.start_minutes)
            return
        ask_in_turn(self, "start-up", lambda: self.questions_first(aside, waiting))

    async def questions_first(
        self, aside: list[tuple[Path, SessionRecord]], waiting: Interrupted | bool | None
    ) -> None:
        await self.safekeeping.take_in_written_aside(aside)
        if not await self.sessions.settle_interrupted(waiting):
            return
        onboarded = False
        if not self.context.settings.onboarded:
            if not self.program_flow.ready():
                return
            onboarded = await self.program_flow.onboarding()
        if self.start_with:
            self.sessions.start_routine(self.start_with, self.start_minutes)
        if onboarded:  # asked over whatever comes next, so it is answered first
            self.program_flow.open_red_flags("Before you start: do any of these apply to you?")

    @property
    def overview(self) -> Overview | None:
        """Today's plan, as Home shows it."""
        return self.program_flow.overview

    # -- what the screens and the palette ask -------------------------------------------
    def action_short_session(self) -> None:
        self.sessions.offer_short()

    def on_start_routine(self, message: StartRoutine) -> None:
        self.sessions.asked(message)

    def on_session_ended(self, message: SessionEnded) -> None:
        self.sessions.ended(message)

    def on_start_run(self, _message: StartRun) -> None:
        self.pop_screen()
        self.program_flow.start_run()

    def on_start_readiness_test(self, _message: StartReadinessTest) -> None:
        self.program_flow.start_test()

    def on_begin_session(self, message: BeginSession) -> None:
        self.sessions.begin(message.routine, message.weaker_side, message.override)

    def on_set_run_week(self, _message: SetRunWeek) -> None:
        self.program_flow.set_run_week()

    def on_open_place(self, message: OpenPlace) -> None:
        if message.target == "check_in":
            self.pain_logging.check_in()
        else:
            self.program_flow.open_place(message.target)

    def on_accept_hint(self, message: AcceptHint) -> None:
        self.program_flow.accept_hint(message.exercise_id, message.step)

    def on_show_unreadable(self, message: ShowUnreadable) -> None:
        self.program_flow.show_unreadable(message.index)

    def on_red_flags_changed(self, message: RedFlagsChanged) -> None:
        self.program_flow.red_flags_changed(message.ticked)

    def on_pain_reported(self, message: PainReported) -> None:
        self.program_flow.ask_red_flags_after(message.score, message.swelling)

    def on_home_shown(self, _message: HomeShown) -> None:
        self.pain_logging.home_shown()
        self.safekeeping.home_shown()

    def on_history_edited(self, _message: HistoryEdited) -> None:
        """A session or pain log was changed or deleted from the history."""
        self.program_flow.refresh_home()

    def on_history_changed(self, _message: HistoryChanged) -> None:
        self.program_flow.refresh_home()

    def on_today_loaded(self, _message: TodayLoaded) -> None:
        """Today at an open or a new day: on plain Home, ask about a recent run; the check-in
        is asked once nothing else is over Home."""
        if self.screen is self.home and not asking(self):
            self.pain_logging.ask_about_run()
        self.pain_logging.ask_check_in()

    def on_settings_changed(self, _message: SettingsChanged) -> None:
        self.persist_settings()
        self.update_speaker()
        self.program_flow.refresh_home()

    # -- keys -----------------------------------------------------------------------------
    def action_history(self) -> None:
        """Past sessions and pain logs, with the pain chart, the calendar and export."""
        from itb_tui.tui.screens.history import HistoryScreen

        if not isinstance(self.screen, HistoryScreen):
            self.push_screen(HistoryScreen(self.context))

    def action_log_pain(self) -> None:
        self.pain_logging.quick_log()

    def action_check_in(self) -> None:
        self.pain_logging.check_in()

    def action_log_run(self) -> None:
        from itb_tui.tui.run_logging import log_run

        log_run(self)

    def action_readiness(self) -> None:
        self.program_flow.readiness()

    def action_red_flags(self) -> None:
        self.program_flow.open_red_flags()

    async def action_quit(self) -> None:
        """Quit (q, ctrl+q). A session under way is asked about first, as q in it asks (keep,
        discard or back), and quitting follows; one only in memory too."""
        running = self.sessions.on_screen()
        if running is not None and running.under_way():
            if self.screen is not running:
                self.notify("Answer this first: a session is under way.")
                return

            async def questions() -> None:
                ending = await running.ask_to_stop(quitting=True)
                if ending is not None and await self.sessions.stopped(ending):
                    self.quit_unless_unsaved()

            ask_in_turn(self, "stop", questions)  # the app's worker: it outlives the screen
            return
        self.quit_unless_unsaved()

    def quit_unless_unsaved(self) -> None:
        if not self.safekeeping.ask_before_quitting(self.sessions.save):
            self.exit()

    def action_help_quit(self) -> None:
        """ctrl+c: say how to quit, in plain text (Textual's own says it in markup)."""
        self.notify("Press ctrl+q to quit.", title="Do you want to quit?")

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

        if self.safekeeping.refuse_read_only():
            return
        kept = settings_kept_reason(self.context.paths.settings)
        today = self.context.clock.wall().date()
        self.push_screen(SettingsScreen(self.context.settings, today, kept, self.context.library))

    def persist_settings(self) -> bool:
        """Save the settings; False (and says why) when they could not be saved. A read-only
        copy never writes them (the other copy's would be reverted)."""
        if self.safekeeping.refuse_read_only():
            return False
        try:
            self.context.save_settings()
        except StoreError as err:
            self.notify(str(err), title="Settings not saved", severity="error", timeout=15)
            return False
        return True

    def note_in_settings(self) -> None:
        """Save a change the app made on its own (a check-in skipped, the after-run question
        asked); a read-only copy keeps it for this run only, silently: the other copy's
        settings are never written over."""
        if not self.read_only:
            self.persist_settings()

    def keep_theme(self, theme: Theme) -> None:
        """A theme chosen in the palette is kept in the settings for the next start."""
        if theme.name != self.context.settings.theme and not self.read_only:
            self.context.settings.theme = theme.name
            self.persist_settings()

    def on_unmount(self) -> None:
        self.restore_signals()
        if self.speaker is not None:
            self.speaker.close()
        self.instance.release()

    # -- help, palette, size ------------------------------------------------------------
    def action_help(self) -> None:
        from itb_tui.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen) or not self.program_flow.ready():
            return
        paths = self.context.paths
        disclaimer = self.context.program.disclaimer
        self.push_screen(HelpScreen(disclaimer, str(paths.data), str(paths.config)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for key in palette_keys():
            yield SystemCommand(key.palette, key.tooltip, partial(self.run_action, key.action))

    async def on_event(self, event: events.Event) -> None:
        """A key waits for the keys read before it (key_order.py), then passes the check for
        a hurried second Enter (key_burst.py)."""
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
        elif self.key_order.wait(event):
            if ticket := self.key_order.unwatched():
                self.set_timer(LOST_S, partial(self.post_message, KeyPassed(ticket)))
        else:
            await self._take_key(event)

    async def _take_key(self, event: events.Key) -> None:
        watched = not isinstance(self.screen, SystemModalScreen)  # not the palette
        # event.time: when the key came in, however long the app took to get to it
        if self.key_burst.swallow(event.key, event.time, self.screen_stack, watched=watched):
            return
        await super().on_event(event)
        if event.is_forwarded:  # sent on to the focused widget: the next key waits for it
            ticket = self.key_order.sent()
            if not (self.focused or self.screen).post_message(KeyPassed(ticket)):
                self.key_order.passed(ticket)

    async def on_key_passed(self, message: KeyPassed) -> None:
        self.key_order.passed(message.ticket)
        while (key := self.key_order.next_key()) is not None:
            await self._take_key(key)

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

    # -- interruptions --------------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: keep the session first, and say so instead of a traceback."""
        if isinstance(error, WorkerFailed):  # raised while a chain of questions ran
            error = error.error if isinstance(error.error, Exception) else error
        try:
            where = self.safekeeping.keep_progress()
        except Exception:
            where = None
        kept = (
            f"\nYour session so far is saved in {where}; open itb again to resume it."
            if where
            else ""
        )
        self.closing_report = (
            f"itb: an unexpected error closed the app ({type(error).__name__}: {error}).{kept}"
        )
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Close without Textual's traceback: the command line prints closing_report."""
        self.bell()
        self._close_messages_no_wait()
