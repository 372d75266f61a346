"""History: sessions and pain logs newest first, read a month at a time as you scroll."""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header, Static

from itb_tui.core.content.validate import ContentError
from itb_tui.core.context import AppContext
from itb_tui.core.dates import days_back
from itb_tui.core.history.edit import HistoryIndex
from itb_tui.core.history.records import SessionRecord
from itb_tui.core.history.stats import RECENT_FILTER_DAYS, RowFilter, routine_categories
from itb_tui.core.report.export_file import FILE_FORMATS, FileFormat, write_export
from itb_tui.core.report.flags import recorded_flags
from itb_tui.core.store.files import StoreError
from itb_tui.tui.keys import bindings
from itb_tui.tui.messages import HistoryEdited
from itb_tui.tui.screens.calendar import CalendarScreen
from itb_tui.tui.screens.history_dialogs import export_format
from itb_tui.tui.screens.pain_chart import PainChartScreen
from itb_tui.tui.screens.session_detail import PainLogDetailScreen, SessionDetailScreen
from itb_tui.tui.stylesheets import read_stylesheet_beside
from itb_tui.tui.widgets.footer import KeysFooter
from itb_tui.tui.widgets.history_table import HistoryTable

FILTER_LABELS: dict[RowFilter, str] = {
    "all": "everything",
    "sessions": "sessions only",
    "pain": "pain logs only",
    "30d": f"the last {RECENT_FILTER_DAYS} days",
}


class HistoryScreen(Screen[None]):
    """Enter opens the highlighted entry; a/s/p/m filter; c chart, d calendar, x export."""

    BINDINGS = bindings("history")
    FOOTER_KEEP = ("open", "back", "help")  # kept in view on a narrow screen

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.index = HistoryIndex(context.store)
        self.today = context.clock.wall().date()
        self._reported = 0

    def compose(self) -> ComposeResult:
        read_stylesheet_beside(self.app, __file__)
        yield Header()
        yield Static(id="history-filter")
        yield HistoryTable(self.index, self.today, id="history-table")
        yield KeysFooter()

    @property
    def table(self) -> HistoryTable:
        return self.query_one(HistoryTable)

    def on_mount(self) -> None:
        self.title = "itb-tui"
        self.sub_title = "History"
        self.table.focus()

    def on_history_table_shown(self, message: HistoryTable.Shown) -> None:
        """Say what is shown, how far back, and report months that could not be read."""
        count = message.rows
        if self.table.filter == "30d":  # the period, not the oldest month read for it
            span = f" since {days_back(self.table.today, RECENT_FILTER_DAYS):%-d %b %Y}"
        elif message.oldest:
            span = f", back to {date.fromisoformat(message.oldest + '-01'):%b %Y}"
        else:
            span = ""
        if message.reading:
            more = "; reading the months between..."
        else:
            more = "; older ones load as you scroll (End: oldest)" if message.more else ""
        self.query_one("#history-filter", Static).update(
            f"Showing [b]{FILTER_LABELS[self.table.filter]}[/b]   "
            "[dim]a all - s sessions - p pain - m 30 days[/dim]\n"
            f"[dim]{count} {'entry' if count == 1 else 'entries'}{span}{more}[/dim]"
        )
        for problem in self.index.problems[self._reported :]:
            self.notify(problem, title="Month not readable", severity="error", timeout=15)
        self._reported = len(self.index.problems)

    def action_filter(self, name: RowFilter) -> None:
        self.table.show(name)

    def action_open(self) -> None:
        entry = self.table.entry_at_cursor()
        store = self.context.store
        if isinstance(entry, SessionRecord):
            self.app.push_screen(SessionDetailScreen(entry, store), self._detail_closed)
        elif entry is not None:
            log_id = self.table.id_at_cursor() or entry.id
            self.app.push_screen(PainLogDetailScreen(entry, store, log_id), self._detail_closed)

    def _detail_closed(self, edited: HistoryEdited | None) -> None:
        if edited is not None:
            self.post_message(edited)

    def on_history_edited(self, message: HistoryEdited) -> None:
        """Re-read the changed month and show the rows again; the message goes on to the app."""
        self.index.load(message.month)
        self.table.rebuild(self.table.cursor_row)

    def action_chart(self) -> None:
        self.app.push_screen(PainChartScreen(self.index, self.today))

    def action_function(self) -> None:
        from itb_tui.tui.screens.function_score import FunctionScoreScreen

        self.app.push_screen(FunctionScoreScreen(self.context.store))

    def action_calendar(self) -> None:
        categories = routine_categories(self.context.library)
        self.app.push_screen(CalendarScreen(self.index, self.today, categories))

    def action_export(self) -> None:
        def chosen(answer: str | None) -> None:
            for fmt in FILE_FORMATS:
                if answer == fmt:
                    self.notify(f"Exporting the history as {fmt}...")
                    self.export_history(fmt)

        self.app.push_screen(export_format(), chosen)

    @work(thread=True, exclusive=True, group="export")
    def export_history(self, fmt: FileFormat) -> None:
        """Read every month and write the export file, off the screen's thread."""
        folder = self.context.paths.data / "exports"
        categories = routine_categories(self.context.library)
        flags, problem = recorded_flags(self.context)
        if problem:
            self.app.call_from_thread(self.notify, problem, severity="warning", timeout=15)
        try:
            program = self.context.program if fmt == "pdf" else None
            path, exported = write_export(
                self.context.store,
                folder,
                fmt,
                self.today,
                categories,
                program=program,
                settings=self.context.settings,
                exercises=self.context.library.exercises,
                flags=flags,
            )
        except (StoreError, ContentError) as err:
            self.app.call_from_thread(
                self.notify, str(err), title="Not exported", severity="error", timeout=15
            )
            return
        if exported.left_out:
            self.app.call_from_thread(
                self.notify,
                f"Exported to {path} without {', '.join(exported.left_out_names)}, "
                "which could not be read.",
                title="Export incomplete",
                severity="warning",
                timeout=20,
            )
            return
        self.app.call_from_thread(self.notify, f"Exported to {path}", title="Export", timeout=10)

    def action_back(self) -> None:
        self.app.pop_screen()
