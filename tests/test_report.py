"""rapport.md and scores.json against golden files, for records at the edges of the ranking.

Regenerate the goldens with ``ASMO_UPDATE_GOLDEN=1`` after a deliberate change, and read the
diff before committing it.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import Record
from asmo_cli.core.result import NoRanking, compute_result, rank
from asmo_cli.core.scoring import RoleScore, Scores
from asmo_cli.render.markdown import render_markdown
from asmo_cli.render.scores import render_json

from .helpers import edge_records, make_record

GOLDEN = Path(__file__).parent / "golden"
EDGES = ["gelijk", "klein", "dun-hoog", "nvt", "vergelijking"]


def _check_golden(path: Path, text: str) -> None:
    if os.environ.get("ASMO_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{path} is out of date"


def _fixed(catalogue: Catalogue) -> tuple[Record, Record]:
    first = make_record(catalogue, datetime(2025, 3, 14, 9, 30), stars=2, save=False)
    record = make_record(catalogue, datetime(2026, 3, 14, 9, 30), stars=3, save=False)
    ratings = {t: dict(a) for t, a in record.ratings.items()}
    ratings["archief"]["archief-beheren"] = 5
    ratings["archief"]["bewaartermijnen-bewaken"] = None
    ratings["scholing"]["kennissessies-geven"] = 1
    ratings["beleidsvoorbereiding"] = {
        a.id: 4 for a in catalogue.task("beleidsvoorbereiding").activities
    }
    return first, replace(record, ratings=ratings)


def test_markdown_matches_golden_file(catalogue: Catalogue) -> None:
    first, record = _fixed(catalogue)
    text = render_markdown(catalogue, compute_result(catalogue, record, first))
    _check_golden(GOLDEN / "rapport.md", text)


@pytest.mark.parametrize("edge", EDGES)
def test_edge_record_goldens(catalogue: Catalogue, edge: str) -> None:
    """Each edge record's rapport.md and scores.json, byte for byte."""
    record, earlier = edge_records(catalogue)[edge]
    result = compute_result(catalogue, record, earlier)
    _check_golden(GOLDEN / edge / "rapport.md", render_markdown(catalogue, result))
    _check_golden(GOLDEN / edge / "scores.json", render_json(result))


def test_scores_json_contract(catalogue: Catalogue) -> None:
    _, record = _fixed(catalogue)
    data = json.loads(render_json(compute_result(catalogue, record)))
    assert list(data) == [
        "format_version", "assessment", "roles", "strongest", "to_develop", "no_ranking", "tasks",
    ]  # fmt: skip
    assert data["format_version"] == 2
    assert list(data["assessment"]) == ["id", "name", "level", "created", "catalogue_version"]
    assert [r["id"] for r in data["roles"]] == [r.id for r in catalogue.roles]
    assert all(list(r) == ["id", "name", "score", "coverage", "enough_data"] for r in data["roles"])
    assert [t["id"] for t in data["tasks"]] == [t.id for t in catalogue.tasks]
    archief = next(t for t in data["tasks"] if t["id"] == "archief")
    assert archief == {"id": "archief", "name": "Archief", "score": 4.0, "rated": 2, "total": 3}
    untouched = next(t for t in data["tasks"] if t["id"] == "pr")
    assert untouched["score"] is None and untouched["rated"] == 0


def test_scores_json_comparison_block(catalogue: Catalogue) -> None:
    """Kenner by hand (weights: informatievoorziening 1, beleidsvoorbereiding, reglement and
    archief 0,5): now (3,0·1 + 2,6·0,5 + 3,0·0,5 + 3,0·0,5) / 2,5 = 2,92 → 2,9; a year
    earlier (2,0 + 1,6·0,5 + 2,0·0,5 + 3,0·0,5) / 2,5 = 2,12 → 2,1; the delta as shown +0,8.
    """
    record, earlier = edge_records(catalogue)["vergelijking"]
    assert earlier is not None
    data = json.loads(render_json(compute_result(catalogue, record, earlier)))
    block = data["comparison"]
    assert block["id"] == earlier.id
    assert set(block["deltas"]) == {r.id for r in catalogue.roles}
    assert block["deltas"]["coach"] is None, "no delta for a role without enough data"
    assert block["deltas"]["kenner"] == pytest.approx(0.8)


def _scores(values: list[tuple[float | None, float]]) -> Scores:
    roles = tuple(RoleScore(f"r{i}", f"Rol {i}", s, c) for i, (s, c) in enumerate(values))
    return Scores((), roles)


def test_ranking_rule_by_hand() -> None:
    """n = 5 roles with enough data → k = 2; thin and n.v.t. roles never take part."""
    ranking = rank(
        _scores([(4.0, 1), (3.0, 1), (5.0, 0.2), (2.5, 0.5), (3.5, 0.5), (None, 0), (4.0, 0.9)])
    )
    assert [r.role_id for r in ranking.strongest] == ["r0", "r6"]  # tie: more coverage first
    assert [r.role_id for r in ranking.to_develop] == ["r3", "r1"]  # lowest first
    assert ranking.no_ranking is None


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ([(4.0, 1), (2.0, 0.2), (5.0, 0.3)], NoRanking.TOO_FEW),
        ([(3.0, 1), (3.2, 1), (3.1, 1), (3.24, 0.4)], NoRanking.CLOSE),
        ([(None, 0), (None, 0)], NoRanking.TOO_FEW),
    ],
)
def test_no_ranking_and_why(values: list[tuple[float | None, float]], reason: NoRanking) -> None:
    ranking = rank(_scores(values))
    assert (ranking.strongest, ranking.to_develop, ranking.no_ranking) == ((), (), reason)


def test_two_roles_give_one_each() -> None:
    ranking = rank(_scores([(4.0, 1), (3.0, 0.5)]))
    assert [r.role_id for r in ranking.strongest] == ["r0"]
    assert [r.role_id for r in ranking.to_develop] == ["r1"]
