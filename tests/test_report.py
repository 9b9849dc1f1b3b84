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
        "format_version",
        "assessment",
        "roles",
        "strongest",
        "to_develop",
        "to_develop_reason",
        "no_ranking",
        "tasks",
    ]
    assert data["format_version"] == 2
    assert list(data["assessment"]) == [
        "id",
        "name",
        "level",
        "council",
        "created",
        "catalogue_version",
    ]
    assert data["assessment"]["council"] == "other"  # a record without one: the neutral words
    assert [r["id"] for r in data["roles"]] == [r.id for r in catalogue.roles]
    keys = ["id", "name", "score", "coverage", "enough_data", "rated", "core_rated", "thin_reason"]
    assert all(list(r) == keys for r in data["roles"])
    for role in data["roles"]:
        assert (role["thin_reason"] is None) == (role["enough_data"] or role["score"] is None)
    assert [t["id"] for t in data["tasks"]] == [t.id for t in catalogue.tasks]
    archief = next(t for t in data["tasks"] if t["id"] == "archief")
    assert archief == {"id": "archief", "name": "Archief", "score": 4.0, "rated": 2, "total": 3}
    untouched = next(t for t in data["tasks"] if t["id"] == "pr")
    assert untouched["score"] is None and untouched["rated"] == 0


def test_scores_json_comparison_block(catalogue: Catalogue) -> None:
    """Kenner by hand, per activity. Core (1): wetgeving-informeren, dossiers-bijhouden,
    reglement-toetsen, archief-beheren, overdrachtsdossier; 0,5: naleving-bewaken,
    ontwikkelingen-signaleren, informatie-opvragen, aanvragen-analyseren, reglement-opstellen,
    bewaartermijnen-bewaken. Now (2+3+2+4+2 + 0,5·(3+3+4+3+3+3)) / (5 + 3) = 22,5 / 8 = 2,81
    → 2,8; a year earlier (1+2+1+4+2 + 0,5·(2+2+3+2+2+3)) / 8 = 17 / 8 = 2,125 → 2,1; the
    delta as shown +0,7.
    """
    record, earlier = edge_records(catalogue)["vergelijking"]
    assert earlier is not None
    data = json.loads(render_json(compute_result(catalogue, record, earlier)))
    block = data["comparison"]
    assert block["id"] == earlier.id
    assert set(block["deltas"]) == {r.id for r in catalogue.roles}
    assert block["deltas"]["coach"] is None, "no delta for a role without enough data"
    assert block["deltas"]["kenner"] == pytest.approx(0.7)
    assert block["scale_changed"] is False and block["catalogue_version"] == "2026.3"


def _scores(values: list[tuple[float | None, float]]) -> Scores:
    roles = tuple(RoleScore(f"r{i}", f"Rol {i}", s, c, 3, 1) for i, (s, c) in enumerate(values))
    return Scores((), roles)


def test_ranking_rule_by_hand() -> None:
    """n = 5 roles with enough data → k = 2; thin and n.v.t. roles never take part. Without a
    level the gap is to her own mean (4 + 3 + 2,5 + 3,5 + 4) / 5 = 3,4: of the lowest two, r3
    (2,5) is 0,9 below it, r1 (3,0) only 0,4, so only r3 is to develop."""
    ranking = rank(
        _scores([(4.0, 1), (3.0, 1), (5.0, 0.2), (2.5, 0.5), (3.5, 0.5), (None, 0), (4.0, 0.9)])
    )
    assert [r.role_id for r in ranking.strongest] == ["r0", "r6"]  # tie: more coverage first
    assert [r.role_id for r in ranking.to_develop] == ["r3"]
    assert ranking.no_ranking is None and ranking.no_gap is None
    # what it is below is said with it, wherever it is named
    assert ranking.develop_label(ranking.to_develop[0]) == "Rol 3 (2,5; je gemiddelde 3,4)"


def test_to_develop_needs_a_gap_to_the_own_level() -> None:
    """With a level, the gap is to its target profile, inclusive at 0,5: r1 3,0 against a
    target of 3,5 is to develop, r3 2,5 against 2,8 is not; with no gap at all, the list is
    empty and says why."""
    from asmo_cli.core.catalogue import Level

    scores = _scores([(4.0, 1), (3.0, 1), (2.5, 1), (4.5, 1)])
    level = Level("niveau", "Niveau", "", {"r0": 4.0, "r1": 3.5, "r2": 2.8, "r3": 4.0})
    ranking = rank(scores, level)
    assert [r.role_id for r in ranking.strongest] == ["r3", "r0"]
    assert [r.role_id for r in ranking.to_develop] == ["r1"]
    assert ranking.develop_label(ranking.to_develop[0]) == "Rol 1 (3,0; profiel 3,5)"
    low = Level("laag", "Laag", "", {"r0": 3.0, "r1": 3.0, "r2": 2.5, "r3": 3.0})
    flat = rank(scores, low)
    assert flat.to_develop == () and flat.strongest and flat.no_ranking is None
    assert flat.no_gap is not None and "profiel van je niveau (Laag)" in flat.no_gap
    # the role nearest to its profile is named with that profile, not as a gap: r1 3,0 against
    # 3,0 (margin 0) before r2 2,5 against 2,5 (margin 0 too: catalogue order decides)
    assert "Het dichtst bij het profiel: Rol 1 (3,0; profiel 3,0)." in flat.no_gap
    high = rank(_scores([(4.4, 1), (4.0, 1), (3.95, 1), (4.3, 1)]))
    assert high.to_develop == () and high.no_gap is not None
    assert "dicht bij je eigen gemiddelde (4,2)" in high.no_gap
    assert "Relatief het laagst: Rol 2 (4,0)." in high.no_gap


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
