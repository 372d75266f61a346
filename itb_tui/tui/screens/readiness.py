"""Return to running: the readiness checklist, the run week and its target, warning signs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from itb_tui.core.content.program import Program, RunWeek
from itb_tui.core.dates import day_text, local_date
from itb_tui.core.history.records import RunDecision
from itb_tui.core.plan.verdict import PAUSED, Verdict, offers_run
from itb_tui.core.text import shown_note
from itb_tui.tui.keys import bindings
from itb_tui.tui.messages import OpenPlace, SetRunWeek, StartReadinessTest, StartRun
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import literal
from itb_tui.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:  # the shapes only: the screen shows the verdict and decides nothing
    from itb_tui.core.plan.running import RunAccess, RunStage
    from itb_tui.core.plan.signs import Found
    from itb_tui.core.plan.weeks import Readiness


def row(label: str | Content, value: str | Content, kind: str) -> Horizontal:
    """A label column and a value that wraps under itself; ``kind`` sets the label width.

    Plain strings are shown as they are (content text may hold square brackets).
    """
    return Horizontal(
        Static(literal(label) if isinstance(label, str) else label, classes=f"rr-label -{kind}"),
        Static(literal(value) if isinstance(value, str) else value, classes="rr-value"),
        classes="rr-row",
    )


def checklist(readiness: Readiness) -> list[Horizontal]:
    """One row per check, '[x]' or '[ ]' (not colour alone), with its evidence."""
    return [
        row(
            Content.styled(
                "[x]" if check.met else "[ ]", "bold $text-success" if check.met else "bold"
            ),
            Content.assemble((check.name, "bold"), "\n", (check.evidence, "dim")),
            "mark",
        )
        for check in readiness.checks
    ]


def target_text(target: RunWeek) -> str:
    """'3 runs of 20-30 min, every other day; last run of the week 30-35 min if pain-free'."""
    low, high = target.minutes
    text = f"{target.runs_per_week} runs of {low}-{high} min"
    if target.alternate_days:
        text += ", every other day"
    if target.has_long_run:
        long_low, long_high = target.long_run_minutes
        text += f"; last run of the week {long_low}-{long_high} min if the week is pain-free"
    return text


def stage_rows(stage: RunStage, program: Program) -> list[Widget]:
    """The run week, its target, today, the weekly cap, hills and track, and the week's notes."""
    rtr = program.return_to_running
    target = stage.target
    pct = rtr.max_weekly_increase_pct
    if stage.max_weekly_minutes is not None:
        cap = f"at most {stage.max_weekly_minutes} min in total (last week + {pct} %)"
    else:
        cap = f"the target above; from run week {len(rtr.weeks)}, at most {pct} % more a week"
    hills = (
        f"allowed (from run week {rtr.hills_and_track_from_week})"
        if stage.hills_and_track
        else f"locked until run week {rtr.hills_and_track_from_week}: flat, easy running only"
    )
    so_far = f"{stage.runs_this_week} of {target.runs_per_week} runs, {stage.minutes_this_week} min"
    rows: list[Widget] = [
        Static(Content.styled(f"Run week {stage.week}", "bold $accent"), classes="rr-heading"),
        row("Why", stage.evidence, "key"),
        row("Target", target_text(target), "key"),
        row("This week", so_far, "key"),
        row("Today", ("Rest day: " if stage.rest_today else "") + stage.today_text, "key"),
        row("Weekly cap", cap, "key"),
        row("Hills, track", hills, "key"),
    ]
    notes = rtr.week(stage.week).notes
    if notes:
        same = target.week == stage.week
        title = "Notes for this week" if same else f"Notes (as for run week {target.week})"
        rows.append(Static(Content.styled(title, "bold"), classes="rr-heading"))
        rows += [row("-", note, "bullet") for note in notes]
    return rows


def sign_rows(signs: list[Found]) -> list[Widget]:
    """Each warning sign found: its name, the evidence and what to change."""
    heading = Content.styled("Warning signs in the last two weeks", "bold $text-warning")
    rows: list[Widget] = [Static(heading, classes="rr-heading")]
    for found in signs:
        text = Content.assemble(
            (found.sign.name, "bold"),
            "\n",
            (found.evidence, "dim"),
            "\n",
            ("What to change: ", "italic"),
            found.sign.what_to_change,
        )
        rows.append(row(Content.styled("!", "bold $text-warning"), text, "bullet"))
    return rows


def decision_text(decision: RunDecision) -> str:
    """'Run week 3 set by you on Mon 23 Nov: physio says go'."""
    day = day_text(local_date(decision.at))
    text = f"{decision.describe().capitalize()} by you on {day}"
    return f"{text}: {shown_note(decision.note)}" if decision.note else text


def form_rows(program: Program) -> list[Widget]:
    """The running-form tips: stride, cadence, where to land, which ground, downhills."""
    if not program.form_tips:
        return []
    heading = Static(Content.styled("Running form", "bold"), classes="rr-heading")
    return [heading, *(row("-", tip, "bullet") for tip in program.form_tips)]


class ReadinessScreen(Screen[None]):
    """Shows what it is given; `r` asks for a guided run, `f` for the red flags, `w` to set the
    run week by hand."""

    BINDINGS = bindings("readiness")

    def __init__(self, verdict: Verdict, program: Program, morning: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.program = program
        self.show(verdict, morning)

    def show(self, verdict: Verdict, morning: tuple[str, ...] = ()) -> None:
        """Take the day's verdict to show (and show it again once shown)."""
        self.verdict = verdict
        self.morning = morning  # what the morning check-in decided, missed check-ins
        overview = verdict.overview
        self.readiness = overview.readiness
        self.stage = overview.stage
        self.signs = overview.signs
        self.access: RunAccess | None = overview.access  # for the decisions by hand
        if self.is_mounted:
            self.refresh_bindings()
            self.call_later(self.recompose)

    @property
    def paused(self) -> bool:
        return self.verdict.run.status == PAUSED

    @property
    def can_run(self) -> bool:
        """r is offered: a run the verdict allows, or one it asks about first (rest, held by
        the morning, done already); never while locked, paused or held by a red flag."""
        return offers_run(self.verdict.run)

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        with VerticalScroll(id="readiness"):
            yield Static("[b]Return to running[/b]", id="rr-title")
            yield Static(self._status(), id="rr-status")
            if self.access is not None and self.access.decision is not None:
                yield row("By hand", decision_text(self.access.decision), "key")
            yield from checklist(self.readiness)
            yield from (row("Morning", line, "key") for line in self.morning)
            if self.stage is not None:
                yield from stage_rows(self.stage, self.program)
            if self.signs:
                yield from sign_rows(self.signs)
            yield from form_rows(self.program)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#readiness").focus()

    def _status(self) -> Content:
        rtr = self.program.return_to_running
        met = sum(check.met for check in self.readiness.checks)
        total = len(self.readiness.checks)
        if self.paused:
            return Content.assemble(
                ("Paused: ", "bold $text-warning"),
                "no run is planned until you resume running (w).",
            )
        if self.readiness.ready:
            return Content.assemble(
                ("Ready: ", "bold $text-success"),
                f"all {total} checks met. Press r for a guided run.",
            )
        if self.stage is not None:  # started, so it goes on whatever today's checks say
            return Content.assemble(
                ("Running: ", "bold $text-success"),
                f"started, and it goes on (a warning sign steps back a week); {met} of {total} "
                "checks met today. r starts a guided run.",
            )
        low, high = rtr.typical_start_weeks
        text = f"{met} of {total} checks met; running starts when all are met "
        text += f"(most people start in weeks {low}-{high})."
        due = self.readiness.next_test
        name = next((c.name for c in self.readiness.checks if due and c.test == due), "")
        if name:
            text += f" t starts the next test: {name}."
        return Content.assemble(("Not yet: ", "bold $text-warning"), text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start_run":
            return self.can_run  # hidden while running is locked
        if action == "start_test":
            return bool(self.readiness.next_test)  # hidden while no test is due
        return True

    def action_start_test(self) -> None:
        if self.readiness.next_test:
            self.post_message(StartReadinessTest())

    def action_start_run(self) -> None:
        if self.can_run:
            self.post_message(StartRun())

    def action_red_flags(self) -> None:
        self.post_message(OpenPlace("red_flags"))

    def action_run_week(self) -> None:
        self.post_message(SetRunWeek())
