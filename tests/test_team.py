"""asmo team: anonymous aggregates by hand, skipped files named, scores.json input."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue

from .helpers import make_record

DEFAULT_TASKS = ("correspondentie", "archief", "overlegvergaderingen", "scholing")


@pytest.fixture
def team_dir(catalogue: Catalogue, home: Path, tmp_path: Path) -> Path:
    """Five members: four rate the default tasks 1, 2, 3 and 4 stars; one rates archief 5."""
    for stars in (1, 2, 3, 4):
        make_record(catalogue, datetime(2026, 1, stars, 9, 0), stars=stars, name=f"Lid {stars}")
    make_record(catalogue, datetime(2026, 1, 5, 9, 0), stars=5, name="Lid 5", tasks=("archief",))
    folder = tmp_path / "team"
    shutil.copytree(home / "assessments", folder)
    return folder


def test_means_equal_hand_computation(runner: CliRunner, team_dir: Path, tmp_path: Path) -> None:
    """Penvoerder (1+2+3+4)/4 = 2,5: Lid 5 rated only archief, 22% of Penvoerder's weight, too
    little to count; Trainer (scholing only) (1+2+3+4)/4 = 2,5."""
    out = tmp_path / "out"
    result = runner.invoke(app, ["team", str(team_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"team.pdf", "team.md", "team.png", "team.json"}
    data = json.loads((out / "team.json").read_text(encoding="utf-8"))
    roles = {r["id"]: r for r in data["roles"]}
    assert data["members"] == 5
    assert roles["penvoerder"] == {
        "id": "penvoerder",
        "name": "Penvoerder",
        "mean": 2.5,
        "min": 1.0,
        "max": 4.0,
        "scored": 4,
        "strong": 1,
        "too_few_members": False,
    }
    assert roles["trainer"]["mean"] == pytest.approx(2.5)
    assert roles["trainer"]["scored"] == 4 and roles["trainer"]["strong"] == 1
    assert roles["procesbewaker"]["mean"] is None and roles["procesbewaker"]["scored"] == 0
    assert roles["procesbewaker"]["too_few_members"] is True
    assert "people" not in data
    text = (out / "team.md").read_text(encoding="utf-8")
    assert "Lid 1" not in text, "anonymous by default"
    assert "| Penvoerder | 2,5 | 1,0–4,0 | 4 | 1 |" in text


def test_names_add_a_table_per_person(runner: CliRunner, team_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["team", str(team_dir), "--out", str(out), "--names"])
    assert result.exit_code == 0, result.output
    assert "## Per persoon" in (out / "team.md").read_text(encoding="utf-8")
    people = json.loads((out / "team.json").read_text(encoding="utf-8"))["people"]
    assert [p["name"] for p in people] == ["Lid 1", "Lid 2", "Lid 3", "Lid 4", "Lid 5"]


def test_corrupt_file_is_named_and_skipped(
    runner: CliRunner, team_dir: Path, tmp_path: Path
) -> None:
    (team_dir / "kapot.yaml").write_text("ratings: [\n", encoding="utf-8")
    (team_dir / "leeg.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["team", str(team_dir), "--out", str(out)])
    assert result.exit_code == 1
    assert "kapot.yaml" in result.output and "leeg.json" in result.output
    assert json.loads((out / "team.json").read_text(encoding="utf-8"))["members"] == 5


def test_unfinished_record_is_a_note_not_an_error(
    runner: CliRunner, team_dir: Path, tmp_path: Path
) -> None:
    record = next(team_dir.glob("*.yaml"))
    data = yaml.safe_load(record.read_text())
    area = next(iter(data["ratings"]))
    data["ratings"][area].popitem()  # one answer missing: unfinished, although it says complete
    record.write_text(yaml.safe_dump(data, allow_unicode=True))
    assert "status: complete" in record.read_text()
    result = runner.invoke(app, ["team", str(team_dir), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "nog niet afgerond" in result.output
    assert "Teamprofiel van 4 leden" in result.output


def test_scores_json_and_other_catalogue_versions(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """scores.json files count as members; roles this catalogue lacks are named, left out."""
    folder = tmp_path / "json"
    folder.mkdir()
    for i, score in enumerate((2.0, 4.0)):
        roles = [
            {"id": r.id, "name": r.name, "score": score, "coverage": 1} for r in catalogue.roles
        ]
        roles.append({"id": "notulist", "name": "Notulist", "score": 5, "coverage": 1})
        (folder / f"m{i}.json").write_text(
            json.dumps({"assessment": {"name": None}, "roles": roles})
        )
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["team", str(folder / "m0.json"), str(folder / "m1.json"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "team.json").read_text(encoding="utf-8"))
    assert data["members"] == 2
    assert data["roles"][0]["mean"] is None, "no figure of a role below three members"
    assert data["roles"][0]["min"] is None and data["roles"][0]["strong"] is None
    assert data["roles"][0]["scored"] == 2 and data["roles"][0]["too_few_members"] is True
    assert data["left_out_roles"] == ["notulist"]
    assert (
        "Notulist" not in (out / "team.md").read_text()
        and "notulist" in (out / "team.md").read_text()
    )


def test_no_usable_member(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["team", str(tmp_path / "bestaat-niet")])
    assert result.exit_code == 1
    assert "bestaat-niet: bestand of map niet gevonden" in result.output


def test_thin_member_scores_do_not_count(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """A member's role score joins the team mean only with enough data: enough_data in
    scores.json (format 2), else its coverage (format 1). Three of five count: (4+2+3)/3."""
    folder = tmp_path / "leden"
    folder.mkdir()
    rows = [
        # (score, coverage, enough_data): counted for penvoerder?
        (4.0, 0.9, True),  # yes
        (2.0, 0.9, None),  # yes: format 1, coverage 0,9
        (5.0, 0.9, False),  # no: enough_data false wins
        (1.0, 0.2, None),  # no: format 1, coverage 0,2
        (3.0, 1.0, True),  # yes
    ]
    for i, (score, coverage, enough) in enumerate(rows):
        role: dict[str, object] = {"id": "penvoerder", "score": score, "coverage": coverage}
        if enough is not None:
            role["enough_data"] = enough
        data = {"assessment": {"id": f"lid-{i}"}, "roles": [role]}
        (folder / f"m{i}.json").write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["team", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    roles = {r["id"]: r for r in json.loads((out / "team.json").read_text())["roles"]}
    assert roles["penvoerder"]["mean"] == pytest.approx(3.0)
    assert roles["penvoerder"]["scored"] == 3
