"""What the development plan (POP) says, once, for ``ontwikkelplan.md`` and ``.pdf``: her
ambition first, her roles as the report and the plan see them side by side, her goals from
her own answers, what she can do (a basis for a starter, deepening at or above the target),
support, and the part to fill in and sign together. In her voice (ik) throughout; Markdown
and PDF only lay these blocks out (``md_layout``, ``pdf.Document.draw``)."""

from __future__ import annotations

from asmo_cli.core.ambition import described
from asmo_cli.core.catalogue import DEV_KIND_NAMES, Catalogue, DevActivity
from asmo_cli.core.council import PAYERS
from asmo_cli.core.levels import CLEAR_DIFFERENCE, LevelFit, clear_closest
from asmo_cli.core.plan import MIN_GAP, MIN_ROLES_FOR_A_PICTURE, Plan, few_roles
from asmo_cli.core.scoring import RoleScore
from asmo_cli.core.text import THIN, disclaimer, format_score, number, shown, stars
from asmo_cli.render.blocks import (
    Block,
    Bullets,
    Column,
    Content,
    Figure,
    Heading,
    Paragraph,
    RuledBox,
    Size,
    Table,
)
from asmo_cli.render.feedback_view import BLIND, HIDDEN
from asmo_cli.render.md_layout import to_markdown
from asmo_cli.render.plan_feedback import (
    CHAIR_QUESTION,
    CHAIR_TITLE,
    COMMENTS,
    NOTES_QUESTION,
    blind_first_text,
    plan_feedback,
)
from asmo_cli.render.report_content import header_rows

TITLE = "Ontwikkelplan ambtelijk secretaris"
PLAN_PNG = "ontwikkelplan.png"
PLAN_FIGURE = "plan-radar"
WHO_SEES_PLAN = (
    "Dit plan bespreek ik met mijn leidinggevende of HR; mijn rapport, met al mijn antwoorden, "
    "met mijn voorzitter."
)
AGREEMENT_ROWS = ("Medewerker", "Leidinggevende")
AGREEMENT_NOTE = "Akkoord met de afspraken in dit plan."


def render_plan(catalogue: Catalogue, plan: Plan) -> str:
    """The plan as Markdown (what ``ontwikkelplan.md`` holds)."""
    return to_markdown(plan_content(catalogue, plan), {PLAN_FIGURE: PLAN_PNG})


def plan_content(catalogue: Catalogue, plan: Plan) -> Content:
    """The whole plan, as blocks."""
    record = plan.result.record
    blocks: list[Block] = [
        Paragraph(disclaimer(catalogue.council), Size.NOTE),
        Paragraph(WHO_SEES_PLAN, Size.SMALL),
    ]
    blocks += _ambition(plan)
    blocks += _roles(plan)
    # after the table that names the roles: the chart then needs no page of its own
    blocks.append(Figure(PLAN_FIGURE, "Mijn scores en het streefprofiel"))
    blocks += _conversation(plan)
    blocks += _goals(catalogue, plan)
    blocks += _competencies(plan)
    blocks += _offers(catalogue, plan)
    blocks += _not_chosen(catalogue, plan)
    blocks += _fit(plan)
    blocks += _together(plan)
    return Content(
        TITLE, record.name, header_rows(catalogue, plan.result, _header(plan)), tuple(blocks)
    )


def _header(plan: Plan) -> list[tuple[str, str]]:
    rows = [("Mijn ambitie", ambition_text(plan))]
    if plan.target is not None and plan.other_level:
        rows.append(("Streefniveau", plan.target.name))
    elif plan.target is not None and plan.fitted:
        rows.append(
            ("Niveau in dit plan", f"{plan.target.name} (mijn profiel lijkt daar het meest op)")
        )
    return rows


def ambition_text(plan: Plan) -> str:
    level = plan.target.name if plan.target else None
    role = plan.specialism.name if plan.specialism else None
    return described(plan.ambition, level, role)


# --- her ambition ------------------------------------------------------------------------

AMBITION_WORDS = "Mijn ambitie in mijn eigen woorden (waar wil ik over twee à drie jaar staan?)"


def _ambition(plan: Plan) -> list[Block]:
    blocks: list[Block] = [
        Heading("Mijn ambitie"),
        Paragraph(f"{ambition_text(plan)}. {_aim(plan)}"),
    ]
    if plan.ambition.text:
        blocks.append(Paragraph(plan.ambition.text))
    else:
        blocks.append(RuledBox(AMBITION_WORDS, 2))
    return blocks


def _aim(plan: Plan) -> str:
    """What the plan measures against, in one sentence."""
    if plan.target is None:
        return (
            "De catalogus heeft geen streefprofielen per functieniveau; dit plan kan mijn "
            "scores daarom nergens tegen afzetten."
        )
    level = plan.target.name.lower()
    if plan.specialism is not None:
        return (
            f"Dit plan zet {plan.specialism.name} af tegen het hoogste punt van de schaal "
            f"({number(5.0)}) en mijn andere rollen tegen het streefprofiel van {level}."
        )
    if plan.other_level:
        return f"Dit plan zet mijn scores af tegen het streefprofiel van {level}."
    if plan.fitted:
        return (
            f"Ik gaf geen functieniveau op; dit plan zet mijn scores af tegen het streefprofiel "
            f"van {level}, het niveau waar mijn profiel het meest op lijkt."
        )
    return f"Dit plan zet mijn scores af tegen het streefprofiel van mijn eigen niveau ({level})."


# --- my roles: the report and the plan side by side ----------------------------------------

ROLES_TITLE = "Mijn rollen: rapport en plan naast elkaar"
ROLES_NOTE = (
    "Mijn rapport vergelijkt mijn rollen met elkaar, dit plan met het streefprofiel: zo kan een "
    f"sterke rol hier een focusrol zijn (minstens {number(MIN_GAP)} onder het profiel; hooguit "
    "drie, de grootste afstand eerst)."
)


def _roles(plan: Plan) -> list[Block]:
    if plan.target is None:
        return []
    strongest = {r.role_id for r in plan.result.ranking.strongest}
    develop = {r.role_id for r in plan.result.ranking.to_develop}
    talk = {c.role.id for c in plan.conversation}
    rows, grey = [], []
    # the focus roles first (in the plan's order), then the conversation points, then the rest
    order = [g.role.id for g in plan.focus] + [c.role.id for c in plan.conversation]
    roles = sorted(
        plan.result.scores.roles,
        key=lambda r: order.index(r.role_id) if r.role_id in order else len(order),
    )
    focus = {g.role.id: g for g in plan.focus}
    for role in roles:
        goal = (
            focus[role.role_id].target
            if role.role_id in focus
            else plan.target.profile.get(role.role_id)
        )
        report = "sterkste rol" if role.role_id in strongest else ""
        report = "uitbouwen" if role.role_id in develop else report
        now = "–" if role.score is None else format_score(role.score)
        now = now if role.enough_data or role.score is None else f"({now})"
        rows.append(
            (
                role.name,
                now,
                "–" if goal is None else format_score(goal),
                report,
                standing(plan, role, goal, talk),
            )
        )
        grey.append(not role.enough_data)
    columns = (
        Column("Rol", 0.24),
        Column("Ik", 0.09, "RIGHT"),
        Column("Streefscore", 0.15, "RIGHT"),
        Column("In mijn rapport", 0.19),
        Column("In dit plan", 0.33),
    )
    blocks: list[Block] = [Heading(ROLES_TITLE, with_next=30), Paragraph(ROLES_NOTE, Size.SMALL)]
    blocks.append(Table(columns, tuple(rows), tuple(grey), Size.SMALL))
    if why := blind_first_text(plan.blind_first):
        blocks.append(Paragraph(why, Size.SMALL))
    for note in _role_notes(plan):
        blocks.append(Paragraph(note, Size.NOTE))
    return blocks


def standing(plan: Plan, role: RoleScore, goal: float | None, talk: set[str]) -> str:
    """Where a role stands in this plan, in a few words."""
    focus = {g.role.id: g for g in plan.focus}
    if role.score is None:
        return "geen werkzaamheden gekozen"
    if not role.enough_data:
        return "te weinig ingevuld"
    if role.role_id in focus:
        gap = focus[role.role_id]
        special = plan.specialism is not None and plan.specialism.id == role.role_id
        to_go = number(max(0.0, shown(gap.target) - shown(gap.score)))
        return f"{'specialisatie' if special else 'focusrol'} ({to_go} te gaan)"
    if role.role_id in talk:
        return "gesprekspunt (zie hieronder)"
    if goal is None:
        return "niet in het profiel"
    if shown(role.score) >= shown(goal):
        return "op of boven het profiel"
    if shown(goal) - shown(role.score) >= MIN_GAP - 1e-9:
        return "onder het profiel (na de drie focusrollen)"
    return "dicht bij het profiel"


def _role_notes(plan: Plan) -> list[str]:
    notes = []
    if plan.result.thin:
        names = ", ".join(r.name for r in plan.result.thin)
        notes.append(
            f"{THIN.capitalize()} om te beoordelen (tussen haakjes): {names}; wat er ontbreekt, "
            "zegt mijn rapport per rol."
        )
    enough = sum(1 for r in plan.result.scores.roles if r.enough_data)
    if enough < MIN_ROLES_FOR_A_PICTURE:
        notes.append(few_roles(enough))
    return [" ".join(notes)] if notes else []


def _conversation(plan: Plan) -> list[Block]:
    if not plan.conversation:
        return []
    items = []
    for point in plan.conversation:
        who = "Mijn voorzitter schat" if point.chair_only else "Wie mij feedback gaf, schat"
        them = "voorzitter" if point.chair_only else "anderen"
        items.append(
            (
                point.role.name,
                f"{who} mij hier hoger in dan ikzelf (ik {format_score(point.own)}, {them} "
                f"{format_score(point.others)}; streefscore {format_score(point.target)}). "
                "Daarom geen focusrol, maar een gesprekspunt: wat ziet de ander dat ik niet zie?",
            )
        )
    return [Heading("Gesprekspunten", 3), Bullets(tuple(items), Size.SMALL)]


# --- my goals -----------------------------------------------------------------------------

GOALS_TITLE = "Mijn doelen"
GOALS_NOTE = (
    "Uit mijn eigen antwoorden: bij mijn focusrollen de activiteiten die ik het laagst gaf."
)
NO_GOALS = (
    "Bij mijn focusrollen gaf ik geen activiteit 3 sterren of minder: een doel kies ik in het "
    "gesprek, bijvoorbeeld verdieping in één rol."
)


def goal_items(catalogue: Catalogue, plan: Plan) -> list[tuple[str, str]]:
    """Per goal its lead (the activity as the questionnaire words it, my stars) and text
    (where to, a first step, how I measure it)."""
    items = []
    for goal in plan.goals:
        aim = catalogue.scale_level(goal.target_stars)
        now = catalogue.scale_level(goal.stars)
        lead = (
            f"‘{goal.activity.name}’ ({goal.role.name}: nu {stars(goal.stars)} {now.label.lower()})"
        )
        text = f"Doel: {aim.description}"
        if goal.step is not None:
            text += f" Eerste stap: {goal.step.name} ({_kind(goal.step)})."
        text += (
            f" Meten: bij de evaluatie minstens {goal.target_stars} sterren, met een voorbeeld "
            "dat mijn voorzitter herkent."
        )
        items.append((lead, text))
    return items


def _goals(catalogue: Catalogue, plan: Plan) -> list[Block]:
    if plan.target is None:
        return []
    blocks: list[Block] = [Heading(GOALS_TITLE, with_next=20)]
    if not plan.focus:
        strongest = [r.name for r in plan.result.ranking.strongest]
        blocks.append(Paragraph(no_focus(plan, strongest)))
        return blocks
    blocks.append(Paragraph(GOALS_NOTE, Size.SMALL))
    items = goal_items(catalogue, plan)
    blocks.append(Bullets(tuple(items), Size.SMALL) if items else Paragraph(NO_GOALS))
    return blocks


def no_focus(plan: Plan, strongest: list[str]) -> str:
    """Why there are no goals from low answers, and where to look instead. Roles of the
    profile without enough data are named: about them it says nothing."""
    where = "het hoogste niveau" if plan.at_the_top and not plan.other_level else "dit niveau"
    text = f"Op elke rol met genoeg gegevens zit ik op of dicht bij het streefprofiel van {where}. "
    text += (
        "Mijn doel kies ik uit de verdieping hieronder"
        if plan.deepening
        else "Mijn doel kies ik in het gesprek, met de basis hieronder als fundament"
    )
    text += f", bijvoorbeeld me specialiseren als {strongest[0]}." if strongest else "."
    if plan.unmeasured:
        text += (
            f" Over {', '.join(plan.unmeasured)} zegt dit nog niets: daarvoor vulde ik te weinig "
            "in (zie mijn rapport)."
        )
    return text


def _competencies(plan: Plan) -> list[Block]:
    if not plan.competencies:
        return []
    items = []
    for item in plan.competencies:
        text = item.competency.description
        if item.target_text and plan.target:
            text += f" Als {plan.target.name.lower()}: {item.target_text}."
        items.append((f"{item.competency.name} ({', '.join(r.name for r in item.roles)})", text))
    blocks: list[Block] = [
        Heading("Competenties die mijn doelen vragen", 3),
        Bullets(tuple(items), Size.SMALL),
    ]
    notes = list(plan.shown)
    if plan.basic:
        notes.append(
            "De basiscompetenties (zie mijn rapport) zijn verondersteld aanwezig, en daarom geen "
            "ontwikkelpunt."
        )
    if notes:
        blocks.append(Paragraph(" ".join(notes), Size.NOTE))
    return blocks


# --- what I can do ------------------------------------------------------------------------

BASIS_TITLE = "Basis voor een startende ambtelijk secretaris"
DEEPENING_TITLE = "Verdieping"
MORE_TITLE = "Wat ik nog meer kan doen"
PROVIDERS = (
    "Data en prijzen staan bij de aanbieder; bij de beroepsvereniging vraag ik naar erkende "
    "opleidingen."
)


def _kind(activity: DevActivity) -> str:
    parts = [DEV_KIND_NAMES.get(activity.kind, activity.kind)]
    if activity.duration:
        parts.append(activity.duration)
    if activity.provider:
        parts.append(activity.provider)
    return ", ".join(parts)


def _item(activity: DevActivity, lead: str = "") -> tuple[str, str]:
    return (f"{lead}{activity.name} ({_kind(activity)})", activity.description)


def _offers(catalogue: Catalogue, plan: Plan) -> list[Block]:
    blocks: list[Block] = []
    if plan.focus and not catalogue.development:
        return [
            Heading(MORE_TITLE, 3),
            Paragraph(
                "De catalogus heeft geen development.yaml; er staan daarom geen "
                "ontwikkelactiviteiten bij."
            ),
        ]
    if plan.basis:
        blocks += [
            Heading(BASIS_TITLE, 3),
            Bullets(tuple(_item(a) for a in plan.basis), Size.SMALL),
        ]
    if plan.deepening:
        blocks += [
            Heading(DEEPENING_TITLE, 3),
            Bullets(tuple(_item(a) for a in plan.deepening), Size.SMALL),
        ]
    further = plan.further_activities
    if further:  # names only: a step's description is with its goal
        items = "; ".join(
            f"{role.name}: {a.name} ({_kind(a)})" for role, acts in further for a in acts
        )
        blocks += [Heading(MORE_TITLE, 3), Paragraph(f"{items}.", Size.SMALL)]
    lines = [PROVIDERS] if blocks else []
    if plan.support:
        names = " en ".join(a.name for a in plan.support)
        lines.insert(0, f"Steun (geen doel): {names}.")
    if lines:
        blocks.append(Paragraph(" ".join(lines), Size.NOTE))
    return blocks


# --- the areas I did not choose, and the level table ---------------------------------------

NOT_CHOSEN_TITLE = "Werkzaamheden die ik niet koos"
NOT_CHOSEN_QUESTION = (
    "Per werkzaamheid: hoort dit bij mijn functie, doet iemand anders het, of wil ik het oppakken?"
)


def not_chosen(catalogue: Catalogue, plan: Plan) -> str | None:
    """The task areas she did not choose, as one sentence (None when she chose them all)."""
    names = [t.name for t in catalogue.tasks if t.id not in plan.result.record.ratings]
    return "; ".join(names) + "." if names else None


def _not_chosen(catalogue: Catalogue, plan: Plan) -> list[Block]:
    listed = not_chosen(catalogue, plan)
    if listed is None:
        return []
    return [Heading(NOT_CHOSEN_TITLE, 3), Paragraph(f"{NOT_CHOSEN_QUESTION} {listed}", Size.SMALL)]


FIT_TITLE = "Welk functieniveau lijkt mijn profiel het meest?"
FIT_NOTE = (
    "Een gespreksopener, geen oordeel: het gemiddelde verschil met elk streefprofiel (kleiner "
    "is meer gelijkend). Het zegt niets over de waardering of inschaling van mijn functie: die "
    "volgen uit mijn functiebeschrijving."
)


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
    """The notes under the level table: no clear difference, roles without any work."""
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
    if plan.result.unscored:
        names = ", ".join(r.name for r in plan.result.unscored)
        notes.append(f"Geen van mijn werkzaamheden telt mee voor: {names}.")
    return notes


def _fit(plan: Plan) -> list[Block]:
    """The level table, one column per level (a conversation opener), and its notes."""
    fits = list(plan.result.fits)
    if not fits:
        return []
    rows = fit_rows(fits)
    columns = tuple(Column(name, 1 / len(rows), "CENTER") for name, _ in rows)
    return [
        Heading(FIT_TITLE, 3, with_next=12),
        Table(columns, (tuple(difference for _, difference in rows),), size=Size.SMALL),
        Paragraph(" ".join([FIT_NOTE, *fit_notes(plan)]), Size.NOTE),
    ]


# --- to fill in and sign together ---------------------------------------------------------

TOGETHER = "Om samen in te vullen"


def evaluation_text(plan: Plan) -> str:
    return f"{plan.evaluation:%d-%m-%Y}, met een nieuwe meting in asmo"


def agreement_names(plan: Plan) -> list[tuple[str, str]]:
    """Who signs, with her name filled in when she gave it."""
    own = plan.result.record.name or ""
    return [(AGREEMENT_ROWS[0], own), (AGREEMENT_ROWS[1], "")]


def _together(plan: Plan) -> list[Block]:
    payer = PAYERS[plan.result.record.council]
    agreements = (
        Column("Wat (zie mijn doelen)" if plan.goals else "Wat", 0.26),
        Column("Wanneer", 0.12),
        Column("Met wie", 0.12),
        Column(f"Tijd, budget; wie betaalt ({payer})", 0.29),
        Column("Hoe meet ik het?", 0.21),
    )
    signing = (  # its headings on one line each: the table stays with the plan's last page
        Column(AGREEMENT_NOTE.rstrip("."), 0.43),
        Column("Naam", 0.2),
        Column("Datum", 0.12),
        Column("Handtekening", 0.25),
    )
    return [
        Heading(TOGETHER, with_next=25),
        *_feedback(plan),
        Heading(AGREEMENTS_TITLE, 3, with_next=20),
        Table(agreements, (("", "", "", "", ""),) * 3, row_lines=2),
        Paragraph(f"Evaluatie op: {evaluation_text(plan)}; met: {'.' * 30}", bold=True),
        Table(
            signing, tuple((who, name, "", "") for who, name in agreement_names(plan)), row_lines=2
        ),
    ]


AGREEMENTS_TITLE = "Afspraken en wat ik nodig heb"


def _feedback(plan: Plan) -> list[Block]:
    """What others said (when there is feedback), then room for my own notes."""
    found = plan_feedback(plan)
    if found is None:
        return [RuledBox(CHAIR_TITLE, 2, CHAIR_QUESTION)]
    blocks: list[Block] = [Heading(found.title, 3), Paragraph(found.who, Size.SMALL)]
    for title, note, gaps in (
        (BLIND, found.blind_note, found.blind),
        (HIDDEN, found.hidden_note, found.hidden),
    ):
        if gaps:
            blocks += [
                Paragraph(f"{title}: {note}.", Size.SMALL, bold=True),
                Bullets(gaps, Size.SMALL),
            ]
    if found.no_gaps:
        blocks.append(Paragraph(found.no_gaps, Size.SMALL))
    if found.comments:
        blocks += [Paragraph(COMMENTS, Size.SMALL, bold=True), Bullets(found.comments, Size.NOTE)]
    return [*blocks, RuledBox("Mijn aantekeningen", 1, NOTES_QUESTION)]
