"""The scores in order: the same outlines as the radar (``radar_series``), read as one row per
role, highest first. The radar's shape depends on the order of its axes, which a reader may not
realise; this chart she can read without guessing. The PDF draws it as dots on a scale of 1 to
5 (``pdf_dots.py``), Markdown as a table with a bar (``md_layout.py``).
No matplotlib here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from asmo_cli.core.text import number, shown
from asmo_cli.render.radar_geometry import NOW, TARGET, Kind, Series

BAR_CELLS = 20  # the Markdown bar: 4 characters per point, 5 is the full bar
EIGHTHS = " ▏▎▍▌▋▊▉"
THIN = "te weinig ingevuld"
NOT_RATED = "n.v.t."
DOTS = "scores-in-order"


@dataclass(frozen=True)
class Mark:
    """One outline's score on one role: its value and whether it counts (enough data)."""

    kind: Kind
    value: float | None
    counts: bool

    @property
    def text(self) -> str:
        """The value as the reader sees it: '3,5', '2,5 (te weinig ingevuld)' or 'n.v.t.'."""
        if self.value is None:
            return NOT_RATED if self.kind is not TARGET else "–"
        return number(self.value) if self.counts else f"{number(self.value)} ({THIN})"


@dataclass(frozen=True)
class DotRow:
    label: str
    marks: tuple[Mark, ...]  # in the order of the chart's legend

    @property
    def main(self) -> Mark:
        return next(m for m in self.marks if m.kind is NOW)


@dataclass(frozen=True)
class DotChart:
    """Scores in order: a row per role, the counted scores first (highest on top), then the
    thin ones, then the roles without a score; every outline of the radar as its own mark."""

    legend: tuple[tuple[Kind, str], ...]  # each outline's kind and label, the record's last
    rows: tuple[DotRow, ...]
    kind: str = DOTS  # the PDF draws it with the drawing of this name (``pdf_dots.py``)

    @property
    def caption(self) -> str:
        text = (
            "Dezelfde scores op volgorde, van hoog naar laag: ook zonder het spindiagram te lezen."
        )
        if any(not m.counts and m.value is not None for r in self.rows for m in r.marks):
            text += " Rollen met te weinig gegevens staan onderaan en tellen niet mee."
        return text


def dot_chart(labels: Sequence[str], series: Sequence[Series]) -> DotChart:
    """Return the rows of the chart, in order, from the radar's outlines (one of them NOW)."""
    rows = []
    for i, label in enumerate(labels):
        marks = tuple(
            Mark(one.kind, one.scores[i], one.kind is TARGET or one.solid(i)) for one in series
        )
        rows.append(DotRow(label, marks))
    order = {label: i for i, label in enumerate(labels)}

    def rank(row: DotRow) -> tuple[int, float, int]:
        main = row.main
        group = 2 if main.value is None else (0 if main.counts else 1)
        return group, -shown(main.value or 0.0), order[row.label]

    legend = tuple((one.kind, one.label) for one in series)
    return DotChart(legend, tuple(sorted(rows, key=rank)))


def bar(value: float) -> str:
    """A bar of ``value`` on a scale of 0 to 5 in BAR_CELLS characters (to an eighth of one),
    from the value as shown (3,55 is drawn as 3,6)."""
    eighths = round(shown(value) / 5 * BAR_CELLS * 8)
    full, part = divmod(max(0, min(eighths, BAR_CELLS * 8)), 8)
    return ("█" * full + EIGHTHS[part]).rstrip()
