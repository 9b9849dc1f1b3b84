"""The hours chart drawn straight into a PDF as vector graphics, from the geometry in
``bars.py`` (the same bars, numbers and ticks as ``tijdsbesteding.png``): sharp at any zoom,
and no picture to decode and compress again."""

from __future__ import annotations

from collections.abc import Sequence

from asmo_cli.core.text import clean
from asmo_cli.render.bars import AXIS_LABEL, Panel
from asmo_cli.render.fonts import FONT
from asmo_cli.render.pdf import GREY, INK, Document, rgb

LABEL_SHARE = 0.36  # of the width: the names
NAME_SIZE = 8.0  # pt: the names, the hours and the ticks (nothing smaller)
BAR = 4.2  # mm per bar
GAP = 1.4  # mm between bars
AXIS = (120, 120, 120)


def draw_bars_pdf(doc: Document, title: str, panels: Sequence[Panel]) -> None:
    """Draw the title and each panel below the current position, a panel never split."""
    pdf = doc.pdf
    doc.keep(12)
    pdf.set_font(FONT, "B", 11)
    pdf.set_text_color(*INK)
    pdf.set_x(pdf.l_margin)
    pdf.cell(pdf.epw, 6, clean(title), align="C")
    pdf.ln(8)
    for one in panels:
        _panel(doc, one)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)


def _panel(doc: Document, one: Panel) -> None:
    pdf = doc.pdf
    label_width = pdf.epw * LABEL_SHARE
    left = pdf.l_margin + label_width + 2
    room = pdf.l_margin + pdf.epw - left
    pdf.set_font(FONT, "", NAME_SIZE)
    names = [doc.wrap(clean(bar.name), label_width)[:2] for bar in one.bars]
    rows = [max(BAR, len(lines) * NAME_SIZE * 0.42) for lines in names]
    doc.keep(7 + sum(rows) + GAP * len(rows) + 11)
    pdf.set_font(FONT, "B", 10)
    pdf.set_text_color(*INK)
    pdf.set_x(pdf.l_margin)
    pdf.cell(pdf.epw, 5, clean(one.title))
    pdf.ln(6)
    top = pdf.get_y()
    y = top
    colour = rgb(one.colour)
    for bar, lines, height in zip(one.bars, names, rows, strict=True):
        middle = y + (height + GAP) / 2
        pdf.set_font(FONT, "", NAME_SIZE)
        pdf.set_text_color(*INK)
        line = NAME_SIZE * 0.42
        for i, text in enumerate(lines):
            pdf.set_xy(pdf.l_margin, middle - len(lines) * line / 2 + i * line)
            pdf.cell(label_width, line, text, align="R")
        length = room * bar.value / one.limit
        pdf.set_fill_color(*colour)
        pdf.rect(left, middle - BAR / 2, length, BAR, style="F")
        pdf.set_font(FONT, "", NAME_SIZE)
        pdf.set_xy(left + length + 0.8, middle - 1.7)
        pdf.cell(12, 3.4, bar.text)
        y += height + GAP
    pdf.set_draw_color(*AXIS)
    pdf.set_line_width(0.25)
    pdf.line(left, top, left, y)
    pdf.line(left, y, left + room, y)
    pdf.set_font(FONT, "", NAME_SIZE)
    pdf.set_text_color(*GREY)
    for tick in one.ticks:
        x = left + room * tick / one.limit
        pdf.line(x, y, x, y + 1.2)
        pdf.set_xy(x - 6, y + 1.4)
        pdf.cell(12, 3, one.tick_text(tick), align="C")
    pdf.set_xy(left, y + 4.6)
    pdf.cell(room, 3.4, AXIS_LABEL, align="C")
    pdf.set_y(y + 10)
