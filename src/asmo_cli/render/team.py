"""``team.md``, ``team.pdf`` (its content) and ``team.json``: the team profile, anonymous
unless names are asked for."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.team import (
    MIN_MEMBERS,
    STRONG,
    TOO_FEW,
    Collected,
    RoleSummary,
    members_text,
    skipped_lines,
    summarise,
    too_few_text,
)
from asmo_cli.core.text import ENOUGH_RULE, date_nl, number, plural
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
from asmo_cli.render.md_layout import to_markdown


def _fmt(value: float | None) -> str:
    return "–" if value is None else number(value)


def render_team_json(catalogue: Catalogue, found: Collected, *, with_names: bool) -> str:
    """Return team.json: every role with its figures (null where too few members scored it,
    and ``too_few_members`` true), what was not counted and (with names) per person."""
    data: dict[str, Any] = {
        "members": len(found.members),
        "catalogue_version": catalogue.tasks_version,
        "min_members": MIN_MEMBERS,
        "roles": [
            {
                "id": s.role_id,
                "name": s.name,
                "mean": s.mean,
                "min": s.low,
                "max": s.high,
                "scored": s.scored,
                "strong": s.strong,
                "too_few_members": s.too_few,
            }
            for s in summarise(catalogue, found.members)
        ],
        "left_out_roles": list(found.left_out),
        "skipped_records": {
            "older_of_same_person": found.skipped.older,
            "same_assessment_twice": found.skipped.copies,
            "not_finished": found.skipped.unfinished,
        },
    }
    if with_names:
        data["people"] = [
            {"name": m.name or m.source.stem, "scores": m.scores} for m in found.members
        ]
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


TITLE = "Teamprofiel bureau medezeggenschap"
CHART = "team"  # the figure kind of the team radar


def team_content(
    catalogue: Catalogue, found: Collected, *, with_names: bool, today: datetime
) -> Content:
    """What team.md and team.pdf say: the roles' spread, anonymous unless names are asked, and
    per role no figure that rests on fewer than MIN_MEMBERS members."""
    count = len(found.members)
    summaries = summarise(catalogue, found.members)
    blocks: list[Block] = [
        Paragraph(
            f"Gebaseerd op {plural(count, 'afgeronde meting', 'afgeronde metingen')}, één per "
            "lid. Per rol het gemiddelde van het team, hoeveel leden een score op die rol "
            f"hebben en hoeveel er 4 of hoger scoren ({STRONG:g} = 'ervaren'). Een score telt "
            f"alleen mee als dat lid genoeg van die rol heeft ingevuld ({ENOUGH_RULE}). De "
            f"cijfers van een rol staan er alleen bij als minstens {MIN_MEMBERS} leden er een "
            "score op hebben."
        ),
        *(Paragraph(line, Size.SMALL) for line in skipped_lines(found.skipped)),
        Figure(CHART, "Teamprofiel"),
        *_too_few_note(summaries, count),
        Table(
            (
                Column("Rol", 0.28),
                Column("Gemiddeld", 0.18, "RIGHT"),
                Column("Laagste–hoogste", 0.18, "RIGHT"),
                Column("Leden met score", 0.16, "RIGHT"),
                Column("Leden met 4 of hoger", 0.2, "RIGHT"),
            ),
            tuple(_row(s) for s in summaries),
            grey_rows=tuple(s.too_few for s in summaries),
        ),
    ]
    blocks += _coverage(summaries, count, found)
    if with_names:
        blocks += [Heading("Per persoon"), _per_person(catalogue, found)]
    subtitle = f"{members_text(count)} · {date_nl(today)}"
    return Content(TITLE, subtitle, (), tuple(blocks))


def _row(summary: RoleSummary) -> tuple[str, str, str, str, str]:
    """A role's row: its figures, or 'te weinig leden' and dashes."""
    if summary.too_few:
        return (summary.name, TOO_FEW, "–", str(summary.scored), "–")
    return (
        summary.name,
        _fmt(summary.mean),
        f"{_fmt(summary.low)}–{_fmt(summary.high)}",
        str(summary.scored),
        str(summary.strong),
    )


def _too_few_note(summaries: list[RoleSummary], count: int) -> list[Block]:
    """Say which roles show no figure, in the table and the chart, and why."""
    text = too_few_text(summaries, count)
    return [] if text is None else [Paragraph(text, Size.NOTE)]


def _coverage(summaries: list[RoleSummary], count: int, found: Collected) -> list[Block]:
    """Which roles the team covers well and which thinly (only roles with figures); roles of
    another catalogue."""
    shown = [s for s in summaries if not s.too_few]
    strong = [s.name for s in shown if (s.strong or 0) * 2 >= count]
    thin = [s.name for s in shown if s.strong == 0]
    blocks: list[Block] = []
    if strong:
        lead = "Goed gedekt (minstens de helft scoort 4 of hoger)"
        blocks.append(Bullets(((lead, ", ".join(strong)),)))
    if thin:
        blocks.append(Bullets((("Dun bezet (niemand scoort 4 of hoger)", ", ".join(thin)),)))
    if found.left_out:
        blocks.append(
            Paragraph(
                "Niet vergeleken, want niet in deze catalogus (andere versie): "
                + ", ".join(found.left_out),
                Size.SMALL,
            )
        )
    return blocks


def _per_person(catalogue: Catalogue, found: Collected) -> Table:
    """One column per person, one row per role: role names are long, so they get the width."""
    share = 0.7 / max(len(found.members), 1)
    columns = (
        Column("Rol", 0.3),
        *(Column(m.name or m.source.stem, share, "RIGHT") for m in found.members),
    )
    rows = tuple(
        (role.name, *(_fmt(m.scores.get(role.id)) for m in found.members))
        for role in catalogue.roles
    )
    return Table(columns, rows, size=Size.NOTE)


def render_team_markdown(
    catalogue: Catalogue, found: Collected, *, with_names: bool, today: datetime
) -> str:
    """Return team.md in Dutch (the same blocks as team.pdf)."""
    content = team_content(catalogue, found, with_names=with_names, today=today)
    return to_markdown(content, {CHART: "team.png"})
