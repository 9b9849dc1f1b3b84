"""Reading weights: a role's row per area (roles.yaml) and an activity's own (tasks.yaml).

Both are a mapping of ids to numbers from 0 to MAX_WEIGHT with at least one above 0. The
rules a reader can check (one main role per activity, ...) are in ``core/weight_rules.py``.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from asmo_cli.core.catalogue import Role, TaskArea
from asmo_cli.core.checks import Problems

MAX_WEIGHT = 10.0


def weight_map(
    value: Any, item: str, known: Collection[str] | None, kind: str, p: Problems
) -> dict[str, float] | None:
    """Check a ``weights`` mapping of ``kind`` ids ('werkzaamheid', 'rol') to numbers; None
    when it has a problem (each is added to ``p``). ``known``: the valid ids, None: unchecked."""
    obj = p.mapping(value, item, "'weights'")
    if obj is None:
        return None
    weights: dict[str, float] = {}
    ok = True
    for ident, raw in obj.items():
        if known is not None and ident not in known:
            p.add(item, f"onbekende {kind} '{ident}' in weights")
            ok = False
            continue
        number = p.number(raw, item, f"het gewicht van '{ident}'")
        if number is None:
            ok = False
        elif number < 0:
            p.add(item, f"het gewicht van '{ident}' is negatief ({raw}); gebruik 0 of meer")
            ok = False
        elif number > MAX_WEIGHT:
            p.add(
                item,
                f"het gewicht van '{ident}' is te groot ({raw}); gebruik hoogstens "
                f"{MAX_WEIGHT:g} (de gewichten zijn verhoudingen, zoals 1 en 0,5)",
            )
            ok = False
        else:
            weights[str(ident)] = number
    if ok and not any(w > 0 for w in weights.values()):
        what = "werkzaamheid" if kind == "werkzaamheid" else "rol"
        p.add(item, f"heeft geen enkel gewicht groter dan 0; geef minstens één {what} een gewicht")
        ok = False
    return weights if ok else None


def check_activity_roles(
    tasks: Collection[TaskArea], role_ids: Collection[str], file: str
) -> list[str]:
    """Problem lines for activity weights that name a role roles.yaml does not have."""
    p = Problems(file)
    for task in tasks:
        for activity in task.activities:
            for role_id in activity.weights or {}:
                if role_id not in role_ids:
                    p.add(
                        f"werkzaamheid '{task.id}', activiteit '{activity.id}'",
                        f"onbekende rol '{role_id}' in weights; kies uit: {', '.join(role_ids)}",
                    )
    return p.lines


def check_every_activity_weighs(tasks: Collection[TaskArea], roles: Collection[Role]) -> list[str]:
    """Problem lines for activities that weigh on no role (neither their own weights nor
    their area's row in roles.yaml gives a weight above 0)."""
    p = Problems("roles.yaml")
    for task in tasks:
        row = any(r.weights.get(task.id, 0) > 0 for r in roles)
        bare = [a for a in task.activities if a.weights is None]
        if bare and not row:
            p.add(
                f"werkzaamheid '{task.id}'",
                "heeft bij geen enkele rol een gewicht; geef haar bij minstens één rol "
                "een gewicht groter dan 0 (of geef elke activiteit eigen weights in tasks.yaml)",
            )
    return p.lines
