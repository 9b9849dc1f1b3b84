"""What a document says, once: its title, header rows and a list of blocks (headings,
paragraphs, bullets, tables, figures). ``md_layout.to_markdown`` and ``pdf.Document.draw``
only lay the same blocks out, so the Markdown and the PDF of a document can never say
different things. Every text here is plain text (user and catalogue text included); each
layout escapes it in its own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from asmo_cli.render.dots import DotChart


class Size(Enum):
    """How prominent a paragraph or a list is: the PDF sets it in a smaller size."""

    NORMAL = "normal"
    SMALL = "small"  # a remark that belongs to what is above it
    NOTE = "note"  # an aside: small and grey (in Markdown: in italics)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 2: a section, 3: a part of one
    with_next: float = 0.0  # mm of what follows that must fit under it on the same page (PDF)


@dataclass(frozen=True)
class Paragraph:
    text: str
    size: Size = Size.NORMAL
    bold: bool = False


@dataclass(frozen=True)
class Bullets:
    """A list of (lead, text): the lead in bold (may be empty)."""

    items: tuple[tuple[str, str], ...]
    size: Size = Size.NORMAL
    numbered: bool = False


@dataclass(frozen=True)
class Column:
    heading: str
    width: float  # a share of the full width (PDF)
    align: str = "LEFT"  # LEFT, RIGHT or CENTER


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    grey_rows: tuple[bool, ...] = ()  # rows of less weight (a role with too little data)
    size: Size = Size.NORMAL
    headings: bool = True  # False: a table of label and value without a header row
    row_lines: int = 1  # the least lines of a row (PDF): room to write in by hand

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"een rij heeft {len(row)} cellen, de tabel {len(self.columns)}")


@dataclass(frozen=True)
class Figure:
    """A chart: the PDF draws it (``kind`` names the drawing), Markdown links its image."""

    kind: str
    alt: str


@dataclass(frozen=True)
class RuledBox:
    """Lines to write on by hand (PDF); in Markdown a dotted line per ruled line."""

    label: str
    lines: int = 3
    hint: str | None = None


Block = Heading | Paragraph | Bullets | Table | Figure | RuledBox | DotChart


@dataclass(frozen=True)
class Content:
    """A whole document: its title, the name under it, its header rows and its blocks."""

    title: str
    subtitle: str | None
    header: tuple[tuple[str, str], ...]
    blocks: tuple[Block, ...] = field(default=())

    def texts(self) -> list[str]:
        """Every text in the document, in order: what a test compares across formats."""
        found = [self.title, *(self.subtitle or "",), *(t for row in self.header for t in row)]
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph):
                found.append(block.text)
            elif isinstance(block, Bullets):
                found += [t for item in block.items for t in item if t]
            elif isinstance(block, Table):
                found += [c.heading for c in block.columns if block.headings and c.heading]
                found += [cell for row in block.rows for cell in row if cell]
            elif isinstance(block, RuledBox):
                found += [block.label, *(block.hint or "",)]
            elif isinstance(block, DotChart):
                found += [label for _, label in block.legend]
                found += [row.label for row in block.rows]
        return [text for text in found if text]
