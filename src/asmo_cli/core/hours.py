"""Tijdsbesteding: where the hours go, per task area and per role, for the facility-hours talk.

Hours per role: each area's hours are shared over the roles that weigh on it, in proportion
to the weights of roles.yaml: h(t,r) = h_t · w(t,r) / Σ_r' w(t,r').
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from asmo_cli.core.catalogue import Catalogue, TaskArea
from asmo_cli.core.record import MAX_HOURS, Record
from asmo_cli.core.text import number, shown

OVER_CONTRACT = 1.5  # warn when the hours exceed the formatie by more than half

# How people write hours: digits, with a decimal comma or dot (4, 2,5, 2.5). Not 1e1, +4, 4.
# or ,5: nobody types hours so, and a file and the prompt must agree on what a number is.
_DECIMAL = re.compile(r"^\s*[0-9]+(?:[.,][0-9]+)?\s*$")


def hours_number(value: Any) -> float | None:
    """Return a finite number from a number or a text such as '3,5' (see _DECIMAL); else None."""
    if isinstance(value, str) and _DECIMAL.match(value):
        value = float(value.strip().replace(",", "."))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        result = float(value) + 0.0  # + 0.0: -0.0 is 0
    except OverflowError:  # an integer too large for a float: no number of hours
        return None
    return result if math.isfinite(result) else None


def parse_hours_value(value: Any, *, positive: bool = False) -> float | None:
    """Return a number of hours per week, 0 to 168 (a formatie, ``positive``: more than 0);
    None for anything else. The one rule for the prompt and for every file asmo reads."""
    amount = hours_number(value)
    if amount is None or amount > MAX_HOURS or amount < 0 or (positive and amount == 0):
        return None
    return amount


def hours_text(value: float) -> str:
    """Return hours as people write them, rounded half up to one decimal: 6 (never 6,0), 2,5."""
    return number(value, trim=True)


def hours_total(values: Iterable[float]) -> float:
    """Return the sum of hours as the reader adds up the figures she sees (each rounded half
    up to one decimal, as ``hours_text`` shows them): a total under a table adds up."""
    return shown(sum(shown(value) for value in values))


class MergedHours(NamedTuple):
    """Hours from a file laid over the saved ones: the result, and what went (``--replace``)."""

    hours: dict[str, float]
    removed: dict[str, float]


def merge_hours(
    saved: Mapping[str, float], given: Mapping[str, float], *, replace: bool = False
) -> MergedHours:
    """Lay hours from a file over the saved hours: an area the file names gets its hours
    (0 too: zero hours), every other area keeps its own; ``replace``: only the file's hours
    stay, and the areas whose saved hours go are returned as ``removed``."""
    if replace:
        removed = {task: value for task, value in saved.items() if task not in given}
        return MergedHours(dict(given), removed)
    return MergedHours({**saved, **given}, {})


class Takeover(NamedTuple):
    task: TaskArea
    hours: float
    activities: tuple[str, ...]


def over_contract_warning(hours: Mapping[str, float], contract: float | None) -> str | None:
    """Return a warning when the hours exceed the formatie by more than half."""
    total = hours_total(hours.values())
    if contract and total > OVER_CONTRACT * contract:
        return (
            f"je tijdsbesteding ({hours_text(total)} uur per week) is meer dan anderhalf keer je "
            f"formatie ({hours_text(contract)} uur); klopt dat?"
        )
    return None


def hours_by_role(catalogue: Catalogue, hours: Mapping[str, float]) -> dict[str, float]:
    """Share every area's hours over its roles in proportion to their mean weight over the
    area's activities."""
    result = {role.id: 0.0 for role in catalogue.roles}
    tasks = {t.id: t for t in catalogue.tasks}
    for task_id, amount in hours.items():
        if task_id not in tasks:
            continue
        weights = {r.id: catalogue.area_weight(r.id, tasks[task_id]) for r in catalogue.roles}
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
