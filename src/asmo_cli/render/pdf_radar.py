"""The radar drawn straight into a PDF as vector graphics, from the same geometry as the PNG
(``radar_geometry.py``): rings 1 to 5, an axis per role (dotted and grey when the role is
n.v.t. or has too little data), the outlines (broken where a role has no counted score), open
points in each outline's own colour for the thin scores, the values, and a legend when there
is more than one outline.
Sharp at any zoom, and no matplotlib needed to make the document.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from asmo_cli.core.text import clean
from asmo_cli.render.fonts import FONT
from asmo_cli.render.pdf import GREY, INK, Document, rgb
from asmo_cli.render.radar_geometry import (
    BAND,
    MAX_RADIUS,
    RINGS,
    STYLES,
    Axis,
    Band,
    Outline,
    Series,
    ValueLabel,
    radar_geometry,
)

RING = (204, 204, 204)
AXIS = (187, 187, 187)
LABEL_WIDTH = 34.0  # mm
LABEL_GAP = 3.5  # mm between the rim and a role's name
LABEL_SIZE = 8.5  # pt: the roles
SMALL_SIZE = 8.0  # pt: the values, the ring numbers; nothing on the chart is smaller
RADIUS = 54.0  # mm: the report's radar, 62% of the text width (the plan's is smaller)
DASHES = {"-": None, "--": (2.0, 1.2), ":": (0.5, 0.9), "-.": (2.4, 0.9)}
Place = Callable[[float, float], tuple[float, float]]  # (angle, value) → (x, y) on the page


def draw_radar_pdf(
    doc: Document,
    labels: Sequence[str],
    series: Sequence[Series],
    radius: float = RADIUS,
    band: tuple[Sequence[float | None], Sequence[float | None], str] | None = None,
    reasons: Sequence[tuple[str, ...]] | None = None,
) -> None:
    """Draw the radar centred on the page below the current position (``band`` and
    ``reasons`` as in ``radar_geometry``)."""
    pdf = doc.pdf
    radar = radar_geometry(labels, series, band, reasons)
    line = LABEL_SIZE * 0.42
    texts = []
    for axis in radar.axes:
        pdf.set_font(FONT, "" if axis.grey else "B", LABEL_SIZE)
        texts.append([*doc.wrap(clean(axis.label), LABEL_WIDTH), *axis.note])
    above, below = _label_room(radar.axes, texts, radius, line)
    legend = 7.0 if radar.legend else 0.0
    doc.keep(above + 2 * radius + below + legend)
    cx = pdf.l_margin + pdf.epw / 2
    cy = pdf.get_y() + above + radius

    def place(angle: float, value: float) -> tuple[float, float]:
        r = radius * value / MAX_RADIUS
        return cx + r * math.cos(angle), cy - r * math.sin(angle)

    pdf.set_line_width(0.25)
    pdf.set_draw_color(*RING)
    for ring in RINGS:
        pdf.circle(cx, cy, radius * ring / MAX_RADIUS)
    for axis in radar.axes:
        pdf.set_draw_color(*(GREY if axis.grey else AXIS))
        pdf.set_dash_pattern(*((0.5, 0.9) if axis.grey else (0, 0)))
        pdf.line(cx, cy, *place(axis.angle, MAX_RADIUS))
    pdf.set_dash_pattern()
    _ring_numbers(doc, place, len(radar.axes))
    for axis, text in zip(radar.axes, texts, strict=True):
        _label(doc, text, axis, place)
    if radar.band is not None:
        _band(doc, radar.band, place)
    for outline in radar.outlines:
        _outline(doc, outline, place)
    _values(doc, radar.labels, place)
    pdf.set_y(cy + radius + below)
    if legend:
        _legend(doc, series, radar.band.label if radar.band else None)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.ln(2)


def _label_room(
    axes: Sequence[Axis], texts: Sequence[Sequence[str]], radius: float, line: float
) -> tuple[float, float]:
    """How far the labels reach above and below the rim (mm, plus a little air), as
    ``_label`` places them: only the labels near the top and bottom take room there."""
    top = bottom = radius
    for axis, lines in zip(axes, texts, strict=True):
        sin = math.sin(axis.angle)
        y = (radius + LABEL_GAP) * sin  # upwards from the centre
        height = len(lines) * line
        high, low = (
            (y + height / 2, y - height / 2)
            if abs(sin) < 0.2
            else ((y + height, y) if sin > 0 else (y, y - height))
        )
        top, bottom = max(top, high), max(bottom, -low)
    return top - radius + 2, bottom - radius + 2


def _ring_numbers(doc: Document, place: Place, count: int) -> None:
    pdf = doc.pdf
    angle = math.pi / 2 - math.pi / count  # halfway between the first two axes
    pdf.set_font(FONT, "", SMALL_SIZE)
    pdf.set_text_color(119, 119, 119)
    for ring in RINGS:
        x, y = place(angle, ring)
        pdf.text(x + 0.6, y - 0.6, str(ring))


def _label(doc: Document, lines: Sequence[str], axis: Axis, place: Place) -> None:
    """Set a wrapped axis label just outside the chart, anchored away from the centre."""
    pdf = doc.pdf
    pdf.set_font(FONT, "" if axis.grey else "B", LABEL_SIZE)
    pdf.set_text_color(*(GREY if axis.grey else INK))
    line = LABEL_SIZE * 0.42
    x, y = place(axis.angle, MAX_RADIUS)
    cos, sin = math.cos(axis.angle), math.sin(axis.angle)
    x += LABEL_GAP * cos
    y -= LABEL_GAP * sin
    height = len(lines) * line
    top = y - height / 2 if abs(sin) < 0.2 else (y - height if sin > 0 else y)
    align = "C" if abs(cos) < 0.2 else ("L" if cos > 0 else "R")
    left = {"C": x - LABEL_WIDTH / 2, "L": x, "R": x - LABEL_WIDTH}[align]
    for i, text in enumerate(lines):
        pdf.set_xy(left, top + i * line)
        pdf.cell(LABEL_WIDTH, line, text, align=align)


def _outline(doc: Document, outline: Outline, place: Place) -> None:
    """Draw one outline like the PNG: its closed shape or its segments with their fill and
    markers (a lone point as a marker), and its thin scores as open markers in its own
    colour, never part of a line."""
    pdf = doc.pdf
    look = STYLES[outline.series.kind]
    colour = rgb(look.colour)
    pdf.set_draw_color(*colour)
    pdf.set_fill_color(*colour)
    if look.fill_alpha:
        for fill in outline.fills:
            with pdf.local_context(fill_opacity=look.fill_alpha):
                pdf.polygon([place(p.angle, p.value) for p in fill], style="F")
    pdf.set_line_width(0.5)
    pdf.set_dash_pattern(*(DASHES[look.line] or (0, 0)))
    for line in outline.lines:
        pdf.polyline([place(p.angle, p.value) for p in line])
    pdf.set_dash_pattern()
    shape = look.marker or "o"
    lone = {s[0] for s in outline.segments if len(s) == 1}
    for point in outline.solid:
        if look.marker or point in lone:
            size = 1.3 if point in lone else 0.9
            marker(doc, shape, *place(point.angle, point.value), size, "F")
    pdf.set_fill_color(255, 255, 255)
    pdf.set_line_width(0.45)
    for point in outline.hollow:
        marker(doc, shape, *place(point.angle, point.value), 1.3, "DF")
    pdf.set_line_width(0.25)


def marker(doc: Document, shape: str, x: float, y: float, size: float, style: str) -> None:
    """A marker of matplotlib's ``shape`` (o, s or D) of half-size ``size`` at (x, y)."""
    pdf = doc.pdf
    if shape == "s":
        pdf.rect(x - size, y - size, 2 * size, 2 * size, style=style)
    elif shape == "D":
        size *= 1.25
        pdf.polygon([(x, y - size), (x + size, y), (x, y + size), (x - size, y)], style=style)
    else:
        pdf.circle(x, y, size, style=style)


def _values(doc: Document, labels: Sequence[ValueLabel], place: Place) -> None:
    """Write the values where the geometry placed them: bold when they count, plain for thin
    scores, each in its outline's colour on a white box."""
    pdf = doc.pdf
    pdf.set_fill_color(255, 255, 255)
    for label in labels:
        pdf.set_font(FONT, "B" if label.counts else "", SMALL_SIZE)
        pdf.set_text_color(*rgb(STYLES[label.kind].colour))
        x, y = place(label.angle, label.radius)
        width = pdf.get_string_width(label.text) + 1.2
        pdf.set_xy(x - width / 2, y - 1.7)
        with pdf.local_context(fill_opacity=0.9):
            pdf.cell(width, 3.4, label.text, align="C", fill=True)


def _band(doc: Document, band: Band, place: Place) -> None:
    """Shade the band per run of neighbouring roles, as the PNG does; a role alone gets a
    bar from low to high, so that the band never crosses a role without it."""
    pdf = doc.pdf
    colour = rgb(BAND)
    pdf.set_fill_color(*colour)
    pdf.set_draw_color(*colour)
    for piece in band.pieces:
        if len(piece.angles) == 1:
            pdf.set_line_width(2.2)
            with pdf.local_context(stroke_opacity=0.55):
                pdf.line(
                    *place(piece.angles[0], piece.low[0]), *place(piece.angles[0], piece.high[0])
                )
            continue
        with pdf.local_context(fill_opacity=0.3):
            pdf.polygon([place(a, v) for a, v in piece.polygon], style="F")
    pdf.set_line_width(0.25)


def _legend(doc: Document, series: Sequence[Series], band: str | None = None) -> None:
    """One line under the chart: a short stroke in each outline's style with its marker,
    then its label; the band as a shaded block."""
    pdf = doc.pdf
    pdf.set_font(FONT, "", 8.5)
    parts: list[tuple[Series | None, str]] = [(one, clean(one.label)) for one in series]
    if band is not None:
        parts.insert(0, (None, clean(band)))
    widths = [10 + pdf.get_string_width(text) + 6 for _, text in parts]
    x = pdf.l_margin + max(0.0, (pdf.epw - sum(widths)) / 2)
    y = pdf.get_y() + 2
    for (one, text), width in zip(parts, widths, strict=True):
        if one is None:  # the band
            pdf.set_fill_color(*rgb(BAND))
            with pdf.local_context(fill_opacity=0.3):
                pdf.rect(x, y + 0.2, 8, 2.8, style="F")
            pdf.set_text_color(*INK)
            pdf.set_xy(x + 10, y)
            pdf.cell(width - 10, 3.4, text)
            x += width
            continue
        look = STYLES[one.kind]
        pdf.set_draw_color(*rgb(look.colour))
        pdf.set_fill_color(*rgb(look.colour))
        pdf.set_line_width(0.6)
        pdf.set_dash_pattern(*(DASHES[look.line] or (0, 0)))
        pdf.line(x, y + 1.6, x + 8, y + 1.6)
        pdf.set_dash_pattern()
        if look.marker:
            marker(doc, look.marker, x + 4, y + 1.6, 0.9, "F")
        pdf.set_text_color(*INK)
        pdf.set_xy(x + 10, y)
        pdf.cell(width - 10, 3.4, text)
        x += width
    pdf.set_y(y + 5)
