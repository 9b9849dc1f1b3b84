"""What the hours document (``tijdsbesteding.md`` and ``.pdf``) says, once: where the AS's
hours go, in plain Dutch, to hand to the council. Markdown and PDF only lay it out."""

from __future__ import annotations

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.council import term
from asmo_cli.core.hours import hours_by_role, hours_text, hours_total, takeover
from asmo_cli.core.law import HOURS_AND_THE_LAW
from asmo_cli.core.record import Record
from asmo_cli.core.text import date_nl, difference, percent
from asmo_cli.render.blocks import Block, Column, Content, Figure, Heading, Paragraph, Size, Table

TITLE = "Tijdsbesteding ambtelijk secretaris"
CHART = "hours"  # the figure kind of the hours chart
CHART_ALT = "Uren per werkzaamheid en per rol"
HOURS = "Uren per week"


def hours_content(catalogue: Catalogue, record: Record) -> Content:
    hours = record.hours_per_week
    total = sum(hours.values())
    council = catalogue.council
    blocks: list[Block] = [
        Paragraph(
            "Waar gaat de tijd van de ambtelijk secretaris naartoe? Dit overzicht helpt "
            f"{term('raad', council)} om met {term('bestuurder', council)} te praten over de "
            "ondersteuning die nodig is. Gemiddelde uren per week, ingevuld op "
            f"{date_nl(record.created)}."
        ),
        Paragraph(HOURS_AND_THE_LAW[council], Size.NOTE),
        Heading("Totaal en formatie"),
        Table((Column("", 0.7), Column(HOURS, 0.3, "RIGHT")), _totals(record)),
        Figure(CHART, CHART_ALT),
        Heading("Uren per werkzaamheid"),
    ]
    by_task = sorted((t for t in catalogue.tasks if hours.get(t.id)), key=lambda t: -hours[t.id])
    blocks.append(
        Table(
            (Column("Werkzaamheid", 0.75), Column(HOURS, 0.25, "RIGHT")),
            tuple((t.name, hours_text(hours[t.id])) for t in by_task),
        )
    )
    per_role = hours_by_role(catalogue, hours)
    roles = sorted(catalogue.roles, key=lambda r: -per_role[r.id])
    blocks += [
        Heading("Uren per rol"),
        Paragraph(
            "De uren van elke werkzaamheid zijn verdeeld over de rollen waarvoor die "
            "werkzaamheid telt, naar verhouding van de gewichten.",
            Size.SMALL,
        ),
        Table(
            (Column("Rol", 0.5), Column(HOURS, 0.25, "RIGHT"), Column("Deel", 0.25, "RIGHT")),
            tuple(
                (
                    r.name,
                    hours_text(per_role[r.id]),
                    _share(per_role[r.id], total),
                )
                for r in roles
            ),
        ),
    ]
    subtitle = " · ".join(part for part in (record.name, record.council_name) if part) or None
    return Content(TITLE, subtitle, (), tuple(blocks + _takeover(catalogue, record)))


def _share(part: float, total: float) -> str:
    return percent(part / total) if total else "0%"


def _totals(record: Record) -> tuple[tuple[str, str], ...]:
    total = hours_total(record.hours_per_week.values())  # the sum of the rows of the table
    contract = record.contract_hours_per_week
    rows = [("Besteed aan de werkzaamheden", hours_text(total))]
    if contract:
        rows.append(("Formatie (contracturen)", hours_text(contract)))
        label = "Meer dan de formatie" if total > contract else "Ruimte binnen de formatie"
        rows.append((label, hours_text(abs(difference(total, contract)))))
    else:
        rows.append(("Formatie", "niet ingevuld"))
    return tuple(rows)


def _takeover(catalogue: Catalogue, record: Record) -> list[Block]:
    """What the council would have to take over (or leave) when the AS is away."""
    rows = takeover(catalogue, record)
    return [
        Heading("Als de ambtelijk secretaris wegvalt", with_next=35),
        Paragraph(
            "Zonder vervanging moeten bij ziekte, vakantie of verlof "
            f"{term('raadsleden', catalogue.council)} dit werk zelf doen, of het blijft liggen; "
            f"vervanging kun je met {term('bestuurder', catalogue.council)} bespreken. Per "
            "werkzaamheid de uren per week die zij dan zouden moeten overnemen:"
        ),
        Table(
            (
                Column("Werkzaamheid", 0.32),
                Column(HOURS, 0.14, "RIGHT"),
                Column("Wat er dan blijft liggen", 0.54),
            ),
            tuple(
                (row.task.name, hours_text(row.hours), "; ".join(row.activities) or "–")
                for row in rows
            ),
            size=Size.NOTE,
        ),
        Paragraph(
            f"In totaal: {hours_text(hours_total(r.hours for r in rows))} uur per week.", bold=True
        ),
    ]
