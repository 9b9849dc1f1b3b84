"""rapport.md against a golden file, and the shape of scores.json."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from asmo_cli.assessment import Record
from asmo_cli.catalogue import Catalogue
from asmo_cli.report import render_json, render_markdown, score_record

from .helpers import make_record

GOLDEN = Path(__file__).parent / "golden"


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
    text = render_markdown(
        catalogue,
        score_record(catalogue, record),
        score_record(catalogue, first),
    )
    golden = GOLDEN / "rapport.md"
    if os.environ.get("ASMO_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_scores_json_contract(catalogue: Catalogue) -> None:
    _, record = _fixed(catalogue)
    data = json.loads(render_json(catalogue, score_record(catalogue, record)))
    assert list(data) == ["assessment", "roles", "tasks"]
    assert list(data["assessment"]) == ["id", "name", "level", "created", "catalogue_version"]
    assert [r["id"] for r in data["roles"]] == [r.id for r in catalogue.roles]
    assert [t["id"] for t in data["tasks"]] == [t.id for t in catalogue.tasks]
    archief = next(t for t in data["tasks"] if t["id"] == "archief")
    assert archief == {"id": "archief", "name": "Archief", "score": 4.0, "rated": 2, "total": 3}
    untouched = next(t for t in data["tasks"] if t["id"] == "pr")
    assert untouched["score"] is None and untouched["rated"] == 0
