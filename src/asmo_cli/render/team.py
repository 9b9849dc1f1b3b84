"""``team.md`` and ``team.json``: the team profile, anonymous unless names are asked for."""

from __future__ import annotations

import json
from typing import Any

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.team import MIN_FOR_BAND, STRONG, Collected, summarise
from asmo_cli.core.text import ENOUGH_RULE, md, number, plural


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


def render_team_markdown(catalogue: Catalogue, found: Collected, *, with_names: bool) -> str:
    """Return team.md in Dutch: coverage per role, anonymous unless names are asked for."""
    count = len(found.members)
    lines = ["# Teamprofiel bureau medezeggenschap", ""]
    lines += [
        f"Gebaseerd op {plural(count, 'afgeronde meting', 'afgeronde metingen')}. Per rol het "
        "gemiddelde van het team, hoeveel leden een score op die rol hebben en hoeveel er 4 "
        f"of hoger scoren ({STRONG:g} = 'ervaren'). Een score telt alleen mee als dat lid "
        f"genoeg van die rol heeft ingevuld ({ENOUGH_RULE}).",
        "",
        "![Teamprofiel](team.png)",
        "",
        "| Rol | Gemiddeld | Laagste–hoogste | Leden met score | Leden met 4 of hoger |",
        "|---|---:|---:|---:|---:|",
    ]
    summaries = summarise(catalogue, found.members)
    for s in summaries:
        spread = f"{_fmt(s.low)}–{_fmt(s.high)}" if s.low is not None else "–"
        lines.append(f"| {md(s.name)} | {_fmt(s.mean)} | {spread} | {s.scored} | {s.strong} |")
    lines.append("")
    if count < MIN_FOR_BAND:
        lines += [
            f"Laagste en hoogste score staan er pas bij vanaf {MIN_FOR_BAND} leden met een "
            "score, zodat niemands eigen score af te lezen is.",
            "",
        ]
    thin = [md(s.name) for s in summaries if s.strong == 0]
    strong = [md(s.name) for s in summaries if s.scored and s.strong * 2 >= count]
    if strong:
        lines += ["**Goed gedekt** (minstens de helft scoort 4 of hoger): " + ", ".join(strong), ""]
    if thin:
        lines += ["**Dun bezet** (niemand scoort 4 of hoger): " + ", ".join(thin), ""]
    if found.left_out:
        lines += [
            "Niet vergeleken, want niet in deze catalogus (andere versie): "
            + ", ".join(md(r) for r in found.left_out),
            "",
        ]
    if with_names:
        names = [md(role.name) for role in catalogue.roles]
        lines += ["## Per persoon", "", "| Naam | " + " | ".join(names) + " |"]
        lines.append("|---|" + "---:|" * len(names))
        for m in found.members:
            cells = [_fmt(m.scores.get(role.id)) for role in catalogue.roles]
            lines.append(f"| {md(m.name or m.source.stem)} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)
