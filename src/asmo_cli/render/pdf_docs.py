"""``ontwikkelplan.pdf``, ``tijdsbesteding.pdf`` and ``team.pdf``: the other documents."""

from __future__ import annotations

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
from asmo_cli.render.plan_content import PLAN_FIGURE
from asmo_cli.render.team import CHART as TEAM_CHART
from asmo_cli.render.team import TITLE as TEAM_TITLE
from asmo_cli.render.team import team_content


def _footer(record: Record) -> str:
    return f"Vertrouwelijk · {record.name or 'ambtelijk secretaris'} · {date_nl(record.created)}"


def render_plan_pdf(content: Content, record: Record, chart_png: bytes | None) -> bytes:
    """Return ontwikkelplan.pdf: the plan's blocks, with its radar and boxes to fill in."""
    doc = Document(content.title, record.created, _footer(record))
    figures = {PLAN_FIGURE: lambda d: d.image(chart_png, width=90)} if chart_png else {}
    doc.draw(content, figures)
    return doc.output()


def render_hours_pdf(catalogue: Catalogue, record: Record) -> bytes:
    """Return tijdsbesteding.pdf: where the hours go, to hand to the council (its chart drawn
    as vector graphics)."""
    doc = Document(TITLE, record.created, _footer(record))
    panels = hours_chart_panels(catalogue, record)
    title = hours_chart_title(record)
    doc.draw(hours_content(catalogue, record), {CHART: lambda d: draw_bars_pdf(d, title, panels)})
    return doc.output()


def render_team_pdf(
    catalogue: Catalogue,
    found: Collected,
    chart_png: bytes | None,
    *,
    with_names: bool,
    today: datetime,
) -> bytes:
    """Return team.pdf: the anonymous team profile (names only when asked for), the same
    blocks as team.md."""
    doc = Document(TEAM_TITLE, today, f"Vertrouwelijk · teamprofiel · {date_nl(today)}")
    figures = {TEAM_CHART: lambda d: d.image(chart_png, width=125)} if chart_png else {}
    doc.draw(team_content(catalogue, found, with_names=with_names, today=today), figures)
    return doc.output()
