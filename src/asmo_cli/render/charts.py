"""The other charts: the role scores over time, and the hours per area and per role."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from asmo_cli.core.text import dates_nl
from asmo_cli.render.bars import AXIS_LABEL, Panel
from asmo_cli.render.radar import DPI, chart_text, figure_bytes, lines, wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes


# one marker per role, so that every line can be told apart where it crosses another, also
# in black and white print
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">", "h", "p")
NEAR = 0.08  # scores closer than this at one moment share a spot: they are set side by side
STEP_POINTS = 9.0  # how far apart, in points
AXES = (0.08, 0.16, 0.62, 0.74)  # the plot's place in the figure
WIDTH, HEIGHT = 11.0, 6.5  # inches


@dataclass(frozen=True)
class RoleLine:
    """One role on the progress chart: where its points are drawn, and how."""

    name: str
    colour: str
    marker: str
    segments: tuple[tuple[tuple[float, float], ...], ...]  # runs of counted scores
    thin: tuple[tuple[float, float], ...]  # scores with too little data: open points
    moved: bool  # some point set sideways, beside another role's at the same moment
    missing: bool  # drawn, yet at some record without any point (no score there)

    @property
    def drawn(self) -> bool:
        return bool(self.segments or self.thin)


def collapse_name(name: str) -> str:
    """Return a name as shown: every run of spaces one space ('fenna  de Vries')."""
    return " ".join(name.split())


def shown_name(names: Sequence[str | None]) -> str | None:
    """Return a person's name as shown over her records: spaces collapsed, the spelling she
    used most (of equals, the newest; ``names`` oldest first); None without any name."""
    spelled = [collapse_name(n) for n in names if n and n.strip()]
    if not spelled:
        return None
    counts = Counter(spelled)
    return max(reversed(spelled), key=lambda n: counts[n])


def progress_title(names: Sequence[str | None]) -> str:
    """Return the progress chart's title for the records' names (oldest first)."""
    who = shown_name(names)
    return f"Voortgang per rol: {who}" if who else "Voortgang per rol (metingen zonder naam)"


def progress_lines(
    xs: Sequence[float],
    names: Sequence[str],
    values: Sequence[Sequence[float | None]],
    thin: Sequence[Sequence[float | None]] | None,
    step: float,
) -> list[RoleLine]:
    """Lay the roles out: a line per run of records with a counted score (never across a
    record without one), an open point per thin score, and points that would cover each
    other at one moment moved ``step`` apart sideways, in the order of the roles."""
    count = len(names)
    no_thin: list[list[float | None]] = [[None] * count for _ in xs]
    thin_rows = thin if thin is not None else no_thin
    drawn = [  # per record, per role: the counted score, else the thin one
        [v if v is not None else t for v, t in zip(row, thin_row, strict=True)]
        for row, thin_row in zip(values, thin_rows, strict=True)
    ]
    shifts = [_shifts(row) for row in drawn]
    result = []
    for i, name in enumerate(names):
        at = [x + shifts[r][i] * step for r, x in enumerate(xs)]
        counted = [row[i] for row in values]
        open_points = tuple(
            (x, value)
            for x, t, v in zip(at, thin_rows, counted, strict=True)
            if v is None and (value := t[i]) is not None
        )
        moved = any(shifts[r][i] and drawn[r][i] is not None for r in range(len(xs)))
        marker = MARKERS[i % len(MARKERS)]
        segments = _segments(at, counted)
        gaps = any(row[i] is None for row in drawn) and any(row[i] is not None for row in drawn)
        line = RoleLine(name, f"C{i % 10}", marker, segments, open_points, moved, gaps)
        result.append(line)
    return result


def _segments(
    xs: Sequence[float], ys: Sequence[float | None]
) -> tuple[tuple[tuple[float, float], ...], ...]:
    """The runs of neighbouring points with a value: a line never bridges one without."""
    found: list[tuple[tuple[float, float], ...]] = []
    current: list[tuple[float, float]] = []
    for x, y in zip(xs, ys, strict=True):
        if y is None:
            if current:
                found.append(tuple(current))
            current = []
        else:
            current.append((x, y))
    if current:
        found.append(tuple(current))
    return tuple(found)


def _shifts(row: Sequence[float | None]) -> list[float]:
    """Per role, how many steps sideways its point at one moment goes: points within NEAR of
    each other form a group, spread evenly around the moment."""
    shifts = [0.0] * len(row)
    order = sorted((v, i) for i, v in enumerate(row) if v is not None)
    groups: list[list[tuple[float, int]]] = []
    for value, i in order:
        if groups and value - groups[-1][-1][0] < NEAR:
            groups[-1].append((value, i))
        else:
            groups.append([(value, i)])
    for group in groups:
        roles = sorted(i for _, i in group)
        for k, i in enumerate(roles):
            shifts[i] = k - (len(roles) - 1) / 2
    return shifts


def draw_history(
    dates: Sequence[datetime],
    names: Sequence[str],
    values: Sequence[Sequence[float | None]],
    fmt: str,
    title: str = "Voortgang per rol",
    *,
    thin: Sequence[Sequence[float | None]] | None = None,
) -> bytes:
    """Draw each role's score over time as a png, svg or pdf file: a line and a marker of
    its own per role, broken at a record without a counted score; ``thin`` (per record, the
    scores with too little data) as open points. Two records of the same day are told apart
    by their time. In the svg, role i's lines have the ids ``role-<i>-<j>``, its open points
    ``thin-<i>``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import DateFormatter, date2num
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes(AXES)
    xs = [float(date2num(d)) for d in dates]  # type: ignore[no-untyped-call]
    span = max(xs) - min(xs) if xs else 0.0
    pad = max(span * 0.06, 20.0)  # days
    limits = (min(xs, default=0.0) - pad, max(xs, default=0.0) + pad)
    step = (limits[1] - limits[0]) * STEP_POINTS / (WIDTH * AXES[2] * 72)
    roles = progress_lines(xs, names, values, thin, step)
    for i, role in enumerate(roles):
        _draw_role(ax, role, i)
    ax.set_xlim(*limits)
    ax.set_ylim(0.8, 5.2)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel("Score (1 tot 5)")
    ax.grid(True, color="#dddddd")
    if len(xs) <= 12:
        ax.set_xticks(xs)
        ax.set_xticklabels([label.replace(" om ", " ") for label in dates_nl(list(dates))])
    else:
        ax.xaxis.set_major_formatter(DateFormatter("%d-%m-%Y"))  # type: ignore[no-untyped-call]
    for tick in ax.get_xticklabels():
        tick.set_rotation(30)
        tick.set_horizontalalignment("right")
    shown_title = "\n".join(collapse_name(line) for line in title.split("\n"))
    ax.set_title(chart_text(shown_title), fontsize=14, fontweight="bold")
    if ax.get_legend_handles_labels()[0]:  # no role with a score: no legend to show
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False)
    note = _note(roles, has_thin=thin is not None)
    if note:
        fig.text(
            AXES[0] + AXES[2] + 0.025,
            AXES[1],
            note,
            fontsize=9,
            color="#555555",
            va="bottom",
            ha="left",
            linespacing=1.35,
        )
    return figure_bytes(fig, fmt)


def _draw_role(ax: Axes, role: RoleLine, index: int) -> None:
    """One role: its legend entry, its lines with markers, its open points."""
    colour, marker = role.colour, role.marker
    if role.drawn:
        ax.plot([], [], color=colour, marker=marker, linewidth=2, label=chart_text(role.name))
    for j, segment in enumerate(role.segments):
        ax.plot(
            [p[0] for p in segment],
            [p[1] for p in segment],
            color=colour,
            marker=marker,
            markersize=7,
            linewidth=2,
            gid=f"role-{index}-{j}",
            zorder=3,
        )
    if role.thin:
        ax.plot(
            [p[0] for p in role.thin],
            [p[1] for p in role.thin],
            color=colour,
            marker=marker,
            markersize=8,
            linestyle="none",
            markerfacecolor="white",
            markeredgewidth=1.6,
            gid=f"thin-{index}",
            zorder=4,
        )


def _note(roles: Sequence[RoleLine], *, has_thin: bool) -> str:
    """What the reader sees besides the lines, in the column under the legend: open points,
    broken lines, points set side by side, and the roles without any score."""
    sentences = []
    if any(r.thin for r in roles):
        sentences.append(
            "Open punt: te weinig ingevuld, telt niet mee; de lijn loopt daar niet door."
        )
    if any(r.missing for r in roles):
        why = "n.v.t." if has_thin else "te weinig ingevuld of n.v.t."
        sentences.append(
            f"Geen punt bij een meting: daar geen score die meetelt ({why}); de lijn loopt "
            "daar niet door."
        )
    if any(r.moved for r in roles):
        sentences.append("Punten met (bijna) dezelfde score staan iets naast elkaar.")
    never = [chart_text(r.name) for r in roles if not r.drawn]
    if never:
        sentences.append("Geen score die meetelt in deze metingen: " + ", ".join(never) + ".")
    return "\n\n".join("\n".join(textwrap.wrap(one, 34)) for one in sentences)


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
