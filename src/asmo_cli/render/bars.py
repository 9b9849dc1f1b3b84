"""The geometry of the hours chart, computed once: which bars, in which order, how long the
axis is and where its ticks go. matplotlib draws it as ``tijdsbesteding.png``
(``charts.draw_hours``), the PDF draws it as vector graphics (``pdf_bars.draw_bars_pdf``),
so both show the same bars, numbers and ticks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.hours import hours_by_role, hours_text, hours_total
from asmo_cli.core.record import Record
from asmo_cli.core.text import number

AREAS_COLOUR = "#1f5fa8"
ROLES_COLOUR = "#d9822b"
AXIS_LABEL = "uren per week"


@dataclass(frozen=True)
class Bar:
    name: str
    value: float

    @property
    def text(self) -> str:
        """The bar's hours as the tables show them: 8, 2,5 (never 8,0)."""
        return hours_text(self.value)


@dataclass(frozen=True)
class Panel:
    """One set of horizontal bars, the largest first, on an axis from 0 to ``limit``."""

    title: str
    colour: str
    bars: tuple[Bar, ...]
    limit: float
    ticks: tuple[float, ...]

    @staticmethod
    def tick_text(value: float) -> str:
        return number(value, 2, trim=True)


def ticks_for(largest: float) -> tuple[float, tuple[float, ...]]:
    """The axis length (room for the value after the longest bar) and round ticks on it."""
    limit = largest * 1.15 if largest > 0 else 1.0
    raw = limit / 8  # at most about nine ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    count = int(limit / step + 1e-9)
    return limit, tuple(round(i * step, 6) for i in range(count + 1))


def panel(title: str, colour: str, items: Sequence[tuple[str, float]]) -> Panel:
    ordered = sorted(items, key=lambda item: -item[1])
    limit, ticks = ticks_for(max((value for _, value in ordered), default=0.0))
    return Panel(title, colour, tuple(Bar(name, value) for name, value in ordered), limit, ticks)


def hours_panels(
    areas: Sequence[tuple[str, float]], roles: Sequence[tuple[str, float]]
) -> tuple[Panel, Panel]:
    """The hours per task area and per role, each panel sorted from most to least."""
    return (
        panel("Uren per werkzaamheid", AREAS_COLOUR, areas),
        panel("Uren per rol", ROLES_COLOUR, roles),
    )


def hours_chart_panels(catalogue: Catalogue, record: Record) -> tuple[Panel, Panel]:
    """The panels of a record's hours: the areas with hours, the roles they count for."""
    hours = record.hours_per_week
    areas = [(t.name, hours[t.id]) for t in catalogue.tasks if hours.get(t.id)]
    per_role = hours_by_role(catalogue, hours)
    roles = [(r.name, per_role[r.id]) for r in catalogue.roles if per_role[r.id] > 0]
    return hours_panels(areas, roles)


def hours_chart_title(record: Record) -> str:
    hours = record.hours_per_week
    title = f"Tijdsbesteding: {hours_text(hours_total(hours.values()))} uur per week"
    if record.contract_hours_per_week:
        title += f" (formatie {hours_text(record.contract_hours_per_week)} uur)"
    return title
