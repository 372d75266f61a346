"""Where things live: shipped content, the user's data and config folders (none created here)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from itb_tui.core.records import record

APP_NAME = "itb-tui"
DATA_ENV = "ITB_TUI_DATA_DIR"
CONFIG_ENV = "ITB_TUI_CONFIG_DIR"
CACHE_ENV = "ITB_TUI_CACHE_DIR"


def content_dir() -> Path:
    """The shipped content: inside the installed package, or the repository's ``content/``."""
    package = Path(__file__).resolve().parents[2]
    installed = package / "content"
    return installed if installed.is_dir() else package.parent / "content"


@record
class Paths:
    """The user's folders for this run."""

    data: Path
    config: Path
    cache: Path | None = None  # parsed content kept between runs; None: parse every time

    @classmethod
    def resolve(cls, data_dir: str | None = None, config_dir: str | None = None) -> Paths:
        """Command-line option first, then the environment, then the platform's default."""
        data = data_dir or os.environ.get(DATA_ENV) or platformdirs.user_data_dir(APP_NAME)
        config = config_dir or os.environ.get(CONFIG_ENV) or platformdirs.user_config_dir(APP_NAME)
        cache = os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir(APP_NAME)
        return cls(Path(data).expanduser(), Path(config).expanduser(), Path(cache).expanduser())

    @property
    def history(self) -> Path:
        return self.data / "history"

    @property
    def in_progress(self) -> Path:
        return self.data / "in-progress.toml"

    def unsaved_session(self, session_id: str) -> Path:
        """Where a session goes when the history cannot be saved."""
        return self.config / f"unsaved-session-{session_id}.toml"

    def unsaved_sessions(self) -> list[Path]:
        """The sessions written there, oldest first."""
        if not self.config.is_dir():
            return []
        return sorted(self.config.glob("unsaved-session-*.toml"))

    @property
    def lock(self) -> Path:
        """Held for one read-modify-write of a history file."""
        return self.data / ".lock"

    @property
    def app_lock(self) -> Path:
        """Held by the interactive app for as long as it runs."""
        return self.data / ".app.lock"

    @property
    def red_flags(self) -> Path:
        """The red flags ticked and un-ticked, with when."""
        return self.data / "red-flags.toml"

    @property
    def settings(self) -> Path:
        return self.config / "settings.toml"

    @property
    def user_content(self) -> Path:
        return self.config / "content.toml"
