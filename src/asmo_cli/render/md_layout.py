"""A document's blocks (``blocks.py``) laid out as Markdown: every text escaped, so that user
and catalogue text can never become markup, a link or HTML."""

from __future__ import annotations

from collections.abc import Mapping

from asmo_cli.core.text import md, md_line
from asmo_cli.render.blocks import (
    Block,
    Bullets,
    Content,
    Figure,
    Heading,
    Paragraph,
    RuledBox,
    Size,
    Table,
)

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
    return _ruled(block)


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
