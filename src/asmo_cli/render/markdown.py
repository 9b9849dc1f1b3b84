"""``rapport.md``: the report of one assessment, laid out from its content
(``report_content.py``, the same blocks as ``rapport.pdf``)."""

from __future__ import annotations

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.result import Result
from asmo_cli.core.text import disclaimer as disclaimer_text
from asmo_cli.core.text import md
from asmo_cli.render.md_layout import to_markdown
from asmo_cli.render.report_content import RADAR, header_rows, report_content


def header_table(catalogue: Catalogue, result: Result, extra: list[tuple[str, str]]) -> list[str]:
    """Return the Markdown table that opens the plan (extra as plain text)."""
    rows = header_rows(catalogue, result, extra)
    return ["| | |", "|---|---|", *(f"| {key} | {md(value)} |" for key, value in rows), ""]


def disclaimer(council: str = "other") -> list[str]:
    return [f"*{disclaimer_text(council)}*", ""]


def render_markdown(
    catalogue: Catalogue, result: Result, *, image: str | None = "radar.png", names: bool = False
) -> str:
    """Return the Dutch Markdown report of one assessment (``image``: the radar's file)."""
    return to_markdown(report_content(catalogue, result, names=names), {RADAR: image})
