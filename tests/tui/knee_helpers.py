"""An app where both knees hurt, and its pain logs, sessions and notes read back."""

from __future__ import annotations

from pathlib import Path

from itb_tui.core.clock import FakeClock
from itb_tui.core.history.records import PainLog, SessionRecord
from itb_tui.tui.app import ItbApp

from .helpers import make_app


def both_app(
    tmp_path: Path, knee: str = "both", *, start: str | None = None, check_in: bool = False
) -> tuple[ItbApp, FakeClock]:
    """An app whose settings say ``knee`` hurts ("both": the dialogs offer each knee)."""
    app, clock = make_app(tmp_path, start=start, check_in=check_in)
    app.context.settings.painful_knee = knee
    return app, clock


def logs(app: ItbApp) -> list[PainLog]:
    return app.context.store.everything().pain_logs


def sessions(app: ItbApp) -> list[SessionRecord]:
    return app.context.store.everything().sessions


def notes(app: ItbApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)
