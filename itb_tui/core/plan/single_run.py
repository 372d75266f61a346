"""The single-run spike guard: no run much longer than the longest of the last weeks.

In 5,205 runners followed for 18 months (the Garmin-RUNSAFE cohort, Aarhus University,
BJSM 2025, doi:10.1136/bjsports-2024-109380) a single run more than 10 %
longer than the longest run of the previous 30 days raised the rate of overuse injury
(10-30 % longer: 1.64 times; over 100 %: 2.28 times), while the change in weekly distance from
one week to the next did not. The study measured distance; the plan is in minutes, so minutes
are compared (and the distance is said too when the longest run has one).

Rule (the figures are content: ``single_run_window_days`` and ``max_single_run_increase_pct``
in program.toml's [return_to_running]):
  * today's run is at most the longest kept run of the last ``single_run_window_days`` days
    (today's own runs left out) plus ``max_single_run_increase_pct`` %, after the run week's
    range has been applied: a week whose range is already below it is not changed;
  * the first run of the program, or the first after that many days without one, uses run
    week 1's range, whatever week the stage is at;
  * the cap is never below run week 1's lower target (001: return to running starts with
    runs of 10-15 minutes once the checks are met, so a short run, stopped after 3 minutes,
    does not hold every later run at 3), and it is always at least a minute over the longest
    run (a percentage rounded down would otherwise keep a short run's length for good).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from itb_tui.core.content.program import Program
from itb_tui.core.dates import day_text, local_date
from itb_tui.core.history.records import SessionRecord
from itb_tui.core.history.run_facts import distance_text
from itb_tui.core.plan.run_walk import run_minutes

STUDY = "Garmin-RUNSAFE, BJSM 2025"


@dataclass(frozen=True)
class SingleRunCap:
    """The most today's run may be (``limit``, a range to cut any run range by; None: no
    limit) and why (``why``, said when it cuts a run)."""

    limit: tuple[int, int] | None = None
    why: str = ""

    def cut(self, minutes: tuple[int, int]) -> tuple[int, int]:
        """``minutes`` (a run week's range) within the limit."""
        if self.limit is None:
            return minutes
        return min(minutes[0], self.limit[0]), min(minutes[1], self.limit[1])

    def reason(self, *ranges: tuple[int, int]) -> str:
        """``why`` when the limit cuts one of ``ranges``, else ''."""
        return self.why if any(self.cut(r) != r for r in ranges) else ""


def single_run_cap(program: Program, runs: Iterable[SessionRecord], today: date) -> SingleRunCap:
    """The guard for ``today`` over the kept ``runs`` (see above)."""
    rtr = program.return_to_running
    window = rtr.single_run_window_days
    since = today - timedelta(days=window)
    recent = [r for r in runs if since <= local_date(r.started_at) < today]
    if not recent:
        low, high = rtr.week(1).minutes
        return SingleRunCap(
            (low, high),
            f"no run in the last {window} days, so start at week 1's {low}-{high} min ({STUDY})",
        )
    longest = max(recent, key=lambda r: (run_minutes(r), r.started_at))
    longest_minutes = run_minutes(longest)
    pct = rtr.max_single_run_increase_pct
    grown = longest_minutes + max(1, longest_minutes * pct // 100)
    start = rtr.week(1).minutes[0]
    most = max(start, grown)
    km = longest.outdoor.distance_km if longest.outdoor is not None else None
    far = f", {distance_text(km)}" if km is not None else ""
    when = day_text(local_date(longest.started_at))
    if grown < start:
        return SingleRunCap(
            (most, most),
            f"at most {most} min today, week 1's first runs: your longest run of the last "
            f"{window} days was {longest_minutes} min{far} on {when} ({STUDY})",
        )
    return SingleRunCap(
        (most, most),
        f"at most {most} min today, {pct} % more than your longest run of the last {window} days "
        f"({longest_minutes} min{far} on {when}; {STUDY})",
    )
