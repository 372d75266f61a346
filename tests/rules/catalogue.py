"""Every invariant by name, and which of them the rules hold today.

``HOLDS`` run in the default suite (test_fuzz.py). Any other runs with ``ITB_RULES_PENDING=1``
(test_pending.py): a door still open in the rules. When its fix lands, move its name into
``HOLDS``.
"""

from __future__ import annotations

from collections.abc import Callable

from . import invariants as inv
from .outdoor_checks import o1_one_outing, o2_no_faster_week
from .simulate import DayCheck, RunCheck, TestCheck

R1 = "R1 no first run before the readiness tests pass"
R2 = "R2 no readiness test while weight-bearing work is held"
R3 = "R3 a discarded or incomplete test is never a pass"
R4 = "R4 a test discarded with pain waits as one kept"
O1 = "O1 one outing is one run"
O2 = "O2 no week moves on faster outdoors"
DAY_CHECKS: dict[str, DayCheck] = {
    "I1 nothing held is offered": lambda sim, seen, _: inv.i1_offered(seen),
    "I2 no rise after pain or a sign": inv.i2_no_rise,
    "I3 three painful weeks to phase 1": lambda sim, seen, _: inv.i3_phase_one(sim, seen),
    "I4 no start before the checks": lambda sim, seen, t: inv.i4_started(sim, seen, t),
    "I5 complete means every dose": lambda sim, seen, _: inv.i5_complete(sim),
    "I6 the shell says what Home says": lambda sim, seen, _: inv.i6_shell(seen),
    "I6 the r screen says what Home says": lambda sim, seen, _: inv.i6_run_key(seen),
    "I6 the calendar says what Home says": lambda sim, seen, _: inv.i6_calendar(sim, seen),
    "P2 high pain holds weight-bearing work": lambda sim, seen, _: inv.p2_high_pain_holds(
        sim, seen
    ),
    "P3 a missing knee is not 0": lambda sim, seen, _: inv.p3_missing_knee(sim, seen),
    "P4 no action removes a pain": lambda sim, seen, _: inv.p4_pain_kept(sim),
    R1: lambda sim, seen, _: inv.r1_first_run(sim, seen),
    R2: lambda sim, seen, _: inv.r2_no_test_held(sim, seen),
    R3: lambda sim, seen, _: inv.r3_pass_is_kept_and_complete(sim, seen),
    R4: lambda sim, seen, _: inv.r4_discarded_test_pain(sim, seen),
    O1: lambda sim, seen, _: o1_one_outing(sim),
    O2: lambda sim, seen, tracker: o2_no_faster_week(sim, seen, tracker.week),
}
RUN_CHECKS: dict[str, RunCheck] = {
    "I1 no held run can be started": lambda sim, seen, overridden: inv.i1_run_start(
        seen, overridden
    ),
    R1: lambda sim, seen, _: inv.r1_first_run(sim, seen, starting=True),
}
# R2 and R4 are checked at `t` too, the moment a test is asked for.
TEST_CHECKS: dict[str, TestCheck] = {R2: inv.r2_no_test_held, R4: inv.r4_discarded_test_pain}
FINAL_CHECKS: dict[str, Callable[..., list[str]]] = {
    "P1 every pain is read": lambda sim, seen: inv.p1_pain_read(sim, seen.today),
    "P5 discarding never lessens pain": lambda sim, seen: inv.p5_discard_same_pain(sim, seen.today),
}
# The invariants about weeks of running need users who run for weeks.
RUNNERS = {"I2 no rise after pain or a sign", "I3 three painful weeks to phase 1", O2}
ALL = list(dict.fromkeys([*DAY_CHECKS, *RUN_CHECKS, *FINAL_CHECKS]))
HOLDS = {
    "I1 nothing held is offered",
    "I2 no rise after pain or a sign",
    "I5 complete means every dose",
    "P2 high pain holds weight-bearing work",
    "P3 a missing knee is not 0",
    "P4 no action removes a pain",
    "I1 no held run can be started",
    "I3 three painful weeks to phase 1",
    "I4 no start before the checks",
    "I6 the shell says what Home says",
    "I6 the r screen says what Home says",
    "I6 the calendar says what Home says",
    "P1 every pain is read",
    "P5 discarding never lessens pain",
    R1,
    R2,
    R3,
    R4,
    O1,
    O2,
}
