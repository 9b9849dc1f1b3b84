"""Team speed: aggregating N records against just parsing the same files, in one run.

For 250, 500 and 1,000 records: ``collect`` + ``summarise`` of ``asmo team`` (read, check,
score, aggregate; the chart and files are written once and are not part of it) against
reading every file with the same YAML loader. The ratio must stay at most 2, and the time
per record must stay flat (linear growth).

Run: .venv/bin/python bench/team.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from asmo_cli.api.teams import collect
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import new_record, with_ratings
from asmo_cli.core.team import summarise
from asmo_cli.storage.catalogue import load_catalogue
from asmo_cli.storage.paths import default_data_dir
from asmo_cli.storage.records import record_to_yaml
from asmo_cli.storage.yamlio import read_yaml

SIZES = (250, 500, 1000)


def make_records(catalogue: Catalogue, folder: Path, count: int) -> list[Path]:
    rng = random.Random(7)
    start = datetime(2026, 1, 1, 9, 0).astimezone()
    paths = []
    for i in range(count):
        tasks = rng.sample([t.id for t in catalogue.tasks], rng.randint(6, 20))
        ratings: dict[str, dict[str, int | None]] = {
            t: {a.id: rng.choice([1, 2, 3, 4, 5, None]) for a in catalogue.task(t).activities}
            for t in tasks
        }
        created = start + timedelta(minutes=i)
        record = replace(new_record(catalogue, f"Lid {i}"), id=created.strftime("%Y%m%d-%H%M%S"))
        record = with_ratings(replace(record, created=created), ratings, catalogue)
        path = folder / f"{record.id}.yaml"
        path.write_text(record_to_yaml(record), encoding="utf-8")
        paths.append(path)
    return paths


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        action()
        times.append(time.perf_counter() - begin)
    return min(times)


def main() -> int:
    catalogue = load_catalogue(default_data_dir())
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_records(catalogue, Path(tmp), max(SIZES))
        print(
            f"{'leden':>6} {'alleen lezen':>13} {'asmo team':>10} {'verhouding':>11} {'per lid':>9}"
        )
        for size in SIZES:
            subset = paths[:size]

            def parse(files: list[Path] = subset) -> object:
                return [read_yaml(p) for p in files]

            def aggregate(files: list[Path] = subset) -> object:
                return summarise(catalogue, collect(catalogue, files).members)

            parse_s, team_s = float("inf"), float("inf")
            for _ in range(5):  # interleave, so that machine load hits both sides alike
                parse_s = min(parse_s, best_of(1, parse))
                team_s = min(team_s, best_of(1, aggregate))
            ratio = team_s / parse_s
            ok = ok and ratio <= 2.0
            print(
                f"{size:>6} {parse_s * 1000:>10.0f} ms {team_s * 1000:>7.0f} ms {ratio:>11.2f} "
                f"{team_s / size * 1e6:>6.0f} µs"
            )
    print("ok" if ok else "TE TRAAG: meer dan 2 keer alleen lezen")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
