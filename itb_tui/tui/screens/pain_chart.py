"""Daily pain over time as a text chart: average and highest per day, session days marked;
where each knee was scored, each knee's highest as a letter (L, R; B where both meet)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Static

from itb_tui.core.dates import days_back
from itb_tui.core.history.edit import HistoryIndex
from itb_tui.core.history.pain_load import load_table_text, pain_by_load, run_minutes_by_day
from itb_tui.core.history.records import SIDES, MonthHistory
from itb_tui.core.history.stats import DayPain, daily_pain, session_day
from itb_tui.tui.keys import bindings
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.pain_scale import band_legend, pain_style

RANGES_WEEKS = (2, 4, 8, 13, 26, 52)
DEFAULT_WEEKS = 8
LEVELS = 10  # one text row per pain point
GUTTER = 5  # "10 ┤ "
EIGHTHS = " ▁▂▃▄▅▆▇█"
HIGHEST_SHADE = "grey35"


@dataclass(frozen=True)
class Bar:
    """One chart column: one day, or a few days when the range is wider than the screen."""

    first: date
    last: date
    highest: int | None
    average: float | None
    session: bool
    knees: dict[str, int] = field(default_factory=dict)  # each knee's highest, where scored
    ran: int = 0  # minutes run the day before each of these days (under the next morning)


def bars(
    days: list[DayPain],
    session_days: set[date],
    first: date,
    last: date,
    width: int,
    knee_days: Mapping[str, list[DayPain]] | None = None,
    run_days: Mapping[date, int] | None = None,
) -> list[Bar]:
    """``first``..``last`` split into at most ``width`` columns of whole days each;
    ``knee_days`` gives each knee's own scores, where each knee was scored; ``run_days`` the
    minutes run each day, shown under the morning after."""
    ran = run_days or {}
    total = (last - first).days + 1
    per = max(1, math.ceil(total / max(width, 1)))
    by_day = {d.day: d for d in days}
    by_knee = {knee: {d.day: d for d in found} for knee, found in (knee_days or {}).items()}
    out: list[Bar] = []
    start = first
    while start <= last:
        end = min(start + timedelta(days=per - 1), last)
        span = [start + timedelta(days=n) for n in range((end - start).days + 1)]
        scored = [by_day[d] for d in span if d in by_day]
        count = sum(d.count for d in scored)
        out.append(
            Bar(
                start,
                end,
                max((d.max_score for d in scored), default=None),
                sum(d.mean_score * d.count for d in scored) / count if count else None,
                any(d in session_days for d in span),
                {
                    knee: max(found[d].max_score for d in span if d in found)
                    for knee, found in by_knee.items()
                    if any(d in found for d in span)
                },
                sum(ran.get(d - timedelta(days=1), 0) for d in span),
            )
        )
        start = end + timedelta(days=1)
    return out


def _cell(bar: Bar, level: int) -> tuple[str, str]:
    """The character and style of ``bar`` at pain ``level`` (1 is the bottom row)."""
    if bar.highest is None or bar.average is None:
        return " ", ""
    if bar.highest == 0:
        return ("▁", "green") if level == 1 else (" ", "")
    if level <= bar.average:
        return "█", pain_style(level)
    if level - 1 < bar.average:
        # The average ends inside this cell; a grey top says the highest reaches past it.
        shade = f" on {HIGHEST_SHADE}" if bar.highest >= level else ""
        return EIGHTHS[max(1, round((bar.average - level + 1) * 8))], pain_style(level) + shade
    if level <= bar.highest:
        return "░", f"{pain_style(level)} on {HIGHEST_SHADE}"
    return " ", ""


def knee_mark(bar: Bar, level: int) -> str:
    """'L' or 'R' where that knee's highest reaches ``level`` exactly, 'B' where both do."""
    marks = [knee[0].upper() for knee in SIDES if bar.knees.get(knee) == level]
    return "B" if len(marks) == 2 else "".join(marks)


def _labels(columns: list[Bar]) -> str:
    """Dates under the axis: Mondays when a column is a day, else the first of each month."""
    line = [" "] * len(columns)
    free = 0
    for index, bar in enumerate(columns):
        per_day = bar.first == bar.last
        if per_day and bar.first.weekday() == 0:
            label = f"{bar.first.day} {bar.first:%b}"
        elif not per_day and (bar.first.day == 1 or bar.first.month != bar.last.month):
            label = f"{bar.first:%b}" if bar.first.day == 1 else f"{bar.last:%b}"
        else:
            label = ""
        if label and index >= free and index + len(label) <= len(line):
            line[index : index + len(label)] = label
            free = index + len(label) + 1
    return "".join(line)


def _run_cell(minutes: int, most: int) -> str:
    """A run's minutes as a bar of eighths against the range's longest; any run shows."""
    return " " if not minutes else EIGHTHS[max(1, round(minutes / most * 8))]


def chart_text(columns: list[Bar]) -> Text:
    """The chart: 10 rows of bars, the axis, dates, and a dot under each session day."""
    text = Text()
    for level in range(LEVELS, 0, -1):
        text.append(f"{level:>2} ┤ " if level % 2 == 0 else "   │ ", style="dim")
        for bar in columns:
            mark = knee_mark(bar, level)
            char, style = (mark, "bold reverse") if mark else _cell(bar, level)
            text.append(char, style=style)
        text.append("\n")
    text.append(" 0 └─" + "─" * len(columns) + "\n", style="dim")
    text.append(" " * GUTTER + _labels(columns) + "\n", style="dim")
    text.append("sess ", style="dim")
    text.append("".join("•" if bar.session else " " for bar in columns), style="cyan")
    most = max((bar.ran for bar in columns), default=0)
    if most:
        text.append("\nran  ", style="dim")
        text.append("".join(_run_cell(bar.ran, most) for bar in columns), style="bold")
        text.append(
            f"\n{' ' * GUTTER}Minutes run the day before (the tallest {most} min).", style="dim"
        )
    per = (columns[0].last - columns[0].first).days + 1 if columns else 1
    if per > 1:
        text.append(f"\n{' ' * GUTTER}One column is {per} days.", style="dim")
    return text


def week_summary(days: list[DayPain], today: date, lead: str = "Last 7 days") -> str:
    """Average and highest of the last 7 days (named ``lead``) and of the 7 before."""
    parts = []
    for label, end in ((lead, today), ("the 7 before", today - timedelta(days=7))):
        start = days_back(end, 7)
        chosen = [d for d in days if start <= d.day <= end]
        count = sum(d.count for d in chosen)
        if not count:
            parts.append(f"{label}: no scores")
            continue
        mean = sum(d.mean_score * d.count for d in chosen) / count
        parts.append(f"{label}: average {mean:.1f}, highest {max(d.max_score for d in chosen)}")
    return "; ".join(parts) + "."


class PainChart(Widget):
    """Draws the bars it is given, as many days per column as the width needs."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.days: list[DayPain] = []
        self.session_days: set[date] = set()
        self.first = self.last = date.min
        self.knee_days: dict[str, list[DayPain]] = {}
        self.run_days: dict[date, int] = {}

    def show(
        self,
        days: list[DayPain],
        session_days: set[date],
        first: date,
        last: date,
        knee_days: dict[str, list[DayPain]] | None = None,
        run_days: dict[date, int] | None = None,
    ) -> None:
        self.days, self.session_days, self.first, self.last = days, session_days, first, last
        self.knee_days = knee_days or {}
        self.run_days = run_days or {}
        self.refresh()

    def render(self) -> Text:
        width = self.content_size.width - GUTTER - 1
        columns = bars(
            self.days,
            self.session_days,
            self.first,
            self.last,
            width,
            self.knee_days,
            self.run_days,
        )
        return chart_text(columns)


def legend(knees: bool) -> Text:
    """What the marks mean; with ``knees``, the knee letters too."""
    parts: list[tuple[str, str] | str] = [
        ("█", "bold"),
        " average  ",
        ("░", f"bold on {HIGHEST_SHADE}"),
        " highest  ",
    ]
    if knees:
        mark = "bold reverse"
        parts += [("L", mark), "/", ("R", mark), " knee highest, ", ("B", mark), " both  "]
    parts += [("•", "cyan"), " session day  ", *band_legend()]
    return Text.assemble(*parts)


class PainChartScreen(Screen[None]):
    """``+``/``-`` widen or narrow the range (2 weeks to a year); Escape goes back."""

    BINDINGS = bindings("pain chart")

    def __init__(self, index: HistoryIndex, today: date, weeks: int = DEFAULT_WEEKS) -> None:
        super().__init__()
        self.index = index
        self.today = today
        self.weeks = weeks

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        yield Header()
        yield Static(id="chart-title")
        yield PainChart(id="pain-chart")
        yield Static(legend(knees=False), id="chart-legend")
        yield Static(id="chart-summary")
        yield Static(id="chart-load")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "itb-tui"
        self.sub_title = "Pain chart"
        self.update_chart()

    @property
    def first(self) -> date:
        return days_back(self.today, self.weeks * 7)

    def update_chart(self) -> None:
        """Draw what is loaded; read older months in the background when the range needs them."""
        loading = not self.index.covers(self.first)
        history = self.index.history(since=self.first)
        days = self._days(history)
        sessions = {session_day(s) for s in history.sessions}
        knee_days = {knee: found for knee in SIDES if (found := self._days(history, knee))}
        ran = {d: m for d, m in run_minutes_by_day(history.sessions).items() if d >= self.first}
        chart = self.query_one(PainChart)
        chart.set_class(bool(ran), "with-runs")  # a row more for the runs
        chart.show(days, sessions, self.first, self.today, knee_days, ran)
        self.query_one("#chart-legend", Static).update(legend(knees=bool(knee_days)))
        span = f"{self.first:%d %b %Y} to {self.today:%d %b %Y}"
        title = f"[b]Daily pain, the last {self.weeks} weeks[/b]  {span}"
        self.query_one("#chart-title", Static).update(
            title + ("\n[yellow]Reading older months...[/yellow]" if loading else "")
        )
        summary = [week_summary(days, self.today)]
        summary += [
            week_summary(found, self.today, f"{knee.capitalize()} knee, last 7 days")
            for knee, found in knee_days.items()
        ]
        self.query_one("#chart-summary", Static).update("\n".join(summary))
        table = pain_by_load(history.sessions, history.pain_logs, self.today)
        load = self.query_one("#chart-load", Static)
        load.display = bool(table)
        load.update(Text(load_table_text(table)))
        if loading:
            self.load_range(self.first)

    def _days(self, history: MonthHistory, knee: str = "") -> list[DayPain]:
        """The range's daily pain (with ``knee``, that knee's own scores)."""
        found = daily_pain(history.pain_logs, history.sessions, since=self.first, knee=knee)
        return [d for d in found if d.day <= self.today]

    @work(thread=True, exclusive=True, group="chart")
    def load_range(self, first: date) -> None:
        self.index.load_since(first)
        self.app.call_from_thread(self._loaded)

    def _loaded(self) -> None:
        if self.is_attached:
            self.update_chart()

    def action_zoom(self, step: int) -> None:
        ranges = list(RANGES_WEEKS)
        here = min(range(len(ranges)), key=lambda i: abs(ranges[i] - self.weeks))
        self.weeks = ranges[max(0, min(len(ranges) - 1, here + step))]
        self.update_chart()
