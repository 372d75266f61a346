"""Adherence: six weeks of days with what was done, the streak, this week, left against right."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from itb_tui.core.dates import week_monday
from itb_tui.core.history.edit import HistoryIndex
from itb_tui.core.history.records import SessionRecord
from itb_tui.core.history.stats import (
    ASYMMETRY_WORTH_NOTING,
    DayCell,
    SideTrend,
    adherence_calendar,
    side_comparison,
)
from itb_tui.core.plan.weeks import WeekCounts, week_counts
from itb_tui.tui.keys import bindings
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.text import rich_literal
from itb_tui.tui.widgets.footer import KeysFooter

WEEKS = 6
CATEGORY_MARKS = {
    "strength": ("S", "bold magenta"),
    "stretch": ("T", "bold green"),
    "rolling": ("R", "bold cyan"),
    "mobility": ("M", "bold blue"),
    "activation": ("A", "bold yellow"),
    "recovery": ("C", "bold white"),
    "running": ("O", "bold"),
}
OTHER_MARK = ("?", "bold")  # a category without a mark of its own (none so far)
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def legend() -> Text:
    text = Text()
    for name, (letter, style) in CATEGORY_MARKS.items():
        word = "run" if name == "running" else name
        text.append(letter, style=style).append(f" {word}  ")
    text.right_crop(2)
    return text


def _category_order(category: str) -> int:
    order = list(CATEGORY_MARKS)
    return order.index(category) if category in order else len(order)


def day_cell(cell: DayCell, today: date) -> Text:
    """'23 ST': the day of the month, then a letter per category done (dim if partial)."""
    text = Text()
    text.append(f"{cell.day.day:>2}", style="reverse" if cell.day == today else "dim")
    text.append(" ")
    if cell.future:
        return text.append("·", style="dim")
    for category in sorted(cell.categories, key=_category_order):
        letter, style = CATEGORY_MARKS.get(category, OTHER_MARK)
        text.append(letter, style=style if category in cell.completed else f"dim {style}")
    return text


def calendar_table(rows: list[list[DayCell]], today: date) -> Table:
    table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold")
    table.add_column("Week of", style="dim", no_wrap=True)
    for name in DAY_NAMES:
        table.add_column(name, width=6, no_wrap=True)
    for row in rows:
        table.add_row(f"{row[0].day.day} {row[0].day:%b}", *(day_cell(cell, today) for cell in row))
    return table


def week_text(counts: WeekCounts, streak_days: int | None) -> Text:
    """The streak, and this week's strength and stretching against their targets."""

    def days(items: tuple[date, ...]) -> str:
        return ", ".join(f"{d:%a}" for d in items) or "none yet"

    streak = (
        "counting..."
        if streak_days is None
        else f"{streak_days} day" + ("" if streak_days == 1 else "s")
    )
    text = Text.assemble(("Streak: ", "bold"), streak, " with a completed session\n")
    text.append("This week: ", style="bold")
    style = "green" if counts.strength_met else "yellow"
    text.append(
        f"strength {len(counts.strength_days)} of {counts.strength_target} "
        f"({days(counts.strength_days)})",
        style=style,
    )
    if counts.short_sessions:
        text.append(f", {counts.short_sessions} short")
    stretch_style = "green" if counts.stretch_met else "yellow"
    text.append(" - ").append(
        f"stretching {len(counts.stretch_days)} of {counts.stretch_target} days",
        style=stretch_style,
    )
    if counts.back_to_back:
        text.append(
            f"\nStrength on back-to-back days: {days(counts.back_to_back)}; rest a day between.",
            style="yellow",
        )
    return text


def sides_table(trends: list[SideTrend]) -> RenderableType:
    """Per exercise, most uneven first: left and right totals, the difference, the weaker side."""
    if not trends:
        return Text("No per-side exercises done in these weeks.", style="dim")
    table = Table(box=None, pad_edge=False, header_style="bold", expand=False)
    table.add_column(
        f"Left vs right, {WEEKS} weeks", no_wrap=True, max_width=28, overflow="ellipsis"
    )
    for label in ("Left", "Right", "Diff"):
        table.add_column(label, justify="right")
    table.add_column("Weaker")
    for trend in sorted(trends, key=lambda t: -t.asymmetry_pct):  # the most uneven first
        unit = "s" if trend.unit == "seconds" else trend.unit
        noted = trend.asymmetry_pct >= ASYMMETRY_WORTH_NOTING
        weaker = Text(trend.weaker or "even", style="yellow" if noted else "dim")
        table.add_row(
            rich_literal(trend.name),
            f"{trend.left_total} {unit}",
            f"{trend.right_total} {unit}",
            f"{trend.asymmetry_pct:.0f} %",
            weaker,
        )
    return table


class CalendarScreen(Screen[None]):
    """The last six weeks of sessions; Escape goes back."""

    BINDINGS = bindings("calendar")

    def __init__(self, index: HistoryIndex, today: date, categories: Mapping[str, str]) -> None:
        super().__init__()
        self.index = index
        self.today = today
        self.categories = categories
        self.streak_days: int | None = None

    @property
    def first(self) -> date:
        return week_monday(self.today) - timedelta(weeks=WEEKS - 1)

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        yield Header()
        with VerticalScroll(id="calendar-body"):
            yield Static(
                f"[b]Adherence, the last {WEEKS} weeks[/b]  [dim](dim letter: not complete)[/dim]",
                id="calendar-title",
            )
            yield Static(id="calendar-grid")
            yield Static(legend(), id="calendar-legend")
            yield Static(id="calendar-week")
            yield Static(id="calendar-sides")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "itb-tui"
        self.sub_title = "Adherence"
        self.draw()
        self.load()

    def sessions(self) -> list[SessionRecord]:
        # From the Sunday before the calendar, for back-to-back strength on its first Monday.
        since = self.first - timedelta(days=1)
        return [s for s in self.index.history(since).sessions if s.started_at.date() >= since]

    def draw(self) -> None:
        sessions = self.sessions()
        rows = adherence_calendar(sessions, self.today, WEEKS, self.categories)
        self.query_one("#calendar-grid", Static).update(calendar_table(rows, self.today))
        counts = week_counts(sessions, self.today, self.categories)
        self.query_one("#calendar-week", Static).update(week_text(counts, self.streak_days))
        in_range = [s for s in sessions if s.started_at.date() >= self.first]
        self.query_one("#calendar-sides", Static).update(sides_table(side_comparison(in_range)))

    @work(thread=True, exclusive=True, group="calendar")
    def load(self) -> None:
        """Read the six weeks' months, draw, then read back as far as the streak goes."""
        self.index.load_since(self.first - timedelta(days=1))
        self.app.call_from_thread(self._loaded, None)
        self.app.call_from_thread(self._loaded, self.index.streak(self.today))

    def _loaded(self, streak_days: int | None) -> None:
        if not self.is_attached:
            return
        self.streak_days = streak_days
        self.draw()
