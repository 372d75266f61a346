"""Everything a run of the app needs: paths, content, settings, then the program and history.

Content and settings are read at once, because the first screen shows them; the program's
rules and the history store are made on first use, after the app has drawn its first frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from itb_tui.core.clock import Clock, MonotonicClock
from itb_tui.core.content.library import Library, load_library
from itb_tui.core.store.paths import Paths, content_dir
from itb_tui.core.store.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:  # imported on first use, see the properties below
    from itb_tui.core.content.program import Program
    from itb_tui.core.plan.red_flags import RedFlagState
    from itb_tui.core.store.history_store import HistoryStore


@dataclass
class AppContext:
    """The loaded state shared by the CLI and the screens."""

    paths: Paths
    library: Library
    settings: Settings
    clock: Clock = field(default_factory=MonotonicClock)
    _program: Program | None = field(default=None, repr=False)
    _store: HistoryStore | None = field(default=None, repr=False)
    _red_flags: RedFlagState | None = field(default=None, repr=False)

    @classmethod
    def load(cls, paths: Paths, clock: Clock | None = None) -> AppContext:
        """Load content and settings; raises ContentError or StoreError with a clear message."""
        library = load_library(content_dir(), paths.user_content, paths.cache)
        settings = load_settings(paths.settings)
        return cls(paths, library, settings, clock or MonotonicClock())

    @property
    def program(self) -> Program:
        """The phases, run weeks, warning signs and red flags; ContentError if they are broken."""
        if self._program is None:
            from itb_tui.core.content.program import load_program

            self._program = load_program(content_dir() / "program.toml", set(self.library.routines))
        return self._program

    @property
    def store(self) -> HistoryStore:
        """The history on disk."""
        if self._store is None:
            from itb_tui.core.store.history_store import HistoryStore

            self._store = HistoryStore(self.paths)
        return self._store

    @property
    def red_flags(self) -> RedFlagState:
        """The red flags ticked so far; StoreError if the file is damaged."""
        if self._red_flags is None:
            from itb_tui.core.plan.red_flags import load_red_flags

            self._red_flags = load_red_flags(self.paths.red_flags)
        return self._red_flags

    def save_red_flags(self) -> None:
        from itb_tui.core.plan.red_flags import save_red_flags

        save_red_flags(self.paths.red_flags, self.red_flags)

    def save_settings(self) -> None:
        save_settings(self.paths.settings, self.settings)
