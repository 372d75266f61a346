"""The function score a physiotherapist reads: the Patient-Specific Functional Scale (PSFS).

The user names up to three activities the knee stops or limits and rates each from 0 (cannot
do it) to 10 (as before the knee trouble). The articles give no such scale; it is the one
clinics use, and the app's choices are:
  * it is asked at the start and then every FUNCTION_EVERY_DAYS days (due_text);
  * each activity's change is measured from its first rating; a change of MEANINGFUL points
    or more, either way, is marked as meaningful (the usual reading of the scale);
  * the score of a day is the mean of its activities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from itb_tui.core.dates import day_text, local_date
from itb_tui.core.history.records import FunctionScore

FUNCTION_EVERY_DAYS = 14
MEANINGFUL = 2


@dataclass(frozen=True)
class ActivityChange:
    """One activity from its first rating to its last."""

    activity: str
    first: int
    last: int
    since: date  # the day of the first rating

    @property
    def change(self) -> int:
        return self.last - self.first

    @property
    def meaningful(self) -> bool:
        return abs(self.change) >= MEANINGFUL

    def text(self) -> str:
        """'Running 5 km: from 3 to 6 (+3, meaningful)'."""
        change = f"{self.change:+d}" if self.change else "no change"
        mark = ", meaningful" if self.meaningful else ""
        return f"{self.activity}: from {self.first} to {self.last} ({change}{mark})"


def ordered(scores: Sequence[FunctionScore]) -> list[FunctionScore]:
    return sorted(scores, key=lambda score: score.at)


def changes(scores: Sequence[FunctionScore]) -> list[ActivityChange]:
    """Each activity of the latest score against its own first rating, in the latest's order.

    An activity named with other capitals or spaces is the same activity.
    """
    kept = ordered(scores)
    if not kept:
        return []
    return [change for score, change in rated_changes(kept) if score is kept[-1]]


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def mean_text(score: FunctionScore) -> str:
    """'4.5/10'."""
    return f"{score.mean:.1f}/10"


def summary_lines(scores: Sequence[FunctionScore]) -> list[str]:
    """What a report says: each rating's date and mean, then each activity's change."""
    kept = ordered(scores)
    if not kept:
        return []
    lines = [
        f"{local_date(s.at).isoformat()}: {mean_text(s)} ("
        + ", ".join(f"{name} {value}" for name, value in s.ratings)
        + ")"
        for s in kept
    ]
    lines += [f"Change since the first rating: {c.text()}" for c in changes(kept)]
    return lines


def due_text(scores: Sequence[FunctionScore], today: date) -> str:
    """Why the function score is due today; "" when it is not."""
    kept = ordered(scores)
    if not kept:
        return "Rate up to three things your knee stops you doing, 0 to 10: itb psfs."
    last = local_date(kept[-1].at)
    if (today - last).days < FUNCTION_EVERY_DAYS:
        return ""
    return (
        f"Two weeks since you rated what your knee lets you do ({day_text(last)}): "
        "rate it again with itb psfs."
    )


def rated_changes(scores: Sequence[FunctionScore]) -> list[tuple[FunctionScore, ActivityChange]]:
    """Every rating of every score, oldest first, with its change from the activity's first."""
    first: dict[str, tuple[int, date]] = {}
    found = []
    for score in ordered(scores):
        for name, value in score.ratings:
            start, since = first.setdefault(_key(name), (value, local_date(score.at)))
            found.append((score, ActivityChange(name, start, value, since)))
    return found


BAR_CELLS = 10


def bar(value: int) -> str:
    """'█████░░░░░' for 5 of 10."""
    return "█" * value + "░" * (BAR_CELLS - value)


def chart_lines(scores: Sequence[FunctionScore]) -> list[str]:
    """Each activity of the latest rating, first against now as bars, and the change; then
    every rating's mean. Plain text, 76 columns at most."""
    kept = ordered(scores)
    if not kept:
        return ["Nothing rated yet. In a shell: itb psfs"]
    lines = [f"{'':22}{'first':16}{'now':16}change"]
    for change in changes(kept):
        name = change.activity if len(change.activity) <= 20 else change.activity[:19] + "…"
        mark = " meaningful" if change.meaningful and change.change else ""
        lines.append(
            f"{name:22}{bar(change.first)} {change.first:>2}   {bar(change.last)} "
            f"{change.last:>2}   {change.change:+d}{mark}"
        )
    means = ", ".join(f"{day_text(local_date(s.at))} {s.mean:.1f}" for s in kept[-6:])
    lines += ["", f"Mean of the activities: {means}"]
    return lines
