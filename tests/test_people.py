"""Comparisons per person: --previous stays with one person, --compare with another says so,
records of the same day are told apart by their time, and history shows one person."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import earlier_text, one_person, same_person
from asmo_cli.core.result import compute_result
from asmo_cli.core.text import dates_nl
from asmo_cli.render.series import chart_title, radar_series

from .helpers import make_record


def test_dates_get_their_time_only_where_two_share_a_day() -> None:
    moments = [datetime(2026, 11, 25, 9, 5), datetime(2026, 11, 25, 14, 30), datetime(2026, 12, 1)]
    assert dates_nl(moments) == ["25-11-2026 om 09:05", "25-11-2026 om 14:30", "01-12-2026"]


def test_same_person_ignores_case_and_spacing(catalogue: Catalogue) -> None:
    when = datetime(2026, 1, 1, 10, 0)
    fenna = make_record(catalogue, when, name="Fenna de Vries", save=False)
    again = make_record(catalogue, when, name="  fenna  DE vries", save=False)
    nameless = make_record(catalogue, when, name=None, save=False)
    assert same_person(fenna, again)
    assert not same_person(fenna, nameless)
    assert same_person(nameless, make_record(catalogue, when, name=None, save=False))
    assert earlier_text(fenna, again) == "je meting van 01-01-2026 om 10:00"
    assert earlier_text(fenna, nameless) == (
        "de meting van iemand zonder naam van 01-01-2026 om 10:00 (een andere persoon)"
    )


def test_previous_never_takes_another_persons_record(
    catalogue: Catalogue, runner: CliRunner, tmp_path: Path
) -> None:
    make_record(catalogue, datetime(2026, 1, 1, 10), name="Fenna de Vries")
    jan = make_record(catalogue, datetime(2026, 2, 1, 10), name="Jan Jansen")
    result = runner.invoke(app, ["report", jan.id, "--previous", "--out", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert "geen afgeronde meting van Jan Jansen van vóór" in result.output
    assert not (tmp_path / "r").exists()


def test_compare_with_another_person_goes_on_with_a_note_without_a_terminal(
    catalogue: Catalogue, runner: CliRunner, tmp_path: Path
) -> None:
    fenna = make_record(catalogue, datetime(2026, 1, 1, 10), name="Fenna de Vries")
    jan = make_record(catalogue, datetime(2026, 2, 1, 10), name="Jan Jansen")
    out = tmp_path / "r"
    result = runner.invoke(app, ["report", jan.id, "--compare", fenna.id, "--out", str(out)])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "de meting van Fenna de Vries van 01-01-2026 om 10:00 (een andere persoon)" in flat
    report = (out / "rapport.md").read_text(encoding="utf-8")
    assert "de meting van Fenna de Vries van 01-01-2026 om 10:00 (een andere persoon)" in report
    assert json.loads((out / "scores.json").read_text(encoding="utf-8"))["comparison"]["id"] == (
        fenna.id
    )


def test_compare_with_another_person_asks_on_a_terminal(
    catalogue: Catalogue, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from asmo_cli.cli.commands import report as cmd_report

    fenna = make_record(catalogue, datetime(2026, 1, 1, 10), name="Fenna de Vries")
    jan = make_record(catalogue, datetime(2026, 2, 1, 10), name="Jan Jansen")
    asked: list[str] = []
    monkeypatch.setattr(cmd_report, "is_terminal", lambda: True)

    def yes_no(text: str) -> bool:  # the one j/n question (tested with pipe input itself)
        asked.append(text)
        return False

    monkeypatch.setattr("asmo_cli.cli.session.choices.yes_no", yes_no)
    out = tmp_path / "r"
    result = runner.invoke(app, ["report", jan.id, "--compare", fenna.id, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Niets gemaakt." in result.output
    assert not out.exists()
    assert asked and "Fenna de Vries" in asked[0] and "Jan Jansen" in asked[0]


def test_two_records_of_one_day_are_told_apart_by_time(
    catalogue: Catalogue, runner: CliRunner, tmp_path: Path
) -> None:
    first = make_record(catalogue, datetime(2026, 11, 25, 9, 0), name="Fenna de Vries")
    second = make_record(catalogue, datetime(2026, 11, 25, 16, 45), 4, name="Fenna de Vries")
    labels = [s.label for s in radar_series(catalogue, compute_result(catalogue, second, first))]
    assert labels == ["eerder: 25-11-2026 om 09:00", "nu: 25-11-2026 om 16:45"]
    title = chart_title(compute_result(catalogue, second, first))
    assert title.endswith("Fenna de Vries — 25-11-2026 om 16:45")
    out = tmp_path / "r"
    result = runner.invoke(app, ["report", second.id, "--previous", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = (out / "rapport.md").read_text(encoding="utf-8")
    assert "Verschil sinds 25-11-2026 om 09:00" in report
    history = runner.invoke(app, ["history"])
    assert "25-11-2026 09:00" in history.output and "25-11-2026 16:45" in history.output


def test_history_shows_and_plots_one_person(
    catalogue: Catalogue, runner: CliRunner, tmp_path: Path
) -> None:
    make_record(catalogue, datetime(2026, 1, 1, 10), name="Fenna de Vries")
    make_record(catalogue, datetime(2026, 3, 1, 10), 4, name="Fenna de Vries")
    make_record(catalogue, datetime(2026, 2, 1, 10), 2, name="Jan Jansen")
    nobody = make_record(catalogue, datetime(2026, 4, 1), save=False)
    assert one_person([nobody], "Niemand") == ("Niemand", [])
    shown = runner.invoke(app, ["history"])
    assert shown.exit_code == 0, shown.output
    assert "Scores per rol van Fenna de Vries" in shown.output
    assert "Ook metingen van: Jan Jansen" in " ".join(shown.output.split())
    jan = runner.invoke(app, ["history", "--name", "jan jansen", "--plot", str(tmp_path / "j.png")])
    assert jan.exit_code == 0, jan.output
    assert "Scores per rol van jan jansen" in jan.output
    with Image.open(tmp_path / "j.png") as image:
        assert image.width > 1000
    unknown = runner.invoke(app, ["history", "--name", "Piet", "--plot", str(tmp_path / "p.png")])
    assert unknown.exit_code == 1
    assert "geen afgeronde meting van 'Piet'" in unknown.output
    assert "Fenna de Vries, Jan Jansen" in unknown.output
    assert not (tmp_path / "p.png").exists()
