"""A correction in History never lessens pain for the rules.

Pain holds running and weight-bearing work until it settles (001: no running through pain;
swelling at the outside of the knee is a warning sign). So when a saved pain log or session
rating is edited lower, or swelling is taken back, the entry keeps the highest score it held
(each knee's too) and the "yes" to swelling in ``highest`` (records.Highest), and the rules read
the entry at that height (``ruled``). History shows both. Raising a score or adding swelling
takes effect at once, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from itb_tui.core.history.records import (
    NO_KNEES,
    SIDES,
    Highest,
    Knees,
    MonthHistory,
    PainLog,
    SessionRecord,
    score_text,
)

SOURCE = "001"  # pain holds running: no running through pain, swelling a warning sign


@dataclass(frozen=True)
class Rated:
    """What an entry says of pain: a score (None: a session not rated), each knee's, the
    swelling answer, and what a correction kept."""

    score: int | None
    knees: Knees = NO_KNEES
    swelling: bool | None = None
    highest: Highest | None = None

    @classmethod
    def of(cls, entry: PainLog | SessionRecord) -> Rated:
        if isinstance(entry, PainLog):
            return cls(entry.score, entry.knees, entry.swelling, entry.highest)
        return cls(entry.pain_after, entry.pain_after_knees, entry.swelling, entry.highest)

    def ruled(self) -> Rated:
        """As the rules read it: at its highest, with a yes to swelling once given."""
        kept = self.highest
        if not kept:
            return self
        knees = Knees(*(_top(getattr(self.knees, k), getattr(kept.knees, k)) for k in SIDES))
        score = _top(self.score, kept.score, knees.worse)
        if knees and knees.worse != score:  # a higher single score: the knees cannot say it
            knees = NO_KNEES
        return Rated(score, knees, True if kept.swelling else self.swelling)

    @property
    def painful(self) -> bool:
        """Pain the rules read: a score above 0, or a yes to swelling."""
        ruled = self.ruled()
        return bool(ruled.score) or bool(ruled.swelling)

    def text(self) -> str:
        """'8/10', 'L 8 / R 2', 'not rated'."""
        return "not rated" if self.score is None else score_text(self.score, self.knees)


def _top(*values: int | None) -> int | None:
    given = [value for value in values if value is not None]
    return max(given) if given else None


def worst(entries: Iterable[PainLog | SessionRecord]) -> Rated:
    """The worst of ``entries`` as the rules read each: the highest score, each knee's, and a
    yes to swelling if any had one (a check-in answered again replaces all of the day's)."""
    ruled = [Rated.of(entry).ruled() for entry in entries]
    knees = Knees(*(_top(*(getattr(r.knees, k) for r in ruled)) for k in SIDES))
    return Rated(_top(*(r.score for r in ruled)), knees, any(r.swelling for r in ruled))


def kept_highest(before: Rated, after: Rated) -> Highest | None:
    """What ``after`` (a correction of ``before``) keeps of it for the rules: whatever of
    ``before`` (read at its highest) is above ``after``; None when nothing is."""
    was = before.ruled()
    floor = after.score if after.score is not None else -1
    score = was.score if was.score and was.score > floor else None
    knees = {}
    for knee, value in was.knees.items():
        now = getattr(after.knees, knee)
        if value and value > (floor if now is None else now):
            knees[knee] = value
    swelling = bool(was.swelling) and not after.swelling
    return Highest(score, Knees(**knees), swelling) or None


def lowers(before: Rated, after: Rated) -> str:
    """What the dialog says before a correction that lowers ``before`` is saved ('' when it
    does not): the rules go by what was saved."""
    kept = kept_highest(before, after)
    if kept is None:
        return ""
    return (
        f"Lower than before: for the rules this entry stays at {_rules_words(before, after)}, "
        f"as pain holds running until it settles ({SOURCE}). The change and your note are kept."
    )


def _rules_words(before: Rated, after: Rated) -> str:
    """What the rules read of ``after`` with what it keeps of ``before``."""
    return _words(replace(after, highest=kept_highest(before, after)).ruled())


def _words(ruled: Rated) -> str:
    """'8/10', '8/10 with swelling', 'swelling' (an entry as the rules read it)."""
    score = ruled.text() if ruled.score else ""
    swelling = "swelling" if ruled.swelling else ""
    return " with ".join(part for part in (score, swelling) if part) or ruled.text()


def rules_note(entry: PainLog | SessionRecord) -> str:
    """'(logged as 8/10 before: the rules go by 8/10)', said beside a corrected entry's
    score; '' for any other entry."""
    rated = Rated.of(entry)
    kept = rated.highest
    if not kept:
        return ""
    ruled = rated.ruled()
    parts = []
    if ruled.score != rated.score or ruled.knees != rated.knees:
        parts.append(f"logged as {ruled.text()} before: the rules go by {ruled.text()}")
    if kept.swelling:
        parts.append("swelling answered yes before: the rules go by the yes")
    return f"({'; '.join(parts)})" if parts else ""


def rules_mark(entry: PainLog | SessionRecord) -> str:
    """', rules 8' for a History row of a corrected entry (', rules: swelling', ', rules 8 +
    swelling'; '' for any other entry): short, for the list's narrow pain column."""
    rated = Rated.of(entry)
    if not rated.highest:
        return ""
    ruled = rated.ruled()
    said = "rules"
    if ruled.score != rated.score:
        said += f" {ruled.score}"
    elif ruled.knees != rated.knees:
        said += f" {ruled.knees.text()}"
    if rated.highest.swelling:
        said += " + swelling" if said != "rules" else ": swelling"
    return f", {said}"


def ruled_log(log: PainLog) -> PainLog:
    """``log`` as the rules read it (itself when nothing was lowered)."""
    if not log.highest:
        return log
    ruled = Rated.of(log).ruled()
    return replace(log, score=ruled.score or 0, knees=ruled.knees, swelling=ruled.swelling)


def ruled_session(session: SessionRecord) -> SessionRecord:
    """``session`` with its rating and swelling answer as the rules read them."""
    if not session.highest:
        return session
    ruled = Rated.of(session).ruled()
    return replace(
        session, pain_after=ruled.score, pain_after_knees=ruled.knees, swelling=ruled.swelling
    )


def _any_kept(entries: Iterable[PainLog | SessionRecord]) -> bool:
    return any(entry.highest for entry in entries)


def ruled(history: MonthHistory) -> MonthHistory:
    """``history`` as the rules read it: every corrected entry at its highest (the same
    object when none was corrected)."""
    if not (_any_kept(history.sessions) or _any_kept(history.pain_logs)):
        return history
    return replace(
        history,
        sessions=[ruled_session(s) for s in history.sessions],
        pain_logs=[ruled_log(log) for log in history.pain_logs],
    )


def refusal(log: PainLog) -> str:
    """Why ``log`` cannot be deleted ('' when it can): it holds pain the rules read."""
    rated = Rated.of(log)
    if not rated.painful:
        return ""
    what = _words(rated.ruled())
    return (
        f"This pain log holds pain ({what}), and pain holds running until it settles "
        f"({SOURCE}), so it stays in your history. You can edit its note to say what was "
        "wrong, or ask a clinician, who can set your run week (w on the return-to-running "
        "screen)."
    )
