"""``tijdsbesteding.md``: where the AS's hours go, in plain Dutch, to hand to the council."""

from __future__ import annotations

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.hours import hours_by_role, hours_text, takeover
from asmo_cli.core.record import Record
from asmo_cli.core.text import HOURS_AND_THE_LAW, md


def render_hours_markdown(catalogue: Catalogue, record: Record, image: str | None) -> str:
    """Return tijdsbesteding.md: plain Dutch, printable, to hand to the council."""
    hours = record.hours_per_week
    total = sum(hours.values())
    contract = record.contract_hours_per_week
    who = f" van {md(record.name)}" if record.name else ""
    lines = [f"# Tijdsbesteding{who}", ""]
    lines += [
        "Waar gaat de tijd van de ambtelijk secretaris naartoe? Dit overzicht helpt het MZO "
        "om met de bestuurder te praten over de ondersteuning die nodig is.",
        "",
        HOURS_AND_THE_LAW,
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
