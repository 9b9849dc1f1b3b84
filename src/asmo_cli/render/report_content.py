"""What the report of one assessment says, once, for ``rapport.md`` and ``rapport.pdf``: its
header, the radar, the role table, the strongest roles and the roles to develop, the
feedback, her answers and how it is computed. Markdown and PDF only lay these blocks out."""

from __future__ import annotations

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.council import LAWS, NAMES, NEUTRAL
from asmo_cli.core.evidence import to_develop_for
from asmo_cli.core.record import Record, earlier_text
from asmo_cli.core.result import Result
from asmo_cli.core.scoring import RoleScore
from asmo_cli.core.text import (
    BASICS_ASSUMED,
    SCORE_NOTE,
    STRONGEST,
    TO_DEVELOP,
    WHO_SEES,
    disclaimer,
    format_score,
    moment_nl,
    stars,
)
from asmo_cli.core.worked_example import worked_example
from asmo_cli.render.blocks import (
    Block,
    Bullets,
    Column,
    Content,
    Figure,
    Heading,
    Paragraph,
    Size,
    Table,
)
from asmo_cli.render.dots import dot_chart
from asmo_cli.render.explain import (
    STEPS,
    compared_cell,
    compared_heading,
    compared_note,
    coverage_text,
    thin_line,
)
from asmo_cli.render.feedback_view import feedback_blocks
from asmo_cli.render.radar_geometry import radar_geometry
from asmo_cli.render.series import radar_series

TITLE = "Zelfassessment ambtelijk secretaris"
RADAR = "radar"  # the figure kind of the role profile
RADAR_ALT = "Spindiagram van je scores op de rollen"


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
) -> tuple[tuple[str, str], ...]:
    """The rows that open the report and the plan (every document)."""
    record = result.record
    return (
        ("Naam", record.name or "niet opgegeven"),
        ("Ingevuld", moment_nl(record.created)),
        *((("Gewijzigd op", moment_nl(record.edited[-1])),) if record.edited else ()),
        ("Functieniveau", level_name(catalogue, record.level)),
        *council_rows(record),
        *extra,
        ("Versie vragenlijst", version_text(catalogue, result)),
    )


def council_rows(record: Record) -> tuple[tuple[str, str], ...]:
    """The council she serves, for the title block (none in the neutral wording)."""
    if record.council == NEUTRAL and not record.council_name:
        return ()
    kind = NAMES[record.council]
    if record.council_name:  # "GMR Stichting De Linde (WMS)": her own name says which body
        kind = LAWS.get(record.council, kind)
    shown = f"{record.council_name} ({kind})" if record.council_name else kind
    return (("Medezeggenschap", shown[:1].upper() + shown[1:]),)


def report_content(catalogue: Catalogue, result: Result, *, names: bool = False) -> Content:
    """The whole report (``names``: the feedback section shows figures and names per giver,
    from three up)."""
    record = result.record
    extra = []
    if result.comparison:
        extra.append(("Vergeleken met", earlier_text(record, result.comparison.earlier)))
    blocks: list[Block] = [
        Paragraph(disclaimer(catalogue.council), Size.NOTE),
        Paragraph(WHO_SEES, Size.SMALL),
    ]
    blocks += [Paragraph(f"Let op: {warning}", Size.SMALL) for warning in result.warnings]
    blocks += profile_blocks(catalogue, result)
    blocks += role_table_blocks(result)
    blocks += ranking_blocks(catalogue, result)
    blocks += feedback_blocks(result, names=names)
    blocks += answer_blocks(catalogue, result)
    blocks += explanation_blocks(catalogue, result)
    return Content(TITLE, record.name, header_rows(catalogue, result, extra), tuple(blocks))


IN_ORDER = "Je scores op volgorde"


def profile_blocks(catalogue: Catalogue, result: Result) -> list[Block]:
    """The radar with the caption that says what the reader sees on it (the same sentences
    as under the PNG's title)."""
    labels = [role.name for role in result.scores.roles]
    series = radar_series(catalogue, result)
    radar = radar_geometry(labels, series)
    dots = dot_chart(labels, series)
    return [
        Heading("Je rollenprofiel"),
        Paragraph(radar.caption, Size.NOTE),
        Figure(RADAR, RADAR_ALT),
        Heading(IN_ORDER, level=3, with_next=7 * len(labels) + 20),
        Paragraph(dots.caption, Size.NOTE),
        dots,
    ]


def role_cells(result: Result, role: RoleScore) -> tuple[str, ...]:
    """One row of the role table: name, score, stars (only with enough data), coverage and,
    with a comparison, the difference (or the earlier score)."""
    bar = stars(role.score) if role.score is not None and role.enough_data else ""
    cells = (role.name, format_score(role.score), bar, coverage_text(role))
    compared = compared_heading(result)
    return (*cells, compared_cell(result, role.role_id)) if compared else cells


def role_columns(result: Result) -> tuple[Column, ...]:
    columns = (
        Column("Rol", 0.27),
        Column("Score", 0.10, "RIGHT"),
        Column("", 0.15, "CENTER"),
        Column("Dekking", 0.30, "RIGHT"),
    )
    compared = compared_heading(result)
    return (*columns, Column(compared, 0.18, "RIGHT")) if compared else columns


def role_table_blocks(result: Result) -> list[Block]:
    roles = result.scores.roles
    table = Table(
        role_columns(result),
        tuple(role_cells(result, role) for role in roles),
        grey_rows=tuple(not role.enough_data for role in roles),
    )
    blocks: list[Block] = [
        Heading("Scores per rol", with_next=8 * (len(roles) + 1)),
        table,
        Paragraph(SCORE_NOTE, Size.NOTE),
    ]
    if note := compared_note(result):
        blocks.append(Paragraph(note, Size.NOTE))
    return blocks


def ranking_blocks(catalogue: Catalogue, result: Result) -> list[Block]:
    """The strongest roles and the roles to develop (or why there are none)."""
    ranking = result.ranking
    blocks: list[Block] = []
    if ranking.no_ranking is not None:
        blocks += [Heading(STRONGEST), Paragraph(ranking.no_ranking.text)]
    if ranking.strongest:
        items = []
        for score in ranking.strongest:
            role = catalogue.role(score.role_id)
            items.append((f"{role.name} ({format_score(score.score)})", role.summary))
        blocks += [Heading(f"Je {STRONGEST.lower()}"), Bullets(tuple(items))]
    if ranking.no_gap:
        blocks += [Heading(TO_DEVELOP), Paragraph(f"Geen. {ranking.no_gap}")]
    if ranking.to_develop:
        blocks.append(Heading(TO_DEVELOP))
        for score in ranking.to_develop:
            blocks += _to_develop(catalogue, result, score)
        blocks.append(Paragraph(BASICS_ASSUMED, Size.NOTE))
    if ranking.strong_below:
        blocks.append(Paragraph(ranking.strong_below))
    if line := thin_line(result, catalogue):
        blocks.append(Paragraph(line, Size.SMALL))
    return blocks


def _to_develop(catalogue: Catalogue, result: Result, score: RoleScore) -> list[Block]:
    """A role to develop with what it is below, its summary and its competencies."""
    role = catalogue.role(score.role_id)
    develop, shown = to_develop_for(catalogue, role.id, result.shown)
    blocks: list[Block] = [
        Heading(result.ranking.develop_label(score), level=3),
        Paragraph(role.summary),
        Paragraph("Competenties om te ontwikkelen:", Size.SMALL, bold=True),
    ]
    if develop:
        items = tuple((f"{c.name} ({c.kind})", c.description) for c in develop)
        blocks.append(Bullets(items, Size.SMALL))
    else:
        blocks.append(Paragraph("Geen: de competenties van deze rol laat je al zien.", Size.SMALL))
    return blocks + [Paragraph(why, Size.NOTE) for why in shown]


def answer_blocks(catalogue: Catalogue, result: Result) -> list[Block]:
    """Her stars per activity, per task area she chose; then the areas she did not choose."""
    blocks: list[Block] = [Heading("Je antwoorden per werkzaamheid")]
    columns = (Column("Activiteit", 0.62), Column("Sterren", 0.38))
    skipped = []
    for task in catalogue.tasks:
        given = result.ratings.get(task.id)
        if given is None:
            skipped.append(task.name)
            continue
        score = next(t for t in result.scores.tasks if t.task_id == task.id).score
        rows = []
        for activity in task.activities:
            value = given.get(activity.id)
            if activity.id not in given:
                answer = "niet ingevuld"
            elif value is None:
                answer = "n.v.t."
            else:
                answer = f"{stars(value)} {value} {catalogue.scale_level(value).label}"
            rows.append((activity.name, answer))
        # the heading, the table's header and two rows stay together
        blocks.append(Heading(f"{task.name} (gemiddeld {format_score(score)})", 3, 25))
        blocks.append(Table(columns, tuple(rows)))
    if skipped:
        blocks.append(Paragraph(f"Niet gekozen werkzaamheden: {'; '.join(skipped)}.", Size.NOTE))
    return blocks


def explanation_blocks(catalogue: Catalogue, result: Result) -> list[Block]:
    """'Hoe is dit berekend?': the steps, then the sum for one role with her own numbers."""
    blocks: list[Block] = [
        Heading("Hoe is dit berekend?"),
        Bullets(tuple(("", step) for step in STEPS), Size.SMALL, numbered=True),
    ]
    example = worked_example(catalogue, result)
    if example is None:
        return blocks
    columns = (
        Column("Activiteit", 0.55),
        Column("Sterren", 0.13, "RIGHT"),
        Column("Gewicht", 0.13, "RIGHT"),
        Column("Sterren × gewicht", 0.19, "RIGHT"),
    )
    return [
        *blocks,
        Paragraph(f"Voorbeeld met je eigen cijfers, voor de rol {example.role.name}:", Size.SMALL),
        Table(columns, example.rows, size=Size.SMALL),
        Paragraph(example.formula, Size.SMALL),
    ]
