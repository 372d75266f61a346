"""Keeping the user's data safe from the app: resume after a crash, damaged files, failed saves,
and a second copy that may only read."""

from __future__ import annotations

import contextlib
import signal
import sys
import termios
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from itb_tui.core.context import AppContext
from itb_tui.core.store.files import DamagedFile, StoreError, restore_backup
from itb_tui.core.store.instance import InstanceLock

if TYPE_CHECKING:  # the history, the screens and the engine are imported when first needed
    from collections.abc import Callable

    from itb_tui.core.history.records import SessionRecord
    from itb_tui.core.session.engine import SessionEngine
    from itb_tui.tui.screens.home import HomeScreen
    from itb_tui.tui.screens.session import SessionScreen

    # A question asked in turn: given what comes next, True when it asked (and will call on).
    Step = Callable[[Callable[[], None]], bool]


class Safekeeping(App[None]):
    """The app's answers to interruptions and to files it must not damage."""

    context: AppContext
    instance: InstanceLock
    read_only: bool
    refresh_home: Callable[[], None]
    push_session: Callable[[SessionEngine], None]
    closing_report: str | None
    unsaved: dict[str, SessionRecord]  # sessions whose save failed and were left in memory
    _restore_asking: bool = False  # the damaged-month question is on screen
    _restore_later: DamagedFile | None = None  # found while another question was open

    def in_turn(self, *steps: Step) -> None:
        """Ask each step's question in turn; a step that asks nothing is passed at once, one
        that ends the flow (a resume) never calls on."""
        if not steps:
            return
        first, rest = steps[0], steps[1:]
        if not first(lambda: self.in_turn(*rest)):
            self.in_turn(*rest)

    def offer_resume(self, then: Callable[[], None]) -> bool:
        """Ask what to do with an interrupted session; True when the question was asked.

        ``then`` runs once the session is kept or discarded (not after a resume or "later").
        A damaged or newer progress file is moved aside first, so nothing can overwrite it.
        """
        from itb_tui.core.session.progress_file import NewerProgress

        progress = self.context.store.progress
        try:
            found = progress.read_back(self.context.library.routines, self.context.clock)
        except DamagedFile as err:
            cause = err.__cause__  # what the parser said, without the file's name again
            return self.set_progress_aside(
                "damaged", f"is damaged ({cause})" if cause else "is damaged"
            )
        except NewerProgress:
            return self.set_progress_aside(
                "newer", "was written by a newer itb-tui; rename it back for that version"
            )
        except StoreError as err:
            self.notify(str(err), severity="error", timeout=15)
            return True  # it could not be read, so it must not be overwritten either
        if found is None:
            return False
        from itb_tui.tui.screens.resume import confirm_discard_screen, resume_screen

        record, engine = found.record, found.engine

        def decided(choice: str | None) -> None:
            if choice == "resume" and engine is not None:
                engine.restart_step()  # the full lead-in, however long the question was open
                self.push_session(engine)
            elif choice == "keep":
                record.completed = False
                if self.save_record(record, from_file=True) is not None:
                    then()
            elif choice == "discard":
                self.push_screen(confirm_discard_screen(), decided_again)

        def decided_again(choice: str | None) -> None:
            if choice == "discard":
                progress.clear(record.id)
                then()
            else:
                decided("keep")

        self.push_screen(resume_screen(record, engine is not None), decided)
        return True

    def set_progress_aside(self, why: str, what: str) -> bool:
        """Keep an unusable progress file under another name and say where; False once it is
        out of the way, True when it could not be moved (so no session may start)."""
        path = self.context.paths.in_progress
        try:
            aside = self.context.store.progress.set_aside(why, self.stamp())
        except StoreError as err:
            self.notify(f"{path} {what}. {err}", severity="error", timeout=20)
            return True
        self.notify(
            f"The unfinished-session file {path} {what}. It is kept, unchanged, as {aside}.",
            severity="error",
            timeout=20,
        )
        return False

    def stamp(self) -> str:
        return self.context.clock.wall().strftime("%Y%m%dT%H%M%S")

    def offer_written_aside(self, then: Callable[[], None]) -> bool:
        """Offer to add a session written aside (when the history could not be saved) to
        the history; True when the question was asked."""
        from itb_tui.tui.screens.choice import Choice, ChoiceScreen

        store = self.context.store
        try:
            found = store.written_aside()
        except StoreError as err:
            self.notify(str(err), severity="error", timeout=15)
            return False
        if not found:
            return False
        path, record = found[0]

        def decided(choice: str | None) -> None:
            if choice == "add":
                try:
                    store.take_in(path, record)
                except StoreError as err:
                    self.notify(str(err), title="Not added", severity="error", timeout=15)
                else:
                    self.notify(f"{record.routine_name} added to the history.")
                    self.refresh_home()
                    self.offer_written_aside(then)  # the next one, if any
                    return
            then()

        self.push_screen(
            ChoiceScreen(
                "A session was written aside",
                f"{record.routine_name}, started {record.started_at:%a %d %b %H:%M}, was "
                f"written to {path} because the history could not be saved then.",
                [
                    Choice("add", "a", "Add it to the history now"),
                    Choice("later", "l", "Not now (ask again next time)"),
                ],
                escape_result="later",
            ),
            decided,
        )
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
        from itb_tui.tui.screens.choice import Choice, ChoiceScreen

        path = error.path
        if path is None or self._restore_asking:
            return
        if isinstance(self.screen, ChoiceScreen):  # ask once the open question is answered
            self._restore_later = error
            return
        has_backup = path.with_name(path.name + ".bak").exists()
        choices = [Choice("restore", "r", "Restore the backup")] if has_backup else []
        choices.append(Choice("continue", "c", "Continue without that month"))

        def decided(choice: str | None) -> None:
            self._restore_asking = False
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
        self._restore_asking = True
        self.push_screen(
            ChoiceScreen("A history file is damaged", f"{error}\n\n{backup}", choices, "continue"),
            decided,
        )

    def on_home_screen_shown(self, message: HomeScreen.Shown) -> None:
        error, self._restore_later = self._restore_later, None
        if error is not None:
            self.offer_restore(error)

    def save_record(self, record: SessionRecord, *, from_file: bool = False) -> str | None:
        """Save a session to the history and forget the progress file; None on failure.

        ``from_file``: the record is the progress file's, which keeps it if saving fails.
        """
        from itb_tui.core.dates import month_key

        store = self.context.store
        try:
            store.save_session(record)
        except StoreError as err:
            self.offer_save_elsewhere(record, err, from_file=from_file)
            return None
        self.unsaved.pop(record.id, None)
        store.progress.clear(record.id)
        self.refresh_home()
        return str(store.month_path(month_key(record.started_at)))

    def offer_save_elsewhere(
        self,
        record: SessionRecord,
        error: StoreError,
        *,
        quitting: bool = False,
        from_file: bool = False,
    ) -> None:
        """Saving failed (disk full, read-only folder): retry, or write the session elsewhere.
        Left in memory only, it is asked about again before the app quits."""
        from itb_tui.tui.screens.choice import Choice, ChoiceScreen

        fallback = self.context.paths.unsaved_session(record.id)
        if not from_file:
            self.unsaved[record.id] = record

        def decided(choice: str | None) -> None:
            if choice == "retry":
                saved = self.save_record(record, from_file=from_file)
                if saved is not None:
                    self.notify(f"Saved to {saved}.")
            elif choice == "elsewhere":
                try:
                    self.context.store.write_aside(record)
                except StoreError as err:
                    self.offer_save_elsewhere(record, err, quitting=quitting, from_file=from_file)
                    return
                self.unsaved.pop(record.id, None)
                self.notify(f"Session written to {fallback}.", timeout=20)
            if quitting and (choice == "quit" or record.id not in self.unsaved):
                self.unsaved.pop(record.id, None)
                self.call_next(self.action_quit)

        choices = [
            Choice("retry", "r", "Try again"),
            Choice("elsewhere", "e", f"Write it to {fallback}"),
        ]
        if quitting:
            choices += [
                Choice("quit", "x", "Quit without it (only the unfinished-session file remains)"),
                Choice("keep", "b", "Go back"),
            ]
        else:
            choices.append(Choice("keep", "k", "Leave it (it stays in this window until you quit)"))
        self.push_screen(
            ChoiceScreen(
                "The session is not saved" if quitting else "The session could not be saved",
                f"{error}\nIt is still in memory; nothing on disk was changed.",
                choices,
                escape_result="keep",
            ),
            decided,
        )

    async def action_quit(self) -> None:
        """Quit, unless a session is only in memory: then ask about it first."""
        for record in self.unsaved.values():
            self.offer_save_elsewhere(
                record, StoreError(f"{record.routine_name} was not saved."), quitting=True
            )
            return
        self.exit()

    # -- interruptions --------------------------------------------------------------------
    def session_on_screen(self) -> SessionScreen | None:
        from itb_tui.tui.screens.session import SessionScreen

        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                return screen
        return None

    def keep_progress(self) -> Path | None:
        """Save the session on screen, and write aside any left unsaved; where the session's
        progress is now, or None."""
        store = self.context.store
        for record in list(self.unsaved.values()):
            with contextlib.suppress(StoreError):
                store.write_aside(record)
        screen = self.session_on_screen()
        if screen is None:
            return None
        try:
            store.progress.save(screen.engine)
        except StoreError:
            return None
        return self.context.paths.in_progress

    def interrupted(self, signum: int) -> None:
        """SIGTERM or SIGHUP: keep the session, then exit with 128 + the signal's number."""
        self.keep_progress()
        self.exit(return_code=128 + signum)

    def check_terminal(self) -> None:
        """A terminal closed while its parent ignored SIGHUP sends none: reading it then gives
        end of file and its settings cannot be read (EIO). Leave as on SIGHUP."""
        try:
            termios.tcgetattr(sys.__stdin__.fileno() if sys.__stdin__ else 0)
        except (termios.error, OSError, ValueError):
            self.interrupted(signal.SIGHUP)

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: keep the session first, and say so instead of a traceback."""
        try:
            where = self.keep_progress()
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

    def refuse_read_only(self) -> bool:
        """True (and says why) when this copy may not change anything."""
        if self.read_only:
            self.notify(self.read_only_text(), title="Read-only", severity="warning", timeout=10)
        return self.read_only
