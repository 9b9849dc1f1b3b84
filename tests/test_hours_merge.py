"""``asmo hours METING --file``: the file's hours are laid over the saved ones (areas it does
not name keep theirs, 0 is zero hours, a formatie alone is fine, the week's limit holds for
the result); ``--replace`` replaces them all and names what it removed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asmo_cli import Workspace
from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.hours import merge_hours
from asmo_cli.core.record import Record
from asmo_cli.storage.records import load_record

from .helpers import make_record

AREAS = ("correspondentie", "archief", "overlegvergaderingen", "scholing", "postbehandeling")
SAVED = {
    "correspondentie": 3.0,
    "archief": 1.5,
    "overlegvergaderingen": 6.0,
    "scholing": 2.0,
    "postbehandeling": 4.0,
}


def _with_hours(catalogue: Catalogue, home: Path) -> Record:
    """A finished record of five areas, each with hours saved, and a formatie of 24."""
    record = make_record(catalogue, datetime(2026, 4, 1, 9, 0), tasks=AREAS)
    return Workspace(home=home).save_hours(record.id, SAVED, 24.0)


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "uren.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _saved(home: Path, record: Record) -> Record:
    return load_record(home / "assessments" / f"{record.id}.yaml")


def _said(output: str) -> str:
    return " ".join(output.split())


def test_a_file_of_three_areas_keeps_the_hours_of_the_others(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """Three areas in the file (one of them 0: zero hours, not removed): those three change,
    the other two keep their hours, the formatie stays; asmo says which kept theirs."""
    record = _with_hours(catalogue, home)
    path = _file(
        tmp_path,
        "hours_per_week: {correspondentie: 5, archief: 0, scholing: '2,5'}\n",
    )
    result = runner.invoke(app, ["hours", record.id, "--file", str(path), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    saved = _saved(home, record)
    assert saved.hours_per_week == {
        "correspondentie": 5.0,
        "archief": 0.0,
        "overlegvergaderingen": 6.0,
        "scholing": 2.5,
        "postbehandeling": 4.0,
    }
    assert saved.contract_hours_per_week == 24.0
    said = _said(result.output)
    assert "de uren van Postbehandeling en MZO-overlegvergaderingen bleven staan" in said
    markdown = (tmp_path / "tijdsbesteding.md").read_text(encoding="utf-8")
    assert "**In totaal: 17,5 uur per week.**" in markdown  # 5 + 0 + 6 + 2,5 + 4


def test_replace_removes_the_hours_of_the_other_areas_and_says_so(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """--replace: only the file's hours stay; every removed area is named with its hours."""
    record = _with_hours(catalogue, home)
    path = _file(tmp_path, "hours_per_week: {archief: 2, scholing: 1}\n")
    result = runner.invoke(
        app, ["hours", record.id, "--file", str(path), "--replace", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert _saved(home, record).hours_per_week == {"archief": 2.0, "scholing": 1.0}
    said = _said(result.output)
    assert (
        "Verwijderd (--replace): de uren van Correspondentie (3 uur), Postbehandeling (4 uur) "
        "en MZO-overlegvergaderingen (6 uur)." in said
    )


def test_a_file_with_only_the_formatie_keeps_every_area(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    record = _with_hours(catalogue, home)
    path = _file(tmp_path, "contract_hours_per_week: 32\n")
    result = runner.invoke(app, ["hours", record.id, "--file", str(path), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    saved = _saved(home, record)
    assert saved.hours_per_week == SAVED
    assert saved.contract_hours_per_week == 32.0
    assert "alleen je formatie; je uren per werkzaamheid bleven staan" in _said(result.output)


def test_the_week_limit_holds_for_the_merged_hours(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """160 hours for one area is fine in the file, but with the 16,5 saved for the others
    the week has more than 168: a Dutch line naming the file and the way out; nothing
    saved. The same file with --replace is fine."""
    record = _with_hours(catalogue, home)
    before = (home / "assessments" / f"{record.id}.yaml").read_bytes()
    path = _file(tmp_path, "hours_per_week: {correspondentie: 160}\n")
    result = runner.invoke(app, ["hours", record.id, "--file", str(path), "--out", str(tmp_path)])
    assert result.exit_code == 1
    said = _said(result.output)
    assert f"{path}: hours_per_week: samen met de bewaarde uren" in said
    assert "173,5 uur per week" in said and "--replace" in said
    assert "Traceback" not in result.output
    assert (home / "assessments" / f"{record.id}.yaml").read_bytes() == before
    result = runner.invoke(
        app, ["hours", record.id, "--file", str(path), "--replace", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert _saved(home, record).hours_per_week == {"correspondentie": 160.0}


@pytest.mark.parametrize(
    ("args", "text", "expected"),
    [
        ([], "{}\n", "het bestand noemt geen uren"),
        ([], "hours_per_week: {pr: 1}\n", "werkzaamheid 'pr' is niet gekozen"),
        (["--replace"], None, "--replace hoort bij --file"),
    ],
    ids=["empty file", "unselected area", "replace without a file"],
)
def test_hours_file_mistakes_are_dutch_lines_and_save_nothing(
    runner: CliRunner,
    catalogue: Catalogue,
    home: Path,
    tmp_path: Path,
    args: list[str],
    text: str | None,
    expected: str,
) -> None:
    record = _with_hours(catalogue, home)
    before = (home / "assessments" / f"{record.id}.yaml").read_bytes()
    given = ["--file", str(_file(tmp_path, text))] if text is not None else []
    result = runner.invoke(app, ["hours", record.id, *given, *args])
    assert result.exit_code == 1
    assert expected in _said(result.output)
    assert (home / "assessments" / f"{record.id}.yaml").read_bytes() == before


def test_workspace_lays_a_file_over_the_saved_hours(
    catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """The API: what the file named, the result, and what --replace would remove."""
    record = _with_hours(catalogue, home)
    work = Workspace(home=home)
    path = _file(tmp_path, "hours_per_week: {archief: 0}\ncontract_hours_per_week: 20\n")
    merged = work.hours_from_file(path, record)
    assert merged.named == ("archief",) and merged.contract == 20.0
    assert merged.hours == {**SAVED, "archief": 0.0} and merged.removed == {}
    replaced = work.hours_from_file(path, record, replace=True)
    assert replaced.hours == {"archief": 0.0}
    assert replaced.removed == {k: v for k, v in SAVED.items() if k != "archief"}
    with pytest.raises(AsmoError, match="samen met de bewaarde uren"):
        work.hours_from_file(_file(tmp_path, "hours_per_week: {archief: 155}\n"), record)


def test_merge_hours_by_hand() -> None:
    assert merge_hours({"a": 1.0, "b": 2.0}, {"b": 0.0, "c": 3.0}) == (
        {"a": 1.0, "b": 0.0, "c": 3.0},
        {},
    )
    assert merge_hours({"a": 1.0, "b": 2.0}, {"b": 0.0}, replace=True) == ({"b": 0.0}, {"a": 1.0})
