"""The radar's geometry, computed once for the PNG and the PDF: axes, outlines, values."""

from __future__ import annotations

import math

import pytest

from asmo_cli.render.radar_geometry import NOW, OLDER, TARGET, Point, Series, radar_geometry

LABELS = ["Penvoerder", "Organisator", "Kenner", "Coach"]


def test_axes_start_at_the_top_and_go_clockwise() -> None:
    radar = radar_geometry(LABELS, [Series("nu", [3.0, 3.0, 3.0, 3.0])])
    assert [round(a.angle, 6) for a in radar.axes] == [
        round(math.pi / 2 - i * math.pi / 2, 6) for i in range(4)
    ]


def test_an_axis_is_grey_by_what_the_measured_outlines_say_never_the_target() -> None:
    """n.v.t. when no measured outline scores it, thin when none has enough data; a target
    profile's value on an axis changes neither."""
    now = Series("nu", [4.0, None, 2.0, 3.0], NOW, [True, False, False, True])
    older = Series("eerder", [3.0, None, 2.5, None], OLDER, [True, False, False, False])
    target = Series("streefprofiel", [4.0, 4.0, 4.0, 4.0], TARGET)
    radar = radar_geometry(LABELS, [older, target, now])
    assert [(a.unscored, a.thin) for a in radar.axes] == [
        (False, False),
        (True, False),
        (False, True),
        (False, False),
    ]
    assert [a.note for a in radar.axes] == [(), ("n.v.t.",), ("te weinig", "ingevuld"), ()]
    assert radar.open_points and radar.legend


def test_thin_scores_are_open_points_and_break_the_outline() -> None:
    """A thin score is an open point, never a corner: the outline is one segment from the
    role after it round to the role before it (not a shape that cuts across)."""
    now = Series("nu", [4.0, 3.0, 2.0, 3.5], NOW, [True, True, False, True])
    (outline,) = radar_geometry(LABELS, [now]).outlines
    assert [p.value for p in outline.solid] == [4.0, 3.0, 3.5]
    assert [p.value for p in outline.hollow] == [2.0]
    assert not outline.closed and outline.broken and outline.shows_values
    assert [[p.index for p in line] for line in outline.lines] == [[3, 0, 1]]
    # the fill is the wedge between that segment and the centre, whose sides are axes
    assert [[p.index for p in fill] for fill in outline.fills] == [[-1, 3, 0, 1]]
    full = Series("nu", [4.0, 3.0, 2.0, 3.5], NOW)
    (ring,) = radar_geometry(LABELS, [full]).outlines
    assert ring.closed and [[p.index for p in line] for line in ring.lines] == [[0, 1, 2, 3, 0]]
    two = Series("nu", [4.0, None, 3.0, None], NOW, [True, False, True, False])
    (apart,) = radar_geometry(LABELS, [two]).outlines
    assert not apart.closed and apart.lines == () and len(apart.segments) == 2


def test_every_value_of_the_record_and_every_open_point_is_written_in_its_own_style() -> None:
    """The record's values in bold, its thin values plain, an earlier record's thin value in
    the earlier record's kind; an earlier record's counted values are not written."""
    now = Series("nu", [4.0, 3.0, 2.0, 3.5], NOW, [True, True, False, True])
    older = Series("eerder", [3.0, 2.0, 2.0, 3.0], OLDER, [True, False, False, True])
    radar = radar_geometry(LABELS, [older, now])
    written = sorted((v.kind.value, v.text, v.counts) for v in radar.labels)
    assert written == [
        ("now", "2,0", False),
        ("now", "3,0", True),
        ("now", "3,5", True),
        ("now", "4,0", True),
        ("older", "2,0", False),
        ("older", "2,0", False),
    ]


def test_a_target_alone_has_no_open_points_and_shows_no_values() -> None:
    radar = radar_geometry(LABELS, [Series("streefprofiel", [4.0, 4.0, None, 3.0], TARGET)])
    assert not radar.open_points and not radar.legend
    assert not radar.outlines[0].shows_values


@pytest.mark.parametrize(("value", "radius"), [(1.0, 1.45), (4.4, 4.85), (4.5, 4.0), (5.0, 4.5)])
def test_a_value_is_written_outside_its_point_or_inside_near_the_rim(
    value: float, radius: float
) -> None:
    assert Point(0.0, value).label_radius == pytest.approx(radius)
