"""A development plan she would sign: the level table as a conversation opener, the areas she
did not choose, who sees which document, and an agreement at the end."""

from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.levels import LevelFit, clear_closest
from asmo_cli.render.plan_content import fit_rows

from .conftest import Editor

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "docs" / "voorbeeld-antwoorden.yaml"


def fits(catalogue: Catalogue, *differences: float) -> list[LevelFit]:
    return [LevelFit(level, d, ()) for level, d in zip(catalogue.levels, differences, strict=True)]


@pytest.mark.parametrize(
    ("differences", "marked"),
    [
        ((0.80, 0.79, 1.20), None),  # 0,01 apart: no finding
        ((0.42, 0.32, 0.82), None),  # 0,10 apart, as in the shipped example
        ((0.47, 0.32, 0.82), None),  # 0,15 apart on the figures shown: still none
        ((0.48, 0.32, 0.82), 1),  # 0,16: the middle level looks most like her profile
    ],
)
def test_only_a_clear_difference_names_a_level(
    catalogue: Catalogue, differences: tuple[float, ...], marked: int | None
) -> None:
    found = fits(catalogue, *differences)
    closest = clear_closest(found)
    assert (closest.id if closest else None) == (
        catalogue.levels[marked].id if marked is not None else None
    )
    rows = fit_rows(found)
    assert sum("(lijkt het meest)" in name for name, _ in rows) == (marked is not None)


def plan_texts(runner: CliRunner, tmp_path: Path) -> tuple[str, str]:
    out = tmp_path / "uit"
    done = runner.invoke(app, ["assess", "--answers", str(ANSWERS), "--out", str(out)])
    assert done.exit_code == 0, done.output
    done = runner.invoke(app, ["plan", "--out", str(out)])
    assert done.exit_code == 0, done.output
    pdf = " ".join(
        " ".join(page.extract_text() for page in PdfReader(out / "ontwikkelplan.pdf").pages).split()
    )
    return (out / "ontwikkelplan.md").read_text(encoding="utf-8"), pdf


def test_the_level_table_says_it_is_no_function_valuation(
    runner: CliRunner, tmp_path: Path
) -> None:
    md, pdf = plan_texts(runner, tmp_path)
    for text in (" ".join(md.split()), pdf):
        assert "Het zegt niets over de waardering of inschaling van mijn functie" in text
        assert (
            "Geen duidelijk verschil: Beleidsmedewerker (0,32) en Administratief organisatorisch "
            "medewerker (0,42) liggen hooguit 0,15 uit elkaar." in text
        )
        assert "(lijkt het meest)" not in text


def test_the_plan_ends_with_an_agreement_and_an_evaluation_date(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Six months after the measurement, with a new measurement; her name on the line where
    she signs, one for her leidinggevende; the report and the plan say who sees which."""
    md, pdf = plan_texts(runner, tmp_path)
    measured = next(line for line in md.splitlines() if line.startswith("| Ingevuld |"))
    day, month, year = (int(x) for x in measured.split("|")[2].split()[0].split("-"))
    later_year, later_month = year + (month + 6 > 12), (month + 5) % 12 + 1
    last_day = calendar.monthrange(later_year, later_month)[1]
    expected = date(later_year, later_month, min(day, last_day))  # 31-08 → 28-02 or 29-02
    evaluation = f"{expected:%d-%m-%Y}, met een nieuwe meting in asmo"
    assert f"\n\n**Evaluatie op: {evaluation}; met: " in md
    assert f"Evaluatie op: {evaluation}" in pdf
    assert "| Medewerker | Fenna de Vries |  |  |" in md and "| Leidinggevende |  |  |  |" in md
    assert "Akkoord met de afspraken in dit plan Naam Datum Handtekening" in pdf
    assert "**\n\n| Akkoord met de afspraken in dit plan | Naam | Datum | Handtekening |" in md
    assert "Medewerker Fenna de Vries" in pdf and "Handtekening" in pdf
    who = "Dit plan bespreek ik met mijn leidinggevende of HR; mijn rapport, met al mijn antwoorden"
    assert who in md and who in pdf
    report = (tmp_path / "uit" / "rapport.md").read_text(encoding="utf-8")
    assert (
        "Het rapport bespreek je met je voorzitter; het ontwikkelplan met je leidinggevende"
        in report
    )


def test_the_competencies_to_develop_stay_few(runner: CliRunner, tmp_path: Path) -> None:
    md, _ = plan_texts(runner, tmp_path)
    section = md.split("### Competenties die mijn doelen vragen", 1)[1].split("\n#", 1)[0]
    assert 1 <= sum(line.startswith("- **") for line in section.splitlines()) <= 3


PERSONAS = Path(__file__).parent / "personas"


def test_the_starter_gets_goals_from_her_own_lowest_answers(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Her lowest-rated activities (the starter's lowest are 2 stars) become goals, quoted as
    the questionnaire words them, each with where to (the scale's words) and how she measures
    it."""
    import yaml

    from asmo_cli.storage.catalogue import load_catalogue
    from asmo_cli.storage.paths import default_data_dir

    source = PERSONAS / "starter.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    catalogue = load_catalogue(default_data_dir(), council=data.get("council", "other"))
    given = [(t, a, v) for t, acts in data["ratings"].items() for a, v in acts.items() if v]
    lowest = min(v for _, _, v in given)
    names = {a.id: a.name for task in catalogue.tasks for a in task.activities}
    lowest_named = {names[a] for _, a, v in given if v == lowest}
    out = tmp_path / "uit"
    assert (
        runner.invoke(app, ["assess", "--answers", str(source), "--out", str(out)]).exit_code == 0
    )
    assert runner.invoke(app, ["plan", "--out", str(out)]).exit_code == 0
    md = (out / "ontwikkelplan.md").read_text(encoding="utf-8")
    goals = md.split("## Mijn doelen", 1)[1].split("\n#", 1)[0]
    quoted = [line for line in goals.splitlines() if line.startswith("- **‘")]
    assert 1 <= len(quoted) <= 3, goals
    shown = "★" * lowest + "☆" * (5 - lowest)
    assert any(
        f"‘{name}’ (" in line and f": nu {shown} " in line
        for name in lowest_named
        for line in quoted
    ), goals
    assert all("Doel: Ik beheers" in line and "Meten: bij de evaluatie" in line for line in quoted)


def test_a_goals_first_step_trains_its_own_area(runner: CliRunner, tmp_path: Path) -> None:
    """The starter's goal on letters (correspondentie) starts with the step that development.yaml
    says trains that area (a writing course), not with the minutes training of her focus role;
    no step twice."""
    source = PERSONAS / "starter.yaml"
    out = tmp_path / "uit"
    assert (
        runner.invoke(app, ["assess", "--answers", str(source), "--out", str(out)]).exit_code == 0
    )
    assert runner.invoke(app, ["plan", "--out", str(out)]).exit_code == 0
    md = (out / "ontwikkelplan.md").read_text(encoding="utf-8")
    goals = md.split("## Mijn doelen", 1)[1].split("\n#", 1)[0].splitlines()
    letters = next(line for line in goals if "‘Brieven en adviezen" in line)
    assert "Eerste stap: Training helder en zakelijk schrijven" in letters, letters
    steps = [
        line.split("Eerste stap: ", 1)[1].split(" (", 1)[0]
        for line in goals
        if "Eerste stap" in line
    ]
    assert len(steps) == len(set(steps)), steps


def test_an_unknown_area_in_development_yaml_is_named(
    runner: CliRunner, edit: Editor, data_copy: Path
) -> None:
    def misspell(data: dict[str, list[dict[str, object]]]) -> None:
        data["activities"][0]["areas"] = ["corespondentie"]

    edit("development.yaml", misspell)
    result = runner.invoke(app, ["validate", "--data-dir", str(data_copy)])
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "development.yaml" in text and "onbekende werkzaamheid 'corespondentie' in areas" in text


def test_a_step_may_name_the_activity_it_trains(
    runner: CliRunner, edit: Editor, data_copy: Path
) -> None:
    """development.yaml may name activities as well as areas; asmo validate checks the ids,
    and a goal on a named activity takes that step first (core, on the starter's answers)."""
    from asmo_cli.core.ambition import Ambition
    from asmo_cli.core.plan import make_plan
    from asmo_cli.storage.answers import read_answers_file
    from asmo_cli.storage.catalogue import load_catalogue

    def name_letters(data: dict[str, list[dict[str, object]]]) -> None:
        notes = next(a for a in data["activities"] if a["id"] == "praktijk-meelezen")
        notes["activities"] = ["brieven-adviezen-concipieren"]

    edit("development.yaml", name_letters)
    catalogue = load_catalogue(data_copy, council="or")
    answers = read_answers_file(PERSONAS / "starter.yaml", catalogue)
    from asmo_cli.core.record import new_record, with_ratings
    from asmo_cli.core.result import compute_result

    record = with_ratings(
        new_record(catalogue, answers.name, answers.level), answers.ratings, catalogue
    )
    plan = make_plan(catalogue, compute_result(catalogue, record), Ambition())
    letters = next(g for g in plan.goals if g.activity.id == "brieven-adviezen-concipieren")
    assert letters.step is not None and letters.step.id == "praktijk-meelezen"

    def misspell(data: dict[str, list[dict[str, object]]]) -> None:
        data["activities"][0]["activities"] = ["brieven-schrijven"]

    edit("development.yaml", misspell)
    result = runner.invoke(app, ["validate", "--data-dir", str(data_copy)])
    assert result.exit_code == 1
    assert "onbekende activiteit 'brieven-schrijven' in activities" in " ".join(
        result.output.split()
    )
