"""``rapport.pdf``: the report of one assessment as an A4 document to print or attach, laid
out from its content (``report_content.py``, the same blocks as ``rapport.md``); its radar is
drawn as vector graphics."""

from __future__ import annotations

from functools import partial

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.result import Result
from asmo_cli.core.text import date_nl
from asmo_cli.render.blocks import Column
from asmo_cli.render.dots import DotChart
from asmo_cli.render.pdf import Document, Drawing
from asmo_cli.render.pdf_dots import draw_dots_pdf
from asmo_cli.render.pdf_radar import draw_radar_pdf
from asmo_cli.render.report_content import RADAR, TITLE, report_content
from asmo_cli.render.series import radar_series


def title_block(doc: Document, rows: tuple[tuple[str, str], ...]) -> None:
    doc.table([Column("", 0.3), Column("", 0.7)], rows, size=9.5, headings=False)


def render_report_pdf(catalogue: Catalogue, result: Result, *, names: bool = False) -> bytes:
    """Return rapport.pdf of one result."""
    record = result.record
    doc = Document(
        TITLE,
        record.created,
        f"Vertrouwelijk · {record.name or 'zelfassessment'} · ingevuld {date_nl(record.created)}",
    )
    labels = [role.name for role in result.scores.roles]
    series = radar_series(catalogue, result)
    content = report_content(catalogue, result, names=names)
    figures: dict[str, Drawing] = {RADAR: lambda doc: draw_radar_pdf(doc, labels, series)}
    for block in content.blocks:
        if isinstance(block, DotChart):  # the content's own chart, drawn as it says
            figures[block.kind] = partial(draw_dots_pdf, chart=block)
    doc.draw(content, figures)
    return doc.output()
