"""Keeping the user's data safe from the app: resume after a crash, damaged files, failed saves,
and a second copy that may only read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from itb_tui.core.context import AppContext
from itb_tui.core.files import DamagedFile, StoreError, restore_backup, write_toml
from itb_tui.core.instance import InstanceLock

if TYPE_CHECKING:  # the history, the screens and the engine are imported when first needed
    from collections.abc import Callable

    from itb_tui.core.history import SessionRecord
    from itb_tui.core.session import SessionEngine
    from itb_tui.tui.screens.home import HomeScreen


class Safekeeping(App[None]):
    """The app's answers to interruptions and to files it must not damage."""

    context: AppContext
    instance: InstanceLock
    read_only: bool
    refresh_home: Callable[[], None]
    push_session: Callable[[SessionEngine], None]
    _restore_asking: bool = False  # the damaged-month question is on screen
    _restore_later: DamagedFile | None = None  # found while another question was open

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
        from itb_tui.core.history import MonthHistory
        from itb_tui.core.session import SessionEngine
        from itb_tui.tui.screens.resume import confirm_discard_screen, resume_screen

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
                engine.restart_step()  # the full lead-in, however long the question was open
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

    def save_record(self, record: SessionRecord) -> str | None:
        """Save a session to the history and forget the progress file; None on failure."""
        from itb_tui.core.storage import month_key

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
        from itb_tui.tui.screens.choice import Choice, ChoiceScreen

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

    def refuse_read_only(self) -> bool:
        """True (and says why) when this copy may not change anything."""
        if self.read_only:
            self.notify(self.read_only_text(), title="Read-only", severity="warning", timeout=10)
        return self.read_only
