"""``itb psfs``: the function score (history/function_scale.py) from the shell.

With ratings as arguments ('running 5 km=3' 'stairs=6') it saves them; with none, in a
terminal, it asks: the activities rated last time first, then, the first time, up to three
new ones. ``--show`` prints the ratings so far and each activity's change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from itb_tui.core.history.function_scale import changes, summary_lines
from itb_tui.core.history.records import ACTIVITY_LIMIT, MAX_ACTIVITIES, FunctionScore

Ask = Callable[[str], str]  # input(): a prompt in, the reply out; EOFError ends it
SCALE = "0 = you cannot do it, 10 = as well as before the knee trouble"


def parse_rating(text: str) -> tuple[str, int]:
    """'running 5 km=3' -> ('running 5 km', 3); ValueError says what is wrong."""
    name, sep, value = text.rpartition("=")
    name = " ".join(name.split())
    if not sep or not name:
        raise ValueError(f"'{text}': give an activity and its rating, e.g. 'stairs=6'")
    if len(name) > ACTIVITY_LIMIT:
        raise ValueError(f"'{name[:20]}...': at most {ACTIVITY_LIMIT} characters")
    return name, _score(value)


def _score(value: str) -> int:
    value = value.strip()
    if not value.isdigit() or int(value) > 10:
        raise ValueError(f"'{value}' is not a rating from 0 to 10 ({SCALE})")
    return int(value)


def _ask_score(ask: Ask, name: str, say: Callable[[str], None]) -> int | None:
    """A rating for ``name``; None when left empty."""
    while True:
        reply = ask(f"  {name}, 0-10 (Enter: leave it out): ").strip()
        if not reply:
            return None
        try:
            return _score(reply)
        except ValueError as err:
            say(f"  {err}")


def ask_ratings(
    previous: FunctionScore | None, ask: Ask, say: Callable[[str], None]
) -> list[tuple[str, int]]:
    """The ratings typed in answer to the questions; raises EOFError when input ends."""
    say(f"How well can you do each of these now? {SCALE}.")
    ratings: list[tuple[str, int]] = []
    names = [name for name, _ in previous.ratings] if previous is not None else []
    for name in names:
        score = _ask_score(ask, name, say)
        if score is not None:
            ratings.append((name, score))
    if previous is None:
        say("Name up to three things your knee stops you doing or makes hard,")
        say("e.g. running 5 km, stairs, cycling to work. Enter on an empty line when done.")
    while len(ratings) < MAX_ACTIVITIES and (previous is None or not ratings):
        name = " ".join(ask(f"Activity {len(ratings) + 1}: ").split())
        if not name:
            break
        if len(name) > ACTIVITY_LIMIT:
            say(f"  at most {ACTIVITY_LIMIT} characters")
            continue
        score = _ask_score(ask, name, say)
        if score is not None:
            ratings.append((name, score))
    return ratings


def saved_text(score: FunctionScore, scores: Sequence[FunctionScore]) -> str:
    """What was saved and, after the first time, each activity's change."""
    lines = [f"Saved: {', '.join(f'{n} {v}' for n, v in score.ratings)} ({score.at:%Y-%m-%d})."]
    if len(scores) > 1:
        lines += [f"  {change.text()}" for change in changes(scores)]
    return "\n".join(lines)


def show_text(scores: Sequence[FunctionScore]) -> str:
    if not scores:
        return "No function score yet: itb psfs asks for one."
    return "\n".join(summary_lines(scores))


def make_score(at: datetime, ratings: Sequence[tuple[str, int]]) -> FunctionScore:
    """The score to save; ValueError when there is nothing to save or an activity repeats."""
    if not ratings:
        raise ValueError("nothing rated, nothing saved")
    return FunctionScore(at, tuple(ratings))
