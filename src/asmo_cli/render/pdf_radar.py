"""The radar drawn straight into a PDF as vector graphics: sharp at any zoom, and no
matplotlib needed to make the document (so the PDF can be made beside the PNG).

It shows what ``radar.py`` shows: rings 1 to 5, an axis per role (dotted and grey when the
role is n.v.t. or has too little data), an outline through the scores with enough data,
hollow grey points for the thin ones, the values, and a legend when there is more than one
outline.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from asmo_cli.core.text import clean, number
from asmo_cli.render.fonts import FONT
from asmo_cli.render.pdf import GREY, INK, Document, rgb
from asmo_cli.render.radar import MAX_RADIUS, NOW, STYLES, TARGET, TEAM, Series

RING = (204, 204, 204)
AXIS = (187, 187, 187)
LABEL_WIDTH = 34.0  # mm
LABEL_SIZE = 8.5  # pt
DASHES = {"-": None, "--": (2.0, 1.2), ":": (0.5, 0.9), "-.": (2.4, 0.9)}


def draw_radar_pdf(
    doc: Document, labels: Sequence[str], series: Sequence[Series], radius: float = 50.0
) -> None:
    """Draw the radar centred on the page below the current position."""
    pdf = doc.pdf
    count = len(labels)
    line = LABEL_SIZE * 0.42
    measured = [s for s in series if s.kind != TARGET]
    unscored = [all(s.scores[i] is None for s in measured) for i in range(count)]
    thin = [not unscored[i] and not any(s.solid(i) for s in measured) for i in range(count)]
    texts = []
    for i, label in enumerate(labels):
        pdf.set_font(FONT, "" if unscored[i] or thin[i] else "B", LABEL_SIZE)
        wrapped = doc.wrap(clean(label), LABEL_WIDTH)
        wrapped += ["n.v.t."] if unscored[i] else ["te weinig", "ingevuld"] if thin[i] else []
        texts.append(wrapped)
    room = 2 * max(len(t) for t in texts) * line + 6
    legend = 7.0 if len(series) > 1 else 0.0
    doc.keep(2 * radius + room + legend)
    cx = pdf.l_margin + pdf.epw / 2
    cy = pdf.get_y() + room / 2 + radius
    angles = [math.pi / 2 - 2 * math.pi * i / count for i in range(count)]

    def point(angle: float, value: float) -> tuple[float, float]:
        r = radius * value / MAX_RADIUS
        return cx + r * math.cos(angle), cy - r * math.sin(angle)

    pdf.set_line_width(0.25)
    pdf.set_draw_color(*RING)
    for ring in range(1, 6):
        pdf.circle(cx, cy, radius * ring / MAX_RADIUS)
    for i, angle in enumerate(angles):
        grey = unscored[i] or thin[i]
        pdf.set_draw_color(*(GREY if grey else AXIS))
        pdf.set_dash_pattern(*((0.5, 0.9) if grey else (0, 0)))
        pdf.line(cx, cy, *point(angle, MAX_RADIUS))
    pdf.set_dash_pattern()
    _ring_numbers(doc, cx, cy, radius, count)
    for i, angle in enumerate(angles):
        _label(doc, texts[i], *point(angle, MAX_RADIUS), angle, grey=unscored[i] or thin[i])
    for one in series:
        _outline(doc, count, one, point)
    pdf.set_y(cy + radius + room / 2)
    if legend:
        _legend(doc, series)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.ln(2)


def _ring_numbers(doc: Document, cx: float, cy: float, radius: float, count: int) -> None:
    pdf = doc.pdf
    angle = math.pi / 2 - math.pi / count  # halfway between the first two axes
    pdf.set_font(FONT, "", 6.5)
    pdf.set_text_color(119, 119, 119)
    for ring in range(1, 6):
        r = radius * ring / MAX_RADIUS
        x, y = cx + r * math.cos(angle), cy - r * math.sin(angle)
        pdf.text(x + 0.6, y - 0.6, str(ring))


def _label(
    doc: Document, lines: Sequence[str], x: float, y: float, angle: float, *, grey: bool
) -> None:
    """Set a wrapped axis label just outside the chart, anchored away from the centre."""
    pdf = doc.pdf
    pdf.set_font(FONT, "" if grey else "B", LABEL_SIZE)
    pdf.set_text_color(*(GREY if grey else INK))
    line = LABEL_SIZE * 0.42
    cos, sin = math.cos(angle), math.sin(angle)
    x += 3.5 * cos
    y -= 3.5 * sin
    height = len(lines) * line
    top = y - height / 2 if abs(sin) < 0.2 else (y - height if sin > 0 else y)
    align = "C" if abs(cos) < 0.2 else ("L" if cos > 0 else "R")
    left = {"C": x - LABEL_WIDTH / 2, "L": x, "R": x - LABEL_WIDTH}[align]
    for i, text in enumerate(lines):
        pdf.set_xy(left, top + i * line)
        pdf.cell(LABEL_WIDTH, line, text, align=align)


Point = Callable[[float, float], tuple[float, float]]


def _outline(doc: Document, count: int, one: Series, point: Point) -> None:
    """Draw one series like the PNG: outline and fill through the solid scores (three or
    more), markers otherwise; thin scores as hollow grey points; values for now and team."""
    pdf = doc.pdf
    look = STYLES[one.kind]
    colour = rgb(look.colour)
    angles = [math.pi / 2 - 2 * math.pi * i / count for i in range(count)]
    solid = [(i, float(v)) for i, v in enumerate(one.scores) if v is not None and one.solid(i)]
    hollow = [(i, float(v)) for i, v in enumerate(one.scores) if v is not None and not one.solid(i)]
    corners = [point(angles[i], v) for i, v in solid]
    pdf.set_draw_color(*colour)
    pdf.set_fill_color(*colour)
    pdf.set_line_width(0.5)
    if len(solid) >= 3:
        if look.fill_alpha:
            with pdf.local_context(fill_opacity=look.fill_alpha):
                pdf.polygon(corners, style="F")
        dash = DASHES[look.line]
        pdf.set_dash_pattern(*(dash or (0, 0)))
        pdf.polygon(corners, style="D")
        pdf.set_dash_pattern()
    if look.marker or len(solid) < 3:
        size = 0.9 if len(solid) >= 3 else 1.3
        for x, y in corners:
            if look.marker == "s":
                pdf.rect(x - size, y - size, 2 * size, 2 * size, style="F")
            else:
                pdf.circle(x, y, size, style="F")
    pdf.set_draw_color(*GREY)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_line_width(0.4)
    for i, v in hollow:
        pdf.circle(*point(angles[i], v), 1.2, style="DF")
    if one.kind in (NOW, TEAM):
        for points, tint, bold in ((solid, colour, True), (hollow, GREY, False)):
            pdf.set_font(FONT, "B" if bold else "", 7.5)
            pdf.set_text_color(*tint)
            pdf.set_fill_color(255, 255, 255)
            for i, v in points:
                # above the point, or inside it near the rim where the role's name is
                x, y = point(angles[i], v + 0.45 if v <= 4.4 else v - 0.5)
                text = number(v)
                width = pdf.get_string_width(text) + 1.2
                pdf.set_xy(x - width / 2, y - 1.6)
                with pdf.local_context(fill_opacity=0.85):
                    pdf.cell(width, 3.2, text, align="C", fill=True)
    pdf.set_line_width(0.25)


def _legend(doc: Document, series: Sequence[Series]) -> None:
    """One line under the chart: a short stroke in each outline's style, then its label."""
    pdf = doc.pdf
    pdf.set_font(FONT, "", 8.5)
    parts = [(one, clean(one.label)) for one in series]
    widths = [10 + pdf.get_string_width(text) + 6 for _, text in parts]
    x = pdf.l_margin + max(0.0, (pdf.epw - sum(widths)) / 2)
    y = pdf.get_y() + 2
    for (one, text), width in zip(parts, widths, strict=True):
        look = STYLES[one.kind]
        pdf.set_draw_color(*rgb(look.colour))
        pdf.set_line_width(0.6)
        pdf.set_dash_pattern(*(DASHES[look.line] or (0, 0)))
        pdf.line(x, y + 1.6, x + 8, y + 1.6)
        pdf.set_dash_pattern()
        pdf.set_text_color(*INK)
        pdf.set_xy(x + 10, y)
        pdf.cell(width - 10, 3.4, text)
        x += width
    pdf.set_y(y + 5)
