"""The morning check-in, and the rule by which the next morning decides the next session.

The check-in is a pain log with context "morning": knee pain this morning (0-10), compared
with yesterday (better / same / worse) and swelling yes / no. It is due once a day; Escape
skips it for the day (``Settings.checkin_skipped``).

The rule, after the pain-monitoring model physiotherapists use for tendon and IT band rehab
(Silbernagel et al., 2007): the morning after a run or a strength session tells how the knee
took that load, whatever the hour of the load. The deciding morning is the first check-in
after the last run or strength session before today (at most ``DECIDING_DAYS`` old) while it
is unsettled and no day a run was planned has passed since (so it holds the next planned run,
not the next calendar day); otherwise the latest check-in since that load, until the next one:
  * a run is held while that morning is above the program's acceptable pain
    (``[check_in] acceptable_pain``, 0 by default: pain-free daily life, as the sources ask),
    worse than the day before (the answer "worse", or a higher score than the previous
    morning's: the worse knee's, or either knee's against its own when both knees are
    scored), or swollen;
  * a strength session is held only by a worse or swollen morning, not by the band: while
    daily pain settles, the strength work is what the program prescribes;
  * a settled morning (within the band, not worse, no swelling) lets the plan progress as
    planned.
Held items become rest days with the deciding answer as their reason; the pre- and post-run
routines go with the run.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from itb_tui.core.dates import day_text, local_date
from itb_tui.core.history.records import (
    COMPARED,
    NO_KNEES,
    Knees,
    PainLog,
    SessionRecord,
    rose,
    score_text,
    scored,
)
from itb_tui.core.plan.due import DONE, DUE, OPTIONAL, REST, DueItem
from itb_tui.core.plan.running import MIN_RUNS_TO_PROGRESS
from itb_tui.core.plan.weeks import RUN_ROUTINE, STRENGTH_PER_WEEK, done_sessions

MORNING = "morning"
# A check-in older than this no longer decides anything: the knee has had time to change.
DECIDING_DAYS = 7
# At most this many missed check-ins are named one by one.
MISSED_SHOWN = 7
# From this many days without anything done, Home says how to restart.
MISSED_NOTE_FROM = 2
# The minutes of the short strength session the restart note offers.
SHORT_OFFER = 15


@dataclass(frozen=True)
class MorningAnswer:
    """What the check-in asks: pain this morning, compared with yesterday, swelling."""

    score: int
    compared: str  # one of COMPARED; "" at the first check-in ever (no yesterday to compare)
    swelling: bool
    knees: Knees = NO_KNEES  # a score per knee, when given: ``score`` is then the worse

    def __post_init__(self) -> None:
        if not 0 <= self.score <= 10:
            raise ValueError(f"pain {self.score} is outside the scale 0-10")
        if self.compared not in ("", *COMPARED):
            raise ValueError(f"compared must be one of {', '.join(COMPARED)}")

    def log(self, at: datetime, note: str = "") -> PainLog:
        """The pain log that stores this answer."""
        score = scored(self.score, self.knees)
        return PainLog(at, score, MORNING, note, self.swelling, self.compared, self.knees)


def answer_text(log: PainLog) -> str:
    """'3/10, worse than yesterday, swelling' - the answer in a few words."""
    parts = [score_text(log.score, log.knees)]
    if log.compared:
        parts.append(
            "the same as yesterday" if log.compared == "same" else f"{log.compared} than yesterday"
        )
    if log.swelling:
        parts.append("swelling")
    return ", ".join(parts)


def mornings(pain_logs: Iterable[PainLog], today: date) -> list[PainLog]:
    """Morning check-ins up to today, oldest first."""
    found = [p for p in pain_logs if p.context == MORNING and local_date(p.at) <= today]
    return sorted(found, key=lambda p: p.at)


def morning_of(pain_logs: Iterable[PainLog], day: date) -> PainLog | None:
    """The last check-in made on ``day``, if any."""
    found = [p for p in mornings(pain_logs, day) if local_date(p.at) == day]
    return found[-1] if found else None


def checkin_due(pain_logs: Iterable[PainLog], today: date, skipped: date | None) -> bool:
    """True while today has no check-in and it was not skipped today."""
    return skipped != today and morning_of(pain_logs, today) is None


def missed_checkins(pain_logs: Iterable[PainLog], today: date, start: date | None) -> list[date]:
    """The days, counting back from yesterday, without a check-in since the last one.

    Nothing is missed before the first check-in ever (the habit had not started), nor before
    the program start.
    """
    logs = mornings(pain_logs, today - timedelta(days=1))
    if not logs:
        return []
    last = local_date(logs[-1].at)
    first_day = last if start is None else max(last, start - timedelta(days=1))
    missed = []
    day = today - timedelta(days=1)
    while day > first_day:
        missed.append(day)
        day -= timedelta(days=1)
    return sorted(missed)


def missed_text(missed: list[date]) -> str:
    """'Check-in missed on Sun 29 Nov and Mon 30 Nov: those days count as not logged'."""
    if not missed:
        return ""
    shown = [day_text(day) for day in missed[-MISSED_SHOWN:]]
    days = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
    more = f" (and {len(missed) - len(shown)} days before)" if len(missed) > len(shown) else ""
    noun = "that day is" if len(missed) == 1 else "those days are"
    return f"Check-in missed on {days}{more}: {noun} not counted as pain-free."


@dataclass(frozen=True)
class MorningVerdict:
    """The morning answer that decides the next session, and what it decides."""

    log: PainLog
    after: SessionRecord | None  # the run or strength session it answers; None: no load
    band: int
    worse: bool  # worse than the day before
    after_is_run: bool = False
    worse_knees: tuple[str, ...] = ()  # the knees scored higher than the day before

    @property
    def day(self) -> date:
        return local_date(self.log.at)

    @property
    def above_band(self) -> bool:
        return self.log.score > self.band

    @property
    def swollen(self) -> bool:
        return bool(self.log.swelling)

    @property
    def holds_run(self) -> bool:
        return self.after is not None and (self.above_band or self.worse or self.swollen)

    @property
    def holds_strength(self) -> bool:
        return self.after is not None and (self.worse or self.swollen)

    def when(self, today: date) -> str:
        """'This morning' or 'On the morning of Mon 30 Nov'."""
        if self.day == today:
            return "This morning"
        return f"On the morning of {day_text(self.day)}"

    def reasons(self, today: date) -> str:
        """What made the morning unsettled: 'worse than yesterday, above the limit of 0/10'."""
        parts = []
        if self.worse:
            knees = self.worse_knees
            which = " (both knees)" if len(knees) == 2 else "".join(f" ({k} knee)" for k in knees)
            parts.append(
                ("worse than yesterday" if self.day == today else "worse than the day before")
                + which
            )
        if self.above_band:
            parts.append(f"above the program's limit of {self.band}/10")
        if self.swollen:
            parts.append("with swelling")
        return ", ".join(parts)

    def text(self, today: date) -> str:
        """The sentence Home and readiness show: which answer decided what."""
        if self.after is None:
            return f"{self.when(today)} {answer_text(self.log)}."
        load = "run" if self.after_is_run else self.after.routine_name
        after = f"after the {load} on {day_text(local_date(self.after.started_at))}"
        if self.holds_strength:
            return self.held_reason(today, "the next run and strength session", after)
        if self.holds_run:
            return self.held_reason(today, "the next run", after)
        head = f"{self.when(today)} {answer_text(self.log)}"
        return f"{head} {after}: settled, so the plan goes on as planned."

    def held_reason(self, today: date, what: str, after: str = "") -> str:
        """'This morning 3/10, worse than yesterday: today's run is held until ...'."""
        after = f" {after}" if after else ""
        verb = "are" if " and " in what else "is"
        score = score_text(self.log.score, self.log.knees)
        return (
            f"{self.when(today)} {score}, {self.reasons(today)}{after}: "
            f"{what} {verb} held until a morning check-in is settled."
        )


def morning_verdict(
    band: int,
    sessions: Iterable[SessionRecord],
    pain_logs: Iterable[PainLog],
    today: date,
    strength_ids: Collection[str],
    alternate_days: bool = False,
) -> MorningVerdict | None:
    """The deciding morning (see the module docstring), or None when there is none.

    The first morning after the load decides the next planned run: when it is unsettled it
    stands, whatever later mornings say, until a day the run was planned has passed (the day
    after a run is not one in weeks that alternate days, ``alternate_days``).
    """
    logs = mornings(pain_logs, today)
    loads = [
        s
        for s in done_sessions(sessions, today - timedelta(days=1))
        if s.routine == RUN_ROUTINE or s.routine in strength_ids
    ]
    last_load = loads[-1] if loads else None
    if last_load is not None and (today - local_date(last_load.started_at)).days > DECIDING_DAYS:
        last_load = None  # too long ago for this morning to say how the knee took it
    since = local_date(last_load.started_at) if last_load else today - timedelta(days=1)
    since = max(since, today - timedelta(days=DECIDING_DAYS))
    after = [log for log in logs if local_date(log.at) > since]
    if not after:
        return None
    first = _answer(band, logs, after[0], last_load)
    if first.holds_run and not _run_day_passed(first, today, alternate_days):
        return first
    return _answer(band, logs, after[-1], last_load)


def _answer(
    band: int, logs: list[PainLog], deciding: PainLog, last_load: SessionRecord | None
) -> MorningVerdict:
    """What ``deciding`` says after ``last_load``: against the morning the day before."""
    previous = morning_of(logs, local_date(deciding.at) - timedelta(days=1))
    risen = rose(previous.scores(), deciding.scores()) if previous is not None else []
    worse = deciding.compared == "worse" or bool(risen)
    is_run = last_load is not None and last_load.routine == RUN_ROUTINE
    knees = tuple(key for key in risen if key != "score")
    return MorningVerdict(deciding, last_load, band, worse, is_run, knees)


def _run_day_passed(verdict: MorningVerdict, today: date, alternate_days: bool) -> bool:
    """A day from the morning's up to yesterday on which a run was planned (and so held)."""
    rest = None
    if alternate_days and verdict.after_is_run and verdict.after is not None:
        rest = local_date(verdict.after.started_at) + timedelta(days=1)
    days = (verdict.day + timedelta(days=n) for n in range((today - verdict.day).days))
    return any(day != rest for day in days)


def hold_items(
    items: list[DueItem],
    verdict: MorningVerdict | None,
    today: date,
    strength_ids: Collection[str],
    run_companions: Collection[str] = (),
) -> list[DueItem]:
    """Today's plan with the sessions the morning holds turned into rest days.

    ``run_companions`` are the pre- and post-run routines, held with the run.
    """
    if verdict is None:
        return items
    run_held = verdict.holds_run and any(
        i.kind == "run" and i.status in (DUE, OPTIONAL) for i in items
    )
    held = []
    for item in items:
        if item.status in (DONE, REST):
            held.append(item)
        elif item.kind == "run" and run_held:
            held.append(
                item._replace(status=REST, reason=verdict.held_reason(today, "today's run"))
            )
        elif item.routine_id in run_companions and run_held and item.kind == "routine":
            held.append(item._replace(status=REST, reason="No run today, so not needed."))
        elif item.routine_id in strength_ids and verdict.holds_strength:
            reason = verdict.held_reason(today, "today's strength session")
            held.append(item._replace(status=REST, reason=reason))
        else:
            held.append(item)
    return held


def days_missed(
    sessions: Iterable[SessionRecord], pain_logs: Iterable[PainLog], today: date
) -> int:
    """Days in a row before today with nothing done and nothing logged, since the last day
    with something (0 when nothing was ever done or logged)."""
    active = {local_date(s.started_at) for s in done_sessions(sessions, today)}
    active |= {local_date(p.at) for p in pain_logs}
    before = [day for day in active if day < today]
    if not before:
        return 0
    return (today - max(before)).days - 1


def restart_note(
    missed: int,
    items: Iterable[DueItem],
    run_week: int | None,
    strength: Collection[str] = (),
) -> str:
    """'2 days missed: restart with ...' from the program's rules; "" below 2 days. With a
    routine of ``strength`` due, it offers a short session of it (session/short_session.py)."""
    if missed < MISSED_NOTE_FROM:
        return ""
    items = list(items)
    due = [i.title for i in items if i.status == DUE and i.kind == "routine"]
    start = f"restart with {', '.join(due)} today" if due else "carry on with today's plan"
    text = (
        f"{missed} days missed: {start}, at the usual dose and without making up for them "
        f"(strength stays at most {STRENGTH_PER_WEEK} times a week, never two days in a row)."
    )
    if run_week is not None:
        text += (
            f" Runs go on at run week {run_week}: a week moves on after "
            f"{MIN_RUNS_TO_PROGRESS} pain-free runs."
        )
    short = [i for i in items if i.status == DUE and i.routine_id in strength]
    if short:
        text += (
            f" Short of time? A shorter {short[0].title} keeps the key exercises "
            f"(m on Home, or itb start {short[0].routine_id} --minutes {SHORT_OFFER})."
        )
    return text


def parse_answer(
    text: str, per_knee: bool = False
) -> tuple[int | None, str | None, bool | None, dict[str, int]]:
    """'2 s n', '2sn', '10 worse yes' -> (score, compared, swelling, knees); None where not
    given. With ``per_knee``, 'L2 R3 s n' scores each knee: knees {'left': 2, 'right': 3}.

    Raises ValueError naming the first part that is not understood.
    """
    words = {"b": "better", "s": "same", "w": "worse"}
    yes_no = {"y": True, "yes": True, "n": False, "no": False}
    score: int | None = None
    compared: str | None = None
    swelling: bool | None = None
    knees: dict[str, int] = {}
    for token in re.findall(r"[lr]\d+|\d+|[a-z]+", text.lower()):
        if token[0] in "lr" and token[1:].isdigit():
            knee = "left" if token[0] == "l" else "right"
            if not per_knee or int(token[1:]) > 10 or knee in knees:
                raise ValueError(f"'{token}' is not a score for one knee (both knees hurt: L2 R3)")
            knees[knee] = int(token[1:])
        elif token.isdigit():
            if int(token) > 10 or score is not None:
                raise ValueError(f"'{token}' is not a pain score from 0 to 10")
            score = int(token)
        elif compared is None and (token in words or token in COMPARED):
            compared = words.get(token, token)
        elif token in yes_no and swelling is None:
            swelling = yes_no[token]
        elif compared is None and len(token) == 2 and token[0] in words and token[1] in yes_no:
            compared, swelling = words[token[0]], yes_no[token[1]]
        else:
            raise ValueError(f"'{token}' is not b/s/w (better, same, worse) or y/n (swelling)")
    return score, compared, swelling, knees
