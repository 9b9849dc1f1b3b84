"""``team.md``, ``team.pdf`` (its content) and ``team.json``: the team profile, anonymous
unless names are asked for."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.team import (
    MIN_FOR_BAND,
    STRONG,
    Collected,
    RoleSummary,
    members_text,
    summarise,
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
    """Return team.json: the per-role aggregates (and, with names, the per-person scores)."""
    data: dict[str, Any] = {
        "members": len(found.members),
        "catalogue_version": catalogue.tasks_version,
        "roles": [
            {
                "id": s.role_id,
                "name": s.name,
                "mean": s.mean,
                "min": s.low,
                "max": s.high,
                "scored": s.scored,
                "strong": s.strong,
            }
            for s in summarise(catalogue, found.members)
        ],
        "left_out_roles": list(found.left_out),
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
    """What team.md and team.pdf say: the roles' spread, anonymous unless names are asked."""
    count = len(found.members)
    summaries = summarise(catalogue, found.members)
    blocks: list[Block] = [
        Paragraph(
            f"Gebaseerd op {plural(count, 'afgeronde meting', 'afgeronde metingen')}. Per rol "
            "het gemiddelde van het team, hoeveel leden een score op die rol hebben en hoeveel "
            f"er 4 of hoger scoren ({STRONG:g} = 'ervaren'). Een score telt alleen mee als dat "
            f"lid genoeg van die rol heeft ingevuld ({ENOUGH_RULE})."
        ),
        Figure(CHART, "Teamprofiel"),
        *_band_note(summaries, count),
        Table(
            (
                Column("Rol", 0.3),
                Column("Gemiddeld", 0.14, "RIGHT"),
                Column("Laagste–hoogste", 0.2, "RIGHT"),
                Column("Leden met score", 0.16, "RIGHT"),
                Column("Leden met 4 of hoger", 0.2, "RIGHT"),
            ),
            tuple(
                (
                    s.name,
                    _fmt(s.mean),
                    f"{_fmt(s.low)}–{_fmt(s.high)}" if s.low is not None else "–",
                    str(s.scored),
                    str(s.strong),
                )
                for s in summaries
            ),
        ),
    ]
    if count < MIN_FOR_BAND:
        blocks.append(
            Paragraph(
                f"Laagste en hoogste score staan er pas bij vanaf {MIN_FOR_BAND} leden met een "
                "score, zodat niemands eigen score af te lezen is.",
                Size.NOTE,
            )
        )
    blocks += _coverage(summaries, count, found)
    if with_names:
        blocks += [Heading("Per persoon"), _per_person(catalogue, found)]
    subtitle = f"{members_text(count)} · {date_nl(today)}"
    return Content(TITLE, subtitle, (), tuple(blocks))


def _band_note(summaries: list[RoleSummary], count: int) -> list[Block]:
    """Say where the chart's band stops (and its mean is not a range): the roles that fewer
    than MIN_FOR_BAND members scored."""
    if count < MIN_FOR_BAND:
        return []  # no band at all, said below the table
    few = [s.name for s in summaries if s.scored and s.low is None]
    if not few:
        return []
    return [
        Paragraph(
            f"De band laagste tot hoogste ontbreekt bij {', '.join(few)}: daar hebben minder "
            f"dan {MIN_FOR_BAND} leden een score.",
            Size.NOTE,
        )
    ]


def _coverage(summaries: list[RoleSummary], count: int, found: Collected) -> list[Block]:
    """Which roles the team covers well and which thinly; roles of another catalogue."""
    strong = [s.name for s in summaries if s.scored and s.strong * 2 >= count]
    thin = [s.name for s in summaries if s.strong == 0]
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
