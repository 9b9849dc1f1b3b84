"""A judgement the AS recognises: realistic profiles (``tests/personas/``) get the strongest
roles and the roles to develop that an experienced AS would name; versions compare honestly.

Each persona is an answers file as a user writes it. What an experienced AS would say of it
is asserted here, with the rules behind it: no strongest role from side work only or from
fewer than three answers, no Beleidsadviseur score from minute-taking alone, no role to
develop that is not at least 0,5 below the target of her own level.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asmo_cli import Workspace
from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import Record, with_ratings
from asmo_cli.core.result import Result, compute_result
from asmo_cli.storage import store
from asmo_cli.storage.answers import read_answers_file

from .helpers import make_record

PERSONAS = Path(__file__).parent / "personas"
WHEN = datetime(2026, 12, 1, 10, 0)

# persona → (roles an experienced AS names as strongest, roles she would never name as strongest)
EXPECTED = {
    "starter": ({"organisator"}, {"trainer", "beleidsadviseur", "coach", "kenner"}),
    "senior-adviseur": ({"beleidsadviseur", "coach"}, {"penvoerder", "organisator", "trainer"}),
    "gmr-beleidsmedewerker": ({"penvoerder"}, {"coach", "trainer", "verbinder"}),
    "clientenraad": ({"verbinder"}, {"beleidsadviseur", "kenner", "procesbewaker"}),
    "generalist": ({"organisator"}, {"trainer", "coach", "verbinder"}),
    "vlak-hoog": ({"beleidsadviseur"}, set()),
}


def persona(catalogue: Catalogue, name: str) -> Result:
    answers = read_answers_file(PERSONAS / f"{name}.yaml", catalogue)
    created = WHEN.astimezone()
    record = Record("20261201-100000", created, created, catalogue.tasks_version)
    record = replace(record, name=answers.name, level=answers.level)
    record = with_ratings(record, answers.ratings, catalogue)
    assert record.is_complete
    return compute_result(catalogue, record)


def test_there_are_at_least_five_personas() -> None:
    assert {p.stem for p in PERSONAS.glob("*.yaml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_persona_gets_roles_an_experienced_as_recognises(catalogue: Catalogue, name: str) -> None:
    result = persona(catalogue, name)
    strongest = {r.role_id for r in result.ranking.strongest}
    named, never = EXPECTED[name]
    assert named <= strongest, (name, strongest)
    assert not never & strongest, (name, strongest)
    for role in (*result.ranking.strongest, *result.ranking.to_develop):
        assert role.rated >= 3 and role.core >= 1 and role.coverage >= 1 / 3 - 1e-9, role
    level = catalogue.level(result.record.level or "")
    for role in result.ranking.to_develop:
        assert role.score is not None
        assert role.score <= level.profile[role.role_id] - 0.5 + 1e-9, (name, role)


def test_the_starter_has_no_strongest_role_from_one_answer(catalogue: Catalogue) -> None:
    """Her only Scholing answer is 'Trainingen organiseren' (3): Trainer is thin, with the
    reason, and the one rated activity of Coach does not make a Coach score count."""
    result = persona(catalogue, "starter")
    trainer = result.role("trainer")
    assert trainer is not None and not trainer.enough_data
    assert trainer.thin_reason == (
        "1 activiteit beoordeeld; minstens 3 nodig, waarvan één kernactiviteit"
    )


def test_a_flat_high_profile_has_nothing_to_develop_and_says_so(catalogue: Catalogue) -> None:
    result = persona(catalogue, "vlak-hoog")
    assert result.ranking.strongest and result.ranking.to_develop == ()
    assert result.ranking.no_gap is not None
    assert "op of boven het profiel van je niveau" in result.ranking.no_gap


def test_without_a_gap_the_role_nearest_its_profile_is_named_but_not_as_a_gap(
    catalogue: Catalogue,
) -> None:
    """The cliëntenraad AS has no role 0,5 below her level's profile: nothing to develop, but
    the sentence names the role with the smallest margin to its profile (computed here by
    hand), with that profile, so she and her voorzitter can still choose to grow there."""
    result = persona(catalogue, "clientenraad")
    assert result.ranking.to_develop == () and result.ranking.no_gap is not None
    profile = catalogue.level("administratief").profile
    held = [r for r in result.scores.roles if r.enough_data and r.role_id in profile]
    assert all((r.score or 0.0) > profile[r.role_id] - 0.5 for r in held)
    nearest = min(held, key=lambda r: (r.score or 0.0) - profile[r.role_id])
    score, target = _half_up(nearest.score or 0.0), _half_up(profile[nearest.role_id])
    shown = f"{nearest.name} ({score}; profiel {target}"
    assert shown.replace(".", ",") in result.ranking.no_gap
    assert (nearest.name, str(score), str(target)) == ("Penvoerder", "3.7", "4.0")
    # below: the distance as she subtracts the two figures she sees, never 0,5 or more here
    assert "(3,7; profiel 4,0; 0,3 eronder)" in result.ranking.no_gap
    assert "Op elke rol met genoeg gegevens zit je op of boven" in result.ranking.no_gap


def _half_up(value: float) -> Decimal:
    """A score as a reader rounds it: the decimal she would type, half up to one decimal."""
    return Decimal(repr(value)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def test_a_strong_role_below_the_profile_is_never_hidden_by_the_no_gap_sentence(
    catalogue: Catalogue,
) -> None:
    """The generalist's Penvoerder is among her strongest roles, yet 0,5 or more below the
    beleidsmedewerker profile: the sentence does not claim every role is near the profile, it
    names Penvoerder (the senior AS's review found the claim false before)."""
    result = persona(catalogue, "generalist")
    profile = catalogue.level("beleidsmedewerker").profile
    penvoerder = result.role("penvoerder")
    assert penvoerder is not None and penvoerder.score is not None
    assert penvoerder in result.ranking.strongest
    assert penvoerder.score <= profile["penvoerder"] - 0.5
    assert result.ranking.no_gap is not None
    assert "Op elke rol" not in result.ranking.no_gap
    assert "Let op: Penvoerder (" in result.ranking.no_gap
    assert "al hoort hij bij je sterkste rollen" in result.ranking.no_gap


def test_no_beleidsadviseur_score_from_minute_taking(catalogue: Catalogue) -> None:
    record = make_record(catalogue, WHEN, 5, tasks=("overlegvergaderingen",), save=False)
    minutes = ("stukken-verzenden", "notuleren", "verslag-vaststellen-verspreiden")
    ratings: dict[str, dict[str, int | None]] = {"overlegvergaderingen": dict.fromkeys(minutes, 5)}
    result = compute_result(catalogue, replace(record, ratings=ratings))
    adviser = result.role("beleidsadviseur")
    assert adviser is not None and adviser.score is None


def test_strongest_competencies_are_not_proposed(catalogue: Catalogue) -> None:
    """The senior adviseur's strongest roles are Beleidsadviseur and Coach: their
    competencies are never proposed to develop, and one line says why."""
    result = persona(catalogue, "senior-adviseur")
    assert (
        "probleemanalyse" in result.shown and "Beleidsadviseur" in result.shown["probleemanalyse"]
    )
    from asmo_cli.core.evidence import to_develop_for

    for role in result.ranking.to_develop:
        develop, why = to_develop_for(catalogue, role.role_id, result.shown)
        assert not {c.id for c in develop} & set(result.shown)
        assert all("laat je al zien" in line for line in why)


# --- versions compared honestly -------------------------------------------------------------


def _old(catalogue: Catalogue, version: str, stars: int) -> Record:
    record = make_record(catalogue, datetime(2025, 11, 1, 9, 0), stars, save=False)
    record = replace(record, catalogue_version=version)
    store.save_record(record)
    return record


def test_a_record_across_the_scale_change_shows_no_difference(
    catalogue: Catalogue, home: Path, runner: CliRunner, tmp_path: Path
) -> None:
    """A 2026.1 record (stars meant how often) against a current one: one warning, no
    delta anywhere, both profiles side by side."""
    old = _old(catalogue, "2026.1", 2)
    new = make_record(catalogue, WHEN, 4)
    result = compute_result(catalogue, new, old)
    assert result.comparison is not None and result.comparison.scale_changed
    assert all(delta is None for delta in result.comparison.deltas.values())
    assert any("toen de sterren iets anders betekenden" in w for w in result.warnings)
    out = tmp_path / "rapport"
    done = runner.invoke(app, ["report", new.id, "--previous", "--out", str(out)])
    assert done.exit_code == 0, done.output
    text = (out / "rapport.md").read_text(encoding="utf-8")
    assert "Verschil sinds" not in text and "| Score op 01-11-2025 |" in text
    assert "toen de sterren iets anders betekenden" in " ".join(text.split())
    data = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert data["comparison"]["scale_changed"] is True
    assert set(data["comparison"]["deltas"].values()) == {None}
    history = runner.invoke(app, ["history"])
    assert "Verschil" not in history.output
    assert "verschillende versies van de vragenlijst" in " ".join(history.output.split())


def test_records_of_two_versions_with_the_same_scale_say_so(
    catalogue: Catalogue, home: Path
) -> None:
    old = _old(catalogue, "2026.2", 2)
    new = make_record(catalogue, WHEN, 4)
    result = compute_result(catalogue, new, old)
    assert result.comparison is not None and not result.comparison.scale_changed
    assert any(
        "verschillende versies van de vragenlijst (2026.2 en 2026.3)" in w for w in result.warnings
    )
    assert any(d is not None for d in result.comparison.deltas.values())
    alone = compute_result(catalogue, old)
    assert any("asmo rekent met versie 2026.3" in w for w in alone.warnings)


def test_an_added_activity_never_makes_a_finished_record_unfinished(
    catalogue: Catalogue, home: Path, runner: CliRunner, tmp_path: Path
) -> None:
    """A 2026.2 record that rated all of beleidsvoorbereiding then (without the activity that
    came in 2026.3) stays complete and gets its report."""
    record = make_record(catalogue, WHEN, 3, tasks=("beleidsvoorbereiding",), save=False)
    ratings = {"beleidsvoorbereiding": dict(record.ratings["beleidsvoorbereiding"])}
    del ratings["beleidsvoorbereiding"]["procedures-advies-instemming-bewaken"]
    store.save_record(replace(record, ratings=ratings, catalogue_version="2026.2"))
    out = tmp_path / "r"
    done = runner.invoke(app, ["report", record.id, "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert store.find_complete(record.id).is_complete


def test_a_stored_complete_status_is_not_trusted(
    catalogue: Catalogue, home: Path, runner: CliRunner, tmp_path: Path
) -> None:
    """A record file that says 'complete' with 1 of 3 answers of its area (edited by hand, or
    by a broken tool) is unfinished for asmo: no report, and history says so; the same file of
    an older version, lacking only the activity added since, is complete."""
    record = make_record(catalogue, WHEN, 3, tasks=("beleidsvoorbereiding",), save=False)
    first = next(iter(record.ratings["beleidsvoorbereiding"]))
    partial: dict[str, dict[str, int | None]] = {"beleidsvoorbereiding": {first: 4}}
    store.save_record(replace(record, ratings=partial))
    assert "status: complete" in store.record_path(record.id).read_text(encoding="utf-8")
    done = runner.invoke(app, ["report", record.id, "--out", str(tmp_path / "r")])
    assert done.exit_code == 1 and "nog niet af" in done.output.replace("\n", " ")
    assert not (tmp_path / "r").exists()
    work = Workspace()
    assert not work.get(record.id).is_complete
    added = [a.id for t in catalogue.tasks for a in t.activities if a.since == "2026.3"]
    assert added == ["procedures-advies-instemming-bewaken", "nieuwe-leden-begeleiden"]


def test_the_plan_at_the_top_level_offers_deepening(
    home: Path, runner: CliRunner, tmp_path: Path
) -> None:
    """Joost is adviseur, the highest level, and has no gap: his plan names no next level."""
    done = runner.invoke(app, ["assess", "--answers", str(PERSONAS / "vlak-hoog.yaml")])
    assert done.exit_code == 0, done.output
    out = tmp_path / "plan"
    done = runner.invoke(app, ["plan", "--out", str(out)])
    assert done.exit_code == 0, done.output
    text = " ".join((out / "ontwikkelplan.md").read_text(encoding="utf-8").split())
    assert "het streefprofiel van het hoogste niveau" in text and "volgend niveau" not in text
    assert "masterclass" in text


def test_a_plan_without_focus_says_nothing_about_roles_it_cannot_see(
    home: Path, runner: CliRunner, tmp_path: Path, catalogue: Catalogue
) -> None:
    """The cliëntenraad AS's plan towards beleidsmedewerker has no focus role, but four roles
    of that profile are thin: the plan names them instead of saying she is near the profile
    on them (the senior AS's review)."""
    done = runner.invoke(app, ["assess", "--answers", str(PERSONAS / "clientenraad.yaml")])
    assert done.exit_code == 0, done.output
    out = tmp_path / "plan"
    done = runner.invoke(app, ["plan", "--out", str(out)])
    assert done.exit_code == 0, done.output
    text = " ".join((out / "ontwikkelplan.md").read_text(encoding="utf-8").split())
    result = persona(catalogue, "clientenraad")
    thin = [r.name for r in result.scores.roles if not r.enough_data]
    assert thin and f"Over {', '.join(thin)} zegt dit nog niets" in text


def test_a_strong_role_below_her_level_is_said_also_beside_roles_to_develop(
    catalogue: Catalogue,
) -> None:
    """The starter's Organisator is her strongest role, yet 0,5 or more below the profile of
    her own level: with roles to develop too, one line still says it (senior AS review)."""
    result = persona(catalogue, "starter")
    organisator = result.role("organisator")
    profile = catalogue.level("administratief").profile
    assert organisator in result.ranking.strongest and result.ranking.to_develop
    assert organisator is not None and organisator.score is not None
    assert organisator.score <= profile["organisator"] - 0.5
    assert result.ranking.strong_below is not None
    assert result.ranking.strong_below.startswith("Let op: Organisator (")
    assert not [line for line in result.shown.values() if "als Organisator." in line]


@pytest.mark.parametrize("name", ["starter", "gmr-beleidsmedewerker", "generalist"])
def test_the_plan_never_says_she_shows_it_as_a_role_she_is_to_grow_in(
    catalogue: Catalogue, name: str
) -> None:
    """A strong role can be a focus role of the plan (strong for her, below the target): the
    plan then never leaves a competency out because 'you show it as' that role."""
    from asmo_cli.core.ambition import LEVEL, Ambition
    from asmo_cli.core.levels import default_target
    from asmo_cli.core.plan import make_plan

    result = persona(catalogue, name)
    target = default_target(catalogue, result.record.level, list(result.fits))
    plan = make_plan(catalogue, result, Ambition(LEVEL, level=target.id))
    assert target is not None
    below = {
        r.name
        for r in result.ranking.strongest
        if r.score is not None and r.score <= target.profile.get(r.role_id, 0.0) - 0.5
    }
    assert below  # the case at stake: a strong role 0,5 or more below the target
    assert not [line for line in plan.shown for role in below if f"als {role}." in line]


def test_the_score_table_keeps_names_and_marks_whole_at_40_columns(catalogue: Catalogue) -> None:
    """Below 70 columns the star bars go, so no role name and no 'te weinig ingevuld' is cut."""
    from rich.console import Console

    from asmo_cli.render.terminal import results_table

    console = Console(width=40, record=True, color_system=None)
    result = persona(catalogue, "senior-adviseur")
    console.print(results_table(result, console.width))
    text = console.export_text()
    assert "…" not in text and "★" not in text
    for role in catalogue.roles:
        assert role.name in text
    assert text.count("ingevuld)") == len(result.thin)


def test_version_numbers_that_yaml_would_change_are_refused(
    data_copy: Path, home: Path, catalogue: Catalogue, runner: CliRunner
) -> None:
    """version: 2026.10 unquoted is the number 2026.1 to YAML: refused, in the catalogue and
    in a record, as is a scale_since after the version (or not a version at all)."""
    from asmo_cli.storage.catalogue import check_catalogue

    tasks = data_copy / "tasks.yaml"
    original = tasks.read_text(encoding="utf-8")
    tasks.write_text(original.replace('version: "2026.3"', "version: 2026.10"), encoding="utf-8")
    assert any("tussen aanhalingstekens" in p for p in check_catalogue(data_copy))
    for since in ('"2027.1"', '"abc"'):
        text = original.replace('scale_since: "2026.2"', f"scale_since: {since}")
        tasks.write_text(text, encoding="utf-8")
        assert any("ligt na 'version'" in p for p in check_catalogue(data_copy)), since
    # an activity's 'since' is a version too, not later than the catalogue's, and quoted
    for since, why in (("2027.1", "ligt na 'version'"), ("2026.10", "tussen aanhalingstekens")):
        quoted = f'"{since}"' if since == "2027.1" else since
        text = original.replace('since: "2026.3"', f"since: {quoted}", 1)
        tasks.write_text(text, encoding="utf-8")
        found = check_catalogue(data_copy)
        assert any(why in p and "procedures-advies-instemming-bewaken" in p for p in found), found
    record = make_record(catalogue, WHEN, 3)
    path = home / "assessments" / f"{record.id}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("catalogue_version: '2026.3'", "catalogue_version: 2026.10"))
    done = runner.invoke(app, ["report", record.id])
    assert done.exit_code == 1 and "tussen aanhalingstekens" in " ".join(done.output.split())


def test_without_a_ranking_the_terminal_still_says_why_each_role_is_thin(
    home: Path, runner: CliRunner, tmp_path: Path
) -> None:
    """Too few roles with enough data: the terminal says so, and still names every thin role
    with its reason and the area to add (most useful exactly then)."""
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "ratings:\n  bewaken-afspraken: {voortgang-beleid-bewaken: 4, naleving-bewaken: 3,\n"
        "    afsprakenlijst-samenstellen: 5}\n",
        encoding="utf-8",
    )
    done = runner.invoke(app, ["assess", "--answers", str(answers)])
    assert done.exit_code == 0, done.output
    flat = " ".join(done.output.split())
    assert "te weinig rollen met genoeg gegevens" in flat
    assert "Niet meegeteld, want te weinig ingevuld: Penvoerder (1 activiteit beoordeeld;" in flat
    assert "Procesbewaker (16% van het werk van deze rol beoordeeld" in flat
