"""Home: today's plan first (what is due and why), then every routine."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive, var
from textual.screen import Screen
from textual.widgets import Static

from itb_tui.core.content.library import Library, Routine
from itb_tui.core.plan.due import DONE, DUE, OPTIONAL, REST, DueItem
from itb_tui.core.records import record
from itb_tui.tui.keys import bindings
from itb_tui.tui.messages import (
    AcceptHint,
    HomeShown,
    OpenPlace,
    ShowUnreadable,
    StartReadinessTest,
    StartRoutine,
)
from itb_tui.tui.text import lines, literal, markup
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.legend import legend_markup
from itb_tui.tui.widgets.pick_list import RULE, Pick, PickList

if TYPE_CHECKING:
    from itb_tui.core.content.program import Phase
    from itb_tui.core.plan.next_test import DueTest
    from itb_tui.core.plan.overview import Overview
    from itb_tui.core.plan.progress import Hint

STATUS_MARKS = {
    DUE: ("[ ]", "bold"),
    DONE: ("[x]", "green"),
    REST: ("---", "dim"),
    OPTIONAL: ("( )", ""),
}


@record(eq=False)
class HomeState:
    """What Home shows besides the routines: today's plan, the day each routine was last done,
    the history files Today had to leave out and the progression hints taken since the app
    opened (they stay where they were, marked taken); the app sets a new one per refresh."""

    overview: Overview | None = None
    today: date = field(default_factory=date.today)
    last_done: Mapping[str, date] = field(default_factory=dict)
    unreadable: Sequence[str] = ()
    taken_hints: Sequence[Hint] = ()

    def hint_rows(self, order: Sequence[str]) -> list[tuple[Hint, bool]]:
        """(hint, taken) for each hint on Home, in the exercises' ``order``: a hint taken
        keeps its place, so the line under the cursor stays the one just taken."""
        if self.overview is None:
            return []
        taken = {hint.exercise_id: hint for hint in self.taken_hints}
        rows = [(h, False) for h in self.overview.hints if h.exercise_id not in taken]
        rows += [(h, True) for h in taken.values()]
        place = {exercise_id: n for n, exercise_id in enumerate(order)}
        return sorted(rows, key=lambda row: place.get(row[0].exercise_id, len(place)))


def ago(day: date | None, today: date) -> str:
    """'today', 'yesterday', '3 days ago', 'not yet'."""
    if day is None:
        return "not yet"
    days = (today - day).days
    return {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")


def _header(text: str) -> Pick:
    return Pick(Content.styled(text, "bold reverse"))


def _item_label(item: DueItem) -> Content:
    if item.kind == "advice":
        return Content.assemble(("  i ", "cyan"), (item.title, "italic"))
    mark, style = STATUS_MARKS.get(item.status, ("   ", ""))
    return Content.assemble((f"{mark} ", style), (item.title, style or "bold"))


def _morning_options(overview: Overview) -> list[Pick]:
    """The check-in first when it is due, what the morning decided, the missed-days note."""
    options = []
    if overview.checkin_due:
        label = Content.assemble(("[ ] ", "bold"), ("Morning check-in", "bold"))
        options.append(Pick(label, "checkin"))
    morning = overview.morning
    if morning is not None:
        from itb_tui.core.history.records import score_text  # loaded with the morning already

        held = " - held" if morning.holds_run or morning.holds_strength else ""
        label = Content.assemble(
            ("  i ", "cyan"), f"Morning {score_text(morning.log.score, morning.log.knees)}{held}"
        )
        options.append(Pick(label, "morning"))
    if overview.restart_note:
        days = overview.restart_note.split(":", 1)[0]
        options.append(Pick(Content.assemble(("  i ", "cyan"), days), "restart"))
    return options


def morning_detail(overview: Overview, kind: str, today: date) -> Content:
    """The panel for the check-in line, the morning's decision or the missed-days note."""
    from itb_tui.core.plan.checkin import missed_text

    if kind == "restart":
        return Content.assemble(("Back after a break\n", "bold"), overview.restart_note)
    if kind == "function":
        return Content.assemble(
            ("Function score\n", "bold"), overview.function_due, "\n\nPress Enter to rate it here."
        )
    missed = missed_text(overview.missed_checkins)
    if kind == "morning" and overview.morning is not None:
        head = Content.styled("Morning check-in\n", "bold")
        return Content.assemble(head, overview.morning.text(today), f"\n\n{missed}".rstrip())
    return Content.assemble(
        ("Morning check-in\n", "bold"),
        "How is your knee this morning? A digit for the pain, b/s/w for better, the same or "
        "worse than yesterday, y/n for swelling, then Enter: a few seconds. After a run or a "
        "strength session it decides whether the next one goes ahead, and a check-in at 0 "
        "counts as a pain-free day for the return to running.",
        f"\n\n{missed}".rstrip(),
        "\n\nPress Enter (or c) to check in.",
    )


def banner_text(read_only: bool) -> str:
    marker = "[reverse] read-only [/reverse] " if read_only else ""
    return (
        f"{marker}[b]itb-tui[/b], an IT band rehab coach. Not medical advice: stop if pain "
        "is sharp, see a physiotherapist if it persists. [b]?[/b] help"
    )


class Banner(Static):
    """One line of title and notice instead of a Header (Home opens with the app), marked
    when this copy may only read."""

    read_only: var[bool] = var(False, init=False)

    def watch_read_only(self, read_only: bool) -> None:
        self.update(banner_text(read_only))


class HomeScreen(Screen[None]):
    """Pick what to do; Enter starts it."""

    AUTO_FOCUS = "#routines"

    BINDINGS = bindings("home")

    FOOTER_KEEP = ("start", "quit", "help")  # kept in view on a narrow screen

    state: var[HomeState] = var(HomeState, always_update=True)  # set once per refresh
    read_only: reactive[bool] = reactive(False)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self._detail_of: str | None = None  # the option whose detail the panel shows

    def compose(self) -> ComposeResult:
        yield Banner(banner_text(self.read_only), id="disclaimer").data_bind(HomeScreen.read_only)
        # The list and the panel start filled, so the first frame needs no second layout.
        options = PickList(*self._options(), id="routines")
        first = options.highlighted_pick
        self._detail_of = first.id if first is not None else None
        with Horizontal(id="home-body"):
            yield options
            with VerticalScroll(id="routine-detail-scroll"):
                detail = self._panel(self._detail_of) if self._detail_of else literal("")
                yield Static(detail, id="routine-detail")
        yield KeysFooter()

    def _today_options(self) -> list[Pick]:
        overview = self.state.overview
        if overview is None:
            return []
        options = [_header(f" Today - program week {overview.week} ")]
        for n, path in enumerate(self.state.unreadable):
            label = Content.assemble(
                ("  ! ", "bold red"), (f"{Path(path).name} could not be read", "red")
            )
            options.append(Pick(label, f"unreadable:{n}"))
        improvement = overview.improvement is not None and overview.improvement.flagged
        if overview.red_flags or improvement:
            options.append(Pick(Content.styled("! See a professional (f)", "bold red"), "flags"))
        options += _morning_options(overview)
        advice_titles: list[str] = []
        for n, item in enumerate(overview.items):
            if item.kind == "advice":  # one line per group of advice
                if item.title in advice_titles:
                    continue
                advice_titles.append(item.title)
            options.append(Pick(_item_label(item), f"today:{n}"))
        test = overview.test_due
        if test is not None:  # the readiness test next, while only the tests are left
            mark, style = STATUS_MARKS[test.status]
            options.append(
                Pick(Content.assemble((f"{mark} ", style), (test.title, style or "bold")), "test")
            )
        for n, phase in enumerate(overview.phases):  # the phases without advice lines in Today
            if phase.name not in advice_titles:
                label = Content.assemble(("  i ", "cyan"), (phase.name, "italic"))
                options.append(Pick(label, f"phase:{n}"))
        for n, (hint, taken) in enumerate(self._hint_rows()):
            if taken:
                label = Content.assemble(("  + ", "dim"), (f"Progress: {hint.name} - taken", "dim"))
            else:
                label = Content.assemble(("  + ", "green"), f"Progress: {hint.name}")
            options.append(Pick(label, f"hint:{n}"))
        for n, found in enumerate(overview.signs):
            label = Content.assemble(("  ! ", "yellow"), (found.sign.name, "yellow"))
            options.append(Pick(label, f"sign:{n}"))
        if overview.function_due:  # the verdict's note, after the day's plan
            options.append(
                Pick(Content.assemble(("  i ", "cyan"), "Function score due"), "function")
            )
        options.append(RULE)
        return options

    def _hint_rows(self) -> list[tuple[Hint, bool]]:
        return self.state.hint_rows(list(self.library.exercises))

    def _options(self) -> list[Pick]:
        options = self._today_options()
        options.append(_header(" All routines "))
        last_done, today = self.state.last_done, self.state.today
        for routine in self.library.routines.values():
            last = ago(last_done.get(routine.id), today)
            label = Content.assemble(
                (f"{routine.name}", "bold"),
                f"  ~{routine.estimated_minutes()} min\n",
                (f"  {routine.category}, last: {last}", "dim"),
            )
            options.append(Pick(label, f"routine:{routine.id}"))
        return options

    def _fill(self) -> None:
        """Put today's plan and the routines in the list in one go, keeping the highlight."""
        options = self.query_one(PickList)
        self._detail_of = None  # the same entry may now say something else
        options.set_picks(self._options(), highlight=options.highlighted)

    def on_screen_resume(self) -> None:
        self.post_message(HomeShown())

    def watch_state(self) -> None:
        if self.is_mounted:
            self._fill()

    def _panel(self, option_id: str) -> Content:
        """The entry's detail; under one of Today's entries, what their marks mean too."""
        detail = self._detail(option_id)
        if option_id.startswith("routine:"):
            return detail
        return lines([detail, "", Content.from_markup(legend_markup())])

    def on_pick_list_highlighted(self, _event: PickList.Highlighted) -> None:
        # The entry lit now, not the message's: the list may have been refilled since.
        pick = self.query_one(PickList).highlighted_pick
        if pick is not None and pick.id and pick.id != self._detail_of:
            self._detail_of = pick.id
            self.query_one("#routine-detail", Static).update(self._panel(pick.id))

    def _held(self, routine_id: str) -> tuple[str, ...]:
        """The exercises of ``routine_id`` held today (high pain, a red flag)."""
        overview = self.state.overview
        held = overview.held_exercises.get(routine_id) if overview is not None else None
        return held.ids if held is not None else ()

    def _detail(self, option_id: str) -> Content:
        kind, _, key = option_id.partition(":")
        overview = self.state.overview
        if kind == "routine":
            return routine_detail(self.library.routines[key], self._held(key))
        if overview is None:
            return literal("")
        if kind == "unreadable":
            return markup(
                "[b][red]A history file could not be read[/red][/b]\n$path\n\n"
                "Today is worked out without it; the file is left as it is. "
                "Press Enter for what can be done (restore its backup, if there is one).",
                path=self.state.unreadable[int(key)],
            )
        if kind == "flags":
            return flags_detail(overview)
        if kind == "phase":
            return phase_detail(overview.phases[int(key)], overview)
        if kind in ("checkin", "morning", "restart", "function"):
            return morning_detail(overview, kind, self.state.today)
        if kind == "hint":
            hint, taken = self._hint_rows()[int(key)]
            if taken:
                return markup(
                    "[b]Progression taken: $name[/b]\n$suggestion\n\nIt is shown in the "
                    "exercise from now on. Settings (s) can take it back.",
                    name=hint.name,
                    suggestion=hint.suggestion,
                )
            return markup(
                "[b]Ready to progress: $name[/b]\n$evidence\n\nNext step: $suggestion\n\n"
                "Press Enter to take this step: it is shown in the exercise from now on.",
                name=hint.name,
                evidence=hint.evidence,
                suggestion=hint.suggestion,
            )
        if kind == "test" and overview.test_due is not None:
            return test_detail(overview.test_due)
        if kind == "sign":
            found = overview.signs[int(key)]
            return markup(
                "[b][yellow]Warning sign: $name[/yellow][/b]\n$evidence\n\n$change",
                name=found.sign.name,
                evidence=found.evidence,
                change=found.sign.what_to_change,
            )
        item = overview.items[int(key)]
        phase = next((p for p in overview.phases if p.name == item.title), None)
        if item.kind == "advice" and phase is not None:
            return phase_detail(phase, overview)
        if item.kind == "advice":
            reasons = "\n".join(f"- {i.reason}" for i in overview.items if i.title == item.title)
            return markup("[b]$title[/b]\n$reasons", title=item.title, reasons=reasons)
        text = markup("[b]$title[/b]\n$reason", title=item.title, reason=item.reason)
        routine = self.library.routines.get(item.routine_id)
        if item.kind == "routine" and routine is not None:
            text += Content("\n\n") + routine_detail(routine, self._held(routine.id))
        elif item.kind == "run":
            text += "\n\nPress Enter (or r) for the return-to-running screen and a guided run."
        return text

    def on_pick_list_selected(self, _event: PickList.Selected) -> None:
        self.action_start()

    def action_start(self) -> None:
        pick = self.query_one(PickList).highlighted_pick
        if pick is not None and pick.id:
            self._choose(pick.id)

    def _choose(self, option_id: str) -> None:
        kind, _, key = option_id.partition(":")
        overview = self.state.overview
        if kind == "routine":
            self.post_message(StartRoutine(key))
        elif kind == "flags":
            self.post_message(OpenPlace("red_flags"))
        elif kind == "checkin":
            self.post_message(OpenPlace("check_in"))
        elif kind == "function":
            self.post_message(OpenPlace("function_score"))
        elif kind == "unreadable":
            self.post_message(ShowUnreadable(int(key)))
        elif kind == "test" and overview is not None and overview.test_due is not None:
            due = overview.test_due.status == DUE  # started as t on the return-to-running screen
            self.post_message(StartReadinessTest() if due else OpenPlace("readiness"))
        elif kind == "hint" and overview is not None:
            hint, taken = self._hint_rows()[int(key)]
            if taken:  # a second press on the line just taken
                self.notify(f"{hint.name}: taken already. Settings (s) can take it back.")
            else:
                self.post_message(AcceptHint(hint.exercise_id, step=1))
        elif kind == "today" and overview is not None:
            item = overview.items[int(key)]
            if item.kind == "run":
                self.post_message(OpenPlace("readiness"))
            elif item.kind == "routine" and item.routine_id in self.library.routines:
                self.post_message(StartRoutine(item.routine_id))


def phase_detail(phase: Phase, overview: Overview) -> Content:
    """A phase of the program: its goal, its advice and what not to do."""
    current = ", ".join(p.name for p in overview.phases) or "ongoing"
    parts: list[Content | str] = [
        markup("[b]$name[/b] ($weeks)", name=phase.name, weeks=phase.weeks_text()),
        markup("[dim]This week: $current[/dim]", current=current),
        "",
        markup("[b]Goal:[/b] $goal", goal=phase.goal),
    ]
    if phase.advice:
        parts += ["", markup("[b]What to do[/b]"), *(f"- {text}" for text in phase.advice)]
    if phase.avoid:
        parts += ["", markup("[b]What not to do[/b]"), *(f"x {text}" for text in phase.avoid)]
    return lines(parts)


def test_detail(test: DueTest) -> Content:
    """The readiness test line's panel: the test, where it stands, and what Enter does."""
    if test.status == DUE:
        then = "Press Enter to start it (t on the return-to-running screen does the same)."
    else:
        then = "Press Enter for the return-to-running screen and every check."
    return markup(
        "[b]$title[/b]\n$reason\n\nRunning starts once every readiness test passes: the other "
        "checks are met.\n\n$then",
        title=test.title,
        reason=test.reason,
        then=then,
    )


def flags_detail(overview: Overview) -> Content:
    """Why Home says to see a professional: the red flags standing, no improvement."""
    parts: list[Content | str] = []
    if overview.red_flags:
        parts += [markup("[b]Red flags you ticked[/b]"), *(f"- {t}" for t in overview.red_flags)]
        parts += [
            "",
            "See a physiotherapist or doctor. Runs are held until you untick them "
            "(after a professional has seen the knee).",
            "",
        ]
    if overview.improvement is not None and overview.improvement.flagged:
        parts += [
            markup("[b]Pain has not improved[/b]"),
            overview.improvement.evidence,
            "",
            "After weeks of consistent rehab this is a reason to see a physiotherapist or doctor.",
            "",
        ]
    parts.append("Press Enter or f for the red-flag checklist.")
    return lines(parts)


def routine_detail(routine: Routine, held: Collection[str] = ()) -> Content:
    """The right-hand panel: what the routine is and each exercise's dose ('held today' for
    the exercises in ``held``, which a session of it leaves out today)."""
    head = markup(
        "[b]$name[/b]  ~$minutes min", name=routine.name, minutes=routine.estimated_minutes()
    )
    parts: list[Content | str] = [head, routine.description, ""]
    for number, exercise in enumerate(routine.items, 1):
        dose = "held today" if exercise.id in held else exercise.dose_text()
        parts.append(f"{number}. {exercise.name} - {dose}")
    if routine.origin != "shipped":
        parts += ["", Content.styled("From your own content file.", "dim")]
    return lines(parts)
