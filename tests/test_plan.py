"""The development plan: level fit by hand, targets, the plan files and its catalogue checks."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.levels import closest_level, default_target, gaps, level_fits
from asmo_cli.core.scoring import RoleScore, Scores

from .conftest import Editor
from .helpers import make_record


def _scores(catalogue: Catalogue, values: dict[str, float | None]) -> Scores:
    roles = tuple(RoleScore(r.id, r.name, values.get(r.id), 0.5, 3, 1) for r in catalogue.roles)
    return Scores((), roles)


def test_fit_equals_hand_computation(catalogue: Catalogue) -> None:
    """Every role 3,0, Coach n.v.t.: the mean absolute differences over seven roles.

    administratief: |3-4|+|3-4|+|3-3|+|3-2,5|+|3-2|+|3-2|+|3-2,5| = 5   → 5/7
    beleidsmedewerker: 1+1+1+0,5+0,5+0+0 = 4                          → 4/7
    adviseur: 1+1+1,5+1,5+1,5+0,5+1 = 8                               → 8/7
    """
    values: dict[str, float | None] = {r.id: 3.0 for r in catalogue.roles}
    values["coach"] = None
    fits = level_fits(catalogue, _scores(catalogue, values))
    assert [f.level.id for f in fits] == ["administratief", "beleidsmedewerker", "adviseur"]
    assert [f.difference for f in fits] == pytest.approx([5 / 7, 4 / 7, 8 / 7])
    assert all("coach" not in f.compared and len(f.compared) == 7 for f in fits)
    closest = closest_level(fits)
    assert closest is not None and closest.id == "beleidsmedewerker"
    assert default_target(catalogue, None, fits).id == "adviseur"
    assert default_target(catalogue, "administratief", fits).id == "beleidsmedewerker"
    assert default_target(catalogue, "adviseur", fits).id == "adviseur"


def test_gaps_largest_first(catalogue: Catalogue) -> None:
    values: dict[str, float | None] = {r.id: 4.0 for r in catalogue.roles}
    values |= {"kenner": 2.0, "coach": 3.5, "trainer": None}
    target = catalogue.level("adviseur")
    assert target is not None
    found = gaps(catalogue, _scores(catalogue, values), target)
    assert [(g.role.id, g.size) for g in found] == [
        ("kenner", 2.5),
        ("procesbewaker", 0.5),
        ("beleidsadviseur", 0.5),
        ("coach", 0.5),
    ]


def test_plan_writes_both_files(runner: CliRunner, catalogue: Catalogue, tmp_path: Path) -> None:
    record = make_record(catalogue, datetime(2026, 2, 1, 10, 0), stars=2, level="administratief")
    out = tmp_path / "plan"
    result = runner.invoke(
        app, ["plan", record.id, "--out", str(out), "--target", "beleidsmedewerker"]
    )
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {
        "ontwikkelplan.pdf",
        "ontwikkelplan.md",
        "ontwikkelplan.png",
    }
    with Image.open(out / "ontwikkelplan.png") as image:
        assert image.size == (1275, 1275)
    text = (out / "ontwikkelplan.md").read_text(encoding="utf-8")
    assert "| Streefniveau | Beleidsmedewerker |" in text
    assert "| Mijn ambitie | Doorgroeien naar beleidsmedewerker |" in text
    assert "gespreksopener, geen oordeel" in text
    assert "### Wat ik nog meer kan doen" in text
    assert (
        "| Wat (zie mijn doelen) | Wanneer | Met wie | Tijd, budget; wie betaalt (OR-budget, "
        "werkgever) | Hoe meet ik het? |"
    ) in text
    assert "Als beleidsmedewerker: Jaarplannen maken." in text


def test_without_a_choice_the_plan_grows_in_her_own_function(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """No --target, no terminal: grow in her own function; her own level's profile is the
    target, and no level above hers appears as a Streefniveau."""
    record = make_record(catalogue, datetime(2026, 2, 1, 10, 0), stars=2, level="administratief")
    out = tmp_path / "plan"
    result = runner.invoke(app, ["plan", record.id, "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "ontwikkelplan.md").read_text(encoding="utf-8")
    assert "| Mijn ambitie | Groeien in mijn huidige functie |" in text
    assert "Streefniveau" not in text
    assert "streefprofiel van mijn eigen niveau (administratief organisatorisch medewerker)" in text
    assert "Beleidsmedewerker" not in text.split("### Welk functieniveau")[0]


def test_plan_without_level_and_with_nvt_roles(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """No level and several n.v.t. roles: a sensible plan that names what it could not judge."""
    record = make_record(
        catalogue,
        datetime(2026, 2, 1, 10, 0),
        stars=2,
        level=None,
        tasks=("archief", "postbehandeling", "correspondentie"),
    )
    out = tmp_path / "plan"
    result = runner.invoke(app, ["plan", record.id, "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "ontwikkelplan.md").read_text(encoding="utf-8")
    assert "| Functieniveau | niet opgegeven |" in text
    assert "Geen van mijn werkzaamheden telt mee voor: Coach, Trainer." in text
    # no level given: the level her profile fits best, and the plan says so
    assert "| Niveau in dit plan | Administratief organisatorisch medewerker (mijn profiel" in text
    assert "Ik gaf geen functieniveau op" in text
    assert "| Organisator | (2,0) | 4,0 |  | te weinig ingevuld |" in text
    assert "| Coach | – | 2,0 |  | geen werkzaamheden gekozen |" in text
    assert "| Penvoerder | 2,0 | 4,0 | " in text and "focusrol (2,0 te gaan) |" in text


def test_unknown_target_lists_levels(runner: CliRunner, catalogue: Catalogue) -> None:
    make_record(catalogue, datetime(2026, 2, 1, 10, 0))
    result = runner.invoke(app, ["plan", "--target", "directeur"])
    assert result.exit_code == 1
    assert "kies uit: administratief, beleidsmedewerker, adviseur" in result.output


def test_plan_with_catalogue_without_profiles_or_activities(
    runner: CliRunner, catalogue: Catalogue, edit: Editor, data_copy: Path, tmp_path: Path
) -> None:
    def drop_profiles(data: Any) -> None:
        for level in data["levels"].values():
            level.pop("profile", None)

    edit("competencies.yaml", drop_profiles)
    (data_copy / "development.yaml").unlink()
    make_record(catalogue, datetime(2026, 2, 1, 10, 0))
    out = tmp_path / "p"
    result = runner.invoke(app, ["plan", "--data-dir", str(data_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "ontwikkelplan.md").read_text(encoding="utf-8")
    assert "geen streefprofielen per functieniveau" in text
    result = runner.invoke(app, ["plan", "--data-dir", str(data_copy), "--target", "adviseur"])
    assert result.exit_code == 1
    assert "heeft geen streefprofiel" in result.output


def test_plan_without_development_file_says_so(
    runner: CliRunner, catalogue: Catalogue, data_copy: Path, tmp_path: Path
) -> None:
    (data_copy / "development.yaml").unlink()
    make_record(catalogue, datetime(2026, 2, 1, 10, 0), stars=1)
    out = tmp_path / "p"
    result = runner.invoke(app, ["plan", "--data-dir", str(data_copy), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "geen development.yaml" in (out / "ontwikkelplan.md").read_text(encoding="utf-8")


BROKEN: list[tuple[str, str, Any, str]] = [
    (
        "unknown role in profile",
        "competencies.yaml",
        lambda d: d["levels"]["adviseur"]["profile"].update(notulist=3),
        "competencies.yaml: niveau 'adviseur': onbekende rol 'notulist' in profile",
    ),
    (
        "profile out of range",
        "competencies.yaml",
        lambda d: d["levels"]["adviseur"]["profile"].update(coach=7),
        "competencies.yaml: niveau 'adviseur': het streefprofiel van 'coach' is 7",
    ),
    (
        "unknown kind",
        "development.yaml",
        lambda d: d["activities"][0].update(kind="cursus"),
        "development.yaml: activiteit 'leergang-beleidsprocessen': onbekende soort 'cursus'",
    ),
    (
        "unknown role",
        "development.yaml",
        lambda d: d["activities"][1].update(roles=["x"]),
        "development.yaml: activiteit 'leergang-kwaliteiten-feedback': onbekende rol 'x' in roles",
    ),
    (
        "unknown competency",
        "development.yaml",
        lambda d: d["activities"][2].update(competencies=["y"]),
        "onbekende competentie 'y' in competencies",
    ),
]


@pytest.mark.parametrize(("case", "name", "mutate", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_plan_data_is_checked(
    case: str,
    name: str,
    mutate: Any,
    expected: str,
    edit: Editor,
    data_copy: Path,
    runner: CliRunner,
) -> None:
    edit(name, mutate)
    result = runner.invoke(app, ["validate", "--data-dir", str(data_copy)])
    assert result.exit_code == 1
    assert expected in result.output


def test_report_target_draws_profile(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    make_record(catalogue, datetime(2026, 2, 1, 10, 0))
    out = tmp_path / "r"
    result = runner.invoke(
        app, ["report", "--target", "adviseur", "--out", str(out), "--format", "svg"]
    )
    assert result.exit_code == 0, result.output
    assert "streefprofiel adviseur medezeggenschap" in (out / "radar.svg").read_text(
        encoding="utf-8"
    )
