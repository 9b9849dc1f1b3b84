"""``ontwikkelplan.md``: the development plan, from a result and a target level."""

from __future__ import annotations

from asmo_cli.core.catalogue import DEV_KIND_NAMES as KIND_NAMES
from asmo_cli.core.catalogue import Catalogue, Level
from asmo_cli.core.levels import LevelFit, activities_for, closest_level, gaps, unscored_roles
from asmo_cli.core.result import Result
from asmo_cli.core.text import THIN, format_score, md, number
from asmo_cli.render.markdown import header_table

PLAN_PNG = "ontwikkelplan.png"


def render_plan(
    catalogue: Catalogue, scored: Result, fits: list[LevelFit], target: Level | None
) -> str:
    """Return the Dutch Markdown of the development plan."""
    record = scored.record
    lines = [
        "# Ontwikkelplan ambtelijk secretaris" + (f": {md(record.name)}" if record.name else "")
    ]
    streef = md(target.name) if target else "niet te bepalen"
    lines += ["", *header_table(catalogue, scored, [("Streefniveau", streef)])]
    lines += [
        f"![Je scores en het streefprofiel]({PLAN_PNG})",
        "",
    ]
    lines += _fit_section(catalogue, scored, fits)
    lines += _gap_section(catalogue, scored, target)
    lines += [
        "## Afspraken",
        "",
        "Vul dit samen in met je voorzitter of leidinggevende.",
        "",
        "| Wat | Wanneer | Met wie | Hoe meet ik het? |",
        "|---|---|---|---|",
        *["| | | | |"] * 4,
        "",
    ]
    return "\n".join(lines)


def _fit_section(catalogue: Catalogue, scored: Result, fits: list[LevelFit]) -> list[str]:
    lines = ["## Welk functieniveau lijkt je profiel het meest?", ""]
    if not fits:
        lines += [
            "De catalogus heeft geen streefprofielen per functieniveau (`profile` in "
            "competencies.yaml). asmo kan daarom niet beoordelen bij welk niveau je profiel "
            "past.",
            "",
        ]
        return lines
    lines += [
        "Dit is een gespreksopener, geen oordeel. Per niveau staat het gemiddelde verschil "
        "tussen je scores en de verwachte scores van dat niveau; hoe kleiner, hoe meer je "
        "profiel erop lijkt. Een niveau zegt ook iets over je opdracht en je organisatie, niet "
        "alleen over wat je kunt.",
        "",
        "| Niveau | Gemiddeld verschil | Vergeleken rollen |",
        "|---|---:|---:|",
    ]
    closest = closest_level(fits)
    for fit in fits:
        mark = " (lijkt het meest)" if closest and fit.level.id == closest.id else ""
        diff = "–" if fit.difference is None else number(fit.difference, 2)
        lines.append(f"| {md(fit.level.name)}{mark} | {diff} | {len(fit.compared)} |")
    lines.append("")
    if scored.thin:
        names = ", ".join(f"{md(r.name)} ({r.coverage:.0%})" for r in scored.thin)
        lines += [
            f"Niet meegeteld, want {THIN} (minder dan een derde dekking): {names}.",
            "",
        ]
    missing = unscored_roles(catalogue, scored.scores)
    if missing:
        names = ", ".join(md(r.name) for r in missing)
        lines += [
            f"Niet meegeteld, want zonder score (n.v.t.): {names}. Je koos geen werkzaamheden "
            "die voor deze rollen tellen; bespreek of ze bij je functie horen.",
            "",
        ]
    return lines


def _gap_section(catalogue: Catalogue, scored: Result, target: Level | None) -> list[str]:
    if target is None:
        return []
    lines = [f"## Wat je kunt ontwikkelen richting {md(target.name.lower())}", ""]
    found = gaps(catalogue, scored.scores, target)
    if not found:
        lines += [
            "Op alle rollen met een score zit je op of boven het streefprofiel van dit niveau. "
            "Bespreek of een volgend niveau of verdieping in één rol past.",
            "",
        ]
        return lines
    if not catalogue.development:
        lines += [
            "De catalogus heeft geen development.yaml; er staan daarom geen "
            "ontwikkelactiviteiten bij.",
            "",
        ]
    for gap in found:
        role = gap.role
        lines += [
            f"### {md(role.name)}: {format_score(gap.score)}, streef {format_score(gap.target)}",
            "",
            f"{md(role.summary)} Je score ligt {format_score(gap.size)} onder wat op dit niveau "
            "wordt verwacht.",
            "",
            "Competenties om te ontwikkelen:",
            "",
        ]
        for comp_id in role.competencies:
            comp = catalogue.competency(comp_id)
            line = f"- **{md(comp.name)}**: {md(comp.description)}"
            behaviour = comp.levels.get(target.id)
            if behaviour:
                line += f" Op dit niveau: *{md(behaviour)}*."
            lines.append(line)
        activities = activities_for(catalogue, role)
        if activities:
            lines += ["", "Wat je kunt doen:", ""]
            for act in activities:
                lines.append(
                    f"- **{md(act.name)}** ({KIND_NAMES[act.kind]}): {md(act.description)}"
                )
        lines.append("")
    return lines
