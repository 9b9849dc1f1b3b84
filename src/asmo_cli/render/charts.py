"""The other charts: the role scores over time, and the hours per area and per role."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from asmo_cli.core.text import dates_nl
from asmo_cli.render.bars import AXIS_LABEL, Panel
from asmo_cli.render.radar import DPI, chart_text, figure_bytes, lines, wrap


def draw_history(
    dates: Sequence[datetime],
    names: Sequence[str],
    values: Sequence[Sequence[float | None]],
    fmt: str,
    title: str = "Voortgang per rol",
) -> bytes:
    """Draw each role's score over time (one line per role) as a png, svg or pdf file; two
    records of the same day are told apart by their time."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import DateFormatter, date2num
    from matplotlib.figure import Figure

    fig = Figure(figsize=(11, 6.5), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.08, 0.16, 0.62, 0.74))
    xs = [float(date2num(d)) for d in dates]  # type: ignore[no-untyped-call]
    for i, name in enumerate(names):
        points = [(x, row[i]) for x, row in zip(xs, values, strict=True) if row[i] is not None]
        line_x = [x for x, _ in points]
        line_y = [float(y) for _, y in points if y is not None]
        if points:
            ax.plot(line_x, line_y, marker="o", linewidth=2, label=chart_text(name))
    ax.set_ylim(0.8, 5.2)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel("Score (1 tot 5)")
    ax.grid(True, color="#dddddd")
    if len(xs) == 1:
        ax.set_xlim(xs[0] - 30, xs[0] + 30)
    if len(xs) <= 12:
        ax.set_xticks(xs)
        ax.set_xticklabels([label.replace(" om ", " ") for label in dates_nl(list(dates))])
    else:
        ax.xaxis.set_major_formatter(DateFormatter("%d-%m-%Y"))  # type: ignore[no-untyped-call]
    for tick in ax.get_xticklabels():
        tick.set_rotation(30)
        tick.set_horizontalalignment("right")
    ax.set_title(chart_text(title), fontsize=14, fontweight="bold")
    if ax.get_legend_handles_labels()[0]:  # no role with a score: no legend to show
        ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), frameon=False)
    return figure_bytes(fig, fmt)


def draw_hours(panels: Sequence[Panel], title: str) -> bytes:
    """Draw the hours panels (``bars.hours_panels``) as horizontal bars, the largest on top,
    in a PNG file.

    The margins are measured, not searched for: the widest area name sets the left margin
    (matplotlib's constrained layout drew the figure twice to find it).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    rows = [max(len(p.bars), 1) for p in panels]
    # inches: the title on top, per panel its heading above and its axis below, bars 0,38 each
    top, heading, axis, per_bar = 0.55, 0.4, 0.75, 0.38
    height = top + sum(heading + axis + per_bar * n for n in rows)
    width = 11.0
    fig = Figure(figsize=(width, height), dpi=DPI)
    canvas = FigureCanvasAgg(fig)
    names = [[wrap(bar.name, width=42, max_lines=2) for bar in p.bars] for p in panels]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    tick_font = FontProperties(size=9)  # the names' size (tick_params below)
    widest = max(
        (
            renderer.get_text_width_height_descent(line, tick_font, ismath=False)[0]
            for group in names
            for name in group
            for line in name.split("\n")
        ),
        default=0.0,
    )
    left = (widest + 13 * DPI / 72) / (width * DPI)  # the ticks and their pad: 7 points
    right = 0.06
    y = height - top
    for one, labels, count in zip(panels, names, rows, strict=True):
        y -= heading + per_bar * count
        ax = fig.add_axes((left, y / height, 1 - left - right, per_bar * count / height))
        y -= axis
        positions = list(range(len(one.bars)))[::-1]  # the largest on top
        values = [bar.value for bar in one.bars]
        bars = ax.barh(positions, values, color=one.colour, height=0.8)
        ax.bar_label(bars, labels=[bar.text for bar in one.bars], padding=3, fontsize=9)
        ax.set_yticks(positions, labels)
        ax.set_ylim(-0.6, len(one.bars) - 0.4)
        ax.set_xlim(0, one.limit)
        ax.set_xticks(list(one.ticks), [one.tick_text(t) for t in one.ticks])
        ax.set_title(one.title, loc="left", fontsize=12, fontweight="bold")
        ax.set_xlabel(AXIS_LABEL)
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="y", labelsize=9)
    fig.suptitle(lines(title), fontsize=14, fontweight="bold", y=1 - 0.2 / height, va="top")
    return figure_bytes(fig, "png")
