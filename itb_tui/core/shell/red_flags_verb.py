"""The red flags in the shell: ``itb red-flags`` lists them, ticks and unticks them (each
change kept with its time in ``red-flags.toml``, as the app's checklist keeps it), and
``itb log-pain`` / ``itb check-in`` print them after pain of 7/10 or more or swelling."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from itb_tui.core.content.program import Program
from itb_tui.core.dates import day_text, local_date
from itb_tui.core.plan.red_flags import RedFlagState, should_ask

SEE = "If one applies, see a physiotherapist or doctor."
HOW = "Tick one with: itb red-flags --tick ID (--untick ID once a professional has seen the knee)."
STANDING = "A red flag stands: see a physiotherapist or doctor; no run is planned while it does."


def flag_list(program: Program, state: RedFlagState) -> list[str]:
    """'[x] no-weight-bearing      I can't put ... (ticked Mon 23 Nov)' for each red flag."""
    standing = state.standing()
    width = max((len(flag.id) for flag in program.red_flags), default=0)
    lines = []
    for flag in program.red_flags:
        at = standing.get(flag.id)
        mark = "[x]" if at is not None else "[ ]"
        when = f" (ticked {day_text(local_date(at))})" if at is not None else ""
        lines.append(f"{mark} {flag.id:<{width}}  {flag.text}{when}")
    return lines


def after_pain(program: Program, state: RedFlagState, score: int, swelling: bool | None) -> str:
    """After a pain log or check-in: the red-flag questions when the score is 7/10 or more
    or the knee is swollen, else ''."""
    if not should_ask(score, swelling):
        return ""
    what = "swelling" if swelling else f"pain {score}/10"
    lines = flag_list(program, state)
    head = f"You reported {what}: check the red flags. Do any of these apply now? {SEE}"
    return "\n".join([head, *lines, HOW])


def change_flags(
    program: Program,
    state: RedFlagState,
    tick: Collection[str],
    untick: Collection[str],
    at: datetime,
) -> bool:
    """Tick and untick the flags named (by id); True when anything changed. ValueError names
    an unknown id, or one both ticked and unticked."""
    known = [flag.id for flag in program.red_flags]
    for flag_id in (*tick, *untick):
        if flag_id not in known:
            raise ValueError(f"no red flag '{flag_id}'; the ids are: {', '.join(known)}")
    both = sorted(set(tick) & set(untick))
    if both:
        raise ValueError(f"'{both[0]}' is both ticked and unticked")
    return state.set((set(state.standing()) | set(tick)) - set(untick), at)


def listing(program: Program, state: RedFlagState) -> str:
    """The list, then what a standing flag means."""
    lines = flag_list(program, state)
    return "\n".join([*lines, STANDING if state.standing() else "No red flag ticked."])
