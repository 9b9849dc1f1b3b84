"""The shipped catalogue is complete and credible; broken catalogues give clear Dutch lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import CatalogueError
from asmo_cli.core.weight_rules import weight_warnings
from asmo_cli.storage import paths
from asmo_cli.storage.catalogue import check_catalogue, load_catalogue

from .conftest import DATA, Editor

SEED_AREAS = [
    "Werkzaamheden voor commissies, projectteams en scrumteams",
    "Scholing MZO",
    "Bewaken afspraken/procedures",
    "Correspondentie",
    "Postbehandeling",
    "Informatievoorziening",
    "Beleidsvoorbereidende activiteiten",
    "Begeleidings- en leidinggevende activiteiten",
    "Reglement MZO",
    "Convenant MZO/bestuurder",
    "Contactpersoon zijn",
    "Inwerken nieuwe MZO-leden",
    "Archief",
    "MZO-overlegvergaderingen",
    "Digitale communicatie",
    "PR-activiteiten",
    "MZO-verkiezingen",
    "Werkzaamheden bij participatieve medezeggenschap",
    "Inrichten werkwijze secretariaat MZO",
    "MZO-begroting",
]
BASIC = [
    "Flexibiliteit/schakelvermogen",
    "Initiatief",
    "Tact",
    "Integriteit",
    "Sociabiliteit",
    "Onderscheidend vermogen",
    "Objectiviteit",
    "Helicopterview",
    "Stressbestendigheid",
]


def test_twenty_task_areas_in_the_seed_order(catalogue: Catalogue) -> None:
    """The task areas are the twenty of the original tool, in its order."""
    assert [t.name for t in catalogue.tasks] == SEED_AREAS


def test_every_area_has_three_to_six_activities(catalogue: Catalogue) -> None:
    for task in catalogue.tasks:
        assert 3 <= len(task.activities) <= 6, task.id
        assert task.description


def test_seed_activities_word_for_word(catalogue: Catalogue) -> None:
    """Bewaken afspraken/procedures keeps the three activities shown in the seed."""
    task = next(t for t in catalogue.tasks if t.name == "Bewaken afspraken/procedures")
    assert [a.name for a in task.activities] == [
        "Bewaken voortgang beleid van het MZO",
        "Bewaken naleving afspraken/besluiten/procedures/wetten/cao",
        "Afsprakenlijst samenstellen",
    ]


def test_scale_has_five_levels_from_tasks_yaml(catalogue: Catalogue) -> None:
    assert [s.stars for s in catalogue.scale] == [1, 2, 3, 4, 5]
    # the scale is about mastery, never about how often: every step says "Ik beheers"
    assert all(s.description.startswith("Ik beheers") for s in catalogue.scale)
    assert "anderen" in catalogue.scale[-1].description
    assert not any("zelden" in s.description for s in catalogue.scale)


def test_eight_roles_with_sound_weights(catalogue: Catalogue) -> None:
    """Per activity one main role (1) and at most two at 0,5; every role on 3+ areas; no area
    over 40% of a role's total activity weight: by hand here, and by the rules module."""
    assert len(catalogue.roles) == 8
    per_role: dict[str, dict[str, float]] = {r.id: {} for r in catalogue.roles}
    for task in catalogue.tasks:
        for activity in task.activities:
            weights = catalogue.activity_weights(task, activity)
            assert sorted(weights.values(), reverse=True)[0] == 1.0, activity.id
            assert list(weights.values()).count(1.0) == 1, activity.id
            side = [w for w in weights.values() if w != 1.0]
            assert len(side) <= 2 and set(side) <= {0.5}, activity.id
            for role_id, weight in weights.items():
                area = per_role[role_id]
                area[task.id] = area.get(task.id, 0.0) + weight
    for role in catalogue.roles:
        areas = per_role[role.id]
        assert len(areas) >= 3, role.id
        assert max(areas.values()) / sum(areas.values()) <= 0.4 + 1e-9, role.id
        assert 3 <= len(role.competencies) <= 6, role.id
        sentences = [s for s in role.description.split(". ") if s.strip()]
        assert 3 <= len(sentences) <= 5, role.id
        assert role.description.startswith("In deze rol")
    assert weight_warnings(catalogue) == []


def test_mixed_areas_weigh_per_activity(catalogue: Catalogue) -> None:
    """The cases the senior AS named: each activity now feeds the role whose work it is."""

    def main_role(activity_id: str) -> str:
        for task in catalogue.tasks:
            for activity in task.activities:
                if activity.id == activity_id:
                    weights = catalogue.activity_weights(task, activity)
                    return max(weights, key=lambda r: weights[r])
        raise AssertionError(activity_id)

    def feeds(activity_id: str) -> set[str]:
        task = next(t for t in catalogue.tasks if any(a.id == activity_id for a in t.activities))
        activity = next(a for a in task.activities if a.id == activity_id)
        return set(catalogue.activity_weights(task, activity))

    assert "beleidsadviseur" not in feeds("notuleren") | feeds("stukken-verzenden")
    assert main_role("informatie-opvragen") == "verbinder"
    assert "coach" not in feeds("medewerkers-aansturen")
    assert main_role("termijnen-correspondentie-bewaken") == "procesbewaker"
    assert main_role("archief-beheren") == main_role("overdrachtsdossier-opstellen") == "kenner"
    assert main_role("procedures-advies-instemming-bewaken") == "procesbewaker"
    post = next(t for t in catalogue.tasks if t.id == "postbehandeling")
    assert catalogue.area_weight("penvoerder", post) <= 0.5  # was 1 for the whole area


def test_competency_tables(catalogue: Catalogue) -> None:
    """Nine basic competencies; tables 1 and 2 with texts where the seed has them."""
    by_name = {c.name: c for c in catalogue.competencies}
    assert [c.name for c in catalogue.competencies if c.basic] == BASIC
    table1 = [c.name for c in catalogue.competencies if c.table == 1]
    assert table1 == ["Initiatief", "Integriteit", "Aanpassingsvermogen"]
    table2 = [c.name for c in catalogue.competencies if c.table == 2]
    assert table2 == [
        "Communiceren",
        "Plannen",
        "Voortgang bewaken",
        "Organisatiebewustzijn",
        "Samenwerking",
        "Ondernemerschap",
        "Probleemanalyse",
        "Overtuigingskracht",
    ]
    assert "Aanpassingsvermogen" in by_name and "Flexibiliteit/schakelvermogen" in by_name
    assert set(by_name["Overtuigingskracht"].levels) == {"adviseur"}
    assert set(by_name["Ondernemerschap"].levels) == {"beleidsmedewerker", "adviseur"}
    assert by_name["Plannen"].levels["beleidsmedewerker"] == "Jaarplannen maken"
    for text in (
        by_name["Integriteit"].levels["administratief"],
        by_name["Organisatiebewustzijn"].levels["administratief"],
        by_name["Overtuigingskracht"].levels["adviseur"],
    ):
        assert len(text.split()) > 3, "cut-off seed texts are completed"
    assert [lv.id for lv in catalogue.levels] == ["administratief", "beleidsmedewerker", "adviseur"]


def test_data_dir_prefers_packaged_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Packaged data (wheel) wins; without it the repository's data/ is used (editable)."""
    packaged = tmp_path / "pkg"
    packaged.mkdir()
    (packaged / "tasks.yaml").write_text("version: x\n")
    monkeypatch.setattr(paths, "_PACKAGE_DATA", packaged)
    assert paths.default_data_dir() == packaged
    monkeypatch.setattr(paths, "_PACKAGE_DATA", tmp_path / "absent")
    assert paths.default_data_dir() == paths._REPO_DATA
    assert paths._REPO_DATA.resolve() == DATA.resolve()


def test_env_and_override_select_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASMO_DATA_DIR", str(tmp_path))
    assert paths.data_dir() == tmp_path
    assert paths.data_dir(tmp_path / "x") == tmp_path / "x"


def _set(path: list[Any], value: Any) -> Any:
    def mutate(data: Any) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _delete(path: list[Any]) -> Any:
    def mutate(data: Any) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


def _append_duplicate_task(data: Any) -> None:
    data["tasks"].append(dict(data["tasks"][1], activities=[{"id": "nieuw", "name": "Nieuw"}]))


def _zero_weights_for_archief(data: Any) -> None:
    for role in data["roles"]:
        role["weights"].pop("archief", None)


BROKEN: list[tuple[str, str, Any, str]] = [
    (
        "missing field",
        "tasks.yaml",
        _delete(["tasks", 2, "name"]),
        "tasks.yaml: werkzaamheid 'bewaken-afspraken': verplicht veld 'name' ontbreekt",
    ),
    (
        "wrong type",
        "tasks.yaml",
        _set(["tasks", 0, "activities"], "veel"),
        "tasks.yaml: werkzaamheid 'commissies': 'activities' moet een lijst zijn",
    ),
    (
        "duplicate task id",
        "tasks.yaml",
        _append_duplicate_task,
        "tasks.yaml: werkzaamheid 'scholing': deze id komt meer dan eens voor",
    ),
    (
        "duplicate activity id",
        "tasks.yaml",
        _set(["tasks", 1, "activities", 0, "id"], "notuleren"),
        "tasks.yaml: activiteit 'notuleren': deze id komt meer dan eens voor",
    ),
    (
        "no activities",
        "tasks.yaml",
        _set(["tasks", 3, "activities"], []),
        "tasks.yaml: werkzaamheid 'correspondentie': heeft geen activiteiten",
    ),
    (
        "scale not five",
        "tasks.yaml",
        lambda d: d["scale"].pop(),
        "tasks.yaml: scale: moet precies vijf niveaus hebben",
    ),
    (
        "bad slug",
        "tasks.yaml",
        _set(["tasks", 0, "id"], "Commissies!"),
        "tasks.yaml: werkzaamheid 'Commissies!': 'Commissies!' is geen geldige id",
    ),
    (
        "unknown task in weights",
        "roles.yaml",
        _set(["roles", 3, "weights", "archiefx"], 1),
        "roles.yaml: rol 'kenner': onbekende werkzaamheid 'archiefx' in weights",
    ),
    (
        "negative weight",
        "roles.yaml",
        _set(["roles", 0, "weights", "archief"], -1),
        "roles.yaml: rol 'penvoerder': het gewicht van 'archief' is negatief",
    ),
    (
        "non-numeric weight",
        "roles.yaml",
        _set(["roles", 0, "weights", "archief"], "veel"),
        "roles.yaml: rol 'penvoerder': het gewicht van 'archief' moet een getal zijn",
    ),
    (
        "role without weight",
        "roles.yaml",
        _set(["roles", 6, "weights"], {"scholing": 0}),
        "roles.yaml: rol 'trainer': heeft geen enkel gewicht groter dan 0",
    ),
    (
        "task without role weight",
        "roles.yaml",
        _zero_weights_for_archief,
        "roles.yaml: werkzaamheid 'archief': heeft bij geen enkele rol een gewicht",
    ),
    (
        "unknown competency",
        "roles.yaml",
        _set(["roles", 0, "competencies"], ["toverkunst"]),
        "roles.yaml: rol 'penvoerder': onbekende competentie 'toverkunst'",
    ),
    (
        "too few roles",
        "roles.yaml",
        lambda d: d.update(roles=d["roles"][:2]),
        "roles.yaml: er zijn 2 rollen; een radar heeft er minstens 3 nodig",
    ),
    (
        "unknown level",
        "competencies.yaml",
        _set(["competencies", 1, "levels", "directeur"], "x"),
        "competencies.yaml: competentie 'initiatief': onbekend niveau 'directeur' in levels",
    ),
    (
        "unknown kind",
        "competencies.yaml",
        _set(["competencies", 0, "kind"], "talent"),
        "competencies.yaml: competentie 'flexibiliteit': onbekende soort 'talent'",
    ),
    (
        "unknown field",
        "roles.yaml",
        _set(["roles", 0, "descriptoin"], "x"),
        "roles.yaml: rol 'penvoerder': onbekend veld 'descriptoin'",
    ),
    (
        "missing version",
        "competencies.yaml",
        _delete(["version"]),
        "competencies.yaml: verplicht veld 'version' ontbreekt",
    ),
]


@pytest.mark.parametrize(("case", "name", "mutate", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_catalogue_is_named_in_one_line(
    case: str,
    name: str,
    mutate: Any,
    expected: str,
    edit: Editor,
    data_copy: Path,
    runner: CliRunner,
) -> None:
    """Each broken case: exit 1, a Dutch line naming file and item, no traceback."""
    edit(name, mutate)
    result = runner.invoke(app, ["roles", "--data-dir", str(data_copy)])
    assert result.exit_code == 1, result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    validated = runner.invoke(app, ["validate", "--data-dir", str(data_copy)])
    assert validated.exit_code == 1
    assert expected in validated.output


RAW: list[tuple[str, bytes, str]] = [
    ("syntax", b"version: '1'\ntasks: [\n  - id: a\n", "tasks.yaml: regel "),
    ("empty", b"", "tasks.yaml: het bestand is leeg"),
    ("not utf-8", "version: 'één'\n".encode("latin-1"), "tasks.yaml: het bestand is geen UTF-8"),
    (
        "object tag",
        b"version: !!python/object/apply:os.system ['echo hacked']\n",
        "tasks.yaml: regel 1, kolom 10: de YAML-tag",
    ),
    ("top-level list", b"- a\n- b\n", "tasks.yaml: de bovenste laag moet een mapping zijn"),
]


@pytest.mark.parametrize(("case", "raw", "expected"), RAW, ids=[r[0] for r in RAW])
def test_unreadable_tasks_file(
    case: str, raw: bytes, expected: str, data_copy: Path, runner: CliRunner
) -> None:
    (data_copy / "tasks.yaml").write_bytes(raw)
    result = runner.invoke(app, ["validate", "--data-dir", str(data_copy)])
    assert result.exit_code == 1
    assert expected in result.output
    assert "hacked" not in result.output


def test_missing_file_is_named(data_copy: Path) -> None:
    (data_copy / "roles.yaml").unlink()
    with pytest.raises(CatalogueError) as info:
        load_catalogue(data_copy)
    assert info.value.problems[0].startswith("roles.yaml: bestand niet gevonden")


def test_validate_lists_every_problem(edit: Editor, data_copy: Path, runner: CliRunner) -> None:
    """validate reports all problems, not only the first."""
    edit("roles.yaml", _set(["roles", 0, "weights", "archief"], -1))
    edit("competencies.yaml", _set(["competencies", 0, "kind"], "talent"))
    problems = check_catalogue(data_copy)
    assert len(problems) == 2
    result = runner.invoke(app, ["validate", "--data-dir", str(data_copy)])
    assert all(p in result.output for p in problems)


def test_validate_clean_catalogue(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert "is in orde" in result.output


def test_validate_warns_about_weights_of_a_custom_catalogue(
    edit: Editor, data_copy: Path, runner: CliRunner
) -> None:
    """A catalogue whose weights break the rules still works; validate names each case."""

    def mix(data: Any) -> None:
        notuleren = data["tasks"][13]["activities"][3]
        assert notuleren["id"] == "notuleren"
        notuleren["weights"] = {"penvoerder": 1.0, "kenner": 1.0, "coach": 0.5}

    edit("tasks.yaml", mix)
    assert check_catalogue(data_copy) == []
    result = runner.invoke(app, ["validate", "--data-dir", str(data_copy)])
    assert result.exit_code == 0, result.output
    assert "activiteit 'notuleren': heeft 2 rollen met gewicht 1" in " ".join(result.output.split())
    assert "1 waarschuwing over de weging" in result.output


def test_activity_weights_name_known_roles(edit: Editor, data_copy: Path) -> None:
    """An activity's own weights are checked like a role's row: ids and numbers."""

    def bad(data: Any) -> None:
        data["tasks"][13]["activities"][3]["weights"] = {"schrijver": 1.0, "kenner": -1}

    edit("tasks.yaml", bad)
    problems = check_catalogue(data_copy)
    assert any("activiteit 'notuleren'" in p and "negatief" in p for p in problems), problems
    edit(
        "tasks.yaml",
        lambda data: data["tasks"][13]["activities"][3].update(weights={"schrijver": 1}),
    )
    problems = check_catalogue(data_copy)
    assert any("onbekende rol 'schrijver'" in p and "notuleren" in p for p in problems), problems


def test_env_var_selects_catalogue(
    edit: Editor, data_copy: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit("roles.yaml", _set(["roles", 0, "name"], "Schrijver"))
    monkeypatch.setenv("ASMO_DATA_DIR", str(data_copy))
    result = runner.invoke(app, ["roles"])
    assert result.exit_code == 0
    assert "Schrijver" in result.output


def test_profiles_and_development_activities(catalogue: Catalogue) -> None:
    """Target profiles rise with the level; every role has development activities."""
    levels = {lv.id: lv.profile for lv in catalogue.levels}
    for role in catalogue.roles:
        assert (
            levels["administratief"][role.id]
            <= levels["beleidsmedewerker"][role.id]
            <= levels["adviseur"][role.id]
        )
    for core in ("penvoerder", "organisator"):
        assert all(profile[core] >= 4 for profile in levels.values())
    assert catalogue.development is not None
    for role in catalogue.roles:
        assert len([a for a in catalogue.development if role.id in a.roles]) >= 2, role.id
    kinds = {a.kind for a in catalogue.development}
    assert kinds == {"opleiding", "masterclass", "intervisie", "netwerk", "praktijk", "dienst"}
    # services are support, never a goal or a step: the advieslijn is one
    assert [a.id for a in catalogue.development if a.is_support] == ["advieslijn"]
    # something for every level: a basis for a starter, deepening at or above the target
    stages = {a.stage for a in catalogue.development}
    assert stages == {None, "start", "deepen"}
    assert len([a for a in catalogue.development if a.stage == "deepen"]) >= 3
