"""Charts and tables at a readable size: the scores in order beside the radar, no text in a PDF
below 8 pt, table columns that follow their content and never break a word, and outlines that
differ in more than colour."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from tools.examples import example_record, half_feedback, thin_earlier_record

from asmo_cli import Workspace
from asmo_cli.render.blocks import Column
from asmo_cli.render.dots import bar, dot_chart
from asmo_cli.render.pdf import Document, fit_widths
from asmo_cli.render.pdf_docs import PLAN_RADIUS
from asmo_cli.render.pdf_radar import RADIUS
from asmo_cli.render.radar_geometry import NOW, OLDER, OTHERS, STYLES, TARGET, Series

LABELS = ["Penvoerder", "Organisator", "Kenner", "Coach", "Trainer"]


def test_scores_in_order_counted_first_then_thin_then_none() -> None:
    """Highest counted score on top (as shown: 3,55 is 3,6 and beats 3,58's 3,6 only by the
    catalogue's order), then the thin scores, then the roles without one; every outline keeps
    its own mark, thin or not."""
    now = Series("nu", [3.55, 3.58, 2.0, 4.5, None], NOW, [True, True, True, False, True])
    older = Series("eerder", [3.0, None, 1.5, 4.0, 2.0], OLDER, [True, True, False, True, True])
    chart = dot_chart(LABELS, [older, now])
    assert [row.label for row in chart.rows] == [
        "Penvoerder",
        "Organisator",
        "Kenner",
        "Coach",
        "Trainer",
    ]
    first = chart.rows[0]
    assert first.main.text == "3,6"  # half up, of the value a person would type
    kenner = chart.rows[2]
    assert [m.text for m in kenner.marks] == ["1,5 (te weinig ingevuld)", "2,0"]
    assert chart.rows[3].main.text == "4,5 (te weinig ingevuld)"
    assert chart.rows[4].main.text == "n.v.t."
    assert "te weinig gegevens" in chart.caption
    # the bar is drawn from the shown value: 3,55 as long as 3,6
    assert bar(3.55) == bar(3.6) != bar(3.5)
    assert len(bar(5.0)) == 20 and bar(2.5) == "█" * 10


def _home_with_partial_feedback(tmp_path: Path) -> tuple[Workspace, str, str]:
    work = Workspace(home=tmp_path / "home")
    catalogue = work.catalogue()
    now = work.save(example_record(catalogue))
    earlier = work.save(thin_earlier_record(catalogue))
    for response in half_feedback(now):
        work.keep_feedback(now, response)
    return work, now.id, earlier.id


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def test_report_shows_the_scores_in_order_in_markdown_and_pdf(tmp_path: Path) -> None:
    """The report of a comparison with feedback: the section 'Je scores op volgorde' lists
    the roles from high to low in both formats, with the earlier record and the others as
    columns in Markdown."""
    work, now, earlier = _home_with_partial_feedback(tmp_path)
    out = tmp_path / "uit"
    work.report(now, out=out, formats=("pdf", "md"), compare=earlier)
    markdown = (out / "rapport.md").read_text(encoding="utf-8")
    section = markdown.split("### Je scores op volgorde\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| ")]
    header, body = rows[0], rows[1:]
    assert header[1].startswith("Zelf, nu: ") and "Eerder: 20-05-2026" in header
    assert any(cell.startswith("Anderen (4 gevers)") for cell in header)
    counted = [r for r in body if "te weinig" not in r[1] and "n.v.t." not in r[1]]
    values = [float(r[1].replace(",", ".")) for r in counted]
    assert values == sorted(values, reverse=True) and len(values) >= 4
    assert all("█" in r[2] for r in counted)
    order = [r[0].lstrip("| ") for r in body]
    pdf = _pdf_text(out / "rapport.pdf").split("Je scores op volgorde", 1)[1]
    found = [pdf.index(name) for name in order]
    assert found == sorted(found)


def _sizes(path: Path) -> set[float]:
    sizes: set[float] = set()
    for page in PdfReader(path).pages:

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip():
                scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
                sizes.add(round(size * scale, 2))

        page.extract_text(visitor_text=visit)
    return sizes


def test_no_text_in_the_documents_is_smaller_than_8_pt(tmp_path: Path) -> None:
    """Report (with an earlier record and feedback), plan and hours document: every text,
    the charts' labels, values and ring numbers included, is at least 8 pt at print size."""
    work, now, earlier = _home_with_partial_feedback(tmp_path)
    out = tmp_path / "uit"
    work.report(now, out=out, formats=("pdf",), compare=earlier)
    work.plan(now, out=out)
    for name in ("rapport.pdf", "ontwikkelplan.pdf", "tijdsbesteding.pdf"):
        sizes = _sizes(out / name)
        assert sizes and min(sizes) >= 8.0, (name, sorted(sizes))


def test_the_radars_fill_enough_of_the_text_width() -> None:
    """The report's radar at least 60% of the text width, the plan's at least half."""
    width = Document("t", datetime(2026, 1, 1), "f").pdf.epw
    assert 0.6 * width <= 2 * RADIUS
    assert 0.5 * width <= 2 * PLAN_RADIUS


def test_outlines_drawn_together_differ_in_line_and_marker() -> None:
    """In black-and-white print an outline is told apart by its line style and its marker,
    not by colour alone."""
    together = [STYLES[kind] for kind in (NOW, OLDER, TARGET, OTHERS)]
    assert len({s.line for s in together}) == len(together)
    assert len({s.marker for s in together}) == len(together)


def test_column_widths_follow_their_content() -> None:
    """No column narrower than its longest word; a column whose text would wrap gets the room
    another leaves unused; a table to write in keeps its empty columns; the widths add up."""
    widths = fit_widths([0.1, 0.6, 0.3], [25.0, 10.0, 8.0], [25.0, 20.0, 60.0], 170.0)
    assert widths[0] >= 25.0 - 1e-9
    assert widths[2] > 0.3 * 170
    assert sum(widths) == pytest.approx(170.0)
    kept = fit_widths([0.2, 0.8], [10.0, 3.0], [60.0, 3.0], 100.0, fill=False)
    assert kept == pytest.approx([20.0, 80.0])
    squeezed = fit_widths([0.5, 0.5], [80.0, 10.0], [80.0, 10.0], 100.0)
    assert squeezed[0] >= 80.0 - 1e-9 and sum(squeezed) == pytest.approx(100.0)


def test_a_table_breaks_headers_and_cells_at_words_only(tmp_path: Path) -> None:
    """A narrow column with a long heading ('Leidinggevende (Mieke Mulder)') and a long cell:
    read back, every word is whole."""
    doc = Document("Tabel", datetime(2026, 1, 1), "voet")
    columns = [Column("Rol", 0.5), Column("Leidinggevende (Mieke Mulder)", 0.06, "RIGHT")]
    columns.append(Column("Dekking", 0.44, "RIGHT"))
    doc.table(columns, [("Procesbewaker", "3,4", "31% te weinig ingevuld")])
    path = tmp_path / "t.pdf"
    path.write_bytes(doc.output())
    lines = (PdfReader(path).pages[0].extract_text() or "").splitlines()
    words = {w for line in lines for w in re.split(r"\s+", line) if w}
    assert {"Leidinggevende", "(Mieke", "Mulder)", "Procesbewaker", "ingevuld"} <= words
