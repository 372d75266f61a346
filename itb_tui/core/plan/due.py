"""What a line of today's plan is: kept apart from the rules so screens can import it cheaply."""

from __future__ import annotations

from typing import NamedTuple

DUE, DONE, REST, OPTIONAL = "due", "done", "rest", "optional"
FORMATS = ("text", "line", "json")  # how `itb today` can print it


class DueItem(NamedTuple):
    """One line of today's plan.

    ``kind`` "routine": ``routine_id`` is a library routine to start; "run": ``routine_id`` is
    RUN_ROUTINE (log a run); "advice": ``routine_id`` is "" and there is nothing to start.
    """

    routine_id: str
    title: str
    reason: str
    status: str  # DUE, DONE, REST or OPTIONAL
    kind: str = "routine"
