"""The scores in order (``dots.py``) drawn straight into a PDF as vector graphics: a row per
role, a scale of 1 to 5, and each outline of the radar as its own marker in its own lane of
the row, so that equal scores never hide each other. A filled marker counts; an open one has
too little data behind it. Shapes differ per outline, so it reads in black and white too.
"""

from __future__ import annotations

from collections.abc import Callable

from asmo_cli.core.text import clean, number
from asmo_cli.render.dots import NOT_RATED, THIN, DotChart, Mark
from asmo_cli.render.fonts import FONT
from asmo_cli.render.pdf import GREY, INK, Document, rgb
from asmo_cli.render.pdf_radar import marker
from asmo_cli.render.radar_geometry import NOW, STYLES, TARGET, Kind

LABEL_WIDTH = 50.0  # mm: the role (and "te weinig ingevuld")
VALUES_WIDTH = 34.0  # mm: the values, the record's first
ROW = 7.0  # mm
LANE = 2.2  # mm between the outlines' lanes within a row
SIZE = 8.5  # pt: role names and values
SMALL = 8.0  # pt: the scale, the notes and the legend
LOW, HIGH = 1.0, 5.0
GRID = (215, 215, 215)
GUIDE = (238, 238, 238)


def draw_dots_pdf(doc: Document, chart: DotChart) -> None:
    """Draw the chart below the current position (a new page first if it does not fit)."""
    pdf = doc.pdf
    kinds = [kind for kind, _ in chart.legend]
    order = [NOW, *(k for k in kinds if k is not NOW)]  # the record's value first
    doc.keep(ROW * len(chart.rows) + 20)
    left = pdf.l_margin + LABEL_WIDTH
    width = pdf.epw - LABEL_WIDTH - VALUES_WIDTH - 4

    def x_of(value: float) -> float:
        return left + width * (min(max(value, LOW), HIGH) - LOW) / (HIGH - LOW)

    top = pdf.get_y() + 5
    bottom = top + ROW * len(chart.rows) + 1  # the lowest lane's marker stays inside
    pdf.set_font(FONT, "", SMALL)
    pdf.set_text_color(*GREY)
    pdf.set_line_width(0.2)
    for tick in range(int(LOW), int(HIGH) + 1):
        x = x_of(tick)
        pdf.set_draw_color(*GRID)
        pdf.line(x, top, x, bottom)
        pdf.set_xy(x - 4, top - 4.5)
        pdf.cell(8, 3.5, str(tick), align="C")
    lanes = {kind: (i - (len(order) - 1) / 2) * LANE for i, kind in enumerate(order)}
    for n, row in enumerate(chart.rows):
        y = top + ROW * n + ROW / 2
        main = row.main
        counts = main.value is not None and main.counts
        pdf.set_draw_color(*GUIDE)
        pdf.line(left, y, x_of(HIGH), y)
        pdf.set_font(FONT, "B" if counts else "", SIZE)
        pdf.set_text_color(*(INK if counts else GREY))
        pdf.set_xy(pdf.l_margin, y - 2)
        name = clean(row.label)
        if main.value is not None and not main.counts:
            name = f"{name} ({THIN})"
        elif main.value is None:
            name = f"{name} ({NOT_RATED})"
        pdf.cell(LABEL_WIDTH - 2, 4, name)
        marks = {m.kind: m for m in row.marks}
        for kind in reversed(order):
            _mark(doc, marks[kind], x_of, y + lanes[kind])
        _values(doc, [marks[k] for k in order], x_of(HIGH) + 4, y)
    pdf.set_y(bottom + 3)
    _legend(doc, chart)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.ln(2)


def _mark(doc: Document, mark: Mark, x_of: Callable[[float], float], y: float) -> None:
    if mark.value is None:
        return
    _draw(doc, mark.kind, x_of(mark.value), y, filled=mark.counts)


def _draw(
    doc: Document, kind: Kind, x: float, y: float, *, filled: bool, size: float = 1.2
) -> None:
    """One outline's marker: its shape and colour; open (white inside) when it does not count.
    The target is a short upright stroke."""
    pdf = doc.pdf
    look = STYLES[kind]
    colour = rgb(look.colour)
    pdf.set_draw_color(*colour)
    if kind is TARGET:
        pdf.set_line_width(0.6)
        pdf.line(x, y - 1.6, x, y + 1.6)
        pdf.set_line_width(0.2)
        return
    pdf.set_line_width(0.4)
    pdf.set_fill_color(*(colour if filled else (255, 255, 255)))
    marker(doc, look.marker or "o", x, y, size, "DF")
    pdf.set_line_width(0.2)


def _values(doc: Document, marks: list[Mark], x: float, y: float) -> None:
    """The record's value (bold when it counts), then the others', each after its marker."""
    pdf = doc.pdf
    for mark in marks:
        if mark.value is None:
            continue
        text = number(mark.value)  # the value alone: the label says when it is thin
        _draw(doc, mark.kind, x + 1.2, y, filled=mark.counts, size=0.9)  # whose value it is
        x += 3
        pdf.set_font(FONT, "B" if mark.counts and mark.kind is NOW else "", SIZE)
        pdf.set_text_color(*(INK if mark.kind is NOW else rgb(STYLES[mark.kind].colour)))
        width = pdf.get_string_width(text) + 1
        pdf.set_xy(x, y - 2)
        pdf.cell(width, 4, text)
        x += width + 2


def _legend(doc: Document, chart: DotChart) -> None:
    """One line under the chart: each outline's marker and its label (when there is more than
    the record itself), and what an open marker means."""
    pdf = doc.pdf
    pdf.set_font(FONT, "", SMALL)
    parts: list[tuple[Kind | None, str]] = []
    if len(chart.legend) > 1:
        parts += [(kind, clean(label)) for kind, label in chart.legend]
    if any(m.value is not None and not m.counts for r in chart.rows for m in r.marks):
        parts.append((None, f"open: {THIN}"))
    if not parts:
        return
    widths = [(5 if kind else 0) + pdf.get_string_width(text) + 6 for kind, text in parts]
    x = pdf.l_margin + max(0.0, (pdf.epw - sum(widths)) / 2)
    y = pdf.get_y() + 1
    for (kind, text), width in zip(parts, widths, strict=True):
        if kind is not None:
            _draw(doc, kind, x + 1.5, y + 1.7, filled=True, size=0.9)
            x += 5
            width -= 5
        pdf.set_text_color(*INK)
        pdf.set_xy(x, y)
        pdf.cell(width, 3.4, text)
        x += width
    pdf.set_y(y + 5)
