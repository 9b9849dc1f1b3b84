"""Charts: the radar (spider) chart of the roles and the progress lines over time.

matplotlib is imported only inside the functions that draw (through ``Figure``, no pyplot), so
commands that draw nothing start fast.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, cast

from asmo_cli.core.text import clean, number
from asmo_cli.render.fonts import drawable

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes
    from matplotlib.text import Text

SIZE_INCHES = 8.5
DPI = 150
MAX_RADIUS = 5.0
GREY = "#9a9a9a"


class Kind(Enum):
    """What an outline on the radar is."""

    NOW = "now"  # the record: solid and filled, with its values
    OLDER = "older"  # an earlier record: dashed
    TARGET = "target"  # a level's target profile: dotted
    TEAM = "team"  # a team mean: solid, no fill, with its values
    OTHERS = "others"  # what others (feedback givers) score: dash-dot, green, no fill


@dataclass(frozen=True)
class Style:
    colour: str
    line: str
    fill_alpha: float
    marker: str


NOW, OLDER, TARGET, TEAM, OTHERS = Kind.NOW, Kind.OLDER, Kind.TARGET, Kind.TEAM, Kind.OTHERS
STYLES = {
    NOW: Style("#1f5fa8", "-", 0.22, "o"),
    OLDER: Style("#d9822b", "--", 0.10, "o"),
    TARGET: Style("#3a3a3a", ":", 0.0, ""),
    TEAM: Style("#1f5fa8", "-", 0.0, "o"),
    OTHERS: Style("#2a8a4a", "-.", 0.0, "s"),
}


@dataclass(frozen=True)
class Series:
    """One outline on the radar: a label for the legend and a score (or None) per axis."""

    label: str
    scores: Sequence[float | None]
    kind: Kind = NOW
    enough: Sequence[bool] | None = None  # per axis: enough data (None: every score counts)

    def solid(self, i: int) -> bool:
        """True when axis ``i`` has a score with enough data behind it."""
        return self.scores[i] is not None and (self.enough is None or self.enough[i])


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

    count = len(labels)
    angles = [math.pi / 2 - 2 * math.pi * i / count for i in range(count)]
    fig = Figure(figsize=(SIZE_INCHES, SIZE_INCHES), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = cast("PolarAxes", fig.add_axes((0.21, 0.15, 0.58, 0.58), projection="polar"))
    ax.set_ylim(0, MAX_RADIUS)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_yticklabels(["1", "2", "3", "4", "5"], color="#777777", fontsize=8)
    ax.set_rlabel_position(90 - 360 / count / 2)
    ax.set_xticks([])
    ax.grid(True, axis="y", color="#cccccc", linewidth=0.8)
    ax.spines["polar"].set_color("#bbbbbb")
    # An axis is n.v.t. when no measured series (a target does not count) has a score on it,
    # and thin when none has enough data behind its score.
    measured = [s for s in series if s.kind != TARGET]
    unscored = [all(s.scores[i] is None for s in measured) for i in range(count)]
    thin = [not unscored[i] and not any(s.solid(i) for s in measured) for i in range(count)]
    labels_drawn: list[Text] = []
    for i, angle in enumerate(angles):
        grey = unscored[i] or thin[i]
        ax.plot(
            [angle, angle],
            [0, MAX_RADIUS],
            color=GREY if grey else "#bbbbbb",
            linewidth=0.8,
            linestyle=":" if grey else "-",
            zorder=1,
        )
        label = wrap(labels[i]) + (
            "\nn.v.t." if unscored[i] else "\nte weinig\ningevuld" if thin[i] else ""
        )
        cos, sin = math.cos(angle), math.sin(angle)
        ha = "center" if abs(cos) < 0.2 else ("left" if cos > 0 else "right")
        va = "center" if abs(sin) < 0.2 else ("bottom" if sin > 0 else "top")
        labels_drawn.append(
            ax.text(
                angle,
                MAX_RADIUS * 1.1,
                label,
                ha=ha,
                va=va,
                fontsize=11,
                color=GREY if grey else "#222222",
                fontweight="normal" if grey else "bold",
            )
        )
    for index, one in enumerate(series):
        _draw_series(ax, angles, one, 3 + index)
    if band is not None:
        low, high, band_label = band
        both = [i for i in range(count) if low[i] is not None and high[i] is not None]
        if len(both) >= 3:
            outer = [(angles[i], float(high[i] or 0)) for i in both]
            inner = [(angles[i], float(low[i] or 0)) for i in both]
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
        + ("; open punt: te weinig ingevuld, telt niet mee" if has_open_points(measured) else ""),
        ha="center",
        va="top",
        fontsize=10,
        color="#555555",
    )
    _fit_inside(fig, labels_drawn)
    if len(series) > 1 or band is not None:
        fig.legend(
            loc="lower center",
            ncol=len(series) + (band is not None),
            frameon=False,
            fontsize=10,
            bbox_to_anchor=(0.5, 0.015),
        )
    return [figure_bytes(fig, fmt) for fmt in formats]


def has_open_points(series: Sequence[Series]) -> bool:
    """True when some outline has a score with too little data (drawn as an open point)."""
    return any(v is not None and not s.solid(i) for s in series for i, v in enumerate(s.scores))


def _draw_series(ax: PolarAxes, angles: Sequence[float], one: Series, zorder: int) -> None:
    """Draw one series: an outline through the scores with enough data (three or more), and
    hollow grey-labelled markers for the thin ones, which are never part of the outline."""
    look = STYLES[one.kind]
    colour, style, alpha, marker = look.colour, look.line, look.fill_alpha, look.marker
    solid = [
        (angles[i], float(v)) for i, v in enumerate(one.scores) if v is not None and one.solid(i)
    ]
    hollow = [
        (angles[i], float(v))
        for i, v in enumerate(one.scores)
        if v is not None and not one.solid(i)
    ]
    label = chart_text(one.label)
    if len(solid) >= 3:
        thetas = [p[0] for p in solid] + [solid[0][0]]
        radii = [p[1] for p in solid] + [solid[0][1]]
        ax.plot(
            thetas,
            radii,
            color=colour,
            linewidth=2.2 if one.kind == TARGET else 2,
            linestyle=style,
            label=label,
            marker=marker,
            markersize=5,
            zorder=zorder,
        )
        if alpha:
            ax.fill(thetas, radii, color=colour, alpha=alpha, zorder=2)
        label = "_"  # the legend shows the outline once
    elif solid:
        ax.plot(
            [p[0] for p in solid],
            [p[1] for p in solid],
            color=colour,
            linestyle="none",
            label=label,
            marker=marker or "o",
            markersize=7,
            zorder=zorder,
        )
        label = "_"
    if hollow:
        ax.plot(
            [p[0] for p in hollow],
            [p[1] for p in hollow],
            linestyle="none",
            marker="o",
            markersize=7,
            markerfacecolor="white",
            markeredgecolor=GREY,
            markeredgewidth=1.5,
            label=label,
            zorder=zorder,
        )
    if one.kind in (NOW, TEAM):
        for points, tint in ((solid, colour), (hollow, GREY)):
            for angle, value in points:
                ax.text(
                    angle,
                    value + 0.45,
                    number(value),
                    ha="center",
                    va="center",
                    fontsize=10,
                    color=tint,
                    fontweight="bold" if tint == colour else "normal",
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
