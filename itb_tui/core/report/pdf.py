"""The physiotherapist's report as a PDF of one or two A4 pages, drawn with fpdf2, and a page
with the figures of the exercises done in the period.

Imported only when a PDF is made. Text is set in DejaVu Sans when the system has it (any
script, emoji where the font has them); otherwise in the PDF's built-in Helvetica, which has
Latin-1 only. Either way a character the font cannot show prints as '?', and control
characters are dropped, so no note can break the page or the program.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos
from fpdf.fonts import TTFFont

from itb_tui import __version__
from itb_tui.core import host
from itb_tui.core.content.figure import Figure
from itb_tui.core.history.stats import ASYMMETRY_WORTH_NOTING, SideTrend
from itb_tui.core.report.entries import NoteEntry
from itb_tui.core.report.figure_svg import figure_svg, svg_size
from itb_tui.core.report.pdf_content import FlagState, Report

FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
FAMILY = "report"
CORE_FAMILY = "helvetica"
MISSING = "?"
SIDE_ROWS = 6
SPIKE_ROWS = 10
NOTE_ROWS = 10
NOTE_CHARS = 240
MAX_PAGES = 2
# Colours (RGB): ink, grey text, rules, the accent of headings and the two pain series.
INK = (33, 37, 41)
GREY = (108, 117, 125)
RULE = (206, 212, 218)
ACCENT = (22, 96, 136)
HIGHEST = (192, 57, 43)
AVERAGE = (41, 128, 185)
WARN = (176, 96, 0)
LINE = 4.4  # mm per line of body text


def find_font_dir(dirs: Sequence[Path] | None = None) -> Path | None:
    """The first folder holding DejaVu Sans regular, bold and oblique, or None (``dirs``:
    the machine's font folders, see host.py)."""
    dirs = host.font_dirs() if dirs is None else dirs
    return next((d for d in dirs if all((d / f).is_file() for f in FONT_FILES.values())), None)


def clean_text(text: str) -> str:
    """``text`` without control or format characters; tabs and line breaks become spaces."""
    kept = []
    for char in text:
        if char in "\t\n\r\v\f":
            kept.append(" ")
        elif unicodedata.category(char) not in ("Cc", "Cf") and not "\ufe00" <= char <= "\ufe0f":
            kept.append(char)
    return "".join(kept)


class ReportPDF(FPDF):
    """An A4 page with the report's fonts, a footer, and text that never fails to print."""

    def __init__(self, font_dir: Path | None, footer: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.footer_text = footer
        self.family = CORE_FAMILY
        if font_dir is not None:
            for style, name in FONT_FILES.items():
                self.add_font(FAMILY, style, str(font_dir / name))
            self.family = FAMILY
        self.set_margins(16, 14, 16)
        self.set_auto_page_break(True, margin=16)
        self.set_text_color(*INK)

    def normalize_text(self, text: str) -> str:
        """Every string drawn passes here: drop control characters, replace what cannot show."""
        text = clean_text(text)
        font = self.current_font
        if isinstance(font, TTFFont):
            cmap = font.cmap
            text = "".join(c if ord(c) in cmap or c == " " else MISSING for c in text)
        else:
            text = text.encode("latin-1", "replace").decode("latin-1")
        return super().normalize_text(text)

    def use(self, size: float, style: str = "", colour: tuple[int, int, int] = INK) -> None:
        self.set_font(self.family, style, size)
        self.set_text_color(*colour)

    def footer(self) -> None:
        self.set_y(-11)
        self.use(7.5, colour=GREY)
        self.cell(0, 4, self.footer_text, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="R")

    @property
    def width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def room_for(self, height: float) -> None:
        """Start a new page unless ``height`` mm fit above the bottom margin."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()


# -- sections ---------------------------------------------------------------------------------
def _heading(pdf: ReportPDF, title: str, height: float = 12) -> None:
    pdf.room_for(height + 8)
    pdf.ln(2.5)
    pdf.use(11, "B", ACCENT)
    pdf.cell(0, 6, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.width, pdf.get_y())
    pdf.ln(1.5)


def _bullets(pdf: ReportPDF, lines: Sequence[str], colour: tuple[int, int, int] = INK) -> None:
    for line in lines:
        pdf.use(9, colour=colour)
        y = pdf.get_y()
        pdf.set_fill_color(*ACCENT)
        pdf.circle(pdf.l_margin + 1.6, y + LINE / 2, 0.6, style="F")
        _para(pdf, line, 4)


def _plain(pdf: ReportPDF, text: str, size: float = 9, style: str = "") -> None:
    pdf.use(size, style, GREY if style == "I" else INK)
    _para(pdf, text)


def _para(pdf: ReportPDF, text: str, indent: float = 0.0) -> None:
    """``text`` wrapped to the page, ``indent`` mm in, left-aligned."""
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.width - indent, LINE, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")


def _title(pdf: ReportPDF, report: Report) -> None:
    pdf.use(18, "B", INK)
    pdf.cell(0, 9, "IT band rehab report", new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.use(10.5)
    pdf.cell(0, 6, f"Period: {report.period}", new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.use(8.5, "I", GREY)
    pdf.cell(
        0,
        5,
        "Self-reported data recorded in itb-tui; not a clinical measurement.",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )


# -- pain chart -------------------------------------------------------------------------------
CHART_HEIGHT = 44.0
AXIS_LABELS = 9.0  # mm left of the plot for the score labels
DATE_TICKS = 6


def _date_ticks(start: date, today: date) -> list[date]:
    span = (today - start).days
    count = min(DATE_TICKS, span + 1)
    if count <= 1:
        return [start]
    return [start + timedelta(days=round(span * i / (count - 1))) for i in range(count)]


def _legend(pdf: ReportPDF, x: float, y: float) -> None:
    pdf.use(7.5, colour=GREY)
    for label, colour in (("highest score of the day", HIGHEST), ("average", AVERAGE)):
        pdf.set_draw_color(*colour)
        pdf.set_line_width(0.6)
        pdf.line(x, y + 2, x + 6, y + 2)
        pdf.set_xy(x + 7, y)
        pdf.cell(pdf.get_string_width(label) + 1, 4, label)
        x += pdf.get_string_width(label) + 13


def _pain_chart(pdf: ReportPDF, report: Report) -> None:
    """Daily pain 0-10 against the date: the highest score and the average of each day."""
    pdf.room_for(CHART_HEIGHT + 14)
    top = pdf.get_y() + 6
    left = pdf.l_margin + AXIS_LABELS
    width = pdf.width - AXIS_LABELS - 2
    _legend(pdf, pdf.l_margin + AXIS_LABELS, top - 6)
    span = max((report.today - report.start).days, 1)

    def x_of(day: date) -> float:
        if report.today == report.start:
            return left + width / 2
        return left + width * (day - report.start).days / span

    def y_of(score: float) -> float:
        return top + CHART_HEIGHT * (1 - score / 10)

    pdf.set_line_width(0.2)
    for score in range(0, 11, 2):
        pdf.set_draw_color(*(GREY if score == 0 else RULE))
        pdf.line(left, y_of(score), left + width, y_of(score))
        pdf.use(7, colour=GREY)
        pdf.set_xy(pdf.l_margin, y_of(score) - 2)
        pdf.cell(AXIS_LABELS - 1.5, 4, str(score), align="R")
    pdf.set_draw_color(*GREY)
    pdf.line(left, top, left, y_of(0))
    for day in _date_ticks(report.start, report.today):
        x = x_of(day)
        pdf.line(x, y_of(0), x, y_of(0) + 1.2)
        label = f"{day:%d %b %Y}"
        label_width = pdf.get_string_width(label)
        pdf.set_xy(
            min(max(x - label_width / 2, left - 2), left + width - label_width), y_of(0) + 1.5
        )
        pdf.cell(label_width, 4, label)
    if not report.pain_days:
        pdf.use(9, "I", GREY)
        pdf.set_xy(left, y_of(5) - 2)
        pdf.cell(width, 4, "No pain scores in this period.", align="C")
    else:
        dots = len(report.pain_days) <= 120
        for values, colour in (
            ([(x_of(d.day), y_of(d.mean_score)) for d in report.pain_days], AVERAGE),
            ([(x_of(d.day), y_of(d.max_score)) for d in report.pain_days], HIGHEST),
        ):
            _series(pdf, values, colour, dots)
    pdf.set_xy(pdf.l_margin, y_of(0) + 6.5)


def _series(
    pdf: ReportPDF, points: list[tuple[float, float]], colour: tuple[int, int, int], dots: bool
) -> None:
    pdf.set_draw_color(*colour)
    pdf.set_fill_color(*colour)
    pdf.set_line_width(0.45)
    if len(points) > 1:
        pdf.polyline(points)
    if dots or len(points) == 1:
        for x, y in points:
            pdf.circle(x, y, 0.65, style="F")


# -- left/right, spikes, red flags, notes ----------------------------------------------------
SIDE_COLUMNS = (("Exercise", 74.0, "L"), ("Left", 24.0, "R"), ("Right", 24.0, "R"))
SIDE_TAIL = (("Difference", 28.0, "R"), ("Weaker", 28.0, "R"))


def _side_row(
    pdf: ReportPDF, cells: Sequence[str], style: str, colour: tuple[int, int, int]
) -> None:
    for (_, width, align), text in zip((*SIDE_COLUMNS, *SIDE_TAIL), cells, strict=True):
        pdf.use(8.5, style, colour if text == cells[-1] else INK)
        pdf.cell(width, LINE + 0.4, text, align=align)
    pdf.ln(LINE + 0.4)


def _sides(pdf: ReportPDF, trends: Sequence[SideTrend]) -> None:
    _heading(pdf, "Left and right")
    if not trends:
        _plain(pdf, "No per-side exercises done in this period.", style="I")
        return
    pdf.set_fill_color(241, 243, 245)
    pdf.rect(pdf.l_margin, pdf.get_y(), pdf.width, LINE + 0.4, style="F")
    _side_row(pdf, [c[0] for c in (*SIDE_COLUMNS, *SIDE_TAIL)], "B", INK)
    for trend in trends[:SIDE_ROWS]:
        unit = "s" if trend.unit == "seconds" else trend.unit
        noted = trend.asymmetry_pct >= ASYMMETRY_WORTH_NOTING
        cells = [
            trend.name,
            f"{trend.left_total} {unit}",
            f"{trend.right_total} {unit}",
            f"{trend.asymmetry_pct:.0f} %",
            trend.weaker or "even",
        ]
        _side_row(pdf, cells, "B" if noted else "", WARN if noted else GREY)
    footnote = f"Totals over the period, most uneven first; {ASYMMETRY_WORTH_NOTING:.0f} % or more"
    footnote += " is marked."
    if len(trends) > SIDE_ROWS:
        footnote += f" Showing {SIDE_ROWS} of {len(trends)} exercises."
    _plain(pdf, footnote, 7.5, "I")


def _shown(count: int, limit: int, noun: str) -> str:
    return f"Showing the last {limit} of {count} {noun}." if count > limit else ""


def _spikes(pdf: ReportPDF, report: Report) -> None:
    _heading(pdf, "Pain spikes during exercises")
    if not report.spikes:
        _plain(pdf, "None.", style="I")
        return
    _bullets(pdf, [spike.describe() for spike in report.spikes[-SPIKE_ROWS:]])
    more = _shown(len(report.spikes), SPIKE_ROWS, "pain spikes")
    if more:
        _plain(pdf, more + " The CSV export has them all.", 7.5, "I")


def _decisions(pdf: ReportPDF, report: Report) -> None:
    """Why the run week changed: each decision by hand, when there are any."""
    if report.decisions:
        _heading(pdf, "Run week set by hand")
        _bullets(pdf, report.decisions)


def _runs(pdf: ReportPDF, report: Report) -> None:
    """Each run, guided or outdoors, when there are any."""
    if report.runs:
        _heading(pdf, "Runs")
        _bullets(pdf, report.runs)


def _function(pdf: ReportPDF, report: Report) -> None:
    """The function score and its change since the first rating, when there is one."""
    if report.function:
        _heading(pdf, "Function (Patient-Specific Functional Scale: 0 = cannot, 10 = as before)")
        _bullets(pdf, report.function)


def _checkbox(pdf: ReportPDF, x: float, y: float, ticked: bool) -> None:
    pdf.set_draw_color(*(WARN if ticked else GREY))
    pdf.set_line_width(0.3)
    pdf.rect(x, y, 3, 3)
    if ticked:
        pdf.set_line_width(0.5)
        pdf.polyline([(x + 0.6, y + 1.6), (x + 1.3, y + 2.4), (x + 2.5, y + 0.6)])


def _red_flags(pdf: ReportPDF, flags: Sequence[FlagState]) -> None:
    _heading(pdf, "Red flags")
    if not flags:
        _plain(pdf, "The program's red-flag list could not be read.", style="I")
        return
    for flag in flags:
        y = pdf.get_y()
        _checkbox(pdf, pdf.l_margin + 0.5, y + 0.8, flag.ticked)
        pdf.use(9, "B" if flag.ticked else "", WARN if flag.ticked else INK)
        _para(pdf, flag.text, 5.5)
        if flag.detail:
            pdf.use(8.5, colour=GREY)
            _para(pdf, flag.detail, 5.5)
    ticked = sum(flag.ticked for flag in flags)
    summary = f"{ticked} of {len(flags)} ticked" if ticked else "None ticked"
    _plain(
        pdf,
        f"{summary}. Ticked here: a flag standing now, ticked in the app's checklist (each "
        "tick and untick dated under it) or shown by the recorded history.",
        7.5,
        "I",
    )


def _note_text(text: str) -> str:
    text = text.strip()
    return text if len(text) <= NOTE_CHARS else text[: NOTE_CHARS - 3].rstrip() + "..."


def _note_height(pdf: ReportPDF, note: NoteEntry) -> float:
    pdf.use(9)
    body = pdf.multi_cell(
        pdf.width - 4, LINE, _note_text(note.text), dry_run=True, output=MethodReturnValue.HEIGHT
    )
    return LINE + 0.8 + (body if isinstance(body, float) else LINE)


def _fitting_notes(pdf: ReportPDF, notes: Sequence[NoteEntry]) -> list[NoteEntry]:
    """The latest notes, at most NOTE_ROWS, that fit before the end of the last page."""
    room = pdf.page_break_trigger - pdf.get_y() - 2 * LINE
    if pdf.page_no() < MAX_PAGES:
        room += (MAX_PAGES - pdf.page_no()) * (pdf.page_break_trigger - pdf.t_margin)
    chosen: list[NoteEntry] = []
    for note in reversed(notes[-NOTE_ROWS:]):
        room -= _note_height(pdf, note)
        if room < 0:
            break
        chosen.append(note)
    return chosen[::-1]


def _notes(pdf: ReportPDF, report: Report) -> None:
    _heading(pdf, "Notes")
    if not report.notes:
        _plain(pdf, "None.", style="I")
        return
    shown = _fitting_notes(pdf, report.notes)
    for note in shown:
        pdf.room_for(LINE * 2)
        pdf.use(8.5, "B", GREY)
        pdf.cell(0, LINE, f"{note.at:%Y-%m-%d}, {note.about}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.use(9)
        _para(pdf, _note_text(note.text), 4)
        pdf.ln(0.8)
    if len(shown) < len(report.notes):
        more = _shown(len(report.notes), len(shown), "notes")
        _plain(pdf, more + " The Markdown export has more.", 7.5, "I")


# -- the exercises' figures ------------------------------------------------------------------
FIGURE_COLUMNS = 3
FIGURE_HEIGHT = 30.0  # mm at most for one figure


def _figure_size(figure: Figure, width: float) -> tuple[float, float]:
    """The figure's size in mm: ``width`` wide, or less so that it is at most FIGURE_HEIGHT."""
    svg_width, svg_height = svg_size(figure)
    scale = min(width / svg_width, FIGURE_HEIGHT / svg_height)
    return svg_width * scale, svg_height * scale


def _figure_row(pdf: ReportPDF, row: Sequence[tuple[str, Figure]], column: float) -> None:
    sizes = [_figure_size(figure, column - 4) for _, figure in row]
    tallest = max(height for _, height in sizes)
    pdf.room_for(tallest + LINE + 4)
    top = pdf.get_y()
    for number, ((name, figure), (width, height)) in enumerate(zip(row, sizes, strict=True)):
        x = pdf.l_margin + number * column
        pdf.image(io.BytesIO(figure_svg(figure).encode("utf-8")), x=x, y=top, w=width, h=height)
        pdf.set_xy(x, top + tallest + 0.8)
        pdf.use(8.5, "B")
        pdf.cell(column - 4, LINE, name)
    pdf.set_xy(pdf.l_margin, top + tallest + LINE + 3.5)


def _figures(pdf: ReportPDF, figures: Sequence[tuple[str, Figure]]) -> None:
    """A page of the exercises done in the period, each in its start and end positions."""
    if not figures:
        return
    pdf.add_page()
    _heading(pdf, "The exercises done in this period")
    _plain(
        pdf,
        "Each in its start position and, after the arrow, its end position over the start "
        "(dashed). The near limbs are black, the far leg grey.",
        7.5,
        "I",
    )
    pdf.ln(1.5)
    column = pdf.width / FIGURE_COLUMNS
    for first in range(0, len(figures), FIGURE_COLUMNS):
        _figure_row(pdf, figures[first : first + FIGURE_COLUMNS], column)


def to_pdf(report: Report, font_dirs: Sequence[Path] | None = None) -> bytes:
    """The report as PDF bytes, in DejaVu Sans from the first of ``font_dirs`` that has it."""
    pdf = ReportPDF(find_font_dir(font_dirs), f"itb-tui {__version__}, made {report.today}")
    pdf.set_title("IT band rehab report")
    pdf.set_author("itb-tui")
    pdf.add_page()
    _title(pdf, report)
    _heading(pdf, "Adherence against the program's targets")
    _bullets(pdf, report.adherence)
    _heading(pdf, "Pain (0 = none, 10 = the worst imaginable)")
    _bullets(pdf, report.pain_trend)
    _pain_chart(pdf, report)
    _function(pdf, report)
    _sides(pdf, report.sides)
    _spikes(pdf, report)
    _runs(pdf, report)
    _decisions(pdf, report)
    _red_flags(pdf, report.flags)
    _notes(pdf, report)
    _figures(pdf, report.figures)
    return bytes(pdf.output())
