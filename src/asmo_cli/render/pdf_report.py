"""``rapport.pdf``: everything ``rapport.md`` has, as an A4 document to print or attach."""

from __future__ import annotations

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.evidence import to_develop_for
from asmo_cli.core.record import earlier_text
from asmo_cli.core.result import Result
from asmo_cli.core.text import (
    BASICS_ASSUMED,
    DISCLAIMER,
    SCORE_NOTE,
    STRONGEST,
    TO_DEVELOP,
    date_nl,
    format_score,
    stars,
)
from asmo_cli.render import feedback_view as view
from asmo_cli.render.explain import (
    STEPS,
    compared_cell,
    compared_heading,
    compared_note,
    coverage_text,
    thin_line,
    worked_example,
)
from asmo_cli.render.feedback_view import feedback_section
from asmo_cli.render.markdown import header_rows
from asmo_cli.render.pdf import Column, Document
from asmo_cli.render.pdf_radar import draw_radar_pdf
from asmo_cli.render.radar import has_open_points
from asmo_cli.render.series import radar_series

PER_TABLE = 5  # givers side by side in the PDF's table per giver


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


def _scores(doc: Document, result: Result) -> None:
    doc.keep(14 + 8 * (len(result.scores.roles) + 1))  # the score table with its heading
    doc.heading("Scores per rol")
    columns = [
        Column("Rol", 0.27),
        Column("Score", 0.10, "RIGHT"),
        Column("", 0.15, "CENTER"),
        Column("Dekking", 0.30, "RIGHT"),
    ]
    compared = compared_heading(result)
    if compared:
        columns.append(Column(compared, 0.18, "RIGHT"))
    rows, grey = [], []
    for role in result.scores.roles:
        row = [
            role.name,
            format_score(role.score),
            stars(role.score) if role.score is not None and role.enough_data else "",
            coverage_text(role),
        ]
        if compared:
            row.append(compared_cell(result, role.role_id))
        rows.append(row)
        grey.append(not role.enough_data)
    doc.table(columns, rows, grey_rows=grey)
    doc.paragraph(SCORE_NOTE, size=8.5, grey=True)
    if note := compared_note(result):
        doc.paragraph(note, size=8.5, grey=True)


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
    if ranking.no_gap:
        doc.heading(TO_DEVELOP)
        doc.paragraph(f"Geen. {ranking.no_gap}")
    if ranking.to_develop:
        _to_develop(doc, catalogue, result)
    if ranking.strong_below:
        doc.paragraph(ranking.strong_below)
    if line := thin_line(result, catalogue):
        doc.paragraph(line, size=9)


def _to_develop(doc: Document, catalogue: Catalogue, result: Result) -> None:
    """Each role to develop with what it is below, its summary and its competencies."""
    ranking = result.ranking
    doc.heading(TO_DEVELOP)
    for score in ranking.to_develop:
        role = catalogue.role(score.role_id)
        doc.heading(ranking.develop_label(score), level=3)
        doc.paragraph(role.summary)
        develop, shown = to_develop_for(catalogue, role.id, result.shown)
        if develop:
            doc.bullets([(f"{c.name} ({c.kind})", c.description) for c in develop], size=9.5)
        else:
            doc.paragraph("Geen: de competenties van deze rol laat je al zien.", size=9.5)
        for why in shown:
            doc.paragraph(why, size=9, grey=True)
    doc.paragraph(BASICS_ASSUMED, size=8.5, grey=True)


def _feedback(doc: Document, result: Result, names: bool) -> None:
    """What others said: the role table, the gaps, the activities, comments and givers."""
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
    _gaps(doc, section)
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
        _per_giver(doc, section)
    elif names and (missing := view.names_note(result)):
        doc.paragraph(missing, size=9)


def _gaps(doc: Document, section: view.FeedbackSection) -> None:
    """The hidden strengths and the blind spots, each under its heading (or why there are none)."""
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


def _per_giver(doc: Document, section: view.FeedbackSection) -> None:
    """Each giver's role scores, in tables of at most PER_TABLE givers side by side."""
    doc.heading("Per gever", level=3)
    givers = section.giver_headings[1:]
    for start in range(0, len(givers), PER_TABLE):
        part = givers[start : start + PER_TABLE]
        share = 0.7 / len(part)
        columns = [Column("Rol", 0.3), *(Column(h, share, "RIGHT") for h in part)]
        rows = [(row[0], *row[1 + start : 1 + start + PER_TABLE]) for row in section.giver_rows]
        doc.table(columns, rows, size=9)


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
    doc.bullets([("", step) for step in STEPS], size=9.5)
    example = worked_example(catalogue, result)
    if example is None:
        return
    doc.paragraph(f"Voorbeeld met je eigen cijfers, voor de rol {example.role.name}:", size=9.5)
    columns = [
        Column("Activiteit", 0.55),
        Column("Sterren", 0.13, "RIGHT"),
        Column("Gewicht", 0.13, "RIGHT"),
        Column("Sterren × gewicht", 0.19, "RIGHT"),
    ]
    doc.table(columns, [list(row) for row in example.rows], size=9)
    doc.paragraph(example.formula, size=9.5)
