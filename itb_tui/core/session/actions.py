"""What a key asks of a running session, named once for the core and the screen alike.

The core decides what each action does now (``view.offered`` hides a key that does nothing,
``progress_file.save_due`` saves after some); the key that gives it is the screen's business
(``tui/keys.py`` binds each action to its key under the same name).
"""

from __future__ import annotations

from enum import StrEnum


class SessionAction(StrEnum):
    """One action of the session screen; its value is the screen's action name."""

    DONE = "done"
    PAUSE = "pause"
    SKIP = "skip"
    SKIP_EXERCISE = "skip_exercise"
    BACK = "back"
    ADJUST = "adjust"
    PAIN_SPIKE = "pain_spike"
    SCORE_SPIKE = "score_spike"
    QUIT_SESSION = "quit_session"


def session_action(name: str) -> SessionAction | None:
    """The session action named ``name`` (a key's action, without its parameters), None for
    any other action."""
    try:
        return SessionAction(name)
    except ValueError:
        return None
