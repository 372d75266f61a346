"""Keeping the user's data safe from the app: sessions kept when the app is interrupted,
damaged files, failed saves, and a second copy that may only read."""

from __future__ import annotations

import contextlib
import signal
import sys
import termios
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from itb_tui.core.store.files import DamagedFile, StoreError, restore_backup
from itb_tui.tui.asking import QUESTIONS, ask_in_turn, asking
from itb_tui.tui.messages import HistoryChanged
from itb_tui.tui.session_flow import session_on_screen

if TYPE_CHECKING:  # the history and the screens are imported when first needed
    from collections.abc import Callable

    from itb_tui.core.history.records import SessionRecord
    from itb_tui.tui.app import ItbApp


def refused_here(app: object) -> bool:
    """True (and says why) when ``app`` is a read-only copy: for screens, which know the app
    only as a Textual App (and run on their own in tests)."""
    safekeeping = getattr(app, "safekeeping", None)
    return isinstance(safekeeping, Safekeeping) and safekeeping.refuse_read_only()


class Safekeeping:
    """The app's answers to interruptions and to files it must not damage."""

    def __init__(self, app: ItbApp) -> None:
        self.app = app
        self.context = app.context
        self.unsaved: dict[str, SessionRecord] = {}  # sessions whose save failed, in memory
        self._restore_later: DamagedFile | None = None  # found while another question was open

    def stamp(self) -> str:
        """Now, for the name of a file set aside."""
        return self.context.clock.wall().strftime("%Y%m%dT%H%M%S")

    def written_aside(self) -> list[tuple[Path, SessionRecord]]:
        """The sessions written aside when the history could not be saved; none (and says
        why) when one of them cannot be read."""
        try:
            return self.context.store.written_aside()
        except StoreError as err:
            self.app.notify(str(err), severity="error", timeout=15)
            return []

    async def take_in_written_aside(self, found: list[tuple[Path, SessionRecord]]) -> None:
        """Offer to add each session written aside to the history, until one is left for
        later or cannot be added."""
        from itb_tui.tui.screens.choice import Choice, ChoiceScreen

        app, store = self.app, self.context.store
        while found:
            path, record = found[0]
            question = ChoiceScreen(
                "A session was written aside",
                f"{record.routine_name}, started {record.started_at:%a %d %b %H:%M}, was "
                f"written to {path} because the history could not be saved then.",
                [
                    Choice("add", "a", "Add it to the history now"),
                    Choice("later", "l", "Not now (ask again next time)"),
                ],
                escape_result="later",
            )
            if await app.push_screen_wait(question) != "add":
                return
            try:
                store.take_in(path, record)
            except StoreError as err:
                app.notify(str(err), title="Not added", severity="error", timeout=15)
                return
            app.notify(f"{record.routine_name} added to the history.")
            app.post_message(HistoryChanged())
            found = self.written_aside()  # the next one, if any

    def read_only_text(self) -> str:
        if self.app.folder_problem:
            return self.folder_text(self.app.folder_problem)
        pid = self.app.instance.other_pid
        who = f" (process {pid})" if pid else ""
        return (
            f"Another itb-tui is open{who}. This copy can show your history, log pain and "
            "check in, but cannot run sessions, edit or delete entries, or change settings. "
            "Close the other one to do those."
        )

    @staticmethod
    def folder_text(problem: str) -> str:
        """The data folder cannot be written: what is wrong, and what that means."""
        return (
            f"The app {problem}. Nothing can be saved there until that is fixed: "
            "free some space or make the folder writable, then open itb-tui again."
        )

    def refuse_read_only(self) -> bool:
        """True (and says why) when this copy may not change anything."""
        if self.app.read_only:
            self.app.notify(
                self.read_only_text(), title="Read-only", severity="warning", timeout=10
            )
        return self.app.read_only

    def report_unreadable(self, error: StoreError) -> None:
        """A history file that cannot be read: offer its backup when damaged, else say why."""
        if isinstance(error, DamagedFile):
            self.offer_restore(error)
        else:
            self.app.notify(str(error), title="History not readable", severity="error", timeout=15)

    def offer_restore(self, error: DamagedFile) -> None:
        """A damaged history file: say so, and offer its backup. The file is never rewritten."""
        from itb_tui.tui.screens.choice import ChoiceScreen

        if error.path is None or asking(self.app, "restore"):
            return
        if isinstance(self.app.screen, ChoiceScreen):  # ask once the open question is answered
            self._restore_later = error
            return
        ask_in_turn(self.app, "restore", lambda: self.restore(error))

    async def restore(self, error: DamagedFile) -> None:
        from itb_tui.tui.screens.choice import Choice, ChoiceScreen

        app, path = self.app, error.path
        assert path is not None
        has_backup = path.with_name(path.name + ".bak").exists()
        choices = [Choice("restore", "r", "Restore the backup")] if has_backup else []
        choices.append(Choice("continue", "c", "Continue without that month"))
        backup = "A backup of its previous version is available." if has_backup else "No backup."
        question = ChoiceScreen(
            "A history file is damaged", f"{error}\n\n{backup}", choices, "continue"
        )
        if await app.push_screen_wait(question) != "restore":
            return
        try:
            aside = restore_backup(path, self.stamp())
        except StoreError as err:
            app.notify(str(err), severity="error", timeout=15)
            return
        app.notify(f"Backup restored. The damaged file is kept as {aside.name}.", timeout=15)
        app.post_message(HistoryChanged())

    def home_shown(self) -> None:
        """Home is on top again: ask about a damaged file found while a question was open."""
        error, self._restore_later = self._restore_later, None
        if error is not None:
            self.offer_restore(error)

    def offer_save_elsewhere(
        self,
        record: SessionRecord,
        error: StoreError,
        retry: Callable[[], str | None],
        *,
        quitting: bool = False,
        from_file: bool = False,
    ) -> None:
        """Saving failed (disk full, read-only folder): ``retry`` (where it was saved, or None
        when it failed and asked again), or write the session elsewhere. Left in memory only,
        it is asked about again before the app quits."""
        if not from_file:
            self.unsaved[record.id] = record
        asked = self.save_elsewhere(record, error, retry, quitting)
        self.app.run_worker(asked, name=QUESTIONS, group="quitting" if quitting else "save")

    async def save_elsewhere(
        self,
        record: SessionRecord,
        error: StoreError,
        retry: Callable[[], str | None],
        quitting: bool,
    ) -> None:
        from itb_tui.tui.screens.choice import Choice, ChoiceScreen

        app = self.app
        fallback = self.context.paths.unsaved_session(record.id)
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
        while True:
            question = ChoiceScreen(
                "The session is not saved" if quitting else "The session could not be saved",
                f"{error}\nIt is still in memory; nothing on disk was changed.",
                choices,
                escape_result="keep",
            )
            choice = await app.push_screen_wait(question)
            if choice == "retry":  # a save that fails again asks again
                saved = retry()
                if saved is not None:
                    app.notify(f"Saved to {saved}.")
            elif choice == "elsewhere":
                try:
                    self.context.store.write_aside(record)
                except StoreError as err:
                    error = err
                    continue
                self.unsaved.pop(record.id, None)
                app.notify(f"Session written to {fallback}.", timeout=20)
            if quitting and (choice == "quit" or record.id not in self.unsaved):
                self.unsaved.pop(record.id, None)
                app.call_next(app.action_quit)
            return

    def ask_before_quitting(self, save: Callable[[SessionRecord], str | None]) -> bool:
        """A session is only in memory: ask about it (True), before the app may quit; ``save``
        tries again."""
        if asking(self.app, "quitting"):
            return True  # asked already
        for record in self.unsaved.values():
            error = StoreError(f"{record.routine_name} was not saved.")
            self.offer_save_elsewhere(record, error, partial(save, record), quitting=True)
            return True
        return False

    def keep_progress(self) -> Path | None:
        """Save the session on screen, and write aside any left unsaved; where the session's
        progress is now, or None."""
        store = self.context.store
        for record in list(self.unsaved.values()):
            with contextlib.suppress(StoreError):
                store.write_aside(record)
        screen = session_on_screen(self.app)
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
        self.app.exit(return_code=128 + signum)

    def check_terminal(self) -> None:
        """A terminal closed while its parent ignored SIGHUP sends none: reading it then gives
        end of file and its settings cannot be read (EIO). Leave as on SIGHUP."""
        try:
            termios.tcgetattr(sys.__stdin__.fileno() if sys.__stdin__ else 0)
        except (termios.error, OSError, ValueError):
            self.interrupted(signal.SIGHUP)
