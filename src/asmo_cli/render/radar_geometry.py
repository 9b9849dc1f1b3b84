"""The radar's geometry, computed once: its axes (an angle per role; grey when the role is
n.v.t. or has too little data), the outlines, the team's band, where each value is written
and the caption that says what the reader sees. matplotlib draws it as ``radar.png`` or
``radar.svg`` (``radar.py``), the PDF as vector graphics (``pdf_radar.py``); both only turn
these polar positions into their own coordinates, so they always show the same.

An outline never crosses a role it has no counted score on: it is drawn as segments between
neighbouring roles that have one (one closed shape only when every role has one). A score
with too little data is an open point in its own outline's colour and marker, with its value,
so an earlier record's thin score is recognisably the earlier record's.
No matplotlib here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from asmo_cli.core.team import MIN_FOR_BAND
from asmo_cli.core.text import number

BAND = "#5b8ac4"  # the team's band, lowest to highest
TOO_FEW = ("te weinig", "leden")
TOO_FEW_MEMBERS = (
    f"Te weinig leden: minder dan {MIN_FOR_BAND} leden hebben genoeg gegevens voor die rol; "
    "daar staat geen punt, zodat niemands eigen score af te lezen is."
)
MAX_RADIUS = 5.0
RINGS = (1, 2, 3, 4, 5)
# half the size of a written value ("3,5" in its white box), in score units (the rim is 5)
LABEL_HALF_WIDTH = 0.3
LABEL_HALF_HEIGHT = 0.19
MARKER_HALF = 0.12  # half a marker, in score units


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
    marker: str  # matplotlib's name: "o" a circle, "s" a square, "D" a diamond


NOW, OLDER, TARGET, TEAM, OTHERS = Kind.NOW, Kind.OLDER, Kind.TARGET, Kind.TEAM, Kind.OTHERS
STYLES = {
    NOW: Style("#1f5fa8", "-", 0.22, "o"),
    OLDER: Style("#d9822b", "--", 0.10, "D"),
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
    reason: tuple[str, ...] = ()  # why a grey axis has no point, instead of the usual note

    @property
    def grey(self) -> bool:
        return self.unscored or self.thin

    @property
    def note(self) -> tuple[str, ...]:
        """The lines under the role's name on a grey axis."""
        if self.reason and self.grey:
            return self.reason
        return ("n.v.t.",) if self.unscored else ("te weinig", "ingevuld") if self.thin else ()


@dataclass(frozen=True)
class Point:
    angle: float
    value: float
    index: int = 0  # the axis it is on

    @property
    def label_radius(self) -> float:
        """Where the value is written: just outside the point, or inside it near the rim
        (where the role's name is)."""
        return self.value + 0.45 if self.value <= 4.4 else self.value - 0.5

    @property
    def xy(self) -> tuple[float, float]:
        """The point in score units from the centre, up and right positive."""
        return self.value * math.cos(self.angle), self.value * math.sin(self.angle)


@dataclass(frozen=True)
class Outline:
    series: Series
    solid: tuple[Point, ...]  # the scores with enough data
    hollow: tuple[Point, ...]  # thin scores: open points, never part of a line
    segments: tuple[tuple[Point, ...], ...]  # runs of solid points on neighbouring axes
    closed: bool  # every axis has a solid point: one closed shape

    @property
    def lines(self) -> tuple[tuple[Point, ...], ...]:
        """The polylines to draw: the closed shape (its first point again at the end), or
        each segment of two or more points."""
        if self.closed:
            return ((*self.solid, self.solid[0]),)
        return tuple(s for s in self.segments if len(s) >= 2)

    @property
    def fills(self) -> tuple[tuple[Point, ...], ...]:
        """The areas to shade: the closed shape, or per segment the wedge between it and the
        centre (whose sides lie on the axes of its end points, so no fill crosses a role
        without a line either)."""
        if self.closed:
            return (self.solid,)
        centre = Point(0.0, 0.0, -1)
        return tuple((centre, *s) for s in self.segments if len(s) >= 2)

    @property
    def broken(self) -> bool:
        """True when the outline is interrupted at some role (no score, or too little data)."""
        return not self.closed and bool(self.solid or self.hollow)

    @property
    def shows_values(self) -> bool:
        """True when every value is written; other outlines write only their open points'."""
        return self.series.kind in (NOW, TEAM)


@dataclass(frozen=True)
class BandPiece:
    """A run of neighbouring axes with a low and a high value: an area, or a bar on one."""

    angles: tuple[float, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]
    closed: bool  # all the way round

    @property
    def polygon(self) -> list[tuple[float, float]]:
        """The area's (angle, value) corners: out along the highs, back along the lows (for
        the closed band: both rings, so the inside stays unshaded)."""
        outer = list(zip(self.angles, self.high, strict=True))
        inner = list(zip(self.angles, self.low, strict=True))
        if self.closed:
            return [*outer, outer[0], inner[0], *inner[::-1], inner[0]]
        return [*outer, *inner[::-1], outer[0]]


@dataclass(frozen=True)
class Band:
    label: str
    pieces: tuple[BandPiece, ...]
    broken: bool  # some axis with a mean has no low and high


@dataclass(frozen=True)
class ValueLabel:
    """A value written next to its point, placed so that no two cover each other."""

    x: float  # score units from the centre, right positive
    y: float  # up positive
    text: str
    kind: Kind
    counts: bool  # False for a thin score (written in normal weight, not bold)

    @property
    def angle(self) -> float:
        return math.atan2(self.y, self.x)

    @property
    def radius(self) -> float:
        return math.hypot(self.x, self.y)


@dataclass(frozen=True)
class Radar:
    axes: tuple[Axis, ...]
    outlines: tuple[Outline, ...]
    labels: tuple[ValueLabel, ...] = ()
    band: Band | None = None

    @property
    def open_points(self) -> bool:
        return any(o.hollow for o in self.outlines if o.series.kind != TARGET)

    @property
    def legend(self) -> bool:
        return len(self.outlines) > 1 or self.band is not None

    @property
    def caption(self) -> str:
        """What the reader sees, in one or two sentences under the title."""
        text = "Score per rol op een schaal van 1 tot 5 sterren."
        without = any(any(v is None for v in o.series.scores) and o.broken for o in self.outlines)
        several = len(self.outlines) > 1
        if self.open_points:
            own = " (kleur en vorm van zijn lijn)" if several else ""
            text += f" Open punt{own}: te weinig ingevuld, telt niet mee."
            where = "daar en bij een rol zonder score" if without else "daar"
            text += f" De lijn is {where} onderbroken."
        elif without:
            text += " Een lijn is onderbroken bij een rol zonder score."
        if any(axis.reason and axis.grey for axis in self.axes):
            text += f" {TOO_FEW_MEMBERS}"
        if self.band is not None and self.band.broken:
            text += (
                f" De band '{self.band.label}' ontbreekt waar minder dan {MIN_FOR_BAND} "
                "leden een score hebben."
            )
        return text


def angles(count: int) -> list[float]:
    return [math.pi / 2 - 2 * math.pi * i / count for i in range(count)]


def runs(present: Sequence[bool]) -> tuple[tuple[int, ...], ...]:
    """The runs of neighbouring present indices, going round (the last axis neighbours the
    first); one run of all when every index is present."""
    count = len(present)
    if all(present):
        return (tuple(range(count)),)
    start = next(i for i in range(count) if not present[i]) + 1
    found: list[tuple[int, ...]] = []
    current: list[int] = []
    for step in range(count):
        i = (start + step) % count
        if present[i]:
            current.append(i)
        elif current:
            found.append(tuple(current))
            current = []
    if current:
        found.append(tuple(current))
    return tuple(found)


def radar_geometry(
    labels: Sequence[str],
    series: Sequence[Series],
    band: tuple[Sequence[float | None], Sequence[float | None], str] | None = None,
    reasons: Sequence[tuple[str, ...]] | None = None,
) -> Radar:
    """The axes, outlines, values and band of a radar of ``labels`` (one axis each).

    An axis is n.v.t. when no measured series (a target does not count) has a score on it,
    and thin when none has enough data behind its score. ``band`` (low values, high values,
    legend label) is the range between two outlines, broken where either is missing.
    ``reasons`` (per axis, or empty) says under a grey axis's name why it has no point, for
    the team's "te weinig leden".
    """
    count = len(labels)
    turns = angles(count)
    measured = [s for s in series if s.kind != TARGET]
    axes = []
    for i, label in enumerate(labels):
        unscored = all(s.scores[i] is None for s in measured)
        thin = not unscored and not any(s.solid(i) for s in measured)
        axes.append(Axis(label, turns[i], unscored, thin, reasons[i] if reasons else ()))
    outlines = tuple(_outline(one, turns) for one in series)
    shape = None if band is None else _band(band, turns)
    return Radar(tuple(axes), outlines, _place_labels(outlines), shape)


def _outline(one: Series, turns: Sequence[float]) -> Outline:
    count = len(turns)
    points = [
        Point(turns[i], float(v), i) if v is not None else None for i, v in enumerate(one.scores)
    ]
    solid = tuple(p for i, p in enumerate(points) if p is not None and one.solid(i))
    hollow = tuple(p for i, p in enumerate(points) if p is not None and not one.solid(i))
    present = [one.solid(i) for i in range(count)]
    by_axis = {p.index: p for p in solid}
    segments = tuple(tuple(by_axis[i] for i in run) for run in runs(present)) if solid else ()
    return Outline(one, solid, hollow, segments, closed=all(present) and count >= 3)


def _band(
    band: tuple[Sequence[float | None], Sequence[float | None], str], turns: Sequence[float]
) -> Band:
    low, high, label = band
    present = [lo is not None and hi is not None for lo, hi in zip(low, high, strict=True)]
    pieces = []
    if any(present):
        for run in runs(present):
            pieces.append(
                BandPiece(
                    tuple(turns[i] for i in run),
                    tuple(float(low[i] or 0.0) for i in run),
                    tuple(float(high[i] or 0.0) for i in run),
                    closed=all(present),
                )
            )
    return Band(label, tuple(pieces), broken=not all(present))


def _place_labels(outlines: Sequence[Outline]) -> tuple[ValueLabel, ...]:
    """Write the values: first every value of the record and the team mean, then the open
    points' values of every outline; each where it covers no value written before and no
    point (outside its point if it can, else beside or inside it)."""
    markers = [
        p.xy for o in outlines if o.series.kind != TARGET for p in (*o.solid, *o.hollow)
    ]  # a target has no markers: its line may pass under a value's white box
    placed: list[ValueLabel] = []
    shown = [o for o in outlines if o.shows_values]
    writes = [(o, p, True) for o in shown for p in o.solid]
    writes += [(o, p, False) for o in shown for p in o.hollow]
    writes += [
        (o, p, False)
        for o in outlines
        if o.series.kind != TARGET and not o.shows_values
        for p in o.hollow
    ]
    for outline, point, counts in writes:
        spots = _spots(point)
        x, y = next((s for s in spots if _free(s, placed, markers)), spots[0])
        placed.append(ValueLabel(x, y, number(point.value), outline.series.kind, counts))
    return tuple(placed)


def _along(point: Point, radius: float, sideways: float = 0.0) -> tuple[float, float]:
    """The place at ``radius`` on the point's axis, moved ``sideways`` (clockwise positive)."""
    cos, sin = math.cos(point.angle), math.sin(point.angle)
    return radius * cos + sideways * sin, radius * sin - sideways * cos


def _spots(point: Point) -> list[tuple[float, float]]:
    """Where a value may go, best first: outside its point, beside it, inside it."""
    out = point.label_radius
    spots = [_along(point, out)]
    spots += [_along(point, point.value, side) for side in (0.62, -0.62)]
    if point.value >= 1.3:
        spots.append(_along(point, point.value - 0.45))
    spots += [_along(point, out, side) for side in (0.62, -0.62)]
    return spots


def _free(
    spot: tuple[float, float], placed: Sequence[ValueLabel], markers: Sequence[tuple[float, float]]
) -> bool:
    x, y = spot
    width, height = 2 * LABEL_HALF_WIDTH, 2 * LABEL_HALF_HEIGHT
    if any(abs(x - o.x) < width and abs(y - o.y) < height for o in placed):
        return False
    return not any(
        abs(x - mx) < LABEL_HALF_WIDTH + MARKER_HALF
        and abs(y - my) < LABEL_HALF_HEIGHT + MARKER_HALF
        for mx, my in markers
    )
