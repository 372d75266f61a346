"""Both knees: a knee not given carries its last score forward, never read as 0.

When both knees hurt (Settings.painful_knee "both"), a log that scores one knee only says
nothing about the other: the rules read that knee at its last score (its last per-knee score,
else the last single score, which was the worse knee's), and the log's single score becomes
the worse of the two. So a week of daily logs of "L 0" after "L 0 / R 3" is not a week of
pain-free days (001: daily life pain-free before running). With one painful knee, or none set,
the logs are read as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from itb_tui.core.history.records import Knees, PainLog, scored

BOTH_KNEES = "both"


def carry_knees(pain_logs: Iterable[PainLog], painful_knee: str) -> list[PainLog]:
    """``pain_logs`` in their order, each knee not given carried forward (see above)."""
    logs = list(pain_logs)
    if painful_knee != BOTH_KNEES:
        return logs
    last: dict[str, int] = {}
    single: int | None = None
    carried: dict[int, PainLog] = {}
    for index in sorted(range(len(logs)), key=lambda i: logs[i].at):
        log = logs[index]
        if not log.knees:
            single = log.score
            continue
        given = log.knees
        left = given.left if given.left is not None else last.get("left", single)
        right = given.right if given.right is not None else last.get("right", single)
        knees = Knees(left, right)
        last.update(knees.to_dict())
        if knees != given:
            carried[index] = replace(log, knees=knees, score=scored(log.score, knees))
    return [carried.get(i, log) for i, log in enumerate(logs)]
