"""Everything a run of the app needs: paths, content, settings, then the program and history.

Each part is read on first use and kept, so a shell command reads only the files it needs (a
typo in content.toml does not stop ``itb log-pain``). The app reads content and settings at
once (``load``), because the first screen shows them; the program's rules and the history
store are made after the app has drawn its first frame.
"""

from __future__ import annotations

import copy
from dataclasses import field
from functools import cached_property
from typing import TYPE_CHECKING

from itb_tui.core.clock import Clock, MonotonicClock
from itb_tui.core.records import record
from itb_tui.core.store.paths import Paths, content_dir

if TYPE_CHECKING:  # imported on first use, see the properties below
    from itb_tui.core.content.library import Library
    from itb_tui.core.content.program import Program
    from itb_tui.core.history.history_store import HistoryStore
    from itb_tui.core.plan.red_flags import RedFlagState
    from itb_tui.core.store.settings import Settings


@record(frozen=False)
class AppContext:
    """The state shared by the CLI and the screens, each part read when first asked for."""

    paths: Paths
    clock: Clock = field(default_factory=MonotonicClock)
    # the settings as last read or written, to write only what this run changes
    _settings_saved: Settings | None = field(default=None, init=False, repr=False)

    @classmethod
    def load(cls, paths: Paths, clock: Clock | None = None) -> AppContext:
        """Read content and settings now; raises ContentError or StoreError with a clear message."""
        return cls(paths, clock or MonotonicClock()).read_now()

    def read_now(self) -> AppContext:
        """Read content and settings, which the app's first screen shows; errors as ``load``."""
        _ = (self.library, self.settings)
        return self

    @cached_property
    def library(self) -> Library:
        """The exercises and routines, shipped and the user's own; ContentError if broken."""
        from itb_tui.core.content.library import load_library

        return load_library(content_dir(), self.paths.user_content, self.paths.cache)

    @cached_property
    def settings(self) -> Settings:
        """The user's settings; StoreError if the file is damaged."""
        from functools import partial

        from itb_tui.core.content.parse_cache import cached_toml_file
        from itb_tui.core.store.settings import load_settings

        read = partial(cached_toml_file, cache_dir=self.paths.cache)
        settings = load_settings(self.paths.settings, read)
        self._settings_saved = copy.deepcopy(settings)
        return settings

    @cached_property
    def program(self) -> Program:
        """The phases, run weeks, warning signs and red flags; ContentError if they are broken."""
        from itb_tui.core.content.program import load_program
        from itb_tui.core.content.readiness_tests import exercise_kinds

        library = self.library
        path = content_dir() / "program.toml"
        return load_program(path, set(library.routines), exercise_kinds(library.exercises))

    @cached_property
    def store(self) -> HistoryStore:
        """The history on disk."""
        from itb_tui.core.history.history_store import HistoryStore

        return HistoryStore(self.paths)

    @cached_property
    def red_flags(self) -> RedFlagState:
        """The red flags ticked so far; StoreError if the file is damaged."""
        from itb_tui.core.plan.red_flags import load_red_flags

        return load_red_flags(self.paths.red_flags)

    def save_red_flags(self) -> None:
        from itb_tui.core.plan.red_flags import save_red_flags

        save_red_flags(self.paths.red_flags, self.red_flags)

    def save_settings(self) -> None:
        """Write the settings this run changed since it read or last wrote them; what was
        edited in the file meanwhile stays (see save_changes)."""
        from itb_tui.core.store.settings import save_changes, save_settings

        settings, before = self.settings, self._settings_saved
        if before is None:  # settings given, not read: all of them are this run's
            save_settings(self.paths.settings, settings)
        else:
            save_changes(self.paths.settings, before, settings)
        self._settings_saved = copy.deepcopy(settings)
