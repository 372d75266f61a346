"""Everything a run of the app needs, loaded once: paths, content, settings, history store."""

from __future__ import annotations

from dataclasses import dataclass, field

from itb_tui.core.clock import Clock, MonotonicClock
from itb_tui.core.content import Library, load_library
from itb_tui.core.paths import Paths, content_dir
from itb_tui.core.program import Program, load_program
from itb_tui.core.settings import Settings, load_settings, save_settings
from itb_tui.core.storage import HistoryStore


@dataclass
class AppContext:
    """The loaded state shared by the CLI and the screens."""

    paths: Paths
    library: Library
    program: Program
    settings: Settings
    store: HistoryStore
    clock: Clock = field(default_factory=MonotonicClock)

    @classmethod
    def load(cls, paths: Paths, clock: Clock | None = None) -> AppContext:
        """Load content and settings; raises ContentError or StoreError with a clear message."""
        library = load_library(content_dir(), paths.user_content)
        program = load_program(content_dir() / "program.toml", set(library.routines))
        settings = load_settings(paths.settings)
        store = HistoryStore(paths)
        return cls(paths, library, program, settings, store, clock or MonotonicClock())

    def save_settings(self) -> None:
        save_settings(self.paths.settings, self.settings)
