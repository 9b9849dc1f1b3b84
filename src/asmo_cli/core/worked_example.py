"""The computation of one role with her own numbers, for "Hoe is dit berekend?": which role
shows it best (a domain choice, so it lives here) and every number of the sum."""

from __future__ import annotations

from dataclasses import dataclass

from asmo_cli.core.catalogue import Catalogue, Role
from asmo_cli.core.result import Result
from asmo_cli.core.text import format_score, number


@dataclass(frozen=True)
class Example:
    """The computation of one role with her own numbers."""

    role: Role
    rows: tuple[tuple[str, str, str, str], ...]  # activity, stars, weight, stars × weight
    formula: str


def worked_example(catalogue: Catalogue, result: Result) -> Example | None:
    """Her own numbers for one role: the role with enough data that rests on the fewest rated
    activities (a short table that still adds up), else the scored role with the most."""
    parts_of: dict[str, list[tuple[str, float, float]]] = {r.id: [] for r in catalogue.roles}
    totals = dict.fromkeys(parts_of, 0.0)
    for feed in catalogue.feeds():
        if feed.role_id not in parts_of:
            continue
        totals[feed.role_id] += feed.weight
        value = result.ratings.get(feed.task.id, {}).get(feed.activity.id)
        if value is not None:
            parts_of[feed.role_id].append((feed.activity.name, float(value), feed.weight))
    scored = [r for r in result.scores.roles if parts_of[r.role_id]]
    if not scored:
        return None
    enough = [r for r in scored if r.enough_data]
    chosen = (
        min(enough, key=lambda r: len(parts_of[r.role_id]))
        if enough
        else max(scored, key=lambda r: len(parts_of[r.role_id]))
    )
    parts = parts_of[chosen.role_id]
    rows = tuple(
        (name, number(s, trim=True), number(w, trim=True), number(s * w, 2, trim=True))
        for name, s, w in parts
    )
    weight = sum(w for _, _, w in parts)
    total = totals[chosen.role_id]
    product = sum(s * w for _, s, w in parts)
    formula = (
        f"Score = {number(product, 2, trim=True)} / {number(weight, trim=True)} = "
        f"{format_score(chosen.score)}. Dekking = {number(weight, trim=True)} / "
        f"{number(total, trim=True)} = {chosen.coverage:.0%}."
    )
    return Example(catalogue.role(chosen.role_id), rows, formula)
