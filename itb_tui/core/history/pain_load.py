"""Pain against load: the minutes run each day, and how the knee was the next morning.

The pain-monitoring model (Silbernagel et al., AJSM 2007; see core/plan/checkin.py) reads a
load by the next morning's pain, so the chart puts each day's run minutes under the next
morning, and the table groups the last weeks' run days by length: a band of run minutes ->
the next morning's check-in score (mean and count). A run day without a check-in the next
morning is counted apart (``unchecked``), never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from itb_tui.core.dates import local_date
from itb_tui.core.history.outdoor_run import RUN_ROUTINE, minutes_run
from itb_tui.core.history.records import PainLog, SessionRecord

TABLE_WEEKS = 8
# Run length bands in minutes: (low, high); high None is open-ended.
BANDS: tuple[tuple[int, int | None], ...] = ((1, 14), (15, 24), (25, 34), (35, None))


def run_minutes_by_day(sessions: Iterable[SessionRecord]) -> dict[date, int]:
    """Minutes run on each day with a kept run (guided or outdoors)."""
    days: dict[date, int] = {}
    for run in sessions:
        if run.routine == RUN_ROUTINE:
            day = local_date(run.started_at)
            days[day] = days.get(day, 0) + minutes_run(run)
    return days


def mornings(logs: Iterable[PainLog]) -> dict[date, int]:
    """Each day's morning check-in score (the last one that day)."""
    found: dict[date, int] = {}
    for log in sorted((p for p in logs if p.context == "morning"), key=lambda p: p.at):
        found[local_date(log.at)] = log.score
    return found


def band_label(band: tuple[int, int | None]) -> str:
    low, high = band
    return f"{low}+ min" if high is None else f"{low}-{high} min"


@dataclass(frozen=True)
class BandRow:
    """Run days of one length band and their next mornings."""

    label: str
    days: int  # run days in the band
    count: int  # of them, with a check-in the next morning
    mean: float | None  # the mean of those mornings' scores

    @property
    def unchecked(self) -> int:
        return self.days - self.count


def pain_by_load(
    sessions: Iterable[SessionRecord],
    logs: Iterable[PainLog],
    today: date,
    weeks: int = TABLE_WEEKS,
) -> list[BandRow]:
    """The last ``weeks`` weeks' run days by band, with the next morning's pain; a band
    without a run day is left out."""
    since = today - timedelta(weeks=weeks)
    ran = {d: m for d, m in run_minutes_by_day(sessions).items() if since < d <= today}
    after = mornings(logs)
    rows = []
    for low, high in BANDS:
        days = [d for d, m in ran.items() if m >= low and (high is None or m <= high)]
        scores = [after[d + timedelta(days=1)] for d in days if d + timedelta(days=1) in after]
        if days:
            mean = sum(scores) / len(scores) if scores else None
            rows.append(BandRow(band_label((low, high)), len(days), len(scores), mean))
    return rows


def load_table_text(rows: list[BandRow]) -> str:
    """The table as text lines: 'Run 15-24 min -> next morning 1.3/10 (4 mornings)'."""
    if not rows:
        return "No run in the last 8 weeks: nothing to set against the next mornings yet."
    lines = ["Run length      next-morning pain"]
    for row in rows:
        pain = "no check-in" if row.mean is None else f"{row.mean:.1f}/10"
        mornings_text = f"{row.count} morning{'' if row.count == 1 else 's'}"
        missing = f", {row.unchecked} without a check-in" if row.unchecked else ""
        lines.append(f"{row.label:<15} {pain:<11} ({mornings_text}{missing})")
    return "\n".join(lines)
