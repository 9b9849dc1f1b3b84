"""``rapport.md``: the report of one assessment, read from a Result."""

from __future__ import annotations

from asmo_cli.core.catalogue import Catalogue, Role
from asmo_cli.core.evidence import to_develop_for
from asmo_cli.core.record import earlier_text
from asmo_cli.core.result import Result
from asmo_cli.core.scoring import RoleScore
from asmo_cli.core.text import (
    BASICS_ASSUMED,
    DISCLAIMER,
    SCORE_NOTE,
    STRONGEST,
    TO_DEVELOP,
    format_score,
    md,
    moment_nl,
    stars,
)
from asmo_cli.render.explain import (
    STEPS,
    compared_cell,
    compared_heading,
    compared_note,
    coverage_text,
    thin_line,
    worked_example,
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


def _role_table(result: Result) -> list[str]:
    lines = ["## Scores per rol", ""]
    header = "| Rol | Score | | Dekking |"
    rule = "|---|---:|---|---:|"
    compared = compared_heading(result)
    if compared:
        header += f" {compared} |"
        rule += "---:|"
    lines += [header, rule]
    for role in result.scores.roles:
        bar = stars(role.score) if role.score is not None and role.enough_data else ""
        row = f"| {md(role.name)} | {format_score(role.score)} | {bar} | {coverage_text(role)} |"
        if compared:
            row += f" {compared_cell(result, role.role_id)} |"
        lines.append(row)
    lines += ["", SCORE_NOTE]
    if note := compared_note(result):
        lines += ["", note]
    lines.append("")
    return lines


def competency_lines(catalogue: Catalogue, result: Result, role: Role) -> list[str]:
    """A role's competencies to develop as Markdown bullets, then why others are left out."""
    develop, shown = to_develop_for(catalogue, role.id, result.shown)
    lines = [f"- **{md(c.name)}** ({c.kind}): {md(c.description)}" for c in develop]
    if not develop:
        lines.append("- (geen: de competenties van deze rol laat je al zien)")
    return [*lines, *([""] + [md(line) for line in shown] if shown else [])]


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
    if ranking.no_gap:
        lines += [f"## {TO_DEVELOP}", "", f"Geen. {md(ranking.no_gap)}", ""]
    if ranking.to_develop:
        lines += [f"## {TO_DEVELOP}", ""]
        for r in ranking.to_develop:
            role = _role(catalogue, r)
            lines += [f"### {md(ranking.develop_label(r))}", "", md(role.summary), ""]
            lines += [
                "Competenties om te ontwikkelen:",
                "",
                *competency_lines(catalogue, result, role),
                "",
            ]
        lines += [BASICS_ASSUMED, ""]
    if ranking.strong_below:
        lines += [md(ranking.strong_below), ""]
    if line := thin_line(result, catalogue):
        lines += [md(line), ""]
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
    lines = ["## Hoe is dit berekend?", ""]
    lines += [f"{n}. {md(step)}" for n, step in enumerate(STEPS, 1)]
    lines.append("")
    example = worked_example(catalogue, scored)
    if example is None:
        return lines
    lines += [f"Voorbeeld met je eigen cijfers, voor de rol {md(example.role.name)}:", ""]
    lines += [
        "| Activiteit | Sterren | Gewicht | Sterren × gewicht |",
        "|---|---:|---:|---:|",
        *(f"| {md(name)} | {s} | {w} | {p} |" for name, s, w, p in example.rows),
        "",
        example.formula,
        "",
    ]
    return lines
