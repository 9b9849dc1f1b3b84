"""Test helpers: complete records with chosen dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from asmo_cli import store
from asmo_cli.assessment import Record, with_ratings
from asmo_cli.catalogue import Catalogue
from asmo_cli.session import new_record


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
        store.save_record(record)
    return record


def temp_files(folder: Path) -> list[Path]:
    """Return every temporary file asmo might have left anywhere under ``folder``."""
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp") or p.parent.name == ".tmp"]
