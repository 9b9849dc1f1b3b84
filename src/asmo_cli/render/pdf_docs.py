"""``ontwikkelplan.pdf``, ``tijdsbesteding.pdf`` and ``team.pdf``: the other documents."""

from __future__ import annotations

from datetime import datetime

from asmo_cli.core.catalogue import DEV_KIND_NAMES, Catalogue
from asmo_cli.core.council import PAYERS
from asmo_cli.core.plan import Plan
from asmo_cli.core.record import Record
from asmo_cli.core.team import Collected
from asmo_cli.core.text import WHO_SEES, date_nl, disclaimer, format_score
from asmo_cli.render.bars import hours_chart_panels, hours_chart_title
from asmo_cli.render.blocks import Column
from asmo_cli.render.feedback_view import BLIND, HIDDEN
from asmo_cli.render.hours_content import CHART, TITLE, hours_content
from asmo_cli.render.pdf import Document
from asmo_cli.render.pdf_bars import draw_bars_pdf
from asmo_cli.render.pdf_report import title_block
from asmo_cli.render.plan import (
    AGREEMENT_NOTE,
    FIT_NOTE,
    FOCUS_NOTE,
    GOALS_NOTE,
    GOALS_TITLE,
    MORE_TITLE,
    NO_GOALS,
    NOT_CHOSEN_QUESTION,
    NOT_CHOSEN_TITLE,
    agreement_names,
    evaluation_text,
    fit_notes,
    fit_rows,
    goal_items,
    no_focus,
    not_chosen,
)
from asmo_cli.render.plan_feedback import (
    CHAIR_QUESTION,
    CHAIR_TITLE,
    COMMENTS,
    NOTES_QUESTION,
    blind_first_text,
    plan_feedback,
)
from asmo_cli.render.report_content import header_rows
from asmo_cli.render.team import CHART as TEAM_CHART
from asmo_cli.render.team import TITLE as TEAM_TITLE
from asmo_cli.render.team import team_content


def _footer(record: Record) -> str:
    return f"Vertrouwelijk · {record.name or 'ambtelijk secretaris'} · {date_nl(record.created)}"


def render_plan_pdf(catalogue: Catalogue, plan: Plan, chart_png: bytes | None) -> bytes:
    """Return ontwikkelplan.pdf: the plan with boxes to fill in by hand."""
    record = plan.result.record
    doc = Document("Ontwikkelplan ambtelijk secretaris", record.created, _footer(record))
    doc.title("Ontwikkelplan ambtelijk secretaris", record.name)
    target = plan.target.name if plan.target else "niet te bepalen"
    title_block(doc, header_rows(catalogue, plan.result, [("Streefniveau", target)]))
    doc.paragraph(disclaimer(catalogue.council), size=8.5, grey=True)
    doc.paragraph(WHO_SEES, size=9.5)
    if chart_png:
        doc.image(chart_png, width=62)
    _fits(doc, plan)
    _not_chosen(doc, catalogue, plan)
    _focus(doc, plan)
    _goals(doc, catalogue, plan)
    _competencies(doc, plan)
    _activities(doc, plan)
    _together(doc, plan)
    return doc.output()


def _fits(doc: Document, plan: Plan) -> None:
    """Which level the profile is closest to, when there are levels to compare with."""
    fits = list(plan.result.fits)
    if not fits:
        return
    doc.heading("Welk functieniveau lijkt je profiel het meest?")
    doc.paragraph(FIT_NOTE, size=9)
    columns = [Column("Niveau", 0.75), Column("Gemiddeld verschil", 0.25, "RIGHT")]
    doc.table(columns, [list(row) for row in fit_rows(fits)])
    for note in fit_notes(plan):
        doc.paragraph(note, size=8.5)


def _not_chosen(doc: Document, catalogue: Catalogue, plan: Plan) -> None:
    listed = not_chosen(catalogue, plan)
    if listed is None:
        return
    doc.heading(NOT_CHOSEN_TITLE, level=3)
    doc.paragraph(f"{listed} {NOT_CHOSEN_QUESTION}", size=9)


def _goals(doc: Document, catalogue: Catalogue, plan: Plan) -> None:
    if plan.target is None or not plan.focus:
        return
    doc.heading(GOALS_TITLE)
    doc.paragraph(GOALS_NOTE, size=9)
    items = goal_items(catalogue, plan)
    if items:
        doc.bullets(items, size=8.5)
    else:
        doc.paragraph(NO_GOALS, size=9.5)


def _focus(doc: Document, plan: Plan) -> None:
    """The focus roles towards the target level (or why there are none); nothing without one."""
    if plan.target is None:
        return
    doc.heading(f"Focusrollen richting {plan.target.name.lower()}")
    doc.paragraph(FOCUS_NOTE, size=9)
    if not plan.focus:
        doc.paragraph(no_focus(plan))
        return
    rows = [
        [g.role.name, format_score(g.score), format_score(g.target), format_score(g.size)]
        for g in plan.focus
    ]
    columns = [
        Column("Focusrol", 0.52),
        Column("Nu", 0.16, "RIGHT"),
        Column("Streefscore", 0.16, "RIGHT"),
        Column("Verschil", 0.16, "RIGHT"),
    ]
    doc.table(columns, rows)
    if why := blind_first_text(plan.blind_first):
        doc.paragraph(why, size=9)


def _competencies(doc: Document, plan: Plan) -> None:
    """The competencies to develop, with what the target level asks of each."""
    if not plan.competencies:
        return
    doc.heading("Competenties om te ontwikkelen")
    items = []
    for item in plan.competencies:
        text = item.competency.description
        if item.target_text and plan.target:
            text += f" Als {plan.target.name.lower()}: {item.target_text}."
        roles = ", ".join(r.name for r in item.roles)
        items.append((f"{item.competency.name} ({roles})", text))
    doc.bullets(items, size=9)
    if plan.shown:
        doc.paragraph(" ".join(plan.shown), size=8.5, grey=True)
    names = ", ".join(c.name for c in plan.basic)
    doc.paragraph(
        f"Verondersteld aanwezig: de basiscompetenties van de tool ({names}).",
        size=8.5,
        grey=True,
    )


def _activities(doc: Document, plan: Plan) -> None:
    """What the AS can do, per role that has development activities."""
    chosen = plan.further_activities
    if not chosen:
        return
    doc.heading(MORE_TITLE)
    doc.bullets(  # the role in each lead: a heading per role would push the plan past 3 pages
        [
            (f"{role.name}: {a.name} ({DEV_KIND_NAMES.get(a.kind, a.kind)})", a.description)
            for role, acts in chosen
            for a in acts
        ],
        size=8.5,
    )


def _together(doc: Document, plan: Plan) -> None:
    """The part to fill in together: ambition, feedback, needs, agreements and evaluation."""
    doc.heading("Om samen in te vullen")
    if plan.ambition:
        doc.heading("Mijn ambitie", level=3)
        doc.paragraph(plan.ambition)
    else:
        doc.ruled_box("Mijn ambitie", 2)
    _feedback(doc, plan)
    doc.ruled_box(
        "Wat heb ik nodig",
        2,
        "Tijd (uren per maand), budget (opleiding, materiaal), wie betaalt "
        f"({PAYERS[plan.result.record.council]})",
    )
    hint = "Wat, wanneer, met wie, en hoe meet ik het?"
    doc.ruled_box("Afspraken", 3, f"{hint} (zie mijn doelen)" if plan.goals else hint)
    doc.keep(28)
    doc.paragraph(f"Evaluatie op: {evaluation_text(plan)}; met: {'.' * 40}", size=10)
    doc.paragraph(AGREEMENT_NOTE.removesuffix("."), style="B", size=10)
    doc.table(
        [
            Column("", 0.22),
            Column("Naam", 0.34),
            Column("Datum", 0.16),
            Column("Handtekening", 0.28),
        ],
        [[who, name, "", ""] for who, name in agreement_names(plan)],
        size=11,
    )


def _feedback(doc: Document, plan: Plan) -> None:
    """What others said (when there is feedback), then lines for the AS's own notes."""
    found = plan_feedback(plan)
    if found is None:
        doc.ruled_box(CHAIR_TITLE, 2, CHAIR_QUESTION)
        return
    doc.heading(found.title, level=3)
    doc.paragraph(found.who, size=9)
    for title, note, gaps in (
        (BLIND, found.blind_note, found.blind),
        (HIDDEN, found.hidden_note, found.hidden),
    ):
        if gaps:
            doc.paragraph(f"{title}: {note}.", style="B", size=9)
            doc.bullets(gaps, size=9)
    if found.no_gaps:
        doc.paragraph(found.no_gaps, size=9)
    if found.comments:
        doc.paragraph(COMMENTS, style="B", size=9)
        doc.bullets(found.comments, size=8.5)
    doc.ruled_box("Mijn aantekeningen", 2, NOTES_QUESTION)


def render_hours_pdf(catalogue: Catalogue, record: Record) -> bytes:
    """Return tijdsbesteding.pdf: where the hours go, to hand to the council (its chart drawn
    as vector graphics)."""
    doc = Document(TITLE, record.created, _footer(record))
    panels = hours_chart_panels(catalogue, record)
    title = hours_chart_title(record)
    doc.draw(hours_content(catalogue, record), {CHART: lambda d: draw_bars_pdf(d, title, panels)})
    return doc.output()


def render_team_pdf(
    catalogue: Catalogue,
    found: Collected,
    chart_png: bytes | None,
    *,
    with_names: bool,
    today: datetime,
) -> bytes:
    """Return team.pdf: the anonymous team profile (names only when asked for), the same
    blocks as team.md."""
    doc = Document(TEAM_TITLE, today, f"Vertrouwelijk · teamprofiel · {date_nl(today)}")
    figures = {TEAM_CHART: lambda d: d.image(chart_png, width=125)} if chart_png else {}
    doc.draw(team_content(catalogue, found, with_names=with_names, today=today), figures)
    return doc.output()
