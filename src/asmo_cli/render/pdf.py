"""The PDF document layer: A4, Dutch, DejaVu Sans embedded (it has every Dutch letter and ★).

Two font faces only (regular and bold; asides are set small and grey, not italic): every face
costs parsing a TrueType file.

fpdf2 is used because pip alone installs it (fonttools and Pillow, which matplotlib brings
already), it embeds TrueType fonts, and its tables wrap text and repeat their header row
across pages. User and catalogue text is always written as plain text, never as markup.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from asmo_cli.core.text import clean
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
from asmo_cli.render.dots import DotChart
from asmo_cli.render.fonts import FONT, MISSING, font_folder

if TYPE_CHECKING:
    from fpdf import FPDF

INK = (34, 34, 34)
GREY = (110, 110, 110)
BLUE = (31, 95, 168)
HEAD_FILL = (229, 236, 246)
RULE = (190, 190, 190)
MARGIN = 18  # mm
PAGES = "\x00\x01"  # fpdf2 puts the page count here (room for two digits); no text has it
TEXT_SIZES = {Size.NORMAL: 10.0, Size.SMALL: 9.0, Size.NOTE: 8.5}
LIST_SIZES = {Size.NORMAL: 10.0, Size.SMALL: 9.5, Size.NOTE: 8.5}
TABLE_SIZES = {Size.NORMAL: 9.5, Size.SMALL: 9.0, Size.NOTE: 8.5}
TABLE_GAP = 2.5  # mm after a table
SMALL_TABLE = 3  # rows: a table this small is never split over two pages
Drawing = Callable[["Document"], None]  # draws a figure at the current position


def _least(rows: int, row_lines: int, line_height: float, pad: float) -> float:
    """The room a table needs at the foot of a page: a header row and some rows (never a
    header alone), or all of a small table (SMALL_TABLE rows or fewer stay together)."""
    if rows > SMALL_TABLE:
        return 4 * (line_height + pad)
    return (1 + rows * max(row_lines, 1)) * line_height + 2 * pad * (1 + rows)


def fit_widths(
    shares: Sequence[float],
    least: Sequence[float],
    wanted: Sequence[float],
    total: float,
    *,
    fill: bool = True,
) -> list[float]:
    """Column widths that add up to ``total``: each its share, then widened to its ``least``
    (the longest word) with room taken first from what other columns leave unused, then
    from what they have above their own least; with ``fill``, a column narrower than its
    ``wanted`` (its widest text on one line) then gets the room others leave unused."""
    widths = [share * total for share in shares]

    def move(needs: list[float], floors: Sequence[float]) -> None:
        surplus = [max(0.0, w - f) for w, f in zip(widths, floors, strict=True)]
        room, need = sum(surplus), sum(needs)
        if room <= 0 or need <= 0:
            return
        moved = min(room, need)
        for i, (spare, wish) in enumerate(zip(surplus, needs, strict=True)):
            widths[i] += moved * (wish / need) - moved * (spare / room)

    unused = [max(a, b) for a, b in zip(least, wanted, strict=True)]
    for floors in (unused, least):
        move([max(0.0, low - w) for low, w in zip(least, widths, strict=True)], floors)
    if fill:
        move([max(0.0, want - w) for want, w in zip(wanted, widths, strict=True)], unused)
    return widths


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1f5fa8' as (31, 95, 168)."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class Document:
    """One PDF: title block, headings, paragraphs, bullets, tables, images, ruled boxes."""

    def __init__(self, title: str, moment: datetime, footer: str) -> None:
        from fpdf import FPDF

        footer_text = clean(footer)

        class _Pdf(FPDF):
            def normalize_text(self, text: str) -> str:
                """A character the font lacks (an emoji, say) becomes □, never nothing; the
                page-count alias stays only in the footer (elsewhere it cannot be: it is
                made of control characters, which ``clean`` takes out of every text)."""
                parts = text.split(PAGES) if self.in_footer else [text.replace(PAGES, "")]
                return PAGES.join(self._drawable(part) for part in parts)

            def _drawable(self, text: str) -> str:
                known = getattr(self.current_font, "cmap", None)
                if not known or all(ord(c) in known for c in text):
                    return super().normalize_text(text)
                return "".join(c if ord(c) in known else MISSING for c in text)

            def footer(self) -> None:
                """The footer of every page: who it is about, and 'pagina N van M' (fpdf2 puts
                in M, the page count, when the document is closed)."""
                self.set_y(-12)
                self.set_font(FONT, "", 8)
                self.set_text_color(*GREY)
                self.cell(0, 5, footer_text, align="L")
                self.set_x(self.l_margin)
                self.cell(0, 5, f"pagina {self.page_no()} van {PAGES}", align="R")

        pdf = _Pdf(format="A4", unit="mm")
        folder = font_folder()
        pdf.add_font(FONT, "", str(folder / "DejaVuSans.ttf"))
        pdf.add_font(FONT, "B", str(folder / "DejaVuSans-Bold.ttf"))
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(True, margin=18)
        pdf.set_title(clean(title))
        pdf.set_lang("nl")
        pdf.set_creator("asmo")
        pdf.set_creation_date(moment)
        # not fpdf2's '{nb}', which a name or a comment may hold: an alias no text can hold
        pdf.alias_nb_pages(PAGES)
        pdf.add_page()
        self.pdf: FPDF = pdf
        self._widths: dict[tuple[str, str, float], dict[str, float]] = {}

    def draw(self, content: Content, figures: Mapping[str, Drawing] | None = None) -> None:
        """Lay out a whole document: its title, its header rows, then every block."""
        self.title(content.title, content.subtitle)
        if content.header:
            self.table([Column("", 0.3), Column("", 0.7)], content.header, size=9.5, headings=False)
        for block in content.blocks:
            self.block(block, figures or {})

    def block(self, block: Block, figures: Mapping[str, Drawing]) -> None:
        if isinstance(block, Heading):
            self.heading(block.text, block.level, block.with_next)
        elif isinstance(block, Paragraph):
            grey = block.size is Size.NOTE
            style = "B" if block.bold else ""
            self.paragraph(block.text, style=style, size=TEXT_SIZES[block.size], grey=grey)
        elif isinstance(block, Bullets):
            self.bullets(block.items, size=LIST_SIZES[block.size], numbered=block.numbered)
        elif isinstance(block, Table):
            self.table(
                block.columns,
                block.rows,
                size=TABLE_SIZES[block.size],
                grey_rows=block.grey_rows,
                headings=block.headings,
                row_lines=block.row_lines,
            )
        elif isinstance(block, Figure | DotChart):  # a chart: drawn by its own module
            if block.kind in figures:
                figures[block.kind](self)
        elif isinstance(block, RuledBox):
            self.ruled_box(block.label, block.lines, block.hint)

    def keep(self, height: float) -> None:
        """Go on at a new page unless ``height`` mm (of what belongs together) still fit."""
        if self.pdf.will_page_break(height):
            self.pdf.add_page()

    # --- text ---------------------------------------------------------------------------

    def title(self, text: str, subtitle: str | None = None) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, "B", 18)
        pdf.set_text_color(*INK)
        pdf.multi_cell(0, 8, clean(text), align="L", new_x="LMARGIN", new_y="NEXT")
        if subtitle:
            pdf.set_font(FONT, "", 12)
            pdf.set_text_color(*BLUE)
            pdf.multi_cell(0, 6, clean(subtitle), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)

    def heading(self, text: str, level: int = 2, with_next: float = 0.0) -> None:
        """A heading; ``with_next`` mm of what follows must fit under it on the same page."""
        pdf = self.pdf
        size = {2: 14, 3: 11.5}.get(level, 11)
        self.keep(size * 2.2 + with_next)
        pdf.ln(3 if level == 2 else 1.5)
        pdf.set_font(FONT, "B", size)
        pdf.set_text_color(*(BLUE if level == 2 else INK))
        pdf.multi_cell(0, size * 0.5, clean(text), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)

    def paragraph(
        self, text: str, *, style: str = "", size: float = 10, grey: bool = False
    ) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, style, size)
        pdf.set_text_color(*(GREY if grey else INK))
        self._lines(self.wrap(clean(text), pdf.epw), pdf.l_margin, size * 0.5)
        pdf.ln(1.5)

    def _lines(self, lines: Sequence[str], left: float, height: float) -> None:
        """Set wrapped lines one under the other from ``left``, breaking pages between them."""
        pdf = self.pdf
        for line in lines:
            self.keep(height)
            pdf.set_xy(left, pdf.get_y())
            pdf.cell(pdf.l_margin + pdf.epw - left, height, line)
            pdf.ln(height)

    def bullets(
        self, items: Sequence[tuple[str, str]], size: float = 10, *, numbered: bool = False
    ) -> None:
        """Bullets (or numbers) of a bold lead (may be empty) and plain text, with a hanging
        indent."""
        pdf = self.pdf
        indent, height = 5.0, size * 0.5
        for index, (lead, text) in enumerate(items, 1):
            pdf.set_text_color(*INK)
            pdf.set_font(FONT, "", size)
            pdf.set_x(MARGIN)
            width = pdf.epw - indent
            body = clean(text)
            head = clean(lead) + (": " if text and lead else "")
            pdf.set_font(FONT, "B", size)
            used = pdf.get_string_width(head) if head else 0.0
            heads = [head] if used <= width else self.wrap(head.rstrip(), width)
            if len(heads) > 1:  # a lead longer than a line: its own lines, the text below
                heads[-1] += " " if text else ""
                used = pdf.get_string_width(heads[-1])
            pdf.set_font(FONT, "", size)
            lines = self.wrap(body, width, first=width - used) if body else [""]
            self.keep(height * min(2, len(heads) + len(lines) - 1))  # no lone first line
            top = pdf.get_y()
            pdf.set_xy(MARGIN, top)
            pdf.cell(indent, height, f"{index}." if numbered else "•")
            if head:
                pdf.set_font(FONT, "B", size)
                self._lines(heads[:-1], MARGIN + indent, height)
                pdf.set_xy(MARGIN + indent, pdf.get_y())
                top = pdf.get_y()
                pdf.cell(used, height, heads[-1])
                pdf.set_font(FONT, "", size)
            if lines[0]:
                pdf.cell(width - used, height, lines[0])
            pdf.set_y(top + height)
            self._lines(lines[1:], MARGIN + indent, height)
            pdf.ln(1.2)
        pdf.ln(1)

    # --- tables, images, boxes ----------------------------------------------------------

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        *,
        size: float = 9.5,
        grey_rows: Sequence[bool] = (),
        headings: bool = True,
        row_lines: int = 1,
        boxes: bool = False,
    ) -> None:
        """A table that wraps its cells at word boundaries and repeats its header on each page;
        a row is at least ``row_lines`` lines high (room to write in by hand); with ``boxes``
        (a form to tick) the columns keep their room even where their text is short.

        Drawn with single-line cells from words measured once: fpdf2's own table() measures
        every character of every cell again, which made a report several times slower.
        """
        pdf = self.pdf
        line_height, pad = size * 0.5, 1.3
        fill = row_lines == 1 and not boxes
        widths = self._widths_for(columns, rows, size, pad, headings=headings, fill=fill)

        def draw(cells: Sequence[str], *, bold: bool, grey: bool, fill: bool) -> None:
            pdf.set_font(FONT, "B" if bold else "", size)
            wrapped = [self.wrap(clean(t), w - 2 * pad) for t, w in zip(cells, widths, strict=True)]
            least = 1 if fill else row_lines
            height = max(least, *(len(lines) for lines in wrapped)) * line_height + 2 * pad
            if pdf.get_y() + height > pdf.page_break_trigger:
                pdf.add_page()
                if headings and not bold:
                    draw([c.heading for c in columns], bold=True, grey=False, fill=True)
                    pdf.set_font(FONT, "", size)
            top, x = pdf.get_y(), pdf.l_margin
            if fill:
                pdf.set_fill_color(*HEAD_FILL)
                pdf.rect(x, top, pdf.epw, height, style="F")
            pdf.set_text_color(*(GREY if grey else INK))
            for lines, width, column in zip(wrapped, widths, columns, strict=True):
                for i, line in enumerate(lines):
                    pdf.set_xy(x + pad, top + pad + i * line_height)
                    pdf.cell(width - 2 * pad, line_height, line, align=column.align[0])
                x += width
            pdf.set_draw_color(*RULE)
            pdf.line(pdf.l_margin, top + height, pdf.l_margin + pdf.epw, top + height)
            pdf.set_y(top + height)

        if pdf.get_y() + _least(len(rows), row_lines, line_height, pad) > pdf.page_break_trigger:
            pdf.add_page()
        if headings:
            draw([c.heading for c in columns], bold=True, grey=False, fill=True)
        for index, cells in enumerate(rows):
            grey = index < len(grey_rows) and grey_rows[index]
            draw(cells, bold=False, grey=grey, fill=False)
        pdf.set_draw_color(0, 0, 0)
        pdf.ln(TABLE_GAP)

    def _widths_for(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        size: float,
        pad: float,
        *,
        headings: bool,
        fill: bool,
    ) -> list[float]:
        """The columns' widths in mm: their shares of the width, moved where the content
        needs it. No column is narrower than its longest word (headings in bold), so that a
        word is never broken; with ``fill``, a column whose text would wrap also gets the
        room that another column's text leaves unused (not for tables written in by hand,
        whose empty cells are the room to write)."""
        pdf = self.pdf
        longest = [0.0] * len(columns)
        natural = [0.0] * len(columns)
        texts = [(True, [c.heading for c in columns])] if headings else []
        texts += [(False, list(row)) for row in rows]
        for bold, cells in texts:
            pdf.set_font(FONT, "B" if bold else "", size)
            measure = self._measure()
            space = measure(" ")
            for i, cell in enumerate(cells):
                words = [measure(w) for w in clean(cell).split(" ")]
                longest[i] = max(longest[i], *words)
                natural[i] = max(natural[i], sum(words) + space * (len(words) - 1))
        least = [w + 2 * pad + 0.2 for w in longest]
        wanted = [w + 2 * pad + 0.2 for w in natural]
        return fit_widths([c.width for c in columns], least, wanted, pdf.epw, fill=fill)

    def wrap(self, text: str, width: float, first: float | None = None) -> list[str]:
        """Split text into lines that fit ``width`` (the first line ``first``) at word
        boundaries; a word wider than a whole line is cut, a word that does not fit on a
        shortened first line starts the next line instead."""
        measure = self._measure()
        space = measure(" ")
        lines: list[str] = []
        current, used = "", 0.0
        room = width if first is None else first
        for word in text.split(" "):
            size = measure(word)
            if current and used + space + size <= room:
                current, used = f"{current} {word}", used + space + size
                continue
            if not current and not lines and size <= room:
                current, used = word, size
                continue
            if current or room < width:
                lines.append(current)
            room = width
            current, used = word, size
            while used > width and len(current) > 1:  # a word wider than the cell: cut it
                cut = max(1, int(len(current) * width / used))
                while cut > 1 and measure(current[:cut]) > width:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
                used = measure(current)
        lines.append(current)
        return lines

    def _measure(self) -> Callable[[str], float]:
        """The width of a word in the current font, each word measured once per font and size
        (fpdf2 measures character by character, every time)."""
        pdf = self.pdf
        key = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
        known = self._widths.setdefault(key, {})

        def measure(word: str) -> float:
            width = known.get(word)
            if width is None:
                width = known[word] = pdf.get_string_width(word)
            return width

        return measure

    def image(self, png: bytes, width: float = 150) -> None:
        """A centred image; shrunk (to 60% at most) to fit the page rather than leave it empty."""
        from PIL import Image

        pdf = self.pdf
        with Image.open(io.BytesIO(png)) as picture:
            ratio = picture.height / picture.width
        room = pdf.page_break_trigger - pdf.get_y()
        if width * ratio > room:
            if room >= 0.6 * width * ratio:
                width = room / ratio
            else:
                pdf.add_page()
        x = pdf.l_margin + (pdf.epw - width) / 2
        pdf.image(io.BytesIO(png), x=x, w=width)
        pdf.ln(2)

    def ruled_box(self, label: str, lines: int = 4, hint: str | None = None) -> None:
        """A box with ruled lines to write in by hand."""
        pdf = self.pdf
        step = 7.0
        height = 4 + lines * step
        self.keep(height + 10)
        pdf.set_font(FONT, "B", 10.5)
        pdf.set_text_color(*INK)
        self._lines(self.wrap(clean(label), pdf.epw), pdf.l_margin, 5.5)
        pdf.ln(0.5)
        if hint:
            pdf.set_font(FONT, "", 8.5)
            pdf.set_text_color(*GREY)
            pdf.multi_cell(0, 4.2, clean(hint), align="L", new_x="LMARGIN", new_y="NEXT")
        top = pdf.get_y() + 1
        pdf.set_draw_color(160, 160, 160)
        pdf.rect(pdf.l_margin, top, pdf.epw, height)
        pdf.set_draw_color(205, 205, 205)
        for i in range(1, lines + 1):
            y = top + i * step
            pdf.line(pdf.l_margin + 3, y, pdf.l_margin + pdf.epw - 3, y)
        pdf.set_draw_color(0, 0, 0)
        pdf.set_y(top + height + 4)

    def output(self) -> bytes:
        """The finished PDF."""
        return bytes(self.pdf.output())
