"""What the screens and the palette ask of the app: small messages, posted up, handled there.

A widget's own messages to its screen (a list's highlight, a scale's change) stay with the
widget; these go past the screen to the app.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, Literal, TypeVar, dataclass_transform

from textual.message import Message

if TYPE_CHECKING:  # the engine is imported when a session first starts
    from itb_tui.core.content.library import Routine
    from itb_tui.core.session.engine import SessionEngine

Place = Literal["readiness", "red_flags", "check_in", "function_score"]
M = TypeVar("M", bound=type[Message])


@dataclass_transform()
def message(cls: M) -> M:
    """A message whose annotated fields its ``__init__`` takes in order, defaults after, and
    whose equality and repr are those of the fields, as a dataclass's are. Made without
    ``dataclasses``, which writes and compiles each class's methods: for the app's messages,
    about 2 % of everything run before the first frame."""
    names = tuple(inspect.get_annotations(cls))
    defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}

    def __init__(self: Message, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__} takes {len(names)} fields, not {len(args)}")
        given = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if name not in names or name in given:
                raise TypeError(f"{cls.__name__}: unknown or repeated field {name!r}")
            given[name] = value
        for name in names:
            if name in given:
                setattr(self, name, given[name])
            elif name in defaults:
                setattr(self, name, defaults[name])
            else:
                raise TypeError(f"{cls.__name__} needs its field {name!r}")
        Message.__init__(self)

    def fields(self: Message) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in names)

    def __eq__(self: Message, other: object) -> bool:
        return type(other) is type(self) and fields(other) == fields(self)

    def __repr__(self: Message) -> str:
        shown = ", ".join(
            f"{name}={value!r}" for name, value in zip(names, fields(self), strict=True)
        )
        return f"{cls.__name__}({shown})"

    cls.__init__ = __init__  # type: ignore[method-assign]
    cls.__eq__ = __eq__  # type: ignore[assignment, method-assign]
    cls.__hash__ = None  # type: ignore[assignment]
    cls.__repr__ = __repr__  # type: ignore[assignment, method-assign]
    return cls


@message
class StartRoutine(Message):
    """Start routine ``routine_id`` (from Home, the palette or an offer on the summary).

    ``replace``: the screen that asks gives way to the session (the summary's offers);
    ``minutes`` above 0: a short session of at most that long (core/session/short_session)."""

    routine_id: str
    replace: bool = False
    minutes: int = 0


@message
class StartRun(Message):
    """Start a guided run at the current run week, in place of the screen that asks."""


@message
class StartReadinessTest(Message):
    """Start the readiness test the verdict offers today, as a guided session."""


@message
class BeginSession(Message):
    """Open ``routine`` as a guided session (a run, a readiness test), the ``weaker_side``
    first; ``override``: the question a run was started after, on a rest or held day, kept
    with it."""

    routine: Routine
    weaker_side: str | None = None
    override: str = ""


@message
class SetRunWeek(Message):
    """Set the run week by hand, or pause or resume running (the return-to-running screen)."""


@message
class OpenPlace(Message):
    """Open the return-to-running screen, the red flags, the morning check-in or the function
    score's questions."""

    target: Place


@message
class AcceptHint(Message):
    """Take the suggested progression of exercise ``exercise_id``: its ``step`` (the first
    progression is step 1). A step already taken is not taken again."""

    exercise_id: str
    step: int = 1


@message
class ShowUnreadable(Message):
    """Say what can be done about unreadable history file number ``index``."""

    index: int


@message
class HomeShown(Message):
    """Home is on top again: a dialog or another screen over it has closed."""


@message
class SettingsChanged(Message):
    """The settings changed and should be saved."""


@message
class RedFlagsChanged(Message):
    """The red flags ticked now (the others are unticked)."""

    ticked: set[str]


@message
class PainReported(Message):
    """Pain was recorded on a screen that does not save it itself (a pain spike's score): at
    7/10 or more, or with swelling, the app asks the red-flag questions."""

    score: int
    swelling: bool | None = None


@message
class HistoryChanged(Message):
    """The history changed on disk (a session added back, a month restored): work out Today
    again."""


@message
class TodayLoaded(Message):
    """Today was worked out from the history at an open or a new day: the questions it may
    bring (after a run, the check-in) are asked."""


@message
class HistoryEdited(Message):
    """An entry of month ``month`` was changed (or ``deleted``): re-read that month."""

    month: str
    deleted: bool


@message
class SessionEnded(Message):
    """The session is over: kept (finished or stopped early) or discarded."""

    engine: SessionEngine
    keep: bool
