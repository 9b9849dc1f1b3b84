"""The progress chart (``asmo history --plot``): every role's line visible, a point with too
little data marked and explained, the name as she writes it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime

from asmo_cli.render.charts import (
    MARKERS,
    draw_history,
    progress_lines,
    progress_title,
    shown_name,
)

SVG = "{http://www.w3.org/2000/svg}"
ROLES = ["Penvoerder", "Organisator", "Procesbewaker", "Kenner"]
DATES = [datetime(2025, 3, 1, 10), datetime(2025, 9, 1, 10), datetime(2026, 3, 1, 10)]
# Penvoerder and Organisator coincide at every record; Kenner is thin in the first record,
# Procesbewaker has no score in the second.
VALUES: list[list[float | None]] = [
    [4.0, 4.0, 3.0, None],
    [4.1, 4.1, None, 3.0],
    [4.2, 4.2, 3.5, 3.0],
]
THIN: list[list[float | None]] = [[None, None, None, 2.5], [None] * 4, [None] * 4]


def _groups(svg: bytes) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("id")}


def _points(group: ET.Element) -> list[tuple[float, float]]:
    return [(float(u.get("x", 0)), float(u.get("y", 0))) for u in group.iter(f"{SVG}use")]


def test_a_line_never_bridges_a_record_without_a_counted_score() -> None:
    """Procesbewaker has no score in the second record: two pieces, not one line from the
    first to the third; Kenner's thin first score is an open point, its line starts after."""
    lines = progress_lines([0.0, 10.0, 20.0], ROLES, VALUES, THIN, 1.0)
    proces, kenner = lines[2], lines[3]
    assert [[y for _, y in s] for s in proces.segments] == [[3.0], [3.5]]
    assert proces.missing and not proces.thin
    assert [[y for _, y in s] for s in kenner.segments] == [[3.0, 3.0]]
    assert [y for _, y in kenner.thin] == [2.5]


def test_coinciding_points_are_set_side_by_side_and_every_role_has_its_own_marker() -> None:
    lines = progress_lines([0.0, 10.0, 20.0], ROLES, VALUES, THIN, 1.0)
    pen, org = lines[0], lines[1]
    assert [x for x, _ in pen.segments[0]] == [-0.5, 9.5, 19.5]
    assert [x for x, _ in org.segments[0]] == [0.5, 10.5, 20.5]
    assert pen.moved and org.moved and not lines[3].moved
    assert len({line.marker for line in lines}) == len(ROLES)
    assert len(set(MARKERS)) == len(MARKERS) >= 8  # the catalogue's eight roles at least


def test_the_svg_shows_every_line_apart_and_explains_the_open_point() -> None:
    """Drawn: Penvoerder and Organisator at one score are a few points apart, each with its
    own marker shape; Kenner's thin score is an open marker in Kenner's colour; the note
    beside the chart explains open points, the gap and the shift."""
    svg = draw_history(DATES, ROLES, VALUES, "svg", "Voortgang per rol: Fenna", thin=THIN)
    groups = _groups(svg)
    pen, org = _points(groups["role-0-0"]), _points(groups["role-1-0"])
    for (x1, y1), (x2, y2) in zip(pen, org, strict=True):
        assert abs(y1 - y2) < 8 and abs(x1 - x2) >= 8  # points: side by side, not on top
    shapes = {
        g: next(groups[g].iter(f"{SVG}path")).get("d")
        for g in ("role-0-0", "role-1-0", "role-2-0", "role-3-0")
    }
    assert len(set(shapes.values())) == 4
    (open_point,) = groups["thin-3"].iter(f"{SVG}use")
    assert "fill: #ffffff" in open_point.get("style", "")
    assert "#d62728" in open_point.get("style", "")  # Kenner's colour (the fourth, C3)
    assert "role-2-1" in groups  # Procesbewaker: two pieces
    text = " ".join(" ".join(re.findall(r"<!-- (.*?) -->", svg.decode(), re.DOTALL)).split())
    for said in (
        "Open punt: te weinig ingevuld, telt niet mee; de lijn loopt daar niet door.",
        "Geen punt bij een meting: daar geen score die meetelt (n.v.t.); de lijn loopt daar "
        "niet door.",
        "Punten met (bijna) dezelfde score staan iets naast elkaar.",
    ):
        assert said in text


def test_the_name_is_shown_with_single_spaces_as_she_wrote_it_most() -> None:
    assert shown_name(["fenna  de Vries", "Fenna de Vries", "Fenna  de Vries"]) == (
        "Fenna de Vries"
    )
    assert shown_name(["Fenna de Vries", "fenna de vries"]) == "fenna de vries"  # the newest
    assert shown_name([None, "  "]) is None
    assert progress_title(["fenna  de Vries"]) == "Voortgang per rol: fenna de Vries"
    assert progress_title([None]) == "Voortgang per rol (metingen zonder naam)"
    svg = draw_history(DATES, ROLES, VALUES, "svg", "Voortgang per rol: fenna  de Vries")
    assert "<!-- Voortgang per rol: fenna de Vries -->" in svg.decode()
