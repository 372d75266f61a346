"""Home: today's plan first (what is due and why), then every routine."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from itb_tui.core.content import Library, Routine
from itb_tui.core.due import DONE, DUE, OPTIONAL, REST, DueItem
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.legend import legend_markup
from itb_tui.tui.widgets.pick_list import RULE, Pick, PickList

if TYPE_CHECKING:
    from itb_tui.core.overview import Overview

STATUS_MARKS = {
    DUE: ("[ ]", "bold"),
    DONE: ("[x]", "green"),
    REST: ("---", "dim"),
    OPTIONAL: ("( )", ""),
}


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


class HomeScreen(Screen[None]):
    """Pick what to do; Enter starts it."""

    AUTO_FOCUS = "#routines"

    BINDINGS = [
        Binding("enter", "start", "Start", id="start", tooltip="Start it", priority=True),
        Binding("l", "app.log_pain", "Pain", id="log-pain", tooltip="Quick pain log"),
        Binding("h", "app.history", "History", id="history", tooltip="Sessions, pain, export"),
        Binding("r", "app.readiness", "Running", id="readiness", tooltip="Return to running"),
        Binding("f", "app.red_flags", "Red flags", id="red-flags", show=False),
        Binding("s", "app.settings", "Settings", id="settings"),
    ]

    FOOTER_KEEP = ("start", "quit", "help")  # kept in view on a narrow screen

    last_done: reactive[dict[str, date]] = reactive(dict, always_update=True)
    overview: reactive[Overview | None] = reactive(None, always_update=True)
    today: reactive[date] = reactive(date.today)
    read_only: reactive[bool] = reactive(False)

    class StartRoutine(Message):
        def __init__(self, routine_id: str) -> None:
            self.routine_id = routine_id
            super().__init__()

    class Open(Message):
        """Open another place: 'readiness' or 'red_flags'."""

        def __init__(self, target: str) -> None:
            self.target = target
            super().__init__()

    class Shown(Message):
        """Home is on top again: a dialog or another screen over it has closed."""

    class AcceptHint(Message):
        def __init__(self, exercise_id: str) -> None:
            self.exercise_id = exercise_id
            super().__init__()

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self._detail_of: str | None = None  # the option whose detail the panel shows

    def compose(self) -> ComposeResult:
        # One line of title and notice instead of a Header: the home screen opens with the app.
        yield Static(self._banner(), id="disclaimer")
        # The list and the panel start filled, so the first frame needs no second layout.
        options = PickList(*self._options(), id="routines")
        first = options.highlighted_pick
        self._detail_of = first.id if first is not None else None
        with Horizontal(id="home-body"):
            yield options
            with VerticalScroll(id="routine-detail-scroll"):
                detail = self._panel(self._detail_of) if self._detail_of else ""
                yield Static(detail, id="routine-detail")
        yield KeysFooter()

    def _today_options(self) -> list[Pick]:
        overview = self.overview
        if overview is None:
            return []
        options = [_header(f" Today - program week {overview.week} ")]
        if overview.improvement is not None and overview.improvement.flagged:
            options.append(Pick(Content.styled("! See a professional (f)", "bold red"), "flags"))
        advice_titles: list[str] = []
        for n, item in enumerate(overview.items):
            if item.kind == "advice":  # one line per group of advice
                if item.title in advice_titles:
                    continue
                advice_titles.append(item.title)
            options.append(Pick(_item_label(item), f"today:{n}"))
        for n, hint in enumerate(overview.hints):
            label = Content.assemble(("  + ", "green"), f"Progress: {hint.name}")
            options.append(Pick(label, f"hint:{n}"))
        for n, found in enumerate(overview.signs):
            label = Content.assemble(("  ! ", "yellow"), (found.sign.name, "yellow"))
            options.append(Pick(label, f"sign:{n}"))
        options.append(RULE)
        return options

    def _options(self) -> list[Pick]:
        options = self._today_options()
        options.append(_header(" All routines "))
        for routine in self.library.routines.values():
            last = ago(self.last_done.get(routine.id), self.today)
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
        self.post_message(self.Shown())

    def _banner(self) -> str:
        marker = "[reverse] read-only [/reverse] " if self.read_only else ""
        return (
            f"{marker}[b]itb-tui[/b], an IT band rehab coach. Not medical advice: stop if pain "
            "is sharp, see a physiotherapist if it persists. [b]?[/b] help"
        )

    def watch_read_only(self) -> None:
        if self.is_mounted:
            self.query_one("#disclaimer", Static).update(self._banner())

    def watch_last_done(self) -> None:
        if self.is_mounted:
            self._fill()

    def watch_overview(self) -> None:
        if self.is_mounted:
            self._fill()

    def on_pick_list_highlighted(self, event: PickList.Highlighted) -> None:
        if event.pick.id and event.pick.id != self._detail_of:
            self._detail_of = event.pick.id
            self.query_one("#routine-detail", Static).update(self._panel(event.pick.id))

    def _panel(self, option_id: str) -> str:
        """The entry's detail; under one of Today's entries, what their marks mean too."""
        detail = self._detail(option_id)
        if option_id.startswith("routine:"):
            return detail
        return f"{detail}\n\n{legend_markup()}"

    def _detail(self, option_id: str) -> str:
        kind, _, key = option_id.partition(":")
        overview = self.overview
        if kind == "routine":
            return routine_detail(self.library.routines[key])
        if overview is None:
            return ""
        if kind == "flags" and overview.improvement is not None:
            return (
                f"[b]Pain has not improved[/b]\n{overview.improvement.evidence}\n\n"
                "After weeks of consistent rehab this is a reason to see a physiotherapist or "
                "doctor. Press Enter or f for the red-flag checklist."
            )
        if kind == "hint":
            hint = overview.hints[int(key)]
            return (
                f"[b]Ready to progress: {hint.name}[/b]\n{hint.evidence}\n\nNext step: "
                f"{hint.suggestion}\n\nPress Enter to take this step: it is shown in the "
                "exercise from now on."
            )
        if kind == "sign":
            found = overview.signs[int(key)]
            return (
                f"[b][yellow]Warning sign: {found.sign.name}[/yellow][/b]\n{found.evidence}\n\n"
                f"{found.sign.what_to_change}"
            )
        item = overview.items[int(key)]
        if item.kind == "advice":
            phases = ", ".join(p.name for p in overview.phases) or "ongoing"
            lines = [f"- {i.reason}" for i in overview.items if i.title == item.title]
            return f"[b]{item.title}[/b]\n[dim]This week: {phases}[/dim]\n\n" + "\n".join(lines)
        text = f"[b]{item.title}[/b]\n{item.reason}"
        routine = self.library.routines.get(item.routine_id)
        if item.kind == "routine" and routine is not None:
            text += "\n\n" + routine_detail(routine)
        elif item.kind == "run":
            text += "\n\nPress Enter (or r) for the return-to-running screen and a guided run."
        return text

    def on_pick_list_selected(self, event: PickList.Selected) -> None:
        if event.pick.id:
            self._choose(event.pick.id)

    def action_start(self) -> None:
        pick = self.query_one(PickList).highlighted_pick
        if pick is not None and pick.id:
            self._choose(pick.id)

    def _choose(self, option_id: str) -> None:
        kind, _, key = option_id.partition(":")
        overview = self.overview
        if kind == "routine":
            self.post_message(self.StartRoutine(key))
        elif kind == "flags":
            self.post_message(self.Open("red_flags"))
        elif kind == "hint" and overview is not None:
            self.post_message(self.AcceptHint(overview.hints[int(key)].exercise_id))
        elif kind == "today" and overview is not None:
            item = overview.items[int(key)]
            if item.kind == "run":
                self.post_message(self.Open("readiness"))
            elif item.kind == "routine" and item.routine_id in self.library.routines:
                self.post_message(self.StartRoutine(item.routine_id))


def routine_detail(routine: Routine) -> str:
    """The right-hand panel: what the routine is and each exercise's dose."""
    lines = [f"[b]{routine.name}[/b]  ~{routine.estimated_minutes()} min", routine.description, ""]
    for number, exercise in enumerate(routine.items, 1):
        lines.append(f"{number}. {exercise.name} - {exercise.dose_text()}")
    if routine.origin != "shipped":
        lines += ["", "[dim]From your own content file.[/dim]"]
    return "\n".join(lines)
