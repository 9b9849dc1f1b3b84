"""The development plan as a POP document: focus roles, each competency once, no basics."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.ambition import LEVEL, Ambition
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.plan import MAX_FOCUS, MIN_GAP, make_plan
from asmo_cli.core.result import compute_result
from asmo_cli.render.plan_content import render_plan

from .helpers import edge_records, make_record

EDGES = ["gelijk", "klein", "dun-hoog", "nvt", "vergelijking"]
SECTIONS = [
    "## Mijn ambitie",
    "**Feedback van mijn voorzitter**",
    "### Afspraken en wat ik nodig heb",
    "**Evaluatie op: ",
    "| Akkoord met de afspraken in dit plan | Naam | Datum | Handtekening |",
]


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^##+ {heading}\n(.*?)(?=^##+ |\Z)", text, re.S | re.M)
    return match.group(1) if match else ""


@pytest.mark.parametrize("edge", EDGES)
@pytest.mark.parametrize("target", ["administratief", "beleidsmedewerker", "adviseur"])
def test_plan_rules_on_edge_records(catalogue: Catalogue, edge: str, target: str) -> None:
    """At most three focus roles, all with enough data and a gap of 0,5 or more; each
    competency once; no basic competency to develop; the five fill-in sections."""
    record, _ = edge_records(catalogue)[edge]
    result = compute_result(catalogue, record)
    plan = make_plan(catalogue, result, Ambition(LEVEL, level=target))
    assert plan.target == catalogue.level(target)
    assert len(plan.focus) <= MAX_FOCUS
    for gap in plan.focus:
        score = result.role(gap.role.id)
        assert score is not None and score.enough_data
        assert round(gap.size, 1) >= MIN_GAP - 1e-9
    sizes = [g.size for g in plan.focus]
    assert sizes == sorted(sizes, reverse=True)
    text = render_plan(catalogue, plan)
    listed = re.findall(
        r"^- \*\*(.+?) \(", _section(text, "Competenties die mijn doelen vragen"), re.M
    )
    assert len(listed) == len(set(listed)), "a competency appears twice"
    basic = {c.name for c in catalogue.competencies if c.basic}
    assert not basic & set(listed), "a basic competency is listed to develop"
    for heading in SECTIONS:
        assert heading in text
    activities = re.findall(r"^- \*\*(.+?)\*\*", _section(text, "Wat ik nog meer kan doen"), re.M)
    steps = [g.step.name for g in plan.goals if g.step is not None]
    activities = (
        [a.split(": ", 1)[1] for a in activities] + steps + [a.name for a in plan.deepening]
    )
    assert len(activities) == len(set(activities)), "an activity is proposed twice"


def test_level_text_only_where_it_differs(catalogue: Catalogue) -> None:
    """Current level = target level: no competency carries a level text."""
    record, _ = edge_records(catalogue)["dun-hoog"]
    result = compute_result(catalogue, replace(record, level="adviseur"))
    plan = make_plan(catalogue, result)
    assert plan.target == catalogue.level("adviseur")
    assert all(item.target_text is None for item in plan.competencies)


def test_shipped_example_plan(catalogue: Catalogue) -> None:
    """The shipped example: under 120 lines, focus roles never thin (Coach, Trainer,
    Verbinder), which the plan names with the reason."""
    from tools.examples import ROOT

    text = (ROOT / "docs" / "voorbeeld" / "ontwikkelplan.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) < 120
    roles = _section(text, "Mijn rollen: rapport en plan naast elkaar")
    for name in ("Coach", "Trainer"):
        row = next(line for line in roles.splitlines() if line.startswith(f"| {name} |"))
        assert row.endswith("| te weinig ingevuld |"), row
    assert (
        "Te weinig ingevuld om te beoordelen (tussen haakjes): Coach, Trainer, Verbinder; wat er "
        "ontbreekt, zegt mijn rapport per rol."
    ) in text
    assert "officiële VASMO-assessment" in text


def test_ambition_fills_the_first_section(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    record = make_record(catalogue, datetime(2026, 2, 1, 10, 0), stars=2, level="administratief")
    out = tmp_path / "plan"
    ambition = "Over twee jaar adviseur medezeggenschap zijn | met *eigen* dossiers"
    result = runner.invoke(app, ["plan", record.id, "--ambition", ambition, "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "ontwikkelplan.md").read_text(encoding="utf-8")
    section = _section(text, "Mijn ambitie")
    assert "Over twee jaar adviseur medezeggenschap zijn \\| met \\*eigen\\* dossiers" in section


def test_record_of_an_older_questionnaire(
    runner: CliRunner, catalogue: Catalogue, home: Path, tmp_path: Path
) -> None:
    """A record made with questionnaire 2026.1 still loads, stays complete and reports; the
    activity added since counts as not rated, and the report says the versions differ."""
    old_activities = [
        "agenda-opstellen",
        "stukken-verzenden",
        "voorzitter-voorbereiden",
        "notuleren",
        "besluiten-vastleggen",
    ]
    assert catalogue.tasks_version != "2026.1"
    folder = home / "assessments"
    folder.mkdir(parents=True)
    ratings = "".join(f"    {a}: 4\n" for a in old_activities)
    (folder / "20260101-090000.yaml").write_text(
        "format_version: 2\ncatalogue_version: '2026.1'\n"
        "created: '2026-01-01T09:00:00+01:00'\nupdated: '2026-01-01T09:30:00+01:00'\n"
        f"status: complete\nratings:\n  overlegvergaderingen:\n{ratings}",
        encoding="utf-8",
    )
    history = runner.invoke(app, ["history"])
    assert history.exit_code == 0 and "afgerond" in history.output
    out = tmp_path / "rapport"
    result = runner.invoke(app, ["report", "20260101-090000", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "rapport.md").read_text(encoding="utf-8")
    assert f"| Versie vragenlijst | 2026.1 (de vragenlijst is nu {catalogue.tasks_version}" in text
    assert "| Het verslag laten vaststellen en verspreiden | niet ingevuld |" in text
    assert "### MZO-overlegvergaderingen (gemiddeld 4,0)" in text


def test_coach_does_not_rise_on_meetings(catalogue: Catalogue) -> None:
    """All of the meetings at five stars: only preparing the chair (core) and the agenda (0,5)
    are coaching, so Coach has a score on two answers, too little to rank. A pure minute-taker
    (papers, minutes, decisions, report) has no Coach and no Beleidsadviseur score at all."""
    record, _ = edge_records(catalogue)["dun-hoog"]
    activities = catalogue.task("overlegvergaderingen").activities
    meetings: dict[str, dict[str, int | None]] = {
        "overlegvergaderingen": {a.id: 5 for a in activities}
    }
    result = compute_result(catalogue, replace(record, ratings=meetings))
    coach = result.role("coach")
    assert coach is not None and coach.score == 5.0 and (coach.rated, coach.core) == (2, 1)
    assert not coach.enough_data and coach not in result.ranking.strongest
    minutes = ["stukken-verzenden", "notuleren", "besluiten-vastleggen"]
    minutes.append("verslag-vaststellen-verspreiden")
    taker: dict[str, dict[str, int | None]] = {"overlegvergaderingen": dict.fromkeys(minutes, 5)}
    result = compute_result(catalogue, replace(record, ratings=taker))
    for role_id in ("coach", "beleidsadviseur"):
        score = result.role(role_id)
        assert score is not None and score.score is None, role_id
