"""Test helpers: complete records with chosen dates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import RatingMap, Record, new_record, with_ratings
from asmo_cli.storage import store


def make_record(
    catalogue: Catalogue,
    when: datetime,
    stars: int = 3,
    *,
    name: str | None = "Sam de Vries",
    level: str | None = "beleidsmedewerker",
    tasks: tuple[str, ...] = ("correspondentie", "archief", "overlegvergaderingen", "scholing"),
    save: bool = True,
) -> Record:
    """Return (and save) a complete record rating every activity of ``tasks`` with ``stars``."""
    ratings: dict[str, dict[str, int | None]] = {
        t: {a.id: stars for a in catalogue.task(t).activities} for t in tasks
    }
    created = when.astimezone()
    record = replace(new_record(catalogue, name, level), id=created.strftime("%Y%m%d-%H%M%S"))
    record = replace(with_ratings(record, ratings, catalogue), created=created, updated=created)
    if save:
        record = replace(record, source=str(store.save_record(record)))
    return record


def temp_files(folder: Path) -> list[Path]:
    """Return every temporary file asmo might have left anywhere under ``folder``."""
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp") or p.parent.name == ".tmp"]


def rated(catalogue: Catalogue, stars: Mapping[str, int | list[int | None]]) -> RatingMap:
    """Return ratings: per area one number for every activity, or a list, one per activity."""
    result: RatingMap = {}
    for task_id, given in stars.items():
        activities = catalogue.task(task_id).activities
        values = given if isinstance(given, list) else [given] * len(activities)
        result[task_id] = {a.id: v for a, v in zip(activities, values, strict=True)}
    return result


def record_with(
    catalogue: Catalogue,
    when: datetime,
    ratings: RatingMap,
    *,
    name: str | None = "Sam de Vries",
    level: str | None = "beleidsmedewerker",
) -> Record:
    """Return a complete, unsaved record with these ratings, created at ``when``."""
    created = when.astimezone()
    record = replace(new_record(catalogue, name, level), id=created.strftime("%Y%m%d-%H%M%S"))
    return replace(with_ratings(record, ratings, catalogue), created=created, updated=created)


def edge_records(catalogue: Catalogue) -> dict[str, tuple[Record, Record | None]]:
    """Records at the edges of the ranking, each with the record it is compared with (if any).

    - gelijk: every role 3,0 (scores close: no ranking).
    - klein: two small areas only; one role with enough data (too few roles: no ranking).
    - dun-hoog: the shipped example, where Coach (3,3) and Trainer rest on too little.
    - nvt: five areas; two roles n.v.t., five thin, one with enough data (no ranking).
    - vergelijking: the shipped example against a year earlier.
    """
    from tools.examples import earlier_record, example_record

    when = datetime(2026, 3, 14, 9, 30)
    every = {t.id: 3 for t in catalogue.tasks}
    small = rated(catalogue, {"archief": 4, "reglement": [4, 5, 4]})
    nvt = rated(
        catalogue,
        {
            "correspondentie": [4, 4, 5, 3],
            "postbehandeling": [5, 5, 4, 4],
            "archief": [2, 3, 4],
            "digitale-communicatie": [3, 3, 2, None],
            "pr": [2, 3, 2, 3],
        },
    )
    example = example_record(catalogue)
    return {
        "gelijk": (record_with(catalogue, when, rated(catalogue, every)), None),
        "klein": (record_with(catalogue, when, small, name=None, level=None), None),
        "dun-hoog": (example, None),
        "nvt": (record_with(catalogue, when, nvt, level="administratief"), None),
        "vergelijking": (example, earlier_record(catalogue)),
    }
