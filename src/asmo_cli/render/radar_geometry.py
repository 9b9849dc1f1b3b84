"""The radar's geometry, computed once: its axes (an angle per role; grey when the role is
n.v.t. or has too little data), the outlines (the points through the scores with enough
data, the open points of thin scores) and where each value is written. matplotlib draws it
as ``radar.png`` (``radar.py``), the PDF as vector graphics (``pdf_radar.py``); both only
turn these polar positions into their own coordinates, so they always show the same.
No matplotlib here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

MAX_RADIUS = 5.0
RINGS = (1, 2, 3, 4, 5)


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


@dataclass(frozen=True)
class Axis:
    label: str
    angle: float  # radians, the first role straight up, then clockwise
    unscored: bool  # no measured outline has a score here (n.v.t.)
    thin: bool  # scores, but none with enough data behind it

    @property
    def grey(self) -> bool:
        return self.unscored or self.thin

    @property
    def note(self) -> tuple[str, ...]:
        """The lines under the role's name on a grey axis."""
        return ("n.v.t.",) if self.unscored else ("te weinig", "ingevuld") if self.thin else ()


@dataclass(frozen=True)
class Point:
    angle: float
    value: float

    @property
    def label_radius(self) -> float:
        """Where the value is written: just outside the point, or inside it near the rim
        (where the role's name is)."""
        return self.value + 0.45 if self.value <= 4.4 else self.value - 0.5


@dataclass(frozen=True)
class Outline:
    series: Series
    solid: tuple[Point, ...]  # the scores with enough data: the outline's corners
    hollow: tuple[Point, ...]  # thin scores: open grey points, never part of the outline

    @property
    def closed(self) -> bool:
        """Three or more solid points make a shape; fewer are drawn as markers only."""
        return len(self.solid) >= 3

    @property
    def shows_values(self) -> bool:
        return self.series.kind in (NOW, TEAM)


@dataclass(frozen=True)
class Radar:
    axes: tuple[Axis, ...]
    outlines: tuple[Outline, ...]

    @property
    def open_points(self) -> bool:
        return any(o.hollow for o in self.outlines if o.series.kind != TARGET)

    @property
    def legend(self) -> bool:
        return len(self.outlines) > 1


def angles(count: int) -> list[float]:
    return [math.pi / 2 - 2 * math.pi * i / count for i in range(count)]


def radar_geometry(labels: Sequence[str], series: Sequence[Series]) -> Radar:
    """The axes and outlines of a radar of ``labels`` (one axis each) and ``series``.

    An axis is n.v.t. when no measured series (a target does not count) has a score on it,
    and thin when none has enough data behind its score.
    """
    count = len(labels)
    turns = angles(count)
    measured = [s for s in series if s.kind != TARGET]
    axes = []
    for i, label in enumerate(labels):
        unscored = all(s.scores[i] is None for s in measured)
        thin = not unscored and not any(s.solid(i) for s in measured)
        axes.append(Axis(label, turns[i], unscored, thin))
    outlines = []
    for one in series:
        points = [(i, float(v)) for i, v in enumerate(one.scores) if v is not None]
        solid = tuple(Point(turns[i], v) for i, v in points if one.solid(i))
        hollow = tuple(Point(turns[i], v) for i, v in points if not one.solid(i))
        outlines.append(Outline(one, solid, hollow))
    return Radar(tuple(axes), tuple(outlines))


def has_open_points(series: Sequence[Series]) -> bool:
    """True when some measured outline has a score with too little data (an open point)."""
    return any(
        v is not None and not s.solid(i)
        for s in series
        if s.kind != TARGET
        for i, v in enumerate(s.scores)
    )
