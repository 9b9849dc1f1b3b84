"""``ontwikkelplan.md``: a POP document to bring to the ontwikkelgesprek, from a Plan."""

from __future__ import annotations

from asmo_cli.core.catalogue import DEV_KIND_NAMES, Catalogue
from asmo_cli.core.council import PAYERS
from asmo_cli.core.levels import CLEAR_DIFFERENCE, LevelFit, clear_closest
from asmo_cli.core.plan import MIN_GAP, MIN_ROLES_FOR_A_PICTURE, Plan, few_roles
from asmo_cli.core.text import THIN, WHO_SEES, format_score, md, number, stars
from asmo_cli.render.feedback_view import BLIND, HIDDEN
from asmo_cli.render.markdown import disclaimer, header_table
from asmo_cli.render.plan_feedback import (
    CHAIR_QUESTION,
    CHAIR_TITLE,
    COMMENTS,
    NOTES_QUESTION,
    blind_first_text,
    plan_feedback,
)

PLAN_PNG = "ontwikkelplan.png"
AGREEMENT_ROWS = ("Medewerker", "Leidinggevende")
AGREEMENT_NOTE = "Akkoord met de afspraken in dit plan."


def evaluation_text(plan: Plan) -> str:
    # a fixed command: the plan is read long after, wherever asmo is installed then
    return f"{plan.evaluation:%d-%m-%Y}, met een nieuwe meting (asmo assess)"


FILL_IN = "…………………………………………………………………………………………………………"


def render_plan(catalogue: Catalogue, plan: Plan) -> str:
    """Return the Dutch Markdown of the development plan."""
    record = plan.result.record
    title = "# Ontwikkelplan ambtelijk secretaris" + (f": {md(record.name)}" if record.name else "")
    target = plan.target.name if plan.target else "niet te bepalen"
    lines = [title, "", *disclaimer(catalogue.council), WHO_SEES, ""]
    lines += header_table(catalogue, plan.result, [("Streefniveau", target)])
    lines += [f"![Je scores en het streefprofiel]({PLAN_PNG})", ""]
    lines += _fit(catalogue, plan)
    lines += _not_chosen(catalogue, plan)
    lines += _focus(plan)
    lines += _goals(catalogue, plan)
    lines += _competencies(plan)
    lines += _activities(catalogue, plan)
    lines += _fill_in(plan)
    return "\n".join(lines).rstrip() + "\n"


def _fit(catalogue: Catalogue, plan: Plan) -> list[str]:
    fits = list(plan.result.fits)
    lines = ["## Welk functieniveau lijkt je profiel het meest?", ""]
    if not fits:
        return [
            *lines,
            "De catalogus heeft geen streefprofielen per functieniveau (`profile` in "
            "competencies.yaml); asmo kan daarom niet beoordelen bij welk niveau je profiel "
            "past.",
            "",
        ]
    lines += [FIT_NOTE, "", "| Niveau | Gemiddeld verschil |", "|---|---:|"]
    lines += [f"| {md(level)} | {difference} |" for level, difference in fit_rows(fits)]
    lines.append("")
    for note in fit_notes(plan):
        lines += [md(note), ""]
    return lines


FIT_NOTE = (
    "Een gespreksopener, geen oordeel: per niveau het gemiddelde verschil tussen je scores en "
    "het streefprofiel (hoe kleiner, hoe meer je profiel erop lijkt). Niets over de waardering "
    "of inschaling van je functie: die volgen uit je functiebeschrijving."
)
FOCUS_NOTE = (
    f"Hooguit drie rollen met genoeg gegevens waarop je minstens {number(MIN_GAP)} onder het "
    "streefprofiel van dit niveau zit, de grootste afstand eerst. Omdat ze tegen dat niveau "
    "worden gemeten, kunnen ze verschillen van de rollen om verder uit te bouwen in je rapport."
)
NO_FOCUS = (
    "Geen: op elke rol met genoeg gegevens zit je op of dicht bij dit streefprofiel. Bespreek "
    "of verdieping in één rol of een volgend niveau past."
)
NO_FOCUS_AT_THE_TOP = (
    "Geen: op elke rol met genoeg gegevens zit je op of dicht bij het streefprofiel van het "
    "hoogste niveau. Bespreek welke verdieping past: een masterclass, intervisie, of zelf "
    "collega-AS'en begeleiden."
)


def no_focus(plan: Plan) -> str:
    """Why there are no focus roles; at the highest level there is no next level to name.
    Roles of the profile without enough data are named: about them it says nothing."""
    text = NO_FOCUS_AT_THE_TOP if plan.at_the_top else NO_FOCUS
    if plan.unmeasured:
        names = ", ".join(plan.unmeasured)
        text += (
            f" Over {names} zegt dit nog niets: daarvoor heb je te weinig ingevuld (zie je "
            "rapport)."
        )
    return text


def fit_rows(fits: list[LevelFit]) -> list[tuple[str, str]]:
    """Per level its name (marked when it is clearly the closest) and its difference."""
    closest = clear_closest(fits)
    return [
        (
            fit.level.name
            + (" (lijkt het meest)" if closest and fit.level.id == closest.id else ""),
            "–" if fit.difference is None else number(fit.difference, 2),
        )
        for fit in fits
    ]


def fit_notes(plan: Plan) -> list[str]:
    """The plain-text notes under the level table: ties, little data, thin and n.v.t. roles."""
    notes = []
    judged = sorted(
        (f for f in plan.result.fits if f.difference is not None), key=lambda f: f.difference or 0
    )
    if len(judged) >= 2 and clear_closest(list(plan.result.fits)) is None:
        first, second = judged[0], judged[1]
        notes.append(
            f"Geen duidelijk verschil: {first.level.name} ({number(first.difference or 0, 2)}) "
            f"en {second.level.name} ({number(second.difference or 0, 2)}) liggen hooguit "
            f"{number(CLEAR_DIFFERENCE, 2)} uit elkaar."
        )
    enough = sum(1 for r in plan.result.scores.roles if r.enough_data)
    if enough < MIN_ROLES_FOR_A_PICTURE:
        notes.append(few_roles(enough))
    if plan.result.thin:
        names = "; ".join(f"{r.name} ({r.thin_reason})" for r in plan.result.thin)
        notes.append(f"{THIN.capitalize()} om te beoordelen: {names}.")
    if plan.result.unscored:
        names = ", ".join(r.name for r in plan.result.unscored)
        notes.append(f"Geen van je werkzaamheden telt mee voor: {names}.")
    return notes


GOALS_TITLE = "Mijn doelen"
MORE_TITLE = "Wat ik kan doen"  # besides the first steps of my goals
GOALS_NOTE = "Uit je eigen antwoorden: per focusrol de activiteit die je het laagst gaf."
NO_GOALS = (
    "Bij je focusrollen gaf je geen activiteit 3 sterren of minder: kies samen een doel, "
    "bijvoorbeeld verdieping in één rol."
)


def goal_items(catalogue: Catalogue, plan: Plan) -> list[tuple[str, str]]:
    """Per goal its lead (the activity as the questionnaire words it, her stars) and text
    (where to, a first step, how she measures it), for the Markdown and the PDF."""
    items = []
    for goal in plan.goals:
        aim = catalogue.scale_level(goal.target_stars)
        lead = f"‘{goal.activity.name}’ (nu {goal.stars} {stars(goal.stars)}, {goal.role.name})"
        text = f"Doel: {aim.description}"
        if goal.step is not None:
            kind = DEV_KIND_NAMES.get(goal.step.kind, goal.step.kind)
            first = goal.step.description.split(". ", 1)[0].rstrip(".")  # its first sentence
            text += f" Eerste stap: {goal.step.name} ({kind}): {first}."
        text += (
            f" Meten: bij de evaluatie minstens {goal.target_stars} sterren, herkend door mijn "
            "voorzitter."
        )
        items.append((lead, text))
    return items


def _goals(catalogue: Catalogue, plan: Plan) -> list[str]:
    if plan.target is None or not plan.focus:
        return []
    lines = [f"## {GOALS_TITLE}", "", GOALS_NOTE, ""]
    items = goal_items(catalogue, plan)
    if not items:
        return [*lines, NO_GOALS, ""]
    lines += [f"- **{md(lead)}**: {md(text)}" for lead, text in items]
    return [*lines, ""]


def _focus(plan: Plan) -> list[str]:
    if plan.target is None:
        return []
    lines = [f"## Focusrollen richting {md(plan.target.name.lower())}", ""]
    lines += [FOCUS_NOTE, ""]
    if not plan.focus:
        return [*lines, no_focus(plan), ""]
    lines += ["| Focusrol | Nu | Streefscore | Verschil |", "|---|---:|---:|---:|"]
    for gap in plan.focus:
        lines.append(
            f"| {md(gap.role.name)} | {format_score(gap.score)} | {format_score(gap.target)} "
            f"| {format_score(gap.size)} |"
        )
    lines.append("")
    if why := blind_first_text(plan.blind_first):
        lines += [md(why), ""]
    return lines


def _competencies(plan: Plan) -> list[str]:
    if not plan.focus:
        return []
    lines = ["## Competenties om te ontwikkelen", ""]
    for item in plan.competencies:
        roles = ", ".join(md(r.name) for r in item.roles)
        line = f"- **{md(item.competency.name)}** ({roles}): {md(item.competency.description)}"
        if item.target_text and plan.target:
            line += f" *Als {md(plan.target.name.lower())}: {md(item.target_text)}.*"
        lines.append(line)
    if plan.shown:
        lines += ["", *(f"- {md(why)}" for why in plan.shown)]
    if plan.basic:
        names = ", ".join(md(c.name) for c in plan.basic)
        lines += [
            "",
            f"Verondersteld aanwezig, en daarom hier geen ontwikkelpunt: de basiscompetenties "
            f"van de tool ({names}).",
        ]
    return [*lines, ""]


def _activities(catalogue: Catalogue, plan: Plan) -> list[str]:
    chosen = plan.further_activities
    if plan.focus and not catalogue.development:
        return [
            "## Wat ik kan doen",
            "",
            "De catalogus heeft geen development.yaml; er staan daarom geen "
            "ontwikkelactiviteiten bij.",
            "",
        ]
    if not chosen:
        return []
    lines = [f"## {MORE_TITLE}", ""]
    for role, acts in chosen:
        lines.append(f"**{md(role.name)}**")
        lines.append("")
        for act in acts:
            kind = DEV_KIND_NAMES.get(act.kind, act.kind)
            lines.append(f"- {md(act.name)} ({kind}): {md(act.description)}")
        lines.append("")
    return lines


NOT_CHOSEN_TITLE = "Werkzaamheden die ik niet koos"
NOT_CHOSEN_QUESTION = (
    "Per werkzaamheid: hoort dit bij mijn functie, doet iemand anders het, of wil ik het oppakken?"
)


def not_chosen(catalogue: Catalogue, plan: Plan) -> str | None:
    """The task areas she did not choose, as one sentence (None when she chose them all)."""
    names = [t.name for t in catalogue.tasks if t.id not in plan.result.record.ratings]
    return "; ".join(names) + "." if names else None


def _not_chosen(catalogue: Catalogue, plan: Plan) -> list[str]:
    listed = not_chosen(catalogue, plan)
    if listed is None:
        return []
    return [f"## {NOT_CHOSEN_TITLE}", "", f"{md(listed)} {NOT_CHOSEN_QUESTION}", ""]


def _fill_in(plan: Plan) -> list[str]:
    ambition = md(plan.ambition) if plan.ambition else FILL_IN
    return [
        "## Mijn ambitie",
        "",
        ambition,
        "",
        *_feedback(plan),
        "## Wat heb ik nodig",
        "",
        "| | |",
        "|---|---|",
        "| Tijd (uren per maand) | |",
        "| Budget (opleiding, materiaal) | |",
        f"| Wie betaalt ({PAYERS[plan.result.record.council]}) | |",
        "",
        "## Afspraken",
        "",
        "| Wat | Wanneer | Met wie | Hoe meet ik het? |",
        "|---|---|---|---|",
        *["| | | | |"] * 3,
        "",
        "## Evaluatie op",
        "",
        f"{evaluation_text(plan)}; met: ………………………………………",
        "",
        "## Akkoord",
        "",
        AGREEMENT_NOTE,
        "",
        "| | Naam | Datum | Handtekening |",
        "|---|---|---|---|",
        *(
            f"| {who} | {md(name)} | | |" if name else f"| {who} | | | |"
            for who, name in agreement_names(plan)
        ),
        "",
    ]


def agreement_names(plan: Plan) -> list[tuple[str, str]]:
    """Who signs, with her name filled in when she gave it."""
    own = plan.result.record.name or ""
    return [(AGREEMENT_ROWS[0], own), (AGREEMENT_ROWS[1], "")]


def _feedback(plan: Plan) -> list[str]:
    """The feedback section: what others said when there is feedback, else the question."""
    found = plan_feedback(plan)
    if found is None:
        return [f"## {CHAIR_TITLE}", "", CHAIR_QUESTION, "", FILL_IN, ""]
    lines = [f"## {found.title}", "", md(found.who), ""]
    for title, note, gaps in (
        (BLIND, found.blind_note, found.blind),
        (HIDDEN, found.hidden_note, found.hidden),
    ):
        if gaps:
            lines += [f"**{title}**: {note}.", ""]
            lines += [f"- {md(name)}: {md(figures)}" for name, figures in gaps]
            lines.append("")
    if found.no_gaps:
        lines += [found.no_gaps, ""]
    if found.comments:
        lines += [f"**{COMMENTS}**", ""]
        lines += [f"- **{md(task)}**: {md(text)}" for task, text in found.comments]
        lines.append("")
    return [*lines, NOTES_QUESTION, "", FILL_IN, ""]
