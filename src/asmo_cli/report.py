"""The report of one assessment: the scored context, ``rapport.md`` and ``scores.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from asmo_cli.assessment import RatingMap, Record, known_ratings
from asmo_cli.catalogue import Catalogue, Role
from asmo_cli.scoring import RoleScore, Scores, score_assessment
from asmo_cli.text import format_score, md, number, stars
from asmo_cli.views import format_change


@dataclass(frozen=True)
class Scored:
    """One record with the ratings the catalogue knows and their scores."""

    record: Record
    ratings: RatingMap
    scores: Scores
    warnings: tuple[str, ...]


def score_record(catalogue: Catalogue, record: Record) -> Scored:
    """Score a record against the catalogue, keeping a warning for every unknown id."""
    ratings, warnings = known_ratings(record, catalogue)
    return Scored(record, ratings, score_assessment(catalogue, ratings), tuple(warnings))


def date_nl(record: Record) -> str:
    return record.created.strftime("%d-%m-%Y")


def level_name(catalogue: Catalogue, record: Record) -> str:
    if not record.level:
        return "niet opgegeven"
    level = catalogue.level(record.level)
    return level.name if level else record.level


def split_ranked(scores: Scores) -> tuple[list[RoleScore], list[RoleScore]]:
    """Return the (up to) three strongest and three weakest ranked roles, without overlap."""
    ranked = scores.ranked()
    count = min(3, len(ranked) // 2) or len(ranked)
    strongest = ranked[:count]
    weakest = [r for r in ranked[::-1][:count] if r not in strongest]
    return strongest, weakest


# --- scores.json ----------------------------------------------------------------------------


def render_json(catalogue: Catalogue, scored: Scored) -> str:
    """Return scores.json: the assessment, the roles and the tasks, in catalogue order."""
    record = scored.record
    data: dict[str, Any] = {
        "assessment": {
            "id": record.id,
            "name": record.name,
            "level": record.level,
            "created": record.created.isoformat(),
            "catalogue_version": record.catalogue_version,
        },
        "roles": [
            {"id": r.role_id, "name": r.name, "score": r.score, "coverage": r.coverage}
            for r in scored.scores.roles
        ],
        "tasks": [
            {"id": t.task_id, "name": t.name, "score": t.score, "rated": t.rated, "total": t.total}
            for t in scored.scores.tasks
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# --- rapport.md -----------------------------------------------------------------------------


def render_markdown(
    catalogue: Catalogue,
    scored: Scored,
    compare: Scored | None = None,
    *,
    image: str | None = "radar.png",
) -> str:
    """Return the Dutch Markdown report of one assessment."""
    record = scored.record
    lines: list[str] = []
    title = "Zelfassessment ambtelijk secretaris"
    lines += [f"# {title}" + (f": {md(record.name)}" if record.name else ""), ""]
    lines += [
        "| | |",
        "|---|---|",
        f"| Naam | {md(record.name) if record.name else 'niet opgegeven'} |",
        f"| Datum | {date_nl(record)} |",
        f"| Functieniveau | {md(level_name(catalogue, record))} |",
        f"| Meting | {md(record.id)} |",
        f"| Catalogus | taken {md(catalogue.tasks_version)}, "
        f"rollen {md(catalogue.roles_version)} |",
    ]
    if compare:
        lines.append(
            f"| Vergeleken met | meting {md(compare.record.id)} van {date_nl(compare.record)} |"
        )
    lines.append("")
    for warning in scored.warnings:
        lines += [f"> Let op: {md(warning)}", ""]
    if image:
        lines += [f"![Spindiagram van je scores op de rollen]({image})", ""]
    lines += _role_table(scored, compare)
    lines += _strengths(catalogue, scored.scores)
    lines += _answers(catalogue, scored)
    lines += _explanation(catalogue, scored)
    return "\n".join(lines).rstrip() + "\n"


def _role_table(scored: Scored, compare: Scored | None) -> list[str]:
    lines = ["## Scores per rol", ""]
    header = "| Rol | Score | | Dekking |"
    rule = "|---|---:|---|---:|"
    if compare:
        header += f" Verschil sinds {date_nl(compare.record)} |"
        rule += "---:|"
    lines += [header, rule]
    for role in scored.scores.roles:
        bar = stars(role.score) if role.score is not None else ""
        row = f"| {md(role.name)} | {format_score(role.score)} | {bar} | {role.coverage:.0%} |"
        if compare:
            row += f" {format_change(compare.scores.role(role.role_id), role) or '–'} |"
        lines.append(row)
    lines += [
        "",
        "Score: 1 tot 5, gewogen over de werkzaamheden die je gekozen hebt. Dekking: welk deel "
        "van het gewicht van de rol door je gekozen werkzaamheden wordt gedekt. n.v.t.: geen "
        "van je werkzaamheden telt mee voor deze rol.",
        "",
    ]
    return lines


def _strengths(catalogue: Catalogue, scores: Scores) -> list[str]:
    strongest, weakest = split_ranked(scores)
    left_out = len([r for r in scores.roles if r.score is not None]) > len(scores.ranked())
    lines: list[str] = []
    if strongest:
        lines += ["## Je sterkste rollen", ""]
        if left_out:
            lines += [
                "Rollen waarvan je gescoorde werk minder dan een derde van het gewicht dekt, "
                "tellen hier niet mee: daarvoor zijn te weinig gegevens.",
                "",
            ]
        for r in strongest:
            role = _role(catalogue, r)
            lines.append(f"- **{md(role.name)}** ({format_score(r.score)}): {md(role.summary)}")
        lines.append("")
    if weakest:
        lines += ["## Rollen om verder uit te bouwen", ""]
        for r in weakest:
            role = _role(catalogue, r)
            lines += [f"### {md(role.name)} ({format_score(r.score)})", "", md(role.summary), ""]
            lines += ["Competenties om te ontwikkelen:", ""]
            for comp_id in role.competencies:
                comp = catalogue.competency(comp_id)
                lines.append(f"- **{md(comp.name)}** ({comp.kind}): {md(comp.description)}")
            lines.append("")
    return lines


def _role(catalogue: Catalogue, score: RoleScore) -> Role:
    role = catalogue.role(score.role_id)
    assert role is not None  # scores are computed from this catalogue
    return role


def _answers(catalogue: Catalogue, scored: Scored) -> list[str]:
    lines = ["## Je antwoorden per werkzaamheid", ""]
    skipped = []
    for task in catalogue.tasks:
        given = scored.ratings.get(task.id)
        if given is None:
            skipped.append(md(task.name))
            continue
        task_score = next(t for t in scored.scores.tasks if t.task_id == task.id).score
        lines += [f"### {md(task.name)} (gemiddeld {format_score(task_score)})", ""]
        lines += ["| Activiteit | Sterren |", "|---|---|"]
        for activity in task.activities:
            value = given.get(activity.id)
            if activity.id not in given:
                answer = "niet ingevuld"
            elif value is None:
                answer = "n.v.t."
            else:
                answer = f"{stars(value)} {value} {md(catalogue.scale_level(value).label)}"
            lines.append(f"| {md(activity.name)} | {answer} |")
        lines.append("")
    if skipped:
        lines += ["Niet gekozen werkzaamheden: " + "; ".join(skipped) + ".", ""]
    return lines


def _explanation(catalogue: Catalogue, scored: Scored) -> list[str]:
    lines = [
        "## Hoe is dit berekend?",
        "",
        "1. Per werkzaamheid is je score het gemiddelde van de sterren die je gaf. Activiteiten "
        "met n.v.t. tellen niet mee. Een werkzaamheid telt alleen mee als je minstens één "
        "activiteit sterren gaf.",
        "2. Elke rol heeft per werkzaamheid een gewicht (1 voor de kern van de rol, 0,5 voor "
        "werk dat eraan bijdraagt). De score van een rol is het gewogen gemiddelde van de "
        "werkzaamheden die meetellen: elke score maal het gewicht, opgeteld, gedeeld door de "
        "som van de gewichten.",
        "3. De dekking is de som van de gewichten van je meetellende werkzaamheden, gedeeld door "
        "de som van alle gewichten van de rol.",
        "",
    ]
    example = _example_role(catalogue, scored)
    if example is None:
        return lines
    role, parts = example
    result = scored.scores.role(role.id)
    assert result is not None
    total = sum(role.weights.values())
    weight = sum(w for _, w, _ in parts)
    lines += [f"Voorbeeld met je eigen cijfers, voor de rol {md(role.name)}:", ""]
    lines += ["| Werkzaamheid | Je score | Gewicht | Score × gewicht |", "|---|---:|---:|---:|"]
    for name, w, s in parts:
        product = number(w * s, 2, trim=True)
        lines.append(
            f"| {md(name)} | {number(s, 2, trim=True)} | {number(w, trim=True)} | {product} |"
        )
    sum_product = sum(w * s for _, w, s in parts)
    weight_text = number(weight, trim=True)
    lines += [
        "",
        f"Score = {number(sum_product, 2, trim=True)} / {weight_text} = "
        f"{format_score(result.score)}. Dekking = {weight_text} / {number(total, trim=True)} = "
        f"{result.coverage:.0%}.",
        "",
    ]
    return lines


def _example_role(
    catalogue: Catalogue, scored: Scored
) -> tuple[Role, list[tuple[str, float, float]]] | None:
    counted = {t.task_id: t for t in scored.scores.tasks if t.score is not None}
    best: tuple[Role, list[tuple[str, float, float]]] | None = None
    for role in catalogue.roles:
        parts = [
            (t.name, role.weights[t.id], counted[t.id].score or 0.0)
            for t in catalogue.tasks
            if role.weights.get(t.id, 0) > 0 and t.id in counted
        ]
        if parts and (best is None or len(parts) > len(best[1])):
            best = (role, parts)
    return best
