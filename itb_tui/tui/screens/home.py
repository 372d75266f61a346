"""Home: the routines with their length and when each was last done."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from itb_tui.core.content import Library, Routine


def ago(day: date | None, today: date) -> str:
    """'today', 'yesterday', '3 days ago', 'not yet'."""
    if day is None:
        return "not yet"
    days = (today - day).days
    return {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")


class HomeScreen(Screen[None]):
    """Pick a routine; Enter starts it."""

    BINDINGS = [
        Binding(
            "enter",
            "start",
            "Start",
            id="start",
            tooltip="Start the highlighted routine",
            priority=True,
        ),
        Binding("l", "app.log_pain", "Log pain", id="log-pain"),
        Binding("s", "app.settings", "Settings", id="settings"),
    ]

    last_done: reactive[dict[str, date]] = reactive(dict, always_update=True)
    today: reactive[date] = reactive(date.today)

    class StartRoutine(Message):
        def __init__(self, routine_id: str) -> None:
            self.routine_id = routine_id
            super().__init__()

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "Not medical advice: stop if pain is sharp, see a physiotherapist if it persists. "
            "Press [b]?[/b] for help.",
            id="disclaimer",
        )
        with Horizontal(id="home-body"):
            yield OptionList(id="routines")
            with VerticalScroll(id="routine-detail-scroll"):
                yield Static(id="routine-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "itb-tui"
        self.sub_title = "IT band rehab coach"
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for routine in self.library.routines.values():
            last = ago(self.last_done.get(routine.id), self.today)
            label = Text.assemble(
                (f"{routine.name}", "bold"),
                f"  ~{routine.estimated_minutes()} min\n",
                (f"  {routine.category}, last: {last}", "dim"),
            )
            options.add_option(Option(label, id=routine.id))
        options.highlighted = highlighted if highlighted is not None else 0

    def watch_last_done(self) -> None:
        if self.is_mounted:
            self._fill()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.query_one("#routine-detail", Static).update(
                routine_detail(self.library.routines[event.option.id])
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(self.StartRoutine(event.option.id))

    def action_start(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id:
                self.post_message(self.StartRoutine(option.id))


def routine_detail(routine: Routine) -> str:
    """The right-hand panel: what the routine is and each exercise's dose."""
    lines = [f"[b]{routine.name}[/b]  ~{routine.estimated_minutes()} min", routine.description, ""]
    for number, exercise in enumerate(routine.items, 1):
        lines.append(f"{number}. {exercise.name} - {exercise.dose_text()}")
    if routine.origin != "shipped":
        lines += ["", "[dim]From your own content file.[/dim]"]
    return "\n".join(lines)
