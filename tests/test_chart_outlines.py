"""No outline crosses a role without data, in the PNG/SVG radar (matplotlib) and the PDF's own
radar: an outline is broken there, its thin scores are open points in its own colour and
marker with their values, and the caption says so. The same for the team's band."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
from fpdf.drawing_primitives import DeviceRGB
from tools.examples import earlier_record, example_record

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.result import Result, compute_result
from asmo_cli.render.blocks import Paragraph
from asmo_cli.render.pdf import Document
from asmo_cli.render.pdf_radar import draw_radar_pdf
from asmo_cli.render.radar import draw_radar
from asmo_cli.render.radar_geometry import (
    NOW,
    OLDER,
    OTHERS,
    STYLES,
    TARGET,
    TEAM,
    Series,
    radar_geometry,
)
from asmo_cli.render.report_content import profile_blocks
from asmo_cli.render.series import radar_series

SVG = "{http://www.w3.org/2000/svg}"
ROLES = 8
# Without these three areas, Fenna's record of a year earlier has too little data on
# Procesbewaker and Kenner too (besides Coach, Trainer and Verbinder, thin in both).
DROPPED = ("bewaken-afspraken", "reglement", "archief")


def _comparison(catalogue: Catalogue) -> Result:
    """The shipped example compared with an earlier record with five thin roles."""
    earlier = earlier_record(catalogue)
    ratings = {t: a for t, a in earlier.ratings.items() if t not in DROPPED}
    return compute_result(catalogue, example_record(catalogue), replace(earlier, ratings=ratings))


def _vertices(d: str) -> list[list[tuple[float, float]]]:
    """The subpaths of an SVG path of straight lines (M, L and z only, as matplotlib writes)."""
    paths: list[list[tuple[float, float]]] = []
    for command, x, y in re.findall(r"([MLz])\s*(?:(-?[\d.e+-]+)\s+(-?[\d.e+-]+))?", d):
        if command == "M":
            paths.append([(float(x), float(y))])
        elif command == "L":
            paths[-1].append((float(x), float(y)))
        else:
            paths[-1].append(paths[-1][0])
    return paths


def _groups(svg: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g") if g.get("id")}


def _lines(group: ET.Element) -> list[list[tuple[float, float]]]:
    """The lines and areas a group draws (its own paths, not its markers' shapes)."""
    return [v for path in group.findall(f"{SVG}path") for v in _vertices(path.get("d", ""))]


class Chart:
    """The SVG radar read back: its centre, the angle of every axis, and which axis a
    vertex lies on."""

    def __init__(self, svg: bytes) -> None:
        self.groups = _groups(svg)
        spokes = [_lines(self.groups[f"axis-{i}"])[0] for i in range(ROLES)]
        self.centre = spokes[0][0]
        self.angles = [self.angle(spoke[-1]) for spoke in spokes]

    def angle(self, point: tuple[float, float]) -> float:
        return math.atan2(self.centre[1] - point[1], point[0] - self.centre[0])

    def axis(self, point: tuple[float, float]) -> int | None:
        """The axis a vertex lies on (None: the centre)."""
        if math.dist(point, self.centre) < 0.5:
            return None
        turn = self.angle(point)
        gaps = [abs(math.remainder(turn - a, math.tau)) for a in self.angles]
        best = min(range(ROLES), key=gaps.__getitem__)
        assert gaps[best] < 0.01, f"{point} lies on no axis"
        return best

    def joins(self, prefix: str) -> list[tuple[int | None, int | None]]:
        """Every pair of consecutive vertices of the lines whose ids start with ``prefix``."""
        pairs = []
        for gid, group in self.groups.items():
            if gid.startswith(prefix):
                for line in _lines(group):
                    axes = [self.axis(p) for p in line]
                    pairs += list(itertools.pairwise(axes))
        return pairs


def _neighbours(one: int | None, other: int | None) -> bool:
    if one is None or other is None or one == other:
        return True  # along an axis (a fill's side, the band's end)
    return (one - other) % ROLES in (1, ROLES - 1)


def _assert_no_line_spans_a_gap(chart: Chart, prefix: str, present: list[bool]) -> None:
    joins = chart.joins(prefix)
    assert joins, f"no line {prefix}* drawn"
    for one, other in joins:
        assert _neighbours(one, other), f"{prefix}: a line from axis {one} to {other}"
        assert one is None or present[one], f"{prefix}: a line through axis {one}"
        assert other is None or present[other], f"{prefix}: a line through axis {other}"


def test_the_svg_radar_of_a_comparison_never_joins_roles_across_a_thin_earlier_role(
    catalogue: Catalogue,
) -> None:
    """The earlier record has too little data on five roles: its dashed outline is two
    segments' worth of lines between roles it has enough data on (not one shape through
    Penvoerder, Organisator and Beleidsadviseur), and the same holds for the new outline."""
    result = _comparison(catalogue)
    series = radar_series(catalogue, result)
    older, now = series
    assert (older.kind, now.kind) == (OLDER, NOW)
    labels = [r.name for r in result.scores.roles]
    (svg,) = draw_radar(labels, series, "Vergelijking", ["svg"])
    chart = Chart(svg)
    older_present = [older.solid(i) for i in range(ROLES)]
    assert older_present.count(True) == 3  # Penvoerder, Organisator, Beleidsadviseur
    _assert_no_line_spans_a_gap(chart, "outline-0-older-", older_present)
    _assert_no_line_spans_a_gap(chart, "outline-1-now-", [now.solid(i) for i in range(ROLES)])
    # the earlier record's one line runs from Penvoerder to Organisator, nothing else
    assert sorted(chart.joins("outline-0-older-")) == [(0, 1)]


def test_an_earlier_thin_score_is_an_open_point_in_the_earlier_style_with_its_value(
    catalogue: Catalogue,
) -> None:
    """Each thin earlier score is an open marker with the earlier record's colour and marker
    (never grey, never the new record's), placed on its own axis, and its value is written
    in that colour, not on top of another value."""
    result = _comparison(catalogue)
    series = radar_series(catalogue, result)
    labels = [r.name for r in result.scores.roles]
    (svg,) = draw_radar(labels, series, "Vergelijking", ["svg"])
    chart = Chart(svg)
    older = series[0]
    thin = [i for i in range(ROLES) if older.scores[i] is not None and not older.solid(i)]
    group = chart.groups["open-0-older"]
    uses = list(group.iter(f"{SVG}use"))
    assert sorted(chart.axis((float(u.get("x", 0)), float(u.get("y", 0)))) or 0 for u in uses) == (
        thin
    )
    colour = STYLES[OLDER].colour
    for use in uses:
        style = use.get("style", "")
        assert f"stroke: {colour}" in style and "fill: #ffffff" in style
    (marker,) = group.iter(f"{SVG}path")  # in its defs: the diamond, not the new record's circle
    assert len(_vertices(marker.get("d", ""))[0]) == 5
    radar = radar_geometry(labels, series)
    written = [v for v in radar.labels if v.kind == OLDER]
    assert sorted(v.text for v in written) == sorted(
        f"{older.scores[i]:.1f}".replace(".", ",") for i in thin
    )
    assert not any(v.counts for v in written)
    boxes = radar.labels
    for i, one in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert abs(one.x - other.x) >= 0.59 or abs(one.y - other.y) >= 0.37, (one, other)


def test_the_report_caption_says_what_the_reader_sees(catalogue: Catalogue) -> None:
    """Open points in their own outline's style, the line broken there: the report's caption
    says it, and the PNG's subtitle says the same."""
    blocks = profile_blocks(catalogue, _comparison(catalogue))
    caption = next(b for b in blocks if isinstance(b, Paragraph)).text
    assert caption == (
        "Score per rol op een schaal van 1 tot 5 sterren. Open punt (kleur en vorm van zijn "
        "lijn): te weinig ingevuld, telt niet mee. De lijn is daar onderbroken."
    )
    alone = Series("nu", [4.0, 3.0, None, 3.0], NOW, [True, False, False, True])
    assert radar_geometry(list("abcd"), [alone]).caption == (
        "Score per rol op een schaal van 1 tot 5 sterren. Open punt: te weinig ingevuld, telt "
        "niet mee. De lijn is daar en bij een rol zonder score onderbroken."
    )
    full = Series("nu", [4.0, 3.0, 2.0, 3.0], NOW)
    assert radar_geometry(list("abcd"), [full]).caption == (
        "Score per rol op een schaal van 1 tot 5 sterren."
    )


def test_the_others_and_the_target_break_where_they_have_no_score() -> None:
    """A voorzitter who rated part of the areas: the 'anderen' outline has lines only
    between roles it scores (never through the centre from Trainer to Procesbewaker); a
    target profile without a value on a role breaks there too."""
    labels = [f"rol {i}" for i in range(ROLES)]
    others = Series("anderen (1 gever)", [None, 3.0, 3.5, 3.5, None, 4.0, None, 3.0], OTHERS)
    target = Series("streefprofiel", [4.0, 4.0, 4.0, 3.5, None, 3.0, 3.0, 3.0], TARGET)
    now = Series("zelf", [4.0, 4.1, 3.7, 2.8, 3.0, 3.3, 2.5, 3.2], NOW)
    (svg,) = draw_radar(labels, [target, others, now], "Feedback", ["svg"])
    chart = Chart(svg)
    _assert_no_line_spans_a_gap(chart, "outline-1-others-", [v is not None for v in others.scores])
    _assert_no_line_spans_a_gap(chart, "outline-0-target-", [v is not None for v in target.scores])
    assert sorted(chart.joins("outline-1-others-")) == [(1, 2), (2, 3)]
    # the target wraps round: Trainer, Verbinder and Penvoerder to Kenner are one line
    assert (7, 0) in chart.joins("outline-0-target-")
    assert "lone-1-others" in chart.groups  # Coach and Verbinder: markers on their own


def test_a_complete_outline_is_one_closed_shape() -> None:
    labels = [f"rol {i}" for i in range(ROLES)]
    now = Series("nu", [3.0] * ROLES, NOW)
    (svg,) = draw_radar(labels, [now], "Alles", ["svg"])
    chart = Chart(svg)
    (line,) = _lines(chart.groups["outline-0-now-0"])
    assert [chart.axis(p) for p in line] == [*range(ROLES), 0]


def test_the_team_band_is_broken_where_fewer_than_three_members_scored() -> None:
    """The band 'laagste tot hoogste' never drops to the centre or crosses a role that only
    some members scored: it is shaded per run of neighbouring roles, a role alone as a bar
    from low to high; the subtitle says where it is missing."""
    labels = [f"rol {i}" for i in range(ROLES)]
    low = [3.0, 3.4, 3.5, 3.1, 3.1, None, None, None]
    high = [3.9, 4.3, 3.7, 4.1, 4.3, None, None, None]
    mean = Series("teamgemiddelde", [3.5, 3.9, 3.6, 3.6, 3.6, 4.3, None, 2.8], TEAM)
    (svg,) = draw_radar(labels, [mean], "Team", ["svg"], (low, high, "laagste tot hoogste"))
    chart = Chart(svg)
    _assert_no_line_spans_a_gap(chart, "band-", [v is not None for v in low])
    _assert_no_line_spans_a_gap(chart, "outline-0-team-", [v is not None for v in mean.scores])
    radii = [
        math.dist(p, chart.centre)
        for g, group in chart.groups.items()
        if g.startswith("band-")
        for line in _lines(group)
        for p in line
    ]
    assert min(radii) > 0.5 * max(radii)  # from 3,0 up: never down to the centre
    radar = radar_geometry(labels, [mean], (low, high, "laagste tot hoogste"))
    assert radar.caption.endswith(
        "De band 'laagste tot hoogste' ontbreekt waar minder dan 3 leden een score hebben."
    )
    lonely = radar_geometry(
        labels, [mean], ([3.0, None, 3.0, *[None] * 5], [4.0, None, 4.5, *[None] * 5], "band")
    )
    assert lonely.band is not None
    pieces = sorted(p.angles for p in lonely.band.pieces)
    assert pieces == sorted([(lonely.axes[0].angle,), (lonely.axes[2].angle,)])


class _Spy:
    """Records what the PDF's radar strokes: each line and polyline with its colour."""

    def __init__(self, doc: Document) -> None:
        self.strokes: list[tuple[tuple[int, ...], list[tuple[float, float]]]] = []
        self.spokes: list[tuple[float, float, float, float]] = []
        pdf = doc.pdf
        polyline, line = pdf.polyline, pdf.line

        def spy_polyline(points: list[tuple[float, float]], *args: Any, **kwargs: Any) -> None:
            if not args and not kwargs:  # a line, not a filled area or a marker (polygons)
                colour = pdf.draw_color
                assert isinstance(colour, DeviceRGB)
                self.strokes.append((tuple(int(c) for c in colour.colors255), list(points)))
            polyline(points, *args, **kwargs)

        def spy_line(x1: float, y1: float, x2: float, y2: float) -> None:
            self.spokes.append((x1, y1, x2, y2))
            line(x1, y1, x2, y2)

        pdf.polyline = spy_polyline  # type: ignore[method-assign, assignment]
        pdf.line = spy_line  # type: ignore[method-assign]


def test_the_pdf_radar_draws_the_same_broken_outlines(catalogue: Catalogue) -> None:
    """The report's vector radar strokes the earlier outline only from Penvoerder to
    Organisator, in the earlier record's colour; every stroke joins neighbouring roles."""
    result = _comparison(catalogue)
    series = radar_series(catalogue, result)
    labels = [r.name for r in result.scores.roles]
    doc = Document("Test", datetime(2026, 11, 23), "voet")
    doc.pdf.add_page()
    spy = _Spy(doc)
    draw_radar_pdf(doc, labels, series)
    cx, cy = spy.spokes[0][:2]
    angles = [math.atan2(cy - y2, x2 - cx) for _, _, x2, y2 in spy.spokes[:ROLES]]

    def axis(x: float, y: float) -> int:
        turn = math.atan2(cy - y, x - cx)
        return min(range(ROLES), key=lambda i: abs(math.remainder(turn - angles[i], math.tau)))

    older_colour = tuple(int(STYLES[OLDER].colour[i : i + 2], 16) for i in (1, 3, 5))
    older = [[axis(*p) for p in points] for colour, points in spy.strokes if colour == older_colour]
    assert older == [[0, 1]]
    for _, points in spy.strokes:
        on = [axis(*p) for p in points]
        assert all(_neighbours(a, b) for a, b in itertools.pairwise(on))


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        ([True] * 4, [(0, 1, 2, 3)]),
        ([True, False, True, True], [(2, 3, 0)]),  # round the top: the last axis meets the first
        ([False, True, False, True], [(1,), (3,)]),
        ([False] * 3, []),
    ],
)
def test_runs_go_round_the_radar(present: list[bool], expected: list[tuple[int, ...]]) -> None:
    from asmo_cli.render.radar_geometry import runs

    assert list(runs(present)) == expected
