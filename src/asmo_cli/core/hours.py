"""Tijdsbesteding: where the hours go, per task area and per role, for the facility-hours talk.

Hours per role: each area's hours are shared over the roles that weigh on it, in proportion
to the weights of roles.yaml: h(t,r) = h_t · w(t,r) / Σ_r' w(t,r').
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from asmo_cli.core.catalogue import Catalogue, Task
from asmo_cli.core.errors import RecordError
from asmo_cli.core.record import Record
from asmo_cli.core.text import md, number
from asmo_cli.storage.records import parse_hours

OVER_CONTRACT = 1.5  # warn when the hours exceed the formatie by more than half


def hours_text(value: float) -> str:
    """Return hours as people write them: 6, 2,5."""
    return number(value, trim=True)


class Takeover(NamedTuple):
    task: Task
    hours: float
    activities: tuple[str, ...]


def check_hours(
    data: Mapping[str, Any], selected: Mapping[str, Any], catalogue: Catalogue, where: str
) -> tuple[dict[str, float], float | None]:
    """Check hours against the catalogue and the selected areas; RecordError lists every error."""
    problems: list[str] = []
    hours, contract = parse_hours(data, where, problems)
    known = {t.id for t in catalogue.tasks}
    for task_id in hours:
        if task_id not in known:
            problems.append(f"{where}: hours_per_week: onbekende taak '{task_id}'")
        elif task_id not in selected:
            problems.append(
                f"{where}: hours_per_week: taak '{task_id}' is niet gekozen in deze meting; "
                "geef alleen uren voor gekozen werkzaamheden"
            )
    if problems:
        raise RecordError(problems[0], details=tuple(problems[1:]))
    return hours, contract


def over_contract_warning(hours: Mapping[str, float], contract: float | None) -> str | None:
    """Return a warning when the hours exceed the formatie by more than half."""
    total = sum(hours.values())
    if contract and total > OVER_CONTRACT * contract:
        return (
            f"je tijdsbesteding ({hours_text(total)} uur per week) is meer dan anderhalf keer je "
            f"formatie ({hours_text(contract)} uur); klopt dat?"
        )
    return None


def hours_by_role(catalogue: Catalogue, hours: Mapping[str, float]) -> dict[str, float]:
    """Share every area's hours over its roles in proportion to the weights."""
    result = {role.id: 0.0 for role in catalogue.roles}
    for task_id, amount in hours.items():
        weights = {r.id: r.weights.get(task_id, 0.0) for r in catalogue.roles}
        total = sum(w for w in weights.values() if w > 0)
        if total <= 0:
            continue
        for role_id, weight in weights.items():
            if weight > 0:
                result[role_id] += amount * weight / total
    return result


def takeover(catalogue: Catalogue, record: Record) -> list[Takeover]:
    """Return per area the hours council members would take over, most first."""
    rows = []
    for task in catalogue.tasks:
        amount = record.hours_per_week.get(task.id)
        if not amount:
            continue
        given = record.ratings.get(task.id, {})
        done = tuple(a.name for a in task.activities if given.get(a.id) is not None)
        rows.append(Takeover(task, amount, done))
    return sorted(rows, key=lambda row: -row.hours)


def render_hours_markdown(catalogue: Catalogue, record: Record, image: str | None) -> str:
    """Return tijdsbesteding.md: plain Dutch, printable, to hand to the council."""
    hours = record.hours_per_week
    total = sum(hours.values())
    contract = record.contract_hours_per_week
    who = f" van {md(record.name)}" if record.name else ""
    lines = [f"# Tijdsbesteding{who}", ""]
    lines += [
        "Waar gaat de tijd van de ambtelijk secretaris naartoe? Dit overzicht helpt het MZO "
        "om met de bestuurder te praten over de uren die nodig zijn (WOR artikel 18 lid 3: "
        "ondernemer en OR stellen samen vast hoeveel tijd redelijkerwijs nodig is).",
        "",
        f"Gemiddelde uren per week, ingevuld bij de meting van "
        f"{record.created.strftime('%d-%m-%Y')}.",
        "",
    ]
    if image:
        lines += [f"![Uren per werkzaamheid en per rol]({image})", ""]
    lines += ["## Totaal en formatie", ""]
    lines += [
        "| | Uren per week |",
        "|---|---:|",
        f"| Besteed aan de werkzaamheden | {hours_text(total)} |",
    ]
    if contract:
        diff = total - contract
        lines += [f"| Formatie (contracturen) | {hours_text(contract)} |"]
        label = "Meer dan de formatie" if diff > 0 else "Ruimte binnen de formatie"
        lines += [f"| {label} | {hours_text(abs(diff))} |"]
    else:
        lines += ["| Formatie | niet ingevuld |"]
    lines.append("")
    lines += ["## Uren per werkzaamheid", "", "| Werkzaamheid | Uren per week |", "|---|---:|"]
    for task in sorted(catalogue.tasks, key=lambda t: -hours.get(t.id, 0.0)):
        if hours.get(task.id):
            lines.append(f"| {md(task.name)} | {hours_text(hours[task.id])} |")
    lines.append("")
    lines += [
        "## Uren per rol",
        "",
        "De uren van elke werkzaamheid zijn verdeeld over de rollen waarvoor die werkzaamheid "
        "telt, naar verhouding van de gewichten.",
        "",
        "| Rol | Uren per week | Deel |",
        "|---|---:|---:|",
    ]
    per_role = hours_by_role(catalogue, hours)
    for role in sorted(catalogue.roles, key=lambda r: -per_role[r.id]):
        share = per_role[role.id] / total if total else 0.0
        lines.append(f"| {md(role.name)} | {hours_text(per_role[role.id])} | {share:.0%} |")
    lines.append("")
    rows = takeover(catalogue, record)
    lines += [
        "## Als de ambtelijk secretaris wegvalt",
        "",
        "Bij ziekte, vakantie of verlof moeten OR-leden dit werk zelf doen, of het blijft "
        "liggen. Per werkzaamheid de uren per week die zij dan zouden moeten overnemen:",
        "",
        "| Werkzaamheid | Uren per week | Wat er dan blijft liggen |",
        "|---|---:|---|",
    ]
    for row in rows:
        work = "; ".join(md(a) for a in row.activities) or "–"
        lines.append(f"| {md(row.task.name)} | {hours_text(row.hours)} | {work} |")
    lines += [
        "",
        f"In totaal: **{hours_text(sum(r.hours for r in rows))} uur per week**.",
        "",
    ]
    return "\n".join(lines)
