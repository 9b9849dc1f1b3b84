"""Sentences the report shares between its formats and the screen: how the scores are
computed, why a role has too little data, and the comparison's columns (the worked example
of her own numbers is computed in ``core/worked_example.py``)."""

from __future__ import annotations

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.result import Result
from asmo_cli.core.scoring import MIN_RATED, RoleScore, area_to_add
from asmo_cli.core.text import (
    RANKING_RULE,
    THIN,
    dates_nl,
    format_delta,
    format_score,
    percent,
)

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
    f"staat er '{THIN}', met de reden: in het spindiagram is zo'n score een open punt (in de "
    "kleur en vorm van zijn lijn), waar de lijn is onderbroken, en de rol een grijze naam; in "
    "de scores op volgorde staat zo'n rol onderaan.",
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
        return f"{percent(role.coverage)} ({THIN})"
    return percent(role.coverage)


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
