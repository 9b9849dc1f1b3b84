"""Every command through the CLI (CliRunner): output, files, exit codes and Dutch messages."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import COMPLETE
from asmo_cli.core.scoring import score_record
from asmo_cli.storage.records import load_record

from .helpers import make_record, temp_files
from .platforms import WINDOWS

COMMANDS = ["assess", "report", "plan", "hours", "history", "team", "roles", "validate"]
ENGLISH = [
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "default:",
    "env var",
    "required",
    "<str>",
    "<list",
    "<path>",
    "[OPTIONS]",
]


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_lists_commands_in_dutch(runner: CliRunner, flag: str) -> None:
    result = runner.invoke(app, [flag])
    assert result.exit_code == 0
    assert "Zelfassessment voor ambtelijk secretarissen" in result.output
    for command in COMMANDS:
        assert command in result.output


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_is_dutch(
    runner: CliRunner, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each --help at 80 columns: Dutch headings, Dutch metavars, no English and no type labels."""
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, [*([command] if command else []), "-h"])
    assert result.exit_code == 0
    assert result.output.startswith("Gebruik: asmo")
    assert "Opties:" in result.output and "Toon deze hulp en stop." in result.output
    for word in ENGLISH:
        assert word not in result.output, f"{word!r} in asmo {command} --help"
    assert all(len(line) <= 80 for line in result.output.splitlines())
    if command:
        assert "--data-dir MAP" in result.output


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("asmo 0.")


def test_roles_table(runner: CliRunner, catalogue: Catalogue) -> None:
    result = runner.invoke(app, ["roles"])
    assert result.exit_code == 0
    for role in catalogue.roles:
        assert role.name in result.output
    assert "\x1b[" not in result.output, "no colour codes when piped"


ROLE_IDS = [
    "penvoerder",
    "organisator",
    "procesbewaker",
    "kenner",
    "beleidsadviseur",
    "coach",
    "trainer",
    "verbinder",
]


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_role_detail(runner: CliRunner, catalogue: Catalogue, role_id: str) -> None:
    result = runner.invoke(app, ["roles", role_id])
    assert result.exit_code == 0
    role = catalogue.role(role_id)
    assert role is not None
    assert role.summary in " ".join(result.output.split())
    for comp_id in role.competencies:
        assert catalogue.competency(comp_id).name in result.output


def test_unknown_role_lists_valid_roles(runner: CliRunner) -> None:
    result = runner.invoke(app, ["roles", "kenerr"])
    assert result.exit_code == 1
    assert "onbekende rol 'kenerr'; kies uit: Penvoerder, Organisator" in result.output


@pytest.mark.parametrize("typed", ["Kenner", "KENNER", " kenner "])
def test_role_by_name_in_any_case(runner: CliRunner, typed: str) -> None:
    """The name as shown in the table works too, in any case."""
    result = runner.invoke(app, ["roles", typed])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Kenner")


def test_competencies_view(runner: CliRunner) -> None:
    result = runner.invoke(app, ["roles", "--competencies"])
    assert result.exit_code == 0
    for text in (
        "De basiscompetenties van de tool",
        "Tabel 1 van het handboek (2005)",
        "Tabel 2 van het handboek (2005)",
        "Stressbestendigheid",
        "Meerjarige",
    ):
        assert text in result.output


@pytest.mark.parametrize("args", [["roles"], ["roles", "verbinder"], ["roles", "--competencies"]])
def test_readable_in_sixty_columns(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert max(len(line) for line in result.output.splitlines()) <= 60


def test_assess_without_terminal_points_to_answers(runner: CliRunner) -> None:
    result = runner.invoke(app, ["assess"])
    assert result.exit_code == 1
    assert "--answers" in result.output


def test_assess_from_answers_file(
    runner: CliRunner, answers_file: Path, home: Path, catalogue: Catalogue, tmp_path: Path
) -> None:
    """A good file is saved complete, reported, and scored by the formula."""
    out = tmp_path / "rapport"
    result = runner.invoke(app, ["assess", "--answers", str(answers_file), "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = list((home / "assessments").glob("*.yaml"))
    assert len(records) == 1
    record = load_record(records[0])
    assert record.status == COMPLETE and record.name == "Fenna de Vries"
    assert record.ratings["beleidsvoorbereiding"]["werkplan-opstellen"] is None
    assert {p.name for p in out.iterdir()} == {
        "rapport.pdf",
        "radar.png",
        "rapport.md",
        "scores.json",
    }
    data = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    roles = {r["id"]: r for r in data["roles"]}
    # Procesbewaker: the three of bewaken-afspraken, each weight 1: (4+3+5)/3 = 4, on 3 of
    # its 18,5 weight. Beleidsadviseur: voortgang-beleid-bewaken 0,5·4, brieven-adviezen 0,5·4,
    # aanvragen-analyseren 1·2, conceptadviezen 1·3 → 9 / 3 = 3, on 3 of its 12,5 weight
    assert roles["procesbewaker"]["score"] == pytest.approx(4.0)
    assert roles["procesbewaker"]["coverage"] == pytest.approx(3 / 18.5)
    assert roles["beleidsadviseur"]["score"] == pytest.approx(3.0)
    assert roles["beleidsadviseur"]["coverage"] == pytest.approx(3 / 12.5)
    assert roles["beleidsadviseur"]["rated"] == 4 and roles["beleidsadviseur"]["core_rated"] == 2
    assert roles["coach"]["score"] is None and roles["coach"]["coverage"] == 0
    expected = score_record(catalogue, record.ratings)
    assert [r["score"] for r in data["roles"]] == [r.score for r in expected.roles]
    tasks = {t["id"]: t for t in data["tasks"]}
    assert tasks["correspondentie"] == {
        "id": "correspondentie",
        "name": "Correspondentie",
        "score": 4.0,
        "rated": 3,
        "total": 4,
    }
    assert "Procesbewaker" in result.output and "4,0" in result.output
    assert str(out / "radar.png") in result.output


BAD_ANSWERS = [
    ("unknown task", "ratings:\n  faxen: {a: 3}\n", "onbekende werkzaamheid 'faxen'"),
    (
        "unknown activity",
        "ratings:\n  archief: {microfiche: 3}\n",
        "werkzaamheid 'archief': onbekende activiteit 'microfiche'",
    ),
    (
        "out of range",
        "ratings:\n  archief: {archief-beheren: 7}\n",
        "activiteit 'archief-beheren': een getal (7) is geen geldig antwoord",
    ),
    (
        "text value",
        "ratings:\n  archief: {archief-beheren: vier}\n",
        "tekst ('vier') is geen geldig",
    ),
    (
        "unknown level",
        "level: directeur\nratings:\n  archief: {archief-beheren: 3}\n",
        "onbekend functieniveau 'directeur'",
    ),
    ("nothing rated", "ratings:\n  archief: {archief-beheren: null}\n", "geen enkele activiteit"),
    ("no ratings", "name: X\n", "verplicht veld 'ratings' ontbreekt"),
    ("not yaml", "ratings: {archief: [\n", "ongeldige YAML"),
]


@pytest.mark.parametrize(("case", "text", "expected"), BAD_ANSWERS, ids=[b[0] for b in BAD_ANSWERS])
def test_bad_answers_file_saves_nothing(
    runner: CliRunner, tmp_path: Path, home: Path, case: str, text: str, expected: str
) -> None:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["assess", "--answers", str(path)])
    assert result.exit_code == 1
    assert expected in result.output
    assert str(path) in result.output
    assert not (home / "assessments").exists() or not any((home / "assessments").iterdir())


def test_every_bad_value_gets_its_own_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("ratings:\n  archief: {archief-beheren: 9, x: 2}\n  faxen: {}\n")
    result = runner.invoke(app, ["assess", "--answers", str(path)])
    assert result.exit_code == 1
    assert result.output.count("Fout:") == 3


def _png_ok(path: Path, size: tuple[int, int]) -> None:
    with Image.open(path) as image:
        image.load()
        assert image.size == size
        low, high = image.convert("L").getextrema()
        assert isinstance(low, int) and isinstance(high, int)
        assert low < 100 and high > 200, "not blank"


def test_report_writes_all_six_formats(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    record = make_record(catalogue, datetime(2026, 5, 1, 10, 0))
    out = tmp_path / "r"
    result = runner.invoke(
        app, ["report", record.id, "--out", str(out), "--format", "pdf,png,svg,radar-pdf,md,json"]
    )
    assert result.exit_code == 0, result.output
    names = {"rapport.pdf", "radar.png", "radar.svg", "radar.pdf", "rapport.md", "scores.json"}
    assert {p.name for p in out.iterdir()} == names
    for name in names:
        assert str(out / name) in result.output
    _png_ok(out / "radar.png", (1275, 1275))
    assert "<svg" in (out / "radar.svg").read_text(encoding="utf-8")[:2000]
    assert (out / "radar.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "rapport.pdf").read_bytes().startswith(b"%PDF")
    assert result.output.startswith(f"Je rapport: {out / 'rapport.pdf'}")
    assert "![Spindiagram" in (out / "rapport.md").read_text(encoding="utf-8")


def test_report_defaults_to_latest_complete_in_reports_folder(
    runner: CliRunner, catalogue: Catalogue, home: Path
) -> None:
    make_record(catalogue, datetime(2026, 1, 1, 10, 0))
    latest = make_record(catalogue, datetime(2026, 6, 1, 10, 0), stars=4)
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 0, result.output
    folder = home / "rapporten" / latest.id
    assert {p.name for p in folder.iterdir()} == {
        "rapport.pdf",
        "radar.png",
        "rapport.md",
        "scores.json",
    }
    if not WINDOWS:  # no such modes there: the user's profile folder protects the files
        for path in folder.iterdir():
            assert path.stat().st_mode & 0o777 == 0o600, f"{path.name} is private"
        assert folder.stat().st_mode & 0o777 == 0o700


def test_report_unknown_id_lists_records(runner: CliRunner, catalogue: Catalogue) -> None:
    record = make_record(catalogue, datetime(2026, 1, 1, 10, 0))
    result = runner.invoke(app, ["report", "20990101-000000"])
    assert result.exit_code == 1
    assert "onbekende meting '20990101-000000'" in result.output
    assert record.id in result.output


def test_report_bad_format(runner: CliRunner) -> None:
    result = runner.invoke(app, ["report", "--format", "png,docx"])
    assert result.exit_code == 1
    assert "onbekende bestandssoort 'docx'" in result.output


def test_report_refuses_unfinished_record(runner: CliRunner, catalogue: Catalogue) -> None:
    from dataclasses import replace

    from asmo_cli.core.record import IN_PROGRESS
    from asmo_cli.storage import store

    record = make_record(catalogue, datetime(2026, 1, 1, 10, 0), save=False)
    ratings = {t: dict(acts) for t, acts in record.ratings.items()}
    ratings["archief"].popitem()  # one activity not answered yet: unfinished, whatever it says
    store.save_record(replace(record, ratings=ratings, status=IN_PROGRESS))
    result = runner.invoke(app, ["report", record.id])
    assert result.exit_code == 1
    assert "nog niet afgerond" in result.output
    assert "beschikbare metingen: " in result.output


def test_history_previous_and_plot(runner: CliRunner, catalogue: Catalogue, tmp_path: Path) -> None:
    """Three records of different dates: history, --plot and report --previous."""
    make_record(catalogue, datetime(2025, 1, 10, 9, 0), stars=2)
    middle = make_record(catalogue, datetime(2025, 6, 10, 9, 0), stars=3)
    last = make_record(catalogue, datetime(2026, 1, 10, 9, 0), stars=4)
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0, result.output
    assert "10-01-2025" in result.output and "10-01-2026" in result.output
    assert "+1,0" in result.output
    plot = tmp_path / "voortgang.png"
    result = runner.invoke(app, ["history", "--plot", str(plot)])
    assert result.exit_code == 0, result.output
    _png_ok(plot, (1650, 975))
    out = tmp_path / "vergelijk"
    result = runner.invoke(app, ["report", last.id, "--previous", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "rapport.md").read_text(encoding="utf-8")
    assert f"| Vergeleken met | je meting van {middle.created:%d-%m-%Y} om 09:00 |" in text
    assert "Verschil sinds 10-06-2025" in text
    first = runner.invoke(app, ["report", "20250110-090000", "--previous"])
    assert first.exit_code == 1
    assert "geen afgeronde meting van Sam de Vries van vóór" in first.output


def test_history_without_records(runner: CliRunner) -> None:
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0
    assert "nog geen metingen" in result.output


def test_usage_errors_are_dutch(runner: CliRunner) -> None:
    """click's own messages (unknown option or command) reach the user in Dutch."""
    result = runner.invoke(app, ["roles", "--kleur"])
    assert result.exit_code == 2
    assert "Fout: onbekende optie: --kleur" in result.output
    assert "Gebruik: asmo roles [OPTIES]" in result.output
    result = runner.invoke(app, ["rols"])
    assert "Fout: onbekend commando 'rols'. Bedoelde je roles?" in result.output
    result = runner.invoke(app, ["-h"])
    assert "Toon deze hulp en stop." in result.output and "Opties" in result.output


@pytest.mark.parametrize(
    ("args", "line", "usage"),
    [
        (["raport"], "Fout: onbekend commando 'raport'. Bedoelde je report?", True),
        (["xyzzy"], "Fout: onbekend commando 'xyzzy'.", True),
        (["report", "--formats"], "Fout: onbekende optie: --formats. Bedoelde je --format?", True),
        (["report", "--out"], "Fout: optie '--out' heeft een waarde nodig", False),
        (["delete"], "Fout: argument 'METING' ontbreekt", True),
        (["history", "--plot", "."], "Fout: ongeldige waarde voor '--plot': '.' is een map", True),
    ],
)
def test_usage_errors_name_the_option_and_what_was_meant(
    runner: CliRunner, args: list[str], line: str, usage: bool
) -> None:
    """Each usage error is one Dutch line from the error's own facts (the option, its close
    matches, the parameter), with the usage line and where help is when click knows the
    command; never English."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert line in result.output
    assert ("Hulp: asmo" in result.output) is usage  # click gives no usage for a bare option
    for english in ("No such", "Did you mean", "Missing", "Invalid value", "requires"):
        assert english not in result.output


def test_readme_worked_example(runner: CliRunner, tmp_path: Path) -> None:
    """The worked example of the README: Penvoerder 15 / 4 = 3,75 with 4 / 14,5 coverage."""
    path = tmp_path / "a.yaml"
    path.write_text(
        "ratings:\n"
        "  correspondentie: {brieven-adviezen-concipieren: 4, communiques-schrijven: 3,\n"
        "    uitgaande-post-verzorgen: 5, termijnen-correspondentie-bewaken: null}\n"
        "  overlegvergaderingen: {notuleren: 3}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["assess", "--answers", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    roles = {r["id"]: r for r in json.loads((out / "scores.json").read_text())["roles"]}
    assert roles["penvoerder"]["score"] == pytest.approx(15 / 4)
    assert roles["penvoerder"]["coverage"] == pytest.approx(4 / 14.5)
    assert roles["penvoerder"]["enough_data"] is False
    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8").split())
    assert "= 15 / 4 = **3,8**" in readme and "C = 4 / 14,5 = **28%**" in readme


def test_full_disk_is_reported_and_keeps_nothing_half_written(
    runner: CliRunner, answers_file: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failing write gives one Dutch line and exit 1, and leaves no file behind."""
    import errno
    import os

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = runner.invoke(app, ["assess", "--answers", str(answers_file)])
    assert result.exit_code == 1
    assert "opslaan mislukt (de schijf is vol)" in result.output
    assert not any((home / "assessments").glob("*.yaml"))
    assert not temp_files(home)


def test_hints_name_the_program_as_started(
    runner: CliRunner, answers_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started through dev.py, every hint says 'python3 dev.py asmo …'; '--previous' is only
    suggested when the same person has an earlier complete record."""
    monkeypatch.setenv("ASMO_PROG", "python3 dev.py asmo")
    first = runner.invoke(app, ["assess", "--answers", str(answers_file)])
    assert first.exit_code == 0, first.output
    text = " ".join(first.output.split())
    assert "python3 dev.py asmo plan" in text and "python3 dev.py asmo history" in text
    assert "--previous" not in text
    second = runner.invoke(app, ["assess", "--answers", str(answers_file)])
    assert "python3 dev.py asmo report --previous" in " ".join(second.output.split())


def test_delete_removes_the_record_and_its_files_only(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """asmo delete: the record, its lock and list, its report, plan and hours files and their
    folder; another record and its files stay; without --yes and a terminal it refuses."""
    keep = make_record(catalogue, datetime(2026, 1, 1, 9, 0), name="Anna")
    gone = make_record(catalogue, datetime(2026, 2, 1, 9, 0), name="Bert")
    assert runner.invoke(app, ["report", keep.id]).exit_code == 0
    assert runner.invoke(app, ["report", gone.id]).exit_code == 0
    plan_dir = tmp_path / "plan"
    assert runner.invoke(app, ["plan", gone.id, "--out", str(plan_dir)]).exit_code == 0
    before = sorted(p for p in home.rglob("*") if keep.id in str(p))
    refused = runner.invoke(app, ["delete", gone.id])
    assert refused.exit_code == 1 and "--yes" in refused.output
    result = runner.invoke(app, ["delete", gone.id, "--yes"])
    assert result.exit_code == 0, result.output
    assert "Verwijderd: de meting van Bert" in result.output
    assert not any(gone.id in str(p) for p in home.rglob("*")), "nothing of the record is left"
    assert not plan_dir.exists(), "the plan folder asmo filled is removed when empty"
    assert sorted(p for p in home.rglob("*") if keep.id in str(p)) == before
    history = runner.invoke(app, ["history"])
    assert "Anna" in history.output and "Bert" not in history.output


def test_previous_compares_with_the_same_person(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    make_record(catalogue, datetime(2026, 1, 1, 9, 0), name="Fenna", stars=2)
    make_record(catalogue, datetime(2026, 2, 1, 9, 0), name="Sam", stars=4)
    record = make_record(catalogue, datetime(2026, 3, 1, 9, 0), name="Fenna", stars=3)
    out = tmp_path / "r"
    result = runner.invoke(app, ["report", record.id, "--previous", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (
        "| Vergeleken met | je meting van 01-01-2026 om 09:00 |" in (out / "rapport.md").read_text()
    )
    alone = make_record(catalogue, datetime(2026, 4, 1, 9, 0), name="Nieuw")
    refused = runner.invoke(app, ["report", alone.id, "--previous"])
    assert refused.exit_code == 1 and "geen afgeronde meting van Nieuw" in refused.output


def test_roles_ids_for_answers_files(runner: CliRunner, catalogue: Catalogue) -> None:
    result = runner.invoke(app, ["roles", "--ids"])
    assert result.exit_code == 0
    for task in catalogue.tasks:
        assert f"{task.id}:" in result.output
        for activity in task.activities:
            assert f"{activity.id}:" in result.output


@pytest.mark.parametrize("columns", ["60", "80", "100"])
def test_command_list_wraps_instead_of_cutting(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "..." not in result.output.split("Commando's:")[1]
    assert "tijdsbesteding.pdf)." in " ".join(result.output.split())
