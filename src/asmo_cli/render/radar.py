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

from asmo_cli.core.text import clean, number
from asmo_cli.render.fonts import drawable
from asmo_cli.render.radar_geometry import (
    MAX_RADIUS,
    RINGS,
    STYLES,
    TARGET,
    Axis,
    Outline,
    Series,
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
) -> list[bytes]:
    """Draw one radar chart and return it in every format asked (png, svg or pdf).

    ``band`` (low values, high values, legend label) shades the range between two outlines.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    radar = radar_geometry(labels, series)
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
    labels_drawn = [_axis(ax, axis) for axis in radar.axes]
    for index, outline in enumerate(radar.outlines):
        _draw_outline(ax, outline, 3 + index)
    if band is not None:
        low, high, band_label = band
        both = [i for i in range(len(labels)) if low[i] is not None and high[i] is not None]
        if len(both) >= 3:
            outer = [(radar.axes[i].angle, float(high[i] or 0)) for i in both]
            inner = [(radar.axes[i].angle, float(low[i] or 0)) for i in both]
            ring = [*outer, outer[0], inner[0], *inner[::-1], inner[0]]
            ax.fill(
                [p[0] for p in ring],
                [p[1] for p in ring],
                color="#5b8ac4",
                alpha=0.3,
                zorder=1.5,
                label=band_label,
                linewidth=0,
            )
    fig.suptitle(lines(title), fontsize=15, fontweight="bold", y=0.975, va="top")
    fig.text(
        0.5,
        0.885,
        "Score per rol op een schaal van 1 tot 5 sterren"
        + ("; open punt: te weinig ingevuld, telt niet mee" if radar.open_points else ""),
        ha="center",
        va="top",
        fontsize=10,
        color="#555555",
    )
    _fit_inside(fig, labels_drawn)
    if radar.legend or band is not None:
        fig.legend(
            loc="lower center",
            ncol=len(series) + (band is not None),
            frameon=False,
            fontsize=10,
            bbox_to_anchor=(0.5, 0.015),
        )
    return [figure_bytes(fig, fmt) for fmt in formats]


def _axis(ax: PolarAxes, axis: Axis) -> Text:
    """An axis line from the centre to the rim, and the role's name outside it."""
    ax.plot(
        [axis.angle, axis.angle],
        [0, MAX_RADIUS],
        color=GREY if axis.grey else "#bbbbbb",
        linewidth=0.8,
        linestyle=":" if axis.grey else "-",
        zorder=1,
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


def _draw_outline(ax: PolarAxes, outline: Outline, zorder: int) -> None:
    """Draw one outline: a shape through the solid points (three or more), markers
    otherwise, and hollow grey markers for the thin ones, which are never part of it."""
    one = outline.series
    look = STYLES[one.kind]
    solid, hollow = outline.solid, outline.hollow
    label = chart_text(one.label)
    if outline.closed:
        thetas = [p.angle for p in solid] + [solid[0].angle]
        radii = [p.value for p in solid] + [solid[0].value]
        ax.plot(
            thetas,
            radii,
            color=look.colour,
            linewidth=2.2 if one.kind == TARGET else 2,
            linestyle=look.line,
            label=label,
            marker=look.marker,
            markersize=5,
            zorder=zorder,
        )
        if look.fill_alpha:
            ax.fill(thetas, radii, color=look.colour, alpha=look.fill_alpha, zorder=2)
        label = "_"  # the legend shows the outline once
    elif solid:
        ax.plot(
            [p.angle for p in solid],
            [p.value for p in solid],
            color=look.colour,
            linestyle="none",
            label=label,
            marker=look.marker or "o",
            markersize=7,
            zorder=zorder,
        )
        label = "_"
    if hollow:
        ax.plot(
            [p.angle for p in hollow],
            [p.value for p in hollow],
            linestyle="none",
            marker="o",
            markersize=7,
            markerfacecolor="white",
            markeredgecolor=GREY,
            markeredgewidth=1.5,
            label=label,
            zorder=zorder,
        )
    if outline.shows_values:
        for points, tint in ((solid, look.colour), (hollow, GREY)):
            for point in points:
                ax.text(
                    point.angle,
                    point.label_radius,
                    number(point.value),
                    ha="center",
                    va="center",
                    fontsize=10,
                    color=tint,
                    fontweight="bold" if tint == look.colour else "normal",
                    zorder=6,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
                )


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
