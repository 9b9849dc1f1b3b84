"""``ontwikkelplan.pdf``, ``tijdsbesteding.pdf`` and ``team.pdf``: the other documents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import Record
from asmo_cli.core.team import Collected
from asmo_cli.core.text import date_nl
from asmo_cli.render.bars import hours_chart_panels, hours_chart_title
from asmo_cli.render.blocks import Content
from asmo_cli.render.hours_content import CHART, TITLE, hours_content
from asmo_cli.render.pdf import Document
from asmo_cli.render.pdf_bars import draw_bars_pdf
from asmo_cli.render.pdf_radar import draw_radar_pdf
from asmo_cli.render.plan_content import PLAN_FIGURE
from asmo_cli.render.radar_geometry import Series
from asmo_cli.render.team import CHART as TEAM_CHART
from asmo_cli.render.team import TITLE as TEAM_TITLE
from asmo_cli.render.team import team_content

# the team radar: its axes, the mean outline, the band (low, high, label) and per axis why it
# has no point ("te weinig leden"), as api.teams.team_chart makes them
TeamChart = tuple[
    list[str],
    list[Series],
    tuple[list[float | None], list[float | None], str] | None,
    list[tuple[str, ...]],
]


def _footer(record: Record) -> str:
    return f"Vertrouwelijk · {record.name or 'ambtelijk secretaris'} · {date_nl(record.created)}"


PLAN_RADIUS = 45.0  # mm: the plan's radar, half the text width (the report's is larger)


def render_plan_pdf(
    content: Content, record: Record, labels: Sequence[str], series: Sequence[Series]
) -> bytes:
    """Return ontwikkelplan.pdf: the plan's blocks, with its radar (vector graphics, labels in
    print size) and boxes to fill in."""
    doc = Document(content.title, record.created, _footer(record))
    doc.draw(content, {PLAN_FIGURE: lambda d: draw_radar_pdf(d, labels, series, PLAN_RADIUS)})
    return doc.output()


def render_hours_pdf(catalogue: Catalogue, record: Record) -> bytes:
    """Return tijdsbesteding.pdf: where the hours go, to hand to the council (its chart drawn
    as vector graphics)."""
    doc = Document(TITLE, record.created, _footer(record))
    panels = hours_chart_panels(catalogue, record)
    title = hours_chart_title(record)
    doc.draw(hours_content(catalogue, record), {CHART: lambda d: draw_bars_pdf(d, title, panels)})
    return doc.output()


TEAM_RADIUS = 50.0  # mm: more than half the text width, labels in print size


def render_team_pdf(
    catalogue: Catalogue,
    found: Collected,
    chart: TeamChart,
    *,
    with_names: bool,
    today: datetime,
) -> bytes:
    """Return team.pdf: the anonymous team profile (names only when asked for), the same
    blocks as team.md, its radar drawn as vector graphics."""
    doc = Document(TEAM_TITLE, today, f"Vertrouwelijk · teamprofiel · {date_nl(today)}")
    labels, series, band, reasons = chart

    def radar(d: Document) -> None:
        draw_radar_pdf(d, labels, series, TEAM_RADIUS, band, reasons)

    doc.draw(
        team_content(catalogue, found, with_names=with_names, today=today), {TEAM_CHART: radar}
    )
    return doc.output()
