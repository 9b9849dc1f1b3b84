"""One result: the terminal, rapport.md and scores.json name the same roles, through the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import Record
from asmo_cli.core.result import NoRanking, compute_result
from asmo_cli.core.text import STRONGEST, TO_DEVELOP

from .helpers import edge_records

EDGES = ["gelijk", "klein", "dun-hoog", "nvt", "vergelijking"]


def _answers(record: Record, path: Path) -> Path:
    data = {"name": record.name, "level": record.level, "ratings": record.ratings}
    path.write_text(yaml.safe_dump({k: v for k, v in data.items() if v}), encoding="utf-8")
    return path


def _names_in(text: str, catalogue: Catalogue) -> list[str]:
    """Return the ids of the roles named in ``text``, in the order they appear."""
    found = [(text.find(r.name), r.id) for r in catalogue.roles if r.name in text]
    return [role_id for _, role_id in sorted(found)]


def _terminal_lists(output: str, catalogue: Catalogue) -> tuple[list[str], list[str]]:
    flat = " ".join(output.split())
    strong = re.search(rf"{STRONGEST}: (.*?) {TO_DEVELOP}:", flat)
    develop = re.search(rf"{TO_DEVELOP}: (.*?)(?: Niet meegeteld| Je meting is bewaard|$)", flat)
    return (
        _names_in(strong.group(1), catalogue) if strong else [],
        _names_in(develop.group(1), catalogue) if develop else [],
    )


def _markdown_lists(text: str, catalogue: Catalogue) -> tuple[list[str], list[str]]:
    strong = re.search(r"## Je sterkste rollen\n\n(.*?)\n\n", text, re.S)
    develop = re.search(rf"## {TO_DEVELOP}\n\n(.*?)\n## ", text, re.S)
    headings = re.findall(r"^### (.*) \(", develop.group(1), re.M) if develop else []
    return (
        _names_in(strong.group(1), catalogue) if strong else [],
        [r.id for name in headings for r in catalogue.roles if r.name == name],
    )


@pytest.mark.parametrize("edge", EDGES)
def test_every_output_names_the_same_roles(
    edge: str, runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """assess (terminal), rapport.md and scores.json agree, and no thin role is named."""
    record, earlier = edge_records(catalogue)[edge]
    if earlier is not None:
        first = runner.invoke(app, ["assess", "--answers", str(_answers(earlier, tmp_path / "e"))])
        assert first.exit_code == 0, first.output
    result = runner.invoke(app, ["assess", "--answers", str(_answers(record, tmp_path / "a"))])
    assert result.exit_code == 0, result.output
    terminal = _terminal_lists(result.output, catalogue)

    out = tmp_path / "rapport"
    args = ["report", "--out", str(out)] + (["--previous"] if earlier else [])
    report = runner.invoke(app, args)
    assert report.exit_code == 0, report.output
    markdown = _markdown_lists((out / "rapport.md").read_text(encoding="utf-8"), catalogue)
    data = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    from_json = (data["strongest"], data["to_develop"])

    assert terminal == markdown == from_json
    expected = compute_result(catalogue, record).ranking
    assert from_json == (
        [r.role_id for r in expected.strongest],
        [r.role_id for r in expected.to_develop],
    )
    thin = {r["id"] for r in data["roles"] if not r["enough_data"]}
    assert not thin & (set(from_json[0]) | set(from_json[1]))
    if expected.no_ranking is not None:
        too_few = expected.no_ranking is NoRanking.TOO_FEW
        reason = "te weinig rollen met genoeg gegevens" if too_few else "dicht bij elkaar"
        assert reason in " ".join(result.output.split())
        assert reason in (out / "rapport.md").read_text(encoding="utf-8")
        assert data["no_ranking"] == expected.no_ranking.value
    if earlier is not None:
        assert data["comparison"]["deltas"]["coach"] is None


def test_thin_role_is_marked_in_the_terminal(runner: CliRunner, catalogue: Catalogue) -> None:
    """The shipped example: Trainer 2,5 on two answers at 11% is marked thin, with the reason,
    and named nowhere as strong or to develop."""
    from tools.examples import ANSWERS

    result = runner.invoke(app, ["assess", "--answers", str(ANSWERS)])
    assert result.exit_code == 0, result.output
    trainer = next(line for line in result.output.splitlines() if "Trainer" in line)
    assert "11% (te weinig ingevuld)" in trainer
    flat = " ".join(result.output.split())
    assert (
        "Trainer (2 activiteiten beoordeeld; minstens 3 nodig, waarvan één kernactiviteit; "
        "doe je ook Scholing MZO, kies die dan ook)" in flat
    )
    lines = result.output.splitlines()
    named = [line for line in lines if line.startswith((STRONGEST, "Rollen om verder"))]
    assert named and not any("Trainer" in line or "Coach" in line for line in named)
