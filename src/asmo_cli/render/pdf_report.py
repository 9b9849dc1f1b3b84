"""``rapport.pdf``: everything ``rapport.md`` has, as an A4 document to print or attach."""

from __future__ import annotations

from asmo_cli.core.catalogue import Catalogue
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
    date_nl,
    format_delta,
    format_score,
    number,
    stars,
)
from asmo_cli.render import feedback_view as view
from asmo_cli.render.feedback_view import feedback_section
from asmo_cli.render.markdown import example_role, header_rows, since, to_develop
from asmo_cli.render.pdf import Column, Document
from asmo_cli.render.pdf_radar import draw_radar_pdf
from asmo_cli.render.radar import has_open_points
from asmo_cli.render.series import radar_series

STEP_TASK = (
    "Per werkzaamheid is je score het gemiddelde van de sterren die je gaf; n.v.t. telt niet mee."
)
STEP_ROLE = (
    "De score van een rol is het gewogen gemiddelde van de werkzaamheden die meetellen: elke "
    "score maal het gewicht (1 voor de kern van de rol, 0,5 voor werk dat bijdraagt), opgeteld, "
    "gedeeld door de som van de gewichten."
)
PER_TABLE = 5  # givers side by side in the PDF's table per giver
STEP_COVERAGE = "De dekking is het deel van het gewicht van de rol dat je werkzaamheden dekken."


def title_block(doc: Document, rows: list[tuple[str, str]]) -> None:
    doc.table([Column("", 0.3), Column("", 0.7)], rows, size=9.5, headings=False)


def render_report_pdf(catalogue: Catalogue, result: Result, *, names: bool = False) -> bytes:
    """Return rapport.pdf of one result (its radar drawn as vector graphics)."""
    record = result.record
    doc = Document(
        "Zelfassessment ambtelijk secretaris",
        record.created,
        f"Vertrouwelijk · {record.name or 'zelfassessment'} · ingevuld {date_nl(record.created)}",
    )
    doc.title("Zelfassessment ambtelijk secretaris", record.name)
    extra = []
    if result.comparison:
        extra.append(("Vergeleken met", earlier_text(record, result.comparison.earlier)))
    title_block(doc, header_rows(catalogue, result, extra))
    doc.paragraph(DISCLAIMER, size=8.5, grey=True)
    for warning in result.warnings:
        doc.paragraph(f"Let op: {warning}", size=9)
    _radar(doc, catalogue, result)
    _scores(doc, result)
    _ranking(doc, catalogue, result)
    _feedback(doc, result, names)
    _answers(doc, catalogue, result)
    _explanation(doc, catalogue, result)
    return doc.output()


def _radar(doc: Document, catalogue: Catalogue, result: Result) -> None:
    doc.heading("Je rollenprofiel")
    series = radar_series(catalogue, result)
    thin = " Open punt: te weinig ingevuld, telt niet mee." if has_open_points(series) else ""
    doc.paragraph(f"Score per rol op een schaal van 1 tot 5 sterren.{thin}", size=9, grey=True)
    labels = [role.name for role in result.scores.roles]
    draw_radar_pdf(doc, labels, series)


def _coverage(role: RoleScore) -> str:
    if role.score is not None and not role.enough_data:
        return f"{role.coverage:.0%} {THIN}"
    return f"{role.coverage:.0%}"


def _scores(doc: Document, result: Result) -> None:
    doc.keep(14 + 8 * (len(result.scores.roles) + 1))  # the score table with its heading
    doc.heading("Scores per rol")
    columns = [
        Column("Rol", 0.30),
        Column("Score", 0.12, "RIGHT"),
        Column("", 0.16, "CENTER"),
        Column("Dekking", 0.24, "RIGHT"),
    ]
    comparison = result.comparison
    if comparison:
        columns.append(Column(f"Verschil sinds {since(result)}", 0.18, "RIGHT"))
    rows, grey = [], []
    for role in result.scores.roles:
        row = [
            role.name,
            format_score(role.score),
            stars(role.score) if role.score is not None and role.enough_data else "",
            _coverage(role),
        ]
        if comparison:
            row.append(format_delta(comparison.deltas.get(role.role_id)) or "–")
        rows.append(row)
        grey.append(not role.enough_data)
    doc.table(columns, rows, grey_rows=grey)
    doc.paragraph(SCORE_NOTE, size=8.5, grey=True)


def _ranking(doc: Document, catalogue: Catalogue, result: Result) -> None:
    ranking = result.ranking
    if ranking.no_ranking is not None:
        doc.heading(STRONGEST)
        doc.paragraph(ranking.no_ranking.text)
    if ranking.strongest:
        doc.heading(f"Je {STRONGEST.lower()}")
        items = []
        for score in ranking.strongest:
            role = catalogue.role(score.role_id)
            items.append((f"{role.name} ({format_score(score.score)})", role.summary))
        doc.bullets(items)
    if ranking.to_develop:
        doc.heading(TO_DEVELOP)
        for score in ranking.to_develop:
            role = catalogue.role(score.role_id)
            doc.heading(f"{role.name} ({format_score(score.score)})", level=3)
            doc.paragraph(role.summary)
            comps = to_develop(catalogue, role)
            doc.bullets([(f"{c.name} ({c.kind})", c.description) for c in comps], size=9.5)
        doc.paragraph(BASICS_ASSUMED, size=8.5, grey=True)
    if result.thin:
        names = ", ".join(f"{r.name} ({r.coverage:.0%})" for r in result.thin)
        doc.paragraph(
            f"Niet meegeteld, want {THIN} (minder dan een derde dekking): {names}.", size=9
        )


def _feedback(doc: Document, result: Result, names: bool) -> None:
    section = feedback_section(result, names=names)
    if section is None:
        return
    doc.heading(view.TITLE)
    for text in section.intro:
        doc.paragraph(text, size=9.5)
    widths = (0.4, 0.2, 0.2, 0.2)
    aligns = ("LEFT", "RIGHT", "RIGHT", "RIGHT")
    columns = [Column(h, w, a) for h, w, a in zip(view.ROLE_HEADINGS, widths, aligns, strict=True)]
    doc.table(columns, section.role_rows)
    for title, note, gaps, kind in (
        (view.HIDDEN, view.HIDDEN_NOTE, section.hidden, "hoger"),
        (view.BLIND, view.BLIND_NOTE, section.blind, "lager"),
    ):
        doc.heading(title, level=3)
        doc.paragraph(f"{note.capitalize()}.", size=8.5, grey=True)
        if gaps:
            doc.bullets(gaps, size=9.5)
        else:
            doc.paragraph(view.no_gaps_text(kind, section.comparable), size=9.5)
    if section.activity_rows:
        doc.heading("De grootste verschillen per activiteit", level=3)
        shares = (0.34, 0.24, 0.08, 0.2, 0.14)
        sides = ("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT")
        heads = view.ACTIVITY_HEADINGS
        doc.table(
            [Column(h, w, a) for h, w, a in zip(heads, shares, sides, strict=True)],
            section.activity_rows,
            size=9,
        )
    if section.comments:
        doc.heading("Opmerkingen (zonder namen)", level=3)
        for task, texts in section.comments:
            doc.bullets([(task, text) for text in texts], size=9.5)
    if section.giver_rows:
        doc.heading("Per gever", level=3)
        givers = section.giver_headings[1:]
        for start in range(0, len(givers), PER_TABLE):  # at most PER_TABLE givers side by side
            part = givers[start : start + PER_TABLE]
            share = 0.7 / len(part)
            columns = [Column("Rol", 0.3), *(Column(h, share, "RIGHT") for h in part)]
            rows = [(row[0], *row[1 + start : 1 + start + PER_TABLE]) for row in section.giver_rows]
            doc.table(columns, rows, size=9)
    elif names and (missing := view.names_note(result)):
        doc.paragraph(missing, size=9)


def _answers(doc: Document, catalogue: Catalogue, result: Result) -> None:
    doc.heading("Je antwoorden per werkzaamheid")
    columns = [Column("Activiteit", 0.62), Column("Sterren", 0.38)]
    skipped = []
    for task in catalogue.tasks:
        given = result.ratings.get(task.id)
        if given is None:
            skipped.append(task.name)
            continue
        score = next(t for t in result.scores.tasks if t.task_id == task.id).score
        # the heading, the table's header and two rows stay together
        doc.heading(f"{task.name} (gemiddeld {format_score(score)})", level=3, with_next=25)
        rows = []
        for activity in task.activities:
            value = given.get(activity.id)
            if activity.id not in given:
                answer = "niet ingevuld"
            elif value is None:
                answer = "n.v.t."
            else:
                answer = f"{stars(value)} {value} {catalogue.scale_level(value).label}"
            rows.append([activity.name, answer])
        doc.table(columns, rows)
    if skipped:
        doc.paragraph("Niet gekozen werkzaamheden: " + "; ".join(skipped) + ".", size=9, grey=True)


def _explanation(doc: Document, catalogue: Catalogue, result: Result) -> None:
    doc.heading("Hoe is dit berekend?")
    doc.bullets(
        [
            ("", STEP_TASK),
            ("", STEP_ROLE),
            ("", f"{STEP_COVERAGE} Bij minder dan een derde: '{THIN}'."),
            ("", RANKING_RULE),
        ],
        size=9.5,
    )
    example = example_role(catalogue, result)
    if example is None:
        return
    role, parts = example
    doc.paragraph(f"Voorbeeld met je eigen cijfers, voor de rol {role.name}:", size=9.5)
    rows = [
        [name, number(s, 2, trim=True), number(w, trim=True), number(w * s, 2, trim=True)]
        for name, w, s in parts
    ]
    columns = [
        Column("Werkzaamheid", 0.55),
        Column("Je score", 0.15, "RIGHT"),
        Column("Gewicht", 0.15, "RIGHT"),
        Column("Score × gewicht", 0.15, "RIGHT"),
    ]
    doc.table(columns, rows, size=9)
    result_score = result.role(role.id)
    assert result_score is not None
    weight = sum(w for _, w, _ in parts)
    total = sum(role.weights.values())
    doc.paragraph(
        f"Score = {number(sum(w * s for _, w, s in parts), 2, trim=True)} / "
        f"{number(weight, trim=True)} = {format_score(result_score.score)}. Dekking = "
        f"{number(weight, trim=True)} / {number(total, trim=True)} = {result_score.coverage:.0%}.",
        size=9.5,
    )
