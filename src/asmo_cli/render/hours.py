"""``tijdsbesteding.md``: the hours document laid out as Markdown from its content
(``hours_content.py``, the same blocks as ``tijdsbesteding.pdf``)."""

from __future__ import annotations

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import Record
from asmo_cli.render.hours_content import CHART, hours_content
from asmo_cli.render.md_layout import to_markdown


def render_hours_markdown(catalogue: Catalogue, record: Record, image: str | None) -> str:
    """Return tijdsbesteding.md (``image``: the chart's file, or None to leave it out)."""
    return to_markdown(hours_content(catalogue, record), {CHART: image})
