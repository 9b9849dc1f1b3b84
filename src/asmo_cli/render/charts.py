"""The other charts: the role scores over time, and the hours per area and per role."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from asmo_cli.core.text import dates_nl, number
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
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), frameon=False)
    return figure_bytes(fig, fmt)


def draw_hours(
    areas: Sequence[tuple[str, float]],
    roles: Sequence[tuple[str, float]],
    title: str,
) -> bytes:
    """Draw hours per task area and per role as sorted horizontal bars (a PNG file)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    rows = max(len(areas), 1) + max(len(roles), 1)
    # constrained layout keeps titles, axis labels and long area names clear of each other
    fig = Figure(figsize=(11, 3.2 + 0.38 * rows), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(2, 1, height_ratios=[max(len(areas), 1), max(len(roles), 1)])
    for index, (panel, items, colour) in enumerate(
        (("Uren per werkzaamheid", areas, "#1f5fa8"), ("Uren per rol", roles, "#d9822b"))
    ):
        ax = fig.add_subplot(grid[index])
        ordered = sorted(items, key=lambda item: item[1])
        names = [wrap(name, width=42, max_lines=2) for name, _ in ordered]
        values = [value for _, value in ordered]
        bars = ax.barh(names, values, color=colour)
        ax.bar_label(bars, labels=[number(v) for v in values], padding=3, fontsize=9)
        ax.set_title(panel, loc="left", fontsize=12, fontweight="bold")
        ax.set_xlabel("uren per week")
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="y", labelsize=9)
        ax.set_xlim(0, max(values, default=1) * 1.15 or 1)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v, 2, trim=True)))
    fig.suptitle(lines(title), fontsize=14, fontweight="bold")
    return figure_bytes(fig, "png")
