"""``itb readiness``: the return-to-running checklist for the shell, as text or JSON.

Each check is met or not, with its evidence; then today's run as the referee decided it, and the
red flags standing. The JSON is a contract (``schema``, README "Scripts"), like ``itb today``'s.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from itb_tui.core.dates import day_text, local_date
from itb_tui.core.plan.referee import decide, load_input
from itb_tui.core.plan.verdict import SCHEMA, Verdict
from itb_tui.core.shell.today_line import flag_json, run_json, tests_json

if TYPE_CHECKING:
    from itb_tui.core.context import AppContext

FORMATS = ("text", "json")


def readiness_verdict(context: AppContext) -> Verdict:
    """Today's verdict; raises the StoreError of a month that cannot be read."""
    inp, unreadable = load_input(context)
    if unreadable:
        raise unreadable[0]
    return decide(inp)


def text(verdict: Verdict) -> str:
    """'[x] Pain-free daily life: ...' per check, then the run and any red flag."""
    checks = verdict.overview.readiness.checks
    met = sum(check.met for check in checks)
    lines = [f"Return to running, {day_text(verdict.day)}: {met} of {len(checks)} checks met."]
    lines += [f"  [{'x' if c.met else ' '}] {c.name}: {c.evidence}" for c in checks]
    run = verdict.run
    week = f", run week {run.week}" if run.week is not None else ""
    low, high = run.minutes
    minutes = f", {low}-{high} min" if high else ""
    lines.append(f"Run today: {run.status}{week}{minutes}. {run.reason}")
    lines += [
        f"Red flag: {f.text} (ticked {day_text(local_date(f.ticked))})" for f in verdict.red_flags
    ]
    return "\n".join(lines)


def as_json(verdict: Verdict) -> str:
    """The checklist for scripts (the shape is in README "Scripts")."""
    data = {
        "schema": SCHEMA,
        "date": verdict.day.isoformat(),
        "ready": verdict.ready,
        "checks": [
            {"name": c.name, "met": c.met, "evidence": c.evidence}
            for c in verdict.overview.readiness.checks
        ],
        "run": run_json(verdict.run),
        "red_flags": [flag_json(flag) for flag in verdict.red_flags],
        "readiness_tests": tests_json(verdict),
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def render(verdict: Verdict, form: str) -> str:
    return {"text": text, "json": as_json}[form](verdict)
