"""What the report and its PDF both say, as plain text: how the scores are computed (with a
worked example of her own numbers), why a role has too little data, and the comparison's
columns. Markdown and PDF only lay
it out (``md()`` for Markdown), so the two documents can never say different things."""

from __future__ import annotations

from dataclasses import dataclass

from asmo_cli.core.catalogue import Catalogue, Role
from asmo_cli.core.result import Result
from asmo_cli.core.scoring import MIN_RATED, RoleScore, area_to_add
from asmo_cli.core.text import RANKING_RULE, THIN, dates_nl, format_delta, format_score, number

STEPS = (
    "Elke activiteit telt mee voor een of meer rollen: met gewicht 1 voor de rol waarvoor zij de "
    "kern is (een kernactiviteit van die rol) en met 0,5 voor hoogstens twee rollen waaraan zij "
    "bijdraagt. Activiteiten met n.v.t. tellen niet mee.",
    "De score van een rol is het gewogen gemiddelde van je sterren op de activiteiten die "
    "meetellen: sterren maal gewicht, opgeteld, gedeeld door de som van de gewichten. Een "
    "werkzaamheid waarin je meer activiteiten beoordeelde, telt dus zwaarder.",
    "De dekking is de som van de gewichten van je beoordeelde activiteiten, gedeeld door de som "
    "van alle gewichten van de rol.",
    "Een rol heeft genoeg gegevens bij minstens een derde dekking en minstens "
    f"{MIN_RATED} beoordeelde activiteiten die meetellen, waarvan één kernactiviteit. Anders "
    f"staat er '{THIN}', met de reden: in het spindiagram is zo'n rol een open punt buiten de "
    "gekleurde vorm, met een grijze naam.",
    RANKING_RULE,
)


def thin_line(result: Result, catalogue: Catalogue | None = None) -> str | None:
    """The line that names every role with too little data, each with its reason (and, given
    the catalogue, the area not chosen that holds most of the role's core activities)."""
    if not result.thin:
        return None
    parts = []
    for role in result.thin:
        area = area_to_add(catalogue, result.ratings, role.role_id) if catalogue else None
        extra = f"; doe je ook {area.name}, kies die dan ook" if area else ""
        parts.append(f"{role.name} ({role.thin_reason}{extra})")
    return f"Niet meegeteld, want {THIN}: {'; '.join(parts)}."


def coverage_text(role: RoleScore) -> str:
    """The coverage as shown in the score tables, with the thin mark where it applies."""
    if role.score is not None and not role.enough_data:
        return f"{role.coverage:.0%} ({THIN})"
    return f"{role.coverage:.0%}"


def compared_heading(result: Result) -> str | None:
    """The heading of the comparison column: the difference, or (across a change of what the
    stars mean) the earlier score itself; None without a comparison."""
    comparison = result.comparison
    if comparison is None:
        return None
    then = dates_nl([comparison.earlier.created, result.record.created])[0]
    return f"Score op {then}" if comparison.scale_changed else f"Verschil sinds {then}"


def compared_cell(result: Result, role_id: str) -> str:
    comparison = result.comparison
    assert comparison is not None
    if comparison.scale_changed:
        earlier = comparison.scores.role(role_id)
        if earlier is None or earlier.score is None:
            return format_score(None)
        return format_score(earlier.score) + ("" if earlier.enough_data else f" ({THIN})")
    return format_delta(comparison.deltas.get(role_id)) or "–"


def compared_note(result: Result) -> str | None:
    comparison = result.comparison
    if comparison is None:
        return None
    if comparison.scale_changed:
        return (
            "De twee metingen staan naast elkaar, zonder verschil: de sterren betekenden toen "
            "iets anders."
        )
    return "Een verschil staat er alleen als de rol in beide metingen genoeg gegevens heeft."


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
