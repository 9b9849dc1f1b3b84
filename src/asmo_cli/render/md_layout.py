"""A document's blocks (``blocks.py``) laid out as Markdown: every text escaped, so that user
and catalogue text can never become markup, a link or HTML."""

from __future__ import annotations

from collections.abc import Mapping

from asmo_cli.core.text import md, md_line
from asmo_cli.render.blocks import (
    Block,
    Bullets,
    Column,
    Content,
    Figure,
    Heading,
    Paragraph,
    RuledBox,
    Size,
    Table,
)
from asmo_cli.render.dots import DotChart, bar
from asmo_cli.render.radar_geometry import NOW

FILL_IN = "…………………………………………………………………………………………………………"
RULES = {"LEFT": "---", "RIGHT": "---:", "CENTER": ":---:"}


def to_markdown(content: Content, images: Mapping[str, str | None] | None = None) -> str:
    """The document as Markdown; ``images`` names the image file of each figure kind (a
    figure without one is left out)."""
    title = f"# {md(content.title)}" + (f": {md(content.subtitle)}" if content.subtitle else "")
    lines = [title, ""]
    if content.header:
        lines += ["| | |", "|---|---|", *(f"| {md(k)} | {md(v)} |" for k, v in content.header)]
        lines.append("")
    for block in content.blocks:
        lines += _block(block, images or {})
    return "\n".join(lines).rstrip() + "\n"


def _block(block: Block, images: Mapping[str, str | None]) -> list[str]:
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {md(block.text)}", ""]
    if isinstance(block, Paragraph):
        text = md_line(block.text)
        if block.bold:
            text = f"**{text}**"
        elif block.size is Size.NOTE:
            text = f"*{text}*"
        return [text, ""]
    if isinstance(block, Bullets):
        return [*_items(block), ""]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        image = images.get(block.kind)
        return [f"![{md(block.alt)}]({image})", ""] if image else []
    if isinstance(block, DotChart):
        return _table(dot_table(block))
    return _ruled(block)


def dot_table(chart: DotChart) -> Table:
    """The chart of scores in order as a table: the role, its score with a bar, and a column
    per other outline (the earlier record, the others, the target profile)."""
    others = [(i, label) for i, (kind, label) in enumerate(chart.legend) if kind is not NOW]
    main = next(i for i, (kind, _) in enumerate(chart.legend) if kind is NOW)
    head = chart.legend[main][1] if others else "score"  # alone, the date says nothing new
    columns = [Column("Rol", 0.3), Column(head[:1].upper() + head[1:], 0.1, "RIGHT")]
    columns.append(Column("", 0.2))
    share = 0.4 / max(1, len(others))
    columns += [Column(label[:1].upper() + label[1:], share, "RIGHT") for _, label in others]
    rows = []
    for row in chart.rows:
        mark = row.marks[main]
        drawn = bar(mark.value) if mark.value is not None and mark.counts else ""
        rows.append((row.label, mark.text, drawn, *(row.marks[i].text for i, _ in others)))
    return Table(tuple(columns), tuple(rows))


def _items(block: Bullets) -> list[str]:
    lines = []
    for number, (lead, text) in enumerate(block.items, 1):
        mark = f"{number}." if block.numbered else "-"
        if lead and text:
            lines.append(f"{mark} **{md(lead)}**: {md(text)}")
        elif lead:
            lines.append(f"{mark} **{md(lead)}**")
        else:
            lines.append(f"{mark} {md_line(text)}")
    return lines


def _table(table: Table) -> list[str]:
    heads = [md(c.heading) if table.headings else "" for c in table.columns]
    lines = ["| " + " | ".join(heads) + " |" if table.headings else "|" + " |" * len(heads)]
    lines.append("|" + "|".join(RULES[c.align] for c in table.columns) + "|")
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in table.rows]
    return [*lines, ""]


def _ruled(box: RuledBox) -> list[str]:
    lines = [f"**{md(box.label)}**", ""]
    if box.hint:
        lines += [f"*{md(box.hint)}*", ""]
    return [*lines, *([FILL_IN, ""] * max(1, box.lines // 2))]
