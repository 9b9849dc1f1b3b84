"""The PDF documents, read back with pypdf: what they say, their pages, their fonts."""

from __future__ import annotations

import itertools
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.storage.records import load_record

from .conftest import Editor
from .helpers import make_record

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "voorbeeld-antwoorden.yaml"


def _text(path: Path) -> tuple[str, PdfReader]:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(text.split()), reader


def _fonts_embedded(reader: PdfReader) -> bool:
    found = False
    for page in reader.pages:
        resources: Any = page["/Resources"]
        fonts: Any = resources.get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is None:
                    return False
                if "/FontFile2" not in descriptor.get_object():
                    return False
                found = True
    return found


def _assess(runner: CliRunner, answers: Path, out: Path) -> None:
    result = runner.invoke(app, ["assess", "--answers", str(answers), "--out", str(out)])
    assert result.exit_code == 0, result.output


def test_report_pdf_of_the_example(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """Name, every role, Dutch scores, the thin mark, 3–8 pages, fonts embedded, the date."""
    out = tmp_path / "rapport"
    _assess(runner, EXAMPLE, out)
    text, reader = _text(out / "rapport.pdf")
    assert "Fenna de Vries" in text
    for role in catalogue.roles:
        assert role.name in text
    assert "4,1" in text and "4.1" not in text  # Organisator 4,06
    assert "11% (te weinig ingevuld)" in text  # Trainer
    assert (
        "Trainer (2 activiteiten beoordeeld; minstens 3 nodig, waarvan één kernactiviteit; "
        "doe je ook Scholing MZO, kies die dan ook)" in (" ".join(text.split()))
    )
    assert "★★★★☆" in text
    assert "Vertrouwelijk" in text and "pagina 1 van" in text
    assert 3 <= len(reader.pages) <= 8
    assert _fonts_embedded(reader)
    (record_file,) = (home / "assessments").glob("*.yaml")
    record = load_record(record_file)
    assert reader.metadata is not None and reader.metadata.creation_date is not None
    assert reader.metadata.creation_date.replace(microsecond=0) == record.created


def test_report_pdf_with_comparison_and_target(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    make_record(catalogue, datetime(2025, 5, 1, 10, 0), stars=2)
    record = make_record(catalogue, datetime(2026, 5, 1, 10, 0), stars=4)
    out = tmp_path / "r"
    result = runner.invoke(
        app, ["report", record.id, "--previous", "--target", "adviseur", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    text, _ = _text(out / "rapport.pdf")
    assert "Verschil sinds 01-05-2025" in text
    assert "Vergeleken met" in text


def test_plan_pdf_has_boxes_and_at_most_three_pages(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "p"
    _assess(runner, EXAMPLE, out)
    result = runner.invoke(app, ["plan", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Je ontwikkelplan: {out / 'ontwikkelplan.pdf'}")
    text, reader = _text(out / "ontwikkelplan.pdf")
    assert len(reader.pages) <= 3
    for label in (
        "Mijn ambitie",
        "Feedback van mijn voorzitter",
        "Afspraken en wat ik nodig heb",
        "Tijd, budget; wie betaalt (OR-budget, werkgever)",
        "Evaluatie op",
        "Handtekening",
    ):
        assert label in text
    assert "focusrol" in text and "Kenner" in text


def test_hours_writes_its_documents(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief", "scholing"))
    hours = tmp_path / "uren.yaml"
    hours.write_text("hours_per_week: {archief: 2, scholing: '3,5'}\ncontract_hours_per_week: 8\n")
    out = tmp_path / "u"
    result = runner.invoke(app, ["hours", record.id, "--file", str(hours), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Je tijdsbesteding: {out / 'tijdsbesteding.pdf'}" in result.output
    text, _ = _text(out / "tijdsbesteding.pdf")
    assert "De WOR kent geen urennorm voor de ambtelijk secretaris" in text
    assert "nergens" not in text  # the WOR does name who runs the secretariat (art. 20, 21)
    assert "De wet noemt" not in text
    assert "5,5" in text  # 2 + 3,5 hours


def test_team_pdf(runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path) -> None:
    for stars in (2, 3, 4):
        make_record(catalogue, datetime(2026, 1, stars, 9, 0), stars=stars, name=f"Lid {stars}")
    out = tmp_path / "t"
    result = runner.invoke(app, ["team", str(home / "assessments"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text, _ = _text(out / "team.pdf")
    assert "Teamprofiel bureau medezeggenschap" in text and "3 leden" in text
    assert "Lid 2" not in text, "anonymous by default"


def test_long_names_wrap_in_a_three_role_catalogue(
    runner: CliRunner, edit: Editor, data_copy: Path, tmp_path: Path
) -> None:
    """Long role names are wrapped, never cut: every word is in the PDF."""
    long_names = [
        "Bewaker van procedures, termijnen en zorgvuldige besluitvorming in de raad",
        "Verbindende kracht tussen achterban, bestuurder en externe netwerken",
        "Kenner van wetgeving, jurisprudentie, convenanten en reglementen",
    ]

    def three_roles(data: Any) -> None:
        roles = data["roles"][:3]
        for role, name in zip(roles, long_names, strict=True):
            role["name"] = name
        tasks = {t for r in data["roles"] for t in r["weights"]}
        roles[0]["weights"] = dict.fromkeys(tasks, 1.0)
        data["roles"] = roles

    def three_profiles(data: Any) -> None:
        keep = {"penvoerder", "organisator", "procesbewaker"}
        for level in data["levels"].values():
            level["profile"] = {k: v for k, v in level["profile"].items() if k in keep}

    def rows_only(data: Any) -> None:  # the activities' own weights name the other roles
        for task in data["tasks"]:
            for activity in task["activities"]:
                activity.pop("weights", None)

    edit("roles.yaml", three_roles)
    edit("tasks.yaml", rows_only)
    edit("competencies.yaml", three_profiles)
    (data_copy / "development.yaml").unlink()
    out = tmp_path / "lang"
    result = runner.invoke(
        app, ["assess", "--answers", str(EXAMPLE), "--out", str(out), "--data-dir", str(data_copy)]
    )
    assert result.exit_code == 0, result.output
    text, _ = _text(out / "rapport.pdf")
    for name in long_names:
        for word in name.replace(",", "").split():
            assert word in text


def test_open_without_a_desktop_says_where(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    record = make_record(catalogue, datetime(2026, 5, 1, 10, 0))
    out = tmp_path / "o"
    result = runner.invoke(app, ["report", record.id, "--out", str(out), "--open"])
    assert result.exit_code == 0, result.output
    assert f"staat in: {out / 'rapport.pdf'}" in " ".join(result.output.split())


def test_a_character_the_font_lacks_becomes_a_box_without_english_warnings(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    record = make_record(catalogue, datetime(2026, 11, 23, 18, 16), 4, name="Fenna 🦄 de Vries")
    out = tmp_path / "r"
    result = runner.invoke(app, ["report", record.id, "--out", str(out), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    text, _ = _text(out / "rapport.pdf")
    assert "Fenna □ de Vries" in text and "🦄" not in text
    assert not [r for r in caplog.records if r.name.startswith("fpdf")]


FOOTER = re.compile(r"Vertrouwelijk · .*? · (ingevuld )?\d\d-\d\d-\d{4}|pagina \d+ van \d+")
MD_MARKUP = re.compile(r"^\s*(#+|-|\|?-{3}[-|: ]*)\s|\*\*|\*|\\|\|")


def _md_words(markdown: str, heading: str) -> list[str]:
    """The words of one section of rapport.md, its markup left out (tables, emphasis, lists)."""
    section = _md_section(markdown, heading)
    lines = [line for line in section.splitlines() if not re.fullmatch(r"\|[-|: ]+\|", line)]
    return " ".join(MD_MARKUP.sub(" ", line) for line in lines).split()


def _md_section(markdown: str, heading: str) -> str:
    return markdown.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def _md_table_headers(section: str) -> list[list[str]]:
    """The header rows of the tables in a section of rapport.md, as words, longest first."""
    lines = section.splitlines()
    headers = [
        MD_MARKUP.sub(" ", line).split()
        for line, rule in itertools.pairwise(lines)
        if line.startswith("| ") and re.fullmatch(r"\|[-|: ]+\|", rule)
    ]
    return sorted(headers, key=len, reverse=True)


def _pdf_words(
    pdf: str, heading: str, following: str | None, headers: list[list[str]]
) -> list[str]:
    """The words of one section of rapport.pdf read back as text, without the page footers
    and without a table's header row repeated at the top of a new page."""
    section = pdf.split(heading, 1)[1]  # (after a chart that has a panel of the same name)
    section = section.split(following, 1)[0] if following else section
    words = FOOTER.sub(" ", section.replace("•", " ")).split()
    for header in headers:
        if not header:
            continue
        seen, i = False, 0
        while i <= len(words) - len(header):
            if words[i : i + len(header)] == header:
                if seen:
                    del words[i : i + len(header)]
                    continue
                seen = True
            i += 1
    return words


@pytest.mark.parametrize(
    ("document", "heading", "following"),
    [
        ("rapport", "Scores per rol", "Je sterkste rollen"),
        ("rapport", "Hoe is dit berekend?", None),
        ("tijdsbesteding", "Uren per rol", "Als de ambtelijk secretaris wegvalt"),
        ("tijdsbesteding", "Als de ambtelijk secretaris wegvalt", None),
    ],
)
def test_markdown_and_pdf_say_the_same_words(
    runner: CliRunner, tmp_path: Path, document: str, heading: str, following: str | None
) -> None:
    """The role table (every cell), 'Hoe is dit berekend?' (every step and her own worked
    example) and the hours tables say the same in the Markdown and the PDF, read back from
    the two files."""
    out = tmp_path / "uit"
    _assess(runner, EXAMPLE, out)
    markdown = (out / f"{document}.md").read_text(encoding="utf-8")
    pdf, _ = _text(out / f"{document}.pdf")
    md_words = _md_words(markdown, heading)
    start = pdf.index(" ".join([heading, *md_words[:3]]))  # the section, not a chart's panel
    pdf = pdf[start:]
    assert len(md_words) > 40
    headers = _md_table_headers(_md_section(markdown, heading))
    assert headers
    assert _pdf_words(pdf, heading, following, headers) == md_words
