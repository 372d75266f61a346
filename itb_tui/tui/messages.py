"""What the screens and the palette ask of the app: small messages, posted up, handled there.

A widget's own messages to its screen (a list's highlight, a scale's change) stay with the
widget; these go past the screen to the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from textual.message import Message

if TYPE_CHECKING:  # the engine is imported when a session first starts
    from itb_tui.core.content.library import Routine
    from itb_tui.core.session.engine import SessionEngine

Place = Literal["readiness", "red_flags", "check_in", "function_score"]


@dataclass
class StartRoutine(Message):
    """Start routine ``routine_id`` (from Home, the palette or an offer on the summary).

    ``replace``: the screen that asks gives way to the session (the summary's offers);
    ``minutes`` above 0: a short session of at most that long (core/session/short_session)."""

    routine_id: str
    replace: bool = False
    minutes: int = 0


@dataclass
class StartRun(Message):
    """Start a guided run at the current run week, in place of the screen that asks."""


@dataclass
class StartReadinessTest(Message):
    """Start the readiness test the verdict offers today, as a guided session."""


@dataclass
class BeginSession(Message):
    """Open ``routine`` as a guided session (a run, a readiness test), the ``weaker_side``
    first; ``override``: the question a run was started after, on a rest or held day, kept
    with it."""

    routine: Routine
    weaker_side: str | None = None
    override: str = ""


@dataclass
class SetRunWeek(Message):
    """Set the run week by hand, or pause or resume running (the return-to-running screen)."""


@dataclass
class OpenPlace(Message):
    """Open the return-to-running screen, the red flags, the morning check-in or the function
    score's questions."""

    target: Place


@dataclass
class AcceptHint(Message):
    """Take the suggested progression of exercise ``exercise_id``: its ``step`` (the first
    progression is step 1). A step already taken is not taken again."""

    exercise_id: str
    step: int = 1


@dataclass
class ShowUnreadable(Message):
    """Say what can be done about unreadable history file number ``index``."""

    index: int


@dataclass
class HomeShown(Message):
    """Home is on top again: a dialog or another screen over it has closed."""


@dataclass
class SettingsChanged(Message):
    """The settings changed and should be saved."""


@dataclass
class RedFlagsChanged(Message):
    """The red flags ticked now (the others are unticked)."""

    ticked: set[str]


@dataclass
class PainReported(Message):
    """Pain was recorded on a screen that does not save it itself (a pain spike's score): at
    7/10 or more, or with swelling, the app asks the red-flag questions."""

    score: int
    swelling: bool | None = None


@dataclass
class HistoryChanged(Message):
    """The history changed on disk (a session added back, a month restored): work out Today
    again."""


@dataclass
class TodayLoaded(Message):
    """Today was worked out from the history at an open or a new day: the questions it may
    bring (after a run, the check-in) are asked."""


@dataclass
class HistoryEdited(Message):
    """An entry of month ``month`` was changed (or ``deleted``): re-read that month."""

    month: str
    deleted: bool


@dataclass
class SessionEnded(Message):
    """The session is over: kept (finished or stopped early) or discarded."""

    engine: SessionEngine
    keep: bool
