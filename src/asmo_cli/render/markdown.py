"""``rapport.md``: the report of one assessment, read from a Result."""

from __future__ import annotations

from asmo_cli.core.catalogue import Catalogue, Competency, Role
from asmo_cli.core.record import earlier_text
from asmo_cli.core.result import Result
from asmo_cli.core.scoring import RoleScore
from asmo_cli.core.text import (
    BASICS_ASSUMED,
    DISCLAIMER,
    RANKING_RULE,
    SCORE_NOTE,
    STRONGEST,
    THIN,
    TO_DEVELOP,
    dates_nl,
    format_delta,
    format_score,
    md,
    moment_nl,
    number,
    stars,
)
from asmo_cli.render.feedback_view import feedback_markdown


def level_name(catalogue: Catalogue, level_id: str | None) -> str:
    if not level_id:
        return "niet opgegeven"
    return catalogue.level(level_id).name if catalogue.has_level(level_id) else level_id


def version_text(catalogue: Catalogue, result: Result) -> str:
    """Return the questionnaire version of the record, noting when today's differs."""
    version = result.record.catalogue_version
    if version == catalogue.tasks_version:
        return version
    return (
        f"{version} (de vragenlijst is nu {catalogue.tasks_version}: werkzaamheden die er "
        "sindsdien bij kwamen, tellen als niet ingevuld)"
    )


def header_rows(
    catalogue: Catalogue, result: Result, extra: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Return the rows that open the report and the plan, as plain text (every document)."""
    record = result.record
    return [
        ("Naam", record.name or "niet opgegeven"),
        ("Ingevuld", moment_nl(record.created)),
        ("Functieniveau", level_name(catalogue, record.level)),
        *extra,
        ("Versie vragenlijst", version_text(catalogue, result)),
    ]


def header_table(catalogue: Catalogue, result: Result, extra: list[tuple[str, str]]) -> list[str]:
    """Return the Markdown table that opens the report and the plan (extra as plain text)."""
    rows = header_rows(catalogue, result, extra)
    return ["| | |", "|---|---|", *(f"| {key} | {md(value)} |" for key, value in rows), ""]


def disclaimer() -> list[str]:
    return [f"*{DISCLAIMER}*", ""]


# --- rapport.md -----------------------------------------------------------------------------


def render_markdown(
    catalogue: Catalogue, result: Result, *, image: str | None = "radar.png", names: bool = False
) -> str:
    """Return the Dutch Markdown report of one assessment."""
    record = result.record
    title = "# Zelfassessment ambtelijk secretaris" + (
        f": {md(record.name)}" if record.name else ""
    )
    extra = []
    if result.comparison:
        extra.append(("Vergeleken met", earlier_text(record, result.comparison.earlier)))
    lines = [title, "", *disclaimer(), *header_table(catalogue, result, extra)]
    for warning in result.warnings:
        lines += [f"> Let op: {md(warning)}", ""]
    if image:
        lines += [f"![Spindiagram van je scores op de rollen]({image})", ""]
    lines += _role_table(result)
    lines += _strengths(catalogue, result)
    lines += feedback_markdown(result, names=names)
    lines += _answers(catalogue, result)
    lines += _explanation(catalogue, result)
    return "\n".join(lines).rstrip() + "\n"


def since(result: Result) -> str:
    """The earlier moment of a comparison as a column heading: its date, with the time when
    both records are of the same day."""
    assert result.comparison is not None
    return dates_nl([result.comparison.earlier.created, result.record.created])[0]


def coverage_cell(role: RoleScore) -> str:
    """Return the coverage as shown in tables, with the thin mark where it applies."""
    if role.score is not None and not role.enough_data:
        return f"{role.coverage:.0%} ({THIN})"
    return f"{role.coverage:.0%}"


def _role_table(result: Result) -> list[str]:
    lines = ["## Scores per rol", ""]
    header = "| Rol | Score | | Dekking |"
    rule = "|---|---:|---|---:|"
    comparison = result.comparison
    if comparison:
        header += f" Verschil sinds {since(result)} |"
        rule += "---:|"
    lines += [header, rule]
    for role in result.scores.roles:
        bar = stars(role.score) if role.score is not None and role.enough_data else ""
        row = f"| {md(role.name)} | {format_score(role.score)} | {bar} | {coverage_cell(role)} |"
        if comparison:
            row += f" {format_delta(comparison.deltas.get(role.role_id)) or '–'} |"
        lines.append(row)
    lines += ["", SCORE_NOTE]
    if comparison:
        lines += [
            "",
            "Een verschil staat er alleen als de rol in beide metingen genoeg gegevens heeft.",
        ]
    lines.append("")
    return lines


def competency_lines(catalogue: Catalogue, role: Role) -> list[str]:
    """Return a role's competencies to develop as Markdown bullets (the basic ones are assumed)."""
    lines = []
    for comp in to_develop(catalogue, role):
        lines.append(f"- **{md(comp.name)}** ({comp.kind}): {md(comp.description)}")
    return lines


def to_develop(catalogue: Catalogue, role: Role) -> list[Competency]:
    """Return a role's competencies without the tool's basic ones, which are assumed present."""
    comps = [catalogue.competency(c) for c in role.competencies]
    return [c for c in comps if not c.basic]


def _strengths(catalogue: Catalogue, result: Result) -> list[str]:
    ranking = result.ranking
    lines: list[str] = []
    if ranking.no_ranking is not None:
        lines += [f"## {STRONGEST}", "", ranking.no_ranking.text, ""]
    if ranking.strongest:
        lines += [f"## Je {STRONGEST.lower()}", ""]
        for r in ranking.strongest:
            role = _role(catalogue, r)
            lines.append(f"- **{md(role.name)}** ({format_score(r.score)}): {md(role.summary)}")
        lines.append("")
    if ranking.to_develop:
        lines += [f"## {TO_DEVELOP}", ""]
        for r in ranking.to_develop:
            role = _role(catalogue, r)
            lines += [f"### {md(role.name)} ({format_score(r.score)})", "", md(role.summary), ""]
            lines += ["Competenties om te ontwikkelen:", "", *competency_lines(catalogue, role), ""]
        lines += [BASICS_ASSUMED, ""]
    if result.thin:
        names = ", ".join(f"{md(r.name)} ({r.coverage:.0%})" for r in result.thin)
        lines += [
            f"Niet meegeteld, want {THIN} (minder dan een derde dekking): {names}.",
            "",
        ]
    return lines


def _role(catalogue: Catalogue, score: RoleScore) -> Role:
    return catalogue.role(score.role_id)


def _answers(catalogue: Catalogue, scored: Result) -> list[str]:
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


def _explanation(catalogue: Catalogue, scored: Result) -> list[str]:
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
        "de som van alle gewichten van de rol. Bij minder dan een derde dekking heeft de rol "
        f"te weinig gegevens ('{THIN}'): in het spindiagram is zo'n rol een open punt buiten "
        "de gekleurde vorm, met een grijze naam.",
        f"4. {RANKING_RULE}",
        "",
    ]
    example = example_role(catalogue, scored)
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


def example_role(
    catalogue: Catalogue, scored: Result
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
