"""The history as a table, newest first, that reads month files only as the cursor needs them."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import events, work
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable
from textual.worker import get_current_worker

from itb_tui.core.dates import days_back, month_key
from itb_tui.core.history.edit import HistoryIndex
from itb_tui.core.history.records import CONTEXT_LABELS, PainLog, SessionRecord, pain_log_ids
from itb_tui.core.history.stats import RECENT_FILTER_DAYS, Row, RowFilter, session_rows
from itb_tui.tui.keys import bindings
from itb_tui.tui.text import rich_literal
from itb_tui.tui.widgets.pain_scale import pain_style

LOOKAHEAD = 40  # rows kept ready below the cursor
MONTHS_PER_STEP = 2  # month files read before the screen gets to draw again
FOLLOW_BATCH = 12  # months read by End before their rows are shown
TAIL_ROWS = 20  # End with more than FOLLOW_BATCH months to read shows this many oldest rows at once
GAP_KEY = "gap"  # the row between the newest months and that tail while the rest is read
COLUMNS = (("When", 16), ("What", 25), ("Time", 6), ("Done", 4), ("Pain", 15))
DROP_FIRST = (2, 3)  # on a narrow screen: Time goes first, then Done; never When or Pain
WHAT, WHAT_AT_LEAST = 1, 12  # What narrows before a column goes, down to this
CELL_PADDING = 1  # DataTable's, each side of a cell

Entry = SessionRecord | PainLog


def fit_columns(width: int) -> tuple[tuple[int, int], ...]:
    """(column, width) of the columns shown in ``width`` cells: What narrows first, and when
    that is not enough the least useful columns are dropped (Time, then Done)."""
    for dropped in range(len(DROP_FIRST) + 1):
        shown = {
            index: column_width
            for index, (_label, column_width) in enumerate(COLUMNS)
            if index not in DROP_FIRST[:dropped]
        }
        narrowed = width - sum(w + 2 * CELL_PADDING for w in shown.values()) + shown[WHAT]
        shown[WHAT] = max(WHAT_AT_LEAST, min(shown[WHAT], narrowed))
        if narrowed >= WHAT_AT_LEAST:
            break
    return tuple(shown.items())


def row_cells(row: Row, entry: Entry) -> tuple[Text, ...]:
    """The cells of one row: when, what, time, exercises done/planned, pain."""
    if isinstance(entry, SessionRecord):
        what = rich_literal(entry.routine_name)
        if not entry.completed:
            what.append(" (stopped)", style="yellow")
        score = entry.pain_after
    else:
        context = CONTEXT_LABELS.get(entry.context, entry.context).split(" (")[0]
        what = Text(f"Pain: {context}", style="italic")
        score = entry.score
    pain = Text(row.pain, style="" if score is None else pain_style(score))
    return (Text(row.when_text), what, Text(row.duration), Text(row.exercises), pain)


class HistoryTable(DataTable[Text]):
    """Rows of the months shown so far; older months are added as the cursor nears the end,
    and the next one is read in the background meanwhile. End reads every older month in
    the background and follows the oldest row. When there are many, End shows the oldest
    months at once below a gap row, and the table is whole again once the rest is read."""

    BINDINGS = bindings("history table")

    class Shown(Message):
        """The rows shown changed: how many, the oldest month shown, and whether more exist."""

        def __init__(
            self, rows: int, oldest: str | None, more: bool, reading: bool = False
        ) -> None:
            self.rows = rows
            self.oldest = oldest
            self.more = more
            self.reading = reading  # End is reading the months between the newest and the oldest
            super().__init__()

    def __init__(self, index: HistoryIndex, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.index = index
        self.today = today
        self.filter: RowFilter = "all"
        self.entries: dict[str, Entry] = {}
        self.entry_ids: dict[str, str] = {}  # row key -> the entry's id
        self.shown_months: list[str] = []
        self.tail_months: list[str] = []  # the oldest months, shown below the gap row by End
        self.following = False
        self.fit: tuple[tuple[int, int], ...] = ()

    def on_mount(self) -> None:
        self._fit_to(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_to(event.size.width)

    def _fit_to(self, width: int) -> None:
        """Show the columns that fit (room kept for the scrollbar), and the rows again."""
        fit = fit_columns(width - self.styles.scrollbar_size_vertical)
        if fit == self.fit:
            return
        self.fit = fit
        self.clear(columns=True)
        for index, column_width in fit:
            self.add_column(COLUMNS[index][0], width=column_width)
        self.rebuild(self.cursor_row)

    def _key_at_cursor(self) -> str | None:
        if self.row_count == 0:
            return None
        return str(self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value)

    def entry_at_cursor(self) -> Entry | None:
        key = self._key_at_cursor()
        return None if key is None else self.entries.get(key)  # None on the gap row

    def id_at_cursor(self) -> str | None:
        """The entry's id, unique in its month (a pain log's as in ``pain_log_ids``)."""
        key = self._key_at_cursor()
        return None if key is None else self.entry_ids.get(key)

    def show(self, filter: RowFilter) -> None:
        self.filter = filter
        self.rebuild()

    def rebuild(self, cursor: int = 0) -> None:
        """Show the months shown before again (after a filter change or an edit)."""
        self.following = False
        self.tail_months = []
        self.clear()
        self.entries.clear()
        self.entry_ids.clear()
        shown, self.shown_months = self.shown_months, []
        first = self._first_key()
        for key in shown:
            if key >= first:  # under the 30-day filter, older months have nothing to show
                self._add_month(key)
        self.load_more(cursor + LOOKAHEAD)
        self.move_cursor(row=min(cursor, max(self.row_count - 1, 0)))

    def _first_key(self) -> str:
        """The oldest month the filter can show rows of ("" for every month)."""
        return month_key(days_back(self.today, RECENT_FILTER_DAYS)) if self.filter == "30d" else ""

    def _upcoming(self, count: int) -> list[str]:
        """Up to ``count`` months to show next, newest first."""
        first = self._first_key()
        later = self.index.keys[len(self.shown_months) :]
        return [key for key in later if key >= first][:count]

    def _add_month(self, key: str) -> None:
        self.shown_months.append(key)
        self._add_rows(key)

    def _add_rows(self, key: str) -> None:
        month = self.index.ensure(key)
        by_id: dict[str, Entry] = {s.id: s for s in month.sessions}
        logs = month.pain_logs
        by_id.update(zip(pain_log_ids(logs), logs, strict=True))
        for row in session_rows(month.sessions, month.pain_logs, self.filter, self.today):
            row_key = f"{row.kind}:{row.id}"
            while row_key in self.entries:
                row_key += "+"
            self.entries[row_key] = by_id[row.id]
            self.entry_ids[row_key] = row.id
            cells = row_cells(row, by_id[row.id])
            self.add_row(*(cells[index] for index, _width in self.fit), key=row_key)

    def load_more(self, target: int) -> None:
        """Add older months until ``target`` rows are shown, a few files per frame."""
        if self.tail_months:
            return  # End is reading every month, and shows them all when it has them
        for _ in range(MONTHS_PER_STEP):
            if not self._upcoming(1) or self.row_count >= target:
                break
            self._add_month(self._upcoming(1)[0])
        else:
            if self._upcoming(1) and self.row_count < target:
                self.call_after_refresh(self.load_more, target)
        self._announce()
        self.call_after_refresh(self.read_ahead, self._upcoming(1))  # after this frame is drawn

    def _announce(self) -> None:
        if self.tail_months:  # the gap row is no entry
            self.post_message(self.Shown(self.row_count - 1, self.tail_months[-1], True, True))
            return
        oldest = self.shown_months[-1] if self.shown_months else None
        self.post_message(self.Shown(self.row_count, oldest, bool(self._upcoming(1))))

    @work(thread=True, exclusive=True, group="history-ahead")
    def read_ahead(self, keys: list[str]) -> None:
        """Read ``keys`` in the background, so that reaching them is instant."""
        for key in keys:
            if get_current_worker().is_cancelled:
                return
            self.index.ensure(key)

    def action_newest(self) -> None:
        self.following = False
        self.move_cursor(row=0)

    def action_oldest(self) -> None:
        self.following = True
        keys = self._upcoming(len(self.index.keys))
        if len(keys) > FOLLOW_BATCH and not self.tail_months:
            keys = keys[: -self._show_tail(keys)]
            self._announce()
            self.move_cursor(row=self.row_count - 1)
            self.call_after_refresh(self.read_to_oldest, keys)  # once the oldest rows are drawn
            return
        self.move_cursor(row=self.row_count - 1)
        self.read_to_oldest(keys)

    def _show_tail(self, keys: list[str]) -> int:
        """Show the oldest of ``keys`` (at least TAIL_ROWS rows) below a gap row; how many."""
        tail: list[str] = []
        rows = 0
        for key in reversed(keys[1:]):
            month = self.index.ensure(key)
            tail.insert(0, key)
            rows += len(month.sessions) + len(month.pain_logs)
            if rows >= TAIL_ROWS:
                break
        gap = f"{len(keys) - len(tail)} months being read"
        cells = (Text("..."), Text(gap, style="italic"), Text(""), Text(""), Text(""))
        self.add_row(*(cells[index] for index, _width in self.fit), key=GAP_KEY)
        self.tail_months = tail
        for key in tail:
            self._add_rows(key)
        return len(tail)

    @work(thread=True, exclusive=True, group="history-oldest")
    def read_to_oldest(self, keys: list[str]) -> None:
        """Read every older month, showing each as it arrives, the cursor on the last row."""
        for number, key in enumerate(keys, 1):
            if get_current_worker().is_cancelled or not (self.following or self.tail_months):
                return
            self.index.ensure(key)
            if get_current_worker().is_cancelled:
                return
            batch_done = not self.tail_months and number % FOLLOW_BATCH == 0
            if batch_done or number == len(keys):
                self.app.call_from_thread(self._catch_up)

    def _catch_up(self) -> None:
        if self.is_attached and self.tail_months:
            self._join_tail()
            return
        if not self.is_attached or not self.following:
            return
        while (keys := self._upcoming(1)) and self.index.is_loaded(keys[0]):
            self._add_month(keys[0])
        self.move_cursor(row=self.row_count - 1)
        self._announce()

    def _join_tail(self) -> None:
        """Every month End needed is read: show them all in order, the cursor where it was."""
        rest = self._upcoming(len(self.index.keys))
        if not all(self.index.is_loaded(key) for key in rest):
            return
        key, following = self._key_at_cursor(), self.following
        self.shown_months = [*self.shown_months, *rest]
        self.rebuild()
        if following or key in (None, GAP_KEY):
            self.following = following
            self.move_cursor(row=self.row_count - 1)
        else:
            self.move_cursor(row=self.get_row_index(key))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.following and event.cursor_row < self.row_count - 1:
            self.following = False  # moved away from the bottom: stop following
        if not self.following and event.cursor_row >= self.row_count - LOOKAHEAD // 2:
            self.load_more(event.cursor_row + LOOKAHEAD)
