"""``itb check-in``: the morning check-in (knee pain, compared with yesterday, swelling),
given as options or asked in the terminal; then what the answer decides today."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # as in the package: nothing is imported before the command needs it
if TYPE_CHECKING:
    import argparse
    from typing import TypeVar

    from itb_tui.core.context import AppContext
    from itb_tui.core.plan.checkin import MorningAnswer

    T = TypeVar("T")
    Parsed = tuple[int | None, str | None, bool | None, dict[str, int]]


def _reply(prompt: str, per_knee: bool) -> Parsed | None:
    """One line typed and parsed; None (saying why) when it is not understood. EOFError when
    the input ends."""
    from itb_tui.core.plan.checkin import parse_answer

    reply = input(prompt)
    try:
        return parse_answer(reply, per_knee)
    except ValueError as err:
        print(f"  {err}", file=sys.stderr)
        return None


def _newer(kept: T | None, given: T | None) -> T | None:
    return kept if given is None else given


def _opening(knee_text: str, first: bool) -> str:
    """The first question: everything at once."""
    if first:
        return f"Knee pain 0-10{knee_text}, then y/n (swelling), e.g. 2 n: "
    return f"Knee pain 0-10{knee_text}, then b/s/w (vs yesterday) and y/n (swelling), e.g. 2 s n: "


def _missing(score: int | None, compared: str | None, knee_text: str) -> str:
    """The question for the first part still missing."""
    if score is None:
        return f"Knee pain this morning, 0-10{knee_text}? "
    if compared is None:
        return "Compared with yesterday: b(etter), s(ame) or w(orse)? "
    return "Swelling: y or n? "


def ask_check_in(per_knee: bool, first: bool = False) -> MorningAnswer | None:
    """Ask in the terminal: one line such as '2 s n', then whatever part is missing; with
    ``per_knee``, 'L1 R2 s n' scores each knee; the ``first`` check-in ever has no
    yesterday to compare with ('2 n')."""
    from itb_tui.core.history.records import Knees
    from itb_tui.core.plan.checkin import MorningAnswer

    knee_text = " (or each knee: L1 R2)" if per_knee else ""
    prompt = _opening(knee_text, first)
    score: int | None = None
    compared: str | None = "" if first else None
    swelling: bool | None = None
    knees: dict[str, int] = {}
    while score is None or compared is None or swelling is None:
        try:
            got = _reply(prompt, per_knee)
        except EOFError:
            print("\nNothing saved.", file=sys.stderr)
            return None
        if got is None:
            continue
        knees |= got[3]
        score = Knees(**knees).worse if knees else _newer(score, got[0])
        compared = _newer(got[1], compared)  # the first answer stands
        swelling = _newer(swelling, got[2])
        prompt = _missing(score, compared, knee_text)
    return MorningAnswer(score, compared, swelling, Knees(**knees))


def _given(context: AppContext, args: argparse.Namespace, first: bool) -> MorningAnswer:
    """The answer given as SCORE (or --left, --right), --compared and --swelling."""
    from itb_tui.cli.options import knee_score
    from itb_tui.core.plan.checkin import MorningAnswer

    score, knees = knee_score(context, args)
    if (args.compared is None and not first) or args.swelling is None:
        args.subparser.error(
            "with a score, give --compared better|same|worse and --swelling yes|no"
        )
    return MorningAnswer(score, args.compared or "", args.swelling == "yes", knees)


def _say_today(context: AppContext) -> None:
    """What the answer decides today, if it decides anything."""
    from itb_tui.cli.problems import say_problem
    from itb_tui.core.content.validate import ContentError
    from itb_tui.core.shell.today_line import today_summary
    from itb_tui.core.store.files import StoreError

    try:  # what the answer decides needs the content, settings and history: the log is saved
        summary = today_summary(context)
    except (ContentError, StoreError, OSError) as err:
        print("itb: the check-in is saved.", file=sys.stderr)
        say_problem(err, "what it decides today cannot be worked out")
        return
    if summary.morning_decides:
        print(summary.morning)


def run(context: AppContext, args: argparse.Namespace) -> int:
    from itb_tui.cli.red_flags import ask_after_pain
    from itb_tui.core.history.corrections import rules_note
    from itb_tui.core.history.morning_log import first_check_in, save_check_in
    from itb_tui.core.history.records import BOTH
    from itb_tui.core.plan.checkin import answer_text

    first = first_check_in(context.store, context.clock.wall().date())
    if args.score is not None or args.left is not None or args.right is not None:
        answer: MorningAnswer | None = _given(context, args, first)
    elif sys.stdin.isatty():
        answer = ask_check_in(context.settings.painful_knee == BOTH, first)
    else:
        args.subparser.error("give the answer: itb check-in SCORE --compared same --swelling no")
    if answer is None:
        return 1
    log = answer.log(context.clock.wall(), args.note.strip())
    replaced = save_check_in(context.store, log)
    swelling = "" if log.swelling else ", no swelling"
    again = f", in place of this morning's earlier answer {rules_note(log)}" if replaced else ""
    again = again.rstrip()
    print(f"Checked in: {answer_text(log)}{swelling}, at {log.at:%Y-%m-%d %H:%M}{again}.")
    ask_after_pain(context, log.score, log.swelling)
    _say_today(context)
    return 0
