"""asmo team, anonymous per figure: a role's figures only from three members with enough data
on it ("te weinig leden" otherwise) in the terminal, team.md, team.pdf, team.json and the
chart; one person counts once (her newest record, matched by name); nameless records never
merge."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.team import Member, one_per_person, person_key
from asmo_cli.core.text import number
from asmo_cli.render import radar
from asmo_cli.render.radar_geometry import Series, radar_geometry

from .helpers import make_record

DEFAULT_TASKS = ("correspondentie", "archief", "overlegvergaderingen", "scholing")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


class _ChartSpy:
    """Keeps what ``asmo team`` hands the radar (axes, outlines, band) and draws it as asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], list[Series], Any]] = []

    def __call__(
        self,
        labels: Sequence[str],
        series: Sequence[Series],
        title: str,
        formats: Sequence[str],
        band: Any = None,
        reasons: Any = None,
    ) -> list[bytes]:
        self.calls.append((list(labels), list(series), band))
        self.reasons = reasons
        return radar.draw_radar(labels, series, title, formats, band, reasons)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> _ChartSpy:
    chart = _ChartSpy()
    monkeypatch.setattr("asmo_cli.api.teams.draw_radar", chart)
    return chart


@pytest.fixture
def thin_coach(catalogue: Catalogue, home: Path, tmp_path: Path) -> Path:
    """Four members rate the default tasks 2, 3, 4 and 5 stars; only the one with 3 stars
    also rates begeleiding, so she alone has enough data on Coach (below 4: without the rule
    Coach would be 'dun bezet')."""
    for stars in (2, 4, 5):
        make_record(catalogue, datetime(2026, 2, stars, 9, 0), stars, name=f"Lid {stars}")
    tasks = (*DEFAULT_TASKS, "begeleiding")
    make_record(catalogue, datetime(2026, 2, 3, 9, 0), 3, name="Lid 3", tasks=tasks)
    folder = tmp_path / "team"
    shutil.copytree(home / "assessments", folder)
    return folder


def test_a_role_one_member_scored_shows_no_figure_anywhere(
    runner: CliRunner, thin_coach: Path, tmp_path: Path, spy: _ChartSpy
) -> None:
    """Coach rests on one member: no mean, range, count of 4 or higher or 'dun bezet' for it in
    the terminal, team.md, team.pdf or team.json (which keeps the role, its figures null), and
    the chart's mean outline has no point, no value and no band on its axis."""
    out = tmp_path / "out"
    result = runner.invoke(app, ["team", str(thin_coach), "--out", str(out), "--names"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "team.json").read_text(encoding="utf-8"))
    (own,) = [p["scores"]["coach"] for p in data["people"] if p["scores"]["coach"] is not None]
    roles = {r["id"]: r for r in data["roles"]}
    assert data["members"] == 4 and data["min_members"] == 3
    assert roles["coach"] == {
        "id": "coach",
        "name": "Coach",
        "mean": None,
        "min": None,
        "max": None,
        "scored": 1,
        "strong": None,
        "too_few_members": True,
    }
    assert roles["penvoerder"]["mean"] == pytest.approx(3.5)
    assert roles["penvoerder"]["too_few_members"] is False

    terminal = _squash(result.output)
    assert "Teamprofiel van 4 leden." in terminal
    assert (
        "Te weinig leden bij Coach (minder dan 3 leden hebben genoeg van die rol ingevuld) en "
        "bij Organisator, Procesbewaker, Kenner, Beleidsadviseur, Verbinder (geen enkel lid "
        "heeft genoeg ingevuld). Daar staan geen cijfers" in terminal
    )

    markdown = (out / "team.md").read_text(encoding="utf-8")
    profile = markdown.split("## Per persoon")[0]  # asked for with --names: her own column
    assert "| Coach | te weinig leden | – | 1 | – |" in profile
    assert own < 4
    assert [line for line in profile.splitlines() if "Coach" in line and number(own) in line] == []
    coach_lines = [line for line in profile.splitlines() if "Coach" in line]
    assert len(coach_lines) == 2, "the table's row and the note why: no 'dun bezet' either"
    assert coach_lines[0].startswith("*Te weinig leden bij Coach (minder dan 3 leden")

    pdf = _squash(_pdf_text(out / "team.pdf"))
    assert "Coach te weinig leden – 1 –" in pdf
    assert "Te weinig leden bij Coach" in pdf

    ((labels, series, band),) = spy.calls
    coach = labels.index("Coach")
    (mean,) = series
    assert mean.scores[coach] is None
    assert all(v is not None for i, v in enumerate(mean.scores) if labels[i] == "Penvoerder")
    low, high, _ = band
    assert low[coach] is None and high[coach] is None
    assert spy.reasons[coach] == ("te weinig", "leden")
    assert spy.reasons[labels.index("Penvoerder")] == ()
    assert "Coach te weinig leden" in _squash(_pdf_text(out / "team.pdf")), "under its axis"
    drawn = radar_geometry(labels, series, band)
    (outline,) = drawn.outlines
    on_axis = [p for p in (*outline.solid, *outline.hollow) if p.index == coach]
    assert on_axis == [] and outline.broken
    angle = drawn.axes[coach].angle
    assert all(abs(v.angle - angle) > 0.3 for v in drawn.labels), "no value near Coach"
    assert drawn.band is not None
    assert all(angle not in piece.angles for piece in drawn.band.pieces)
    (svg,) = radar.draw_radar(labels, series, "Team", ["svg"], band)
    assert b"open-0-team" not in svg, "no open point either"
    assert (out / "team.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_team_of_two_shows_no_figure_at_all(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path, spy: _ChartSpy
) -> None:
    """With two members every role has too few: no mean outline on the chart, no band, and
    the profile says so."""
    for day in (1, 2):
        make_record(catalogue, datetime(2026, 3, day, 9, 0), day + 2, name=f"Lid {day}")
    out = tmp_path / "out"
    result = runner.invoke(app, ["team", str(home / "assessments"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    roles = json.loads((out / "team.json").read_text(encoding="utf-8"))["roles"]
    assert all(r["too_few_members"] and r["mean"] is None and r["strong"] is None for r in roles)
    assert "Te weinig leden voor cijfers per rol" in _squash(result.output)
    markdown = (out / "team.md").read_text(encoding="utf-8")
    assert "Goed gedekt" not in markdown and "Dun bezet" not in markdown
    assert not re.search(r"\d,\d", markdown), "no score anywhere"
    ((_, (mean,), band),) = spy.calls
    assert all(v is None for v in mean.scores) and band is None


def test_two_records_of_one_person_count_once_with_her_newest(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """'Fenna de Vries' (January) and 'fenna  de Vries' (March) are one person: three members,
    not four, with Fenna's March scores, whichever file is read first; the profile, team.json
    and the terminal say why one record was left out."""
    make_record(catalogue, datetime(2026, 1, 10, 9, 0), 2, name="Fenna de Vries")
    newer = make_record(catalogue, datetime(2026, 3, 10, 9, 0), 5, name="fenna  de Vries")
    make_record(catalogue, datetime(2026, 2, 1, 9, 0), 3, name="Jan Bakker")
    make_record(catalogue, datetime(2026, 2, 2, 9, 0), 4, name="Sanne Smit")
    folder = tmp_path / "team"
    shutil.copytree(home / "assessments", folder)
    (folder / f"{newer.id}.yaml").rename(folder / "0-eerst.yaml")  # read before the older one
    out = tmp_path / "out"
    result = runner.invoke(app, ["team", str(folder), "--out", str(out), "--names"])
    assert result.exit_code == 0, result.output
    terminal = _squash(result.output)
    assert "Teamprofiel van 3 leden." in terminal
    assert "niet meegeteld, een oudere meting van dezelfde persoon als" in terminal
    assert "1 oudere meting van dezelfde persoon niet meegeteld" in terminal
    data = json.loads((out / "team.json").read_text(encoding="utf-8"))
    assert data["members"] == 3
    assert data["skipped_records"] == {
        "older_of_same_person": 1,
        "same_assessment_twice": 0,
        "not_finished": 0,
    }
    fenna = next(p for p in data["people"] if p["name"].casefold().startswith("fenna"))
    assert fenna["name"] == "fenna  de Vries"
    assert fenna["scores"]["penvoerder"] == pytest.approx(5.0)
    roles = {r["id"]: r for r in data["roles"]}
    assert roles["penvoerder"]["mean"] == pytest.approx(4.0)  # (5 + 3 + 4) / 3, not with 2
    profile = _squash((out / "team.md").read_text(encoding="utf-8"))
    assert "Teamprofiel bureau medezeggenschap" in profile
    assert (
        "1 oudere meting van dezelfde persoon niet meegeteld: ieder telt één keer, met haar "
        "nieuwste meting" in profile
    )
    assert "3 leden" in profile
    assert "1 oudere meting van dezelfde persoon" in _squash(_pdf_text(out / "team.pdf"))


def test_records_without_a_name_are_never_merged(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """Three records without a name (none, or only spaces) are three members."""
    for day, name in ((1, None), (2, None), (3, "   ")):
        make_record(catalogue, datetime(2026, 4, day, 9, 0), day + 1, name=name)
    out = tmp_path / "out"
    result = runner.invoke(app, ["team", str(home / "assessments"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Teamprofiel van 3 leden." in result.output
    assert "oudere meting" not in result.output
    data = json.loads((out / "team.json").read_text(encoding="utf-8"))
    assert data["members"] == 3 and data["skipped_records"]["older_of_same_person"] == 0
    assert {r["id"]: r for r in data["roles"]}["penvoerder"]["mean"] == pytest.approx(3.0)


def test_a_copy_of_one_record_is_counted_once_and_said(
    runner: CliRunner, thin_coach: Path, tmp_path: Path
) -> None:
    """The same assessment under another file name is one, and team.json counts the copy."""
    first = sorted(thin_coach.glob("*.yaml"))[0]
    shutil.copy(first, thin_coach / "kopie.yaml")
    out = tmp_path / "out"
    result = runner.invoke(app, ["team", str(thin_coach), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "team.json").read_text(encoding="utf-8"))
    assert data["members"] == 4 and data["skipped_records"]["same_assessment_twice"] == 1
    assert "1 bestand met een meting die er al in zat niet meegeteld" in _squash(
        (out / "team.md").read_text(encoding="utf-8")
    )


@pytest.mark.parametrize(
    "variant",
    [
        "fenna  de Vries",
        "  FENNA DE VRIES ",
        "Fenna\u00a0de\tVries",  # a no-break space and a tab
        "\uff26enna de Vries",  # a full-width F (NFKC)
    ],
)
def test_a_name_is_one_person_whatever_its_case_spaces_or_unicode_form(variant: str) -> None:
    assert person_key(variant) == person_key("Fenna de Vries")


def test_composed_and_decomposed_letters_are_one_name() -> None:
    assert person_key("Ren\u00e9e Jansen") == person_key("Rene\u0301e jansen")
    assert person_key("Renée Jansen") != person_key("Rene Jansen")


def test_no_name_is_no_person() -> None:
    assert person_key(None) is None and person_key("") is None and person_key(" \t ") is None


def test_an_unknown_moment_counts_as_oldest() -> None:
    """Of one person's records, a scores.json without 'created' loses to one with it."""
    dated = Member(Path("b.json"), "Bo", {}, (1,), created=1.0e9)
    undated = Member(Path("a.json"), "bo", {}, (2,), created=None)
    kept, dropped = one_per_person([dated, undated])
    assert kept == (dated,) and dropped == ((undated, dated),)
