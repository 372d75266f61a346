"""What ``itb log-run`` and ``itb import-run`` share: runs done outdoors, typed in or read
from a watch's file, kept as run sessions (core/history/outdoor_run.py) that every rule reads
like a guided run. Both take the same pain options; bad input exits 2 with nothing written."""

from __future__ import annotations

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from itb_tui.core.context import AppContext
    from itb_tui.core.history.outdoor_run import OutdoorRun
    from itb_tui.core.history.records import Knees, SessionRecord


def pain_given(args: argparse.Namespace) -> bool:
    keys = ["pain_began", "pain_score", "pain_left", "pain_right", "walk_breaks"]
    keys += ["pain_after", "pain_after_left", "pain_after_right", "swelling"]
    return any(getattr(args, key) is not None for key in keys) or args.stopped or bool(args.note)


def _knee_scores(
    context: AppContext, args: argparse.Namespace, when: str
) -> tuple[int | None, Knees]:
    """The score and the knees of ``--pain{when}`` and ``--pain{when}-left/-right``; exits 2
    when they do not fit together."""
    from itb_tui.core.history.records import BOTH, Knees, given_score

    key = when.replace("-", "_")
    knees = Knees(getattr(args, f"pain{key}_left"), getattr(args, f"pain{key}_right"))
    score = getattr(args, "pain_score" if not when else f"pain{key}")
    if knees and context.settings.painful_knee != BOTH:
        args.subparser.error(
            f"--pain{when}-left and --pain{when}-right are for when both knees hurt: "
            "set 'Which knee hurts?' to both in Settings"
        )
    if knees or score is not None:
        try:
            score = given_score(score, knees)
        except ValueError as err:
            args.subparser.error(str(err))
    return score, knees


def pain_fields(context: AppContext, args: argparse.Namespace) -> dict[str, object]:
    """The OutdoorRun fields from the pain options; exits 2 when they do not fit together.
    ``args.pain_after`` becomes the score after the run (the worse knee's when knees given)."""
    score, knees = _knee_scores(context, args, "")
    args.pain_after, after_knees = _knee_scores(context, args, "-after")
    return {
        "pain_began": args.pain_began,
        "pain_score": score,
        "pain_knees": knees,
        "pain_after": args.pain_after,
        "pain_after_knees": after_knees,
        "stopped": args.stopped,
        "swelling": None if args.swelling is None else args.swelling == "yes",
        "walk_breaks": args.walk_breaks,
        "note": args.note.strip(),
    }


def run_text(record: SessionRecord) -> str:
    """'a run of 22 min on Mon 23 Nov at 07:30, 4.1 km, stopped early, pain from minute 12
    (3/10), pain after 1/10'."""
    from itb_tui.core.history.outdoor_run import run_facts_text

    return f"a run of {run_facts_text(record)}"


def keep(context: AppContext, run: OutdoorRun, now: datetime) -> tuple[str, bool]:
    """Keep ``run``: (what was done, whether it was added); RunRefused when it cannot be."""
    from itb_tui.core.history.outdoor_run import keep_run, run_record

    record = run_record(run, now)  # refused before anything is read or written
    kept = keep_run(context.store, record)
    if kept.pain_added:
        return f"the run was kept already; its pain was added: {run_text(kept.run)}", False
    if not kept.added:
        return f"already in the history: {run_text(kept.run)}; nothing added", False
    return run_text(kept.run), True


def after(context: AppContext, records_pain: int | None, swelling: str | None = None) -> None:
    from itb_tui.core.plan.red_flags import should_ask

    if should_ask(records_pain or 0, swelling == "yes"):
        print(
            "Check the red flags (open itb and press f): if one applies, "
            "see a physiotherapist or doctor."
        )
