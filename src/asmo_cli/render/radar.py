"""The radar (spider) chart of the roles as a PNG, SVG or PDF file, drawn by matplotlib from
its geometry (``radar_geometry.py``, which the PDF's own drawing reads too).

matplotlib is imported only inside the functions that draw (through ``Figure``, no pyplot), so
commands that draw nothing start fast.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from asmo_cli.core.text import clean
from asmo_cli.render.fonts import drawable
from asmo_cli.render.radar_geometry import (
    BAND,
    MAX_RADIUS,
    RINGS,
    STYLES,
    TARGET,
    Axis,
    Band,
    Outline,
    Series,
    ValueLabel,
    radar_geometry,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes
    from matplotlib.text import Text

SIZE_INCHES = 8.5
DPI = 150
GREY = "#9a9a9a"


def chart_text(text: str) -> str:
    """Return user or catalogue text for a chart: one line each, and '$' never starts math."""
    return drawable(clean(text)).replace("$", r"\$")


def lines(text: str) -> str:
    return "\n".join(chart_text(line) for line in text.split("\n"))


def wrap(text: str, width: int = 16, max_lines: int = 3) -> str:
    text = chart_text(text)
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [text]
    if len(lines) > max_lines:
        lines = [
            *lines[: max_lines - 1],
            textwrap.shorten(" ".join(lines[max_lines - 1 :]), width, placeholder="…"),
        ]
    return "\n".join(lines)


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """Return the figure as a file of one format (png, svg or pdf), in memory."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=DPI, facecolor="white")
    return buffer.getvalue()


def draw_radar(
    labels: Sequence[str],
    series: Sequence[Series],
    title: str,
    formats: Sequence[str],
    band: tuple[Sequence[float | None], Sequence[float | None], str] | None = None,
    reasons: Sequence[tuple[str, ...]] | None = None,
) -> list[bytes]:
    """Draw one radar chart and return it in every format asked (png, svg or pdf).

    ``band`` (low values, high values, legend label) shades the range between two outlines.
    In the svg every line has an id: ``axis-<i>``, ``outline-<n>-<kind>-<j>`` (segment j of
    outline n), ``open-<n>-<kind>`` (its open points) and ``band-<j>``.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    radar = radar_geometry(labels, series, band, reasons)
    fig = Figure(figsize=(SIZE_INCHES, SIZE_INCHES), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = cast("PolarAxes", fig.add_axes((0.21, 0.15, 0.58, 0.58), projection="polar"))
    ax.set_ylim(0, MAX_RADIUS)
    ax.set_yticks(list(RINGS))
    ax.set_yticklabels([str(r) for r in RINGS], color="#777777", fontsize=8)
    ax.set_rlabel_position(90 - 360 / len(labels) / 2)
    ax.set_xticks([])
    ax.grid(True, axis="y", color="#cccccc", linewidth=0.8)
    ax.spines["polar"].set_color("#bbbbbb")
    labels_drawn = [_axis(ax, axis, i) for i, axis in enumerate(radar.axes)]
    for index, outline in enumerate(radar.outlines):
        _draw_outline(ax, outline, index)
    for label in radar.labels:
        _value(ax, label)
    if radar.band is not None:
        _draw_band(ax, radar.band)
    fig.suptitle(lines(title), fontsize=15, fontweight="bold", y=0.975, va="top")
    fig.text(
        0.5,
        0.885,
        _caption_lines(radar.caption),
        ha="center",
        va="top",
        fontsize=10,
        color="#555555",
        linespacing=1.4,
    )
    _fit_inside(fig, labels_drawn)
    if radar.legend:
        fig.legend(
            loc="lower center",
            ncol=len(series) + (band is not None),
            frameon=False,
            fontsize=10,
            bbox_to_anchor=(0.5, 0.015),
        )
    return [figure_bytes(fig, fmt) for fmt in formats]


def _caption_lines(caption: str, width: int = 100) -> str:
    """The caption under the title: the scale on its own line, what the marks mean below."""
    scale, _, rest = caption.partition(". ")
    return "\n".join([f"{scale}.", *textwrap.wrap(rest, width)]) if rest else caption


def _axis(ax: PolarAxes, axis: Axis, index: int) -> Text:
    """An axis line from the centre to the rim, and the role's name outside it."""
    ax.plot(
        [axis.angle, axis.angle],
        [0, MAX_RADIUS],
        color=GREY if axis.grey else "#bbbbbb",
        linewidth=0.8,
        linestyle=":" if axis.grey else "-",
        zorder=1,
        gid=f"axis-{index}",
    )
    label = "\n".join([wrap(axis.label), *axis.note])
    cos, sin = math.cos(axis.angle), math.sin(axis.angle)
    return ax.text(
        axis.angle,
        MAX_RADIUS * 1.1,
        label,
        ha="center" if abs(cos) < 0.2 else ("left" if cos > 0 else "right"),
        va="center" if abs(sin) < 0.2 else ("bottom" if sin > 0 else "top"),
        fontsize=11,
        color=GREY if axis.grey else "#222222",
        fontweight="normal" if axis.grey else "bold",
    )


def _draw_outline(ax: PolarAxes, outline: Outline, index: int) -> None:
    """Draw one outline: its closed shape or its segments (a lone point as a marker), the
    fill, and its thin scores as open markers in its own colour, never part of a line."""
    one = outline.series
    look = STYLES[one.kind]
    zorder = 3 + index
    name = f"{index}-{one.kind.value}"
    width = 2.2 if one.kind == TARGET else 2.0
    marker = look.marker or "o"
    # the legend's sample: the line style with the marker, whatever this outline has
    ax.plot(
        [],
        [],
        color=look.colour,
        linewidth=width,
        linestyle=look.line,
        marker=look.marker,
        markersize=5,
        label=chart_text(one.label),
    )
    for j, line in enumerate(outline.lines):
        ax.plot(
            [p.angle for p in line],
            [p.value for p in line],
            color=look.colour,
            linewidth=width,
            linestyle=look.line,
            marker=look.marker,
            markersize=5,
            zorder=zorder,
            gid=f"outline-{name}-{j}",
        )
    for fill in outline.fills:
        if look.fill_alpha:
            ax.fill(
                [p.angle for p in fill],
                [p.value for p in fill],
                color=look.colour,
                alpha=look.fill_alpha,
                zorder=2,
                linewidth=0,
            )
    lone = [s[0] for s in outline.segments if len(s) == 1]
    if lone:
        ax.plot(
            [p.angle for p in lone],
            [p.value for p in lone],
            color=look.colour,
            linestyle="none",
            marker=marker,
            markersize=7,
            zorder=zorder,
            gid=f"lone-{name}",
        )
    if outline.hollow:
        ax.plot(
            [p.angle for p in outline.hollow],
            [p.value for p in outline.hollow],
            linestyle="none",
            marker=marker,
            markersize=9,
            markerfacecolor="white",
            markeredgecolor=look.colour,
            markeredgewidth=1.8,
            zorder=zorder,
            gid=f"open-{name}",
        )


def _value(ax: PolarAxes, label: ValueLabel) -> None:
    """Write a value where the geometry placed it: bold when it counts, plain when thin."""
    ax.text(
        label.angle,
        label.radius,
        label.text,
        ha="center",
        va="center",
        fontsize=10,
        color=STYLES[label.kind].colour,
        fontweight="bold" if label.counts else "normal",
        zorder=12,
        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.9},
    )


def _draw_band(ax: PolarAxes, band: Band) -> None:
    """Shade the band per run of neighbouring roles; a role alone gets a bar from low to
    high, so the band never crosses a role without it."""
    label = chart_text(band.label)
    ax.fill([], [], color=BAND, alpha=0.3, linewidth=0, label=label)
    for j, piece in enumerate(band.pieces):
        if len(piece.angles) == 1:
            ax.plot(
                [piece.angles[0]] * 2,
                [piece.low[0], piece.high[0]],
                color=BAND,
                alpha=0.55,
                linewidth=7,
                solid_capstyle="butt",
                zorder=1.5,
                gid=f"band-{j}",
            )
            continue
        ring = piece.polygon
        patches = ax.fill(
            [p[0] for p in ring],
            [p[1] for p in ring],
            color=BAND,
            alpha=0.3,
            zorder=1.5,
            linewidth=0,
        )
        for patch in patches:
            patch.set_gid(f"band-{j}")


def _fit_inside(fig: Figure, texts: Sequence[Text], margin: float = 6.0) -> None:
    """Shrink any label that would stick out of the image until it fits."""
    canvas = fig.canvas
    renderer = canvas.get_renderer()  # type: ignore[attr-defined]
    width, height = fig.bbox.width, fig.bbox.height
    for text in texts:
        size = float(text.get_fontsize())
        while size > 6:
            box = text.get_window_extent(renderer)
            if (
                box.x0 >= margin
                and box.x1 <= width - margin
                and box.y0 >= margin
                and box.y1 <= height - margin
            ):
                break
            size -= 0.5
            text.set_fontsize(size)
