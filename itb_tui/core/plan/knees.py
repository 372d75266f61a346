"""Both knees: a knee not given carries its last score forward, never read as 0.

When both knees hurt (Settings.painful_knee "both"), a log or a session's rating after it
that scores one knee only says nothing about the other: the rules read that knee at its last
score (its last per-knee score from a log or a rating, else the last single score, which was
the worse knee's), and the record's single score becomes the worse of the two. So a week of
daily logs of "L 0" after "L 0 / R 3" is not a week of pain-free days, and a strength session
rated "L 0" is not pain-free after a check-in of "R 4" (001: daily life pain-free before
running, strength work without pain). With one painful knee, or none set, the records are
read as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from itb_tui.core.history.records import Knees, PainLog, SessionRecord, scored

BOTH_KNEES = "both"


class _LastScores:
    """Each knee's last score so far, and the last single score."""

    def __init__(self) -> None:
        self.knees: dict[str, int] = {}
        self.single: int | None = None

    def read(self, score: int, given: Knees) -> Knees | None:
        """The knees ``given`` with a knee not given at its last score; None for a single
        score (then remembered as the last single score)."""
        if not given:
            self.single = score
            return None
        left = given.left if given.left is not None else self.knees.get("left", self.single)
        right = given.right if given.right is not None else self.knees.get("right", self.single)
        knees = Knees(left, right)
        self.knees.update(knees.to_dict())
        return knees


def carry_knees(pain_logs: Iterable[PainLog], painful_knee: str) -> list[PainLog]:
    """``pain_logs`` in their order, each knee not given carried forward (see above)."""
    return carry_all((), pain_logs, painful_knee)[1]


def carry_all(
    sessions: Iterable[SessionRecord], pain_logs: Iterable[PainLog], painful_knee: str
) -> tuple[list[SessionRecord], list[PainLog]]:
    """``sessions`` and ``pain_logs`` in their order, each knee not given in a pain log or in
    a session's rating after it carried forward from the records before (see above)."""
    sessions, logs = list(sessions), list(pain_logs)
    if painful_knee != BOTH_KNEES:
        return sessions, logs
    timeline: list[tuple[datetime, int, int]] = [(log.at, 0, i) for i, log in enumerate(logs)]
    timeline += [(s.ended_at, 1, i) for i, s in enumerate(sessions) if s.pain_after is not None]
    last = _LastScores()
    for _, kind, index in sorted(timeline):
        if kind == 0:
            log = logs[index]
            knees = last.read(log.score, log.knees)
            if knees is not None and knees != log.knees:
                logs[index] = replace(log, knees=knees, score=scored(log.score, knees))
            continue
        session = sessions[index]
        score = session.pain_after or 0
        knees = last.read(score, session.pain_after_knees)
        if knees is not None and knees != session.pain_after_knees:
            carried = scored(score, knees)
            sessions[index] = replace(session, pain_after_knees=knees, pain_after=carried)
    return sessions, logs
