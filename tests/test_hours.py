"""Tijdsbesteding: hours per role by hand, checks, the hours command and the report files."""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.cli.session.hours_questions import ask_hours, parse_hours_text
from asmo_cli.cli.session.questions import PromptIO
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.hours import hours_by_role, over_contract_warning
from asmo_cli.core.record import FORMAT_VERSION
from asmo_cli.storage.records import load_record

from .helpers import make_record


def test_hours_per_role_equals_hand_computation(catalogue: Catalogue) -> None:
    """An area's hours go to its roles by their mean weight over the area's activities.

    Archief 2 h: archief-beheren {Kenner 1, Penvoerder 0,5}, bewaartermijnen {Procesbewaker 1,
    Kenner 0,5}, overdrachtsdossier {Kenner 1, Penvoerder 0,5}: Kenner 2,5/3, Penvoerder 1/3,
    Procesbewaker 1/3 of the area, in proportion 2,5 : 1 : 1 → 2·2,5/4,5, 2/4,5, 2/4,5.
    Scholing 4 h: behoefte {Trainer 1, Coach 0,5}, plan {Trainer 1}, trainingen {Organisator 1,
    Trainer 0,5}, kennissessies {Trainer 1, Kenner 0,5}: Trainer 3,5, Coach, Organisator 1
    and Kenner 0,5 of 5,5 → 4·3,5/5,5, 4·0,5/5,5, 4/5,5, 4·0,5/5,5."""
    shares = hours_by_role(catalogue, {"archief": 2.0, "scholing": 4.0})
    assert shares["kenner"] == pytest.approx(2 * 2.5 / 4.5 + 4 * 0.5 / 5.5)
    assert shares["penvoerder"] == pytest.approx(2 / 4.5)
    assert shares["procesbewaker"] == pytest.approx(2 / 4.5)
    assert shares["trainer"] == pytest.approx(4 * 3.5 / 5.5)
    assert shares["coach"] == pytest.approx(4 * 0.5 / 5.5)
    assert shares["organisator"] == pytest.approx(4 / 5.5)
    assert shares["verbinder"] == 0
    assert sum(shares.values()) == pytest.approx(6.0)
    assert sum(shares.values()) == pytest.approx(6.0)


def test_warning_above_one_and_a_half_times_contract() -> None:
    assert over_contract_warning({"a": 30.0}, 20.0) is None
    warning = over_contract_warning({"a": 31.0}, 20.0)
    assert warning is not None and "anderhalf" in warning


def _hours_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "uren.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_hours_then_report(runner: CliRunner, catalogue: Catalogue, tmp_path: Path) -> None:
    record = make_record(catalogue, datetime(2026, 4, 1, 9, 0), tasks=("archief", "scholing"))
    path = _hours_file(
        tmp_path,
        "hours_per_week: {archief: 2, scholing: 4}\ncontract_hours_per_week: 16\n",
    )
    result = runner.invoke(app, ["hours", record.id, "--file", str(path)])
    assert result.exit_code == 0, result.output
    saved = load_record(tmp_path / "home" / "assessments" / f"{record.id}.yaml")
    assert saved.hours_per_week == {"archief": 2.0, "scholing": 4.0}
    assert saved.contract_hours_per_week == 16.0
    out = tmp_path / "r"
    result = runner.invoke(app, ["report", record.id, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert {"tijdsbesteding.pdf", "tijdsbesteding.md", "tijdsbesteding.png"} <= {
        p.name for p in out.iterdir()
    }
    text = (out / "tijdsbesteding.md").read_text(encoding="utf-8")
    assert "| Trainer | 2,5 | 42% |" in text  # 4 h · 3,5 / 5,5 of scholing, of 6 h
    assert "| Ruimte binnen de formatie | 10 |" in text
    assert "**In totaal: 6 uur per week.**" in text
    assert text.index("| Scholing MZO | 4 |") < text.index("| Archief | 2 |")


BAD = [
    ("negative", "hours_per_week: {archief: -1}\n", "geen geldig aantal uren"),
    ("unselected", "hours_per_week: {pr: 1}\n", "werkzaamheid 'pr' is niet gekozen"),
    ("unknown", "hours_per_week: {faxen: 1}\n", "onbekende werkzaamheid 'faxen'"),
    (
        "zero formatie",
        "hours_per_week: {archief: 1}\ncontract_hours_per_week: 0\n",
        "geen geldige formatie",
    ),
    ("text", "hours_per_week: {archief: veel}\n", "tekst ('veel') is geen geldig aantal uren"),
]


@pytest.mark.parametrize(("case", "text", "expected"), BAD, ids=[b[0] for b in BAD])
def test_bad_hours_save_nothing(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path, case: str, text: str, expected: str
) -> None:
    record = make_record(catalogue, datetime(2026, 4, 1, 9, 0), tasks=("archief",))
    path = tmp_path / "home" / "assessments" / f"{record.id}.yaml"
    before = path.read_bytes()
    result = runner.invoke(app, ["hours", record.id, "--file", str(_hours_file(tmp_path, text))])
    assert result.exit_code == 1
    assert expected in result.output
    assert path.read_bytes() == before


def test_hours_without_terminal_points_to_file(runner: CliRunner, catalogue: Catalogue) -> None:
    record = make_record(catalogue, datetime(2026, 4, 1, 9, 0))
    result = runner.invoke(app, ["hours"])
    assert result.exit_code == 1
    assert f"asmo hours {record.id} --file" in result.output


def test_answers_file_with_hours(runner: CliRunner, tmp_path: Path, home: Path) -> None:
    path = _hours_file(
        tmp_path,
        "ratings:\n  archief: {archief-beheren: 4}\n"
        "hours_per_week: {archief: 30}\ncontract_hours_per_week: 12\n",
    )
    result = runner.invoke(app, ["assess", "--answers", str(path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    (record_path,) = (home / "assessments").glob("*.yaml")
    assert load_record(record_path).hours_per_week == {"archief": 30.0}
    assert (tmp_path / "o" / "tijdsbesteding.md").is_file()
    bad = _hours_file(
        tmp_path, "ratings:\n  archief: {archief-beheren: 4}\nhours_per_week: {pr: 2}\n"
    )
    result = runner.invoke(app, ["assess", "--answers", str(bad)])
    assert result.exit_code == 1
    assert "werkzaamheid 'pr' is niet gekozen" in result.output


def test_previous_format_still_loads_and_reports(
    runner: CliRunner, home: Path, tmp_path: Path
) -> None:
    """A format 1 record (before hours) loads, reports, and has no hours files."""
    assert FORMAT_VERSION == 2
    folder = home / "assessments"
    folder.mkdir(parents=True)
    (folder / "20250101-120000.yaml").write_text(
        "format_version: 1\ncatalogue_version: '2026.1'\ncreated: '2025-01-01T12:00:00+01:00'\n"
        "updated: '2025-01-01T12:30:00+01:00'\nstatus: complete\nratings:\n"
        "  archief: {archief-beheren: 4, bewaartermijnen-bewaken: 3,"
        " overdrachtsdossier-opstellen: null}\n",
        encoding="utf-8",
    )
    out = tmp_path / "r"
    result = runner.invoke(app, ["report", "20250101-120000", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {
        "rapport.pdf",
        "radar.png",
        "rapport.md",
        "scores.json",
    }


def test_hours_prompt(catalogue: Catalogue) -> None:
    tasks = [catalogue.task("archief"), catalogue.task("scholing")]
    assert parse_hours_text("2,5") == 2.5 and parse_hours_text("-1") is None
    assert parse_hours_text("0", positive=True) is None
    with create_pipe_input() as pipe:
        pipe.send_text("\x15" + "1,5\r" + "veel\r" + "\x15" + "3\r" + "20\r")
        hours, contract = ask_hours(tasks, {"archief": 9.0}, None, PromptIO(pipe, DummyOutput()))
    assert hours == {"archief": 1.5, "scholing": 3.0}
    assert contract == 20.0


def test_the_hours_documents_state_the_law_as_it_is(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """The hours documents never say the WOR names the AS nowhere: they name art. 20 lid 2
    (secrecy), art. 21 (no disadvantage), art. 14 lid 2 sub e, and that art. 17 gives no right
    to an AS while art. 22 puts the costs with the ondernemer."""
    import io

    from pypdf import PdfReader

    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief",))
    uren = tmp_path / "uren.yaml"
    uren.write_text("hours_per_week: {archief: 2}\n", encoding="utf-8")
    out = tmp_path / "uit"
    result = runner.invoke(app, ["hours", record.id, "--file", str(uren), "--out", str(out)])
    assert result.exit_code == 0, result.output
    markdown = (out / "tijdsbesteding.md").read_text(encoding="utf-8")
    pages = PdfReader(io.BytesIO((out / "tijdsbesteding.pdf").read_bytes())).pages
    pdf = " ".join(" ".join(page.extract_text().split()) for page in pages)
    for text in (" ".join(markdown.split()), pdf):
        assert "nergens" not in text
        for wanted in ("artikel 20 lid 2", "artikel 21", "artikel 14 lid 2 sub e", "artikel 22"):
            assert wanted in text, wanted
        assert "Een recht op een ambtelijk secretaris geeft de WOR ook niet" in text


@pytest.mark.parametrize(
    ("largest", "step"), [(6.0, 1.0), (0.4, 0.1), (12.0, 2.0), (38.0, 10.0), (0.0, 0.2)]
)
def test_hours_axis_has_round_ticks_with_room_after_the_longest_bar(
    largest: float, step: float
) -> None:
    from asmo_cli.render.bars import ticks_for

    limit, ticks = ticks_for(largest)
    assert limit >= largest * 1.15
    assert ticks[0] == 0 and ticks[-1] <= limit
    assert all(round(b - a, 6) == step for a, b in pairwise(ticks))
    assert 4 <= len(ticks) <= 10


def test_hours_pdf_draws_the_same_bars_as_the_chart(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """tijdsbesteding.pdf draws its chart itself (no picture inside), from the same panels as
    tijdsbesteding.png: every bar's name and value and every tick are in its text."""
    import io

    from pypdf import PdfReader

    from asmo_cli.render.bars import hours_chart_panels

    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), tasks=("archief", "scholing"))
    uren = tmp_path / "uren.yaml"
    uren.write_text("hours_per_week: {archief: 2, scholing: 4.5}\n", encoding="utf-8")
    out = tmp_path / "uit"
    result = runner.invoke(app, ["hours", record.id, "--file", str(uren), "--out", str(out)])
    assert result.exit_code == 0, result.output
    reader = PdfReader(io.BytesIO((out / "tijdsbesteding.pdf").read_bytes()))
    assert not any(page.images for page in reader.pages)
    first = reader.pages[0].extract_text() + reader.pages[1].extract_text()
    saved = load_record(tmp_path / "home" / "assessments" / f"{record.id}.yaml")
    areas, roles = hours_chart_panels(catalogue, saved)
    assert [bar.name for bar in areas.bars] == ["Scholing MZO", "Archief"]  # the most first
    for panel in (areas, roles):
        assert panel.title in first
        for bar in panel.bars:
            assert bar.text in first
        for tick in panel.ticks:
            assert panel.tick_text(tick) in first
