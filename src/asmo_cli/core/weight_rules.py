"""The rules a reader can check on the weights, for the shipped catalogue and her own.

- Every activity has one main role (weight 1,0) and at most two others, each at 0,5.
- No area carries more than MAX_AREA_SHARE of a role's total activity weight.
- Every role draws on at least MIN_AREAS areas.

The shipped catalogue's tests enforce them; ``asmo validate`` names them as warnings for a
custom catalogue (it still works: these rules keep judgements recognisable, not scores valid).
"""

from __future__ import annotations

from collections.abc import Mapping

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.text import percent

MAIN, SIDE = 1.0, 0.5
MAX_SIDE_ROLES = 2
MAX_AREA_SHARE = 0.4
MIN_AREAS = 3


def _share(value: float) -> str:
    return percent(value)


def weight_warnings(catalogue: Catalogue) -> list[str]:
    """Every place where the weights break a rule, as a Dutch line naming the item."""
    lines: list[str] = []
    names = {r.id: r.name for r in catalogue.roles}
    per_area: dict[str, dict[str, float]] = {r.id: {} for r in catalogue.roles}
    for task in catalogue.tasks:
        for activity in task.activities:
            weights = catalogue.activity_weights(task, activity)
            where = f"tasks.yaml: werkzaamheid '{task.id}', activiteit '{activity.id}'"
            lines += _activity_warnings(where, weights, names)
            for role_id, weight in weights.items():
                if role_id in per_area:
                    area = per_area[role_id]
                    area[task.id] = area.get(task.id, 0.0) + weight
    for role in catalogue.roles:
        lines += _role_warnings(role.id, per_area[role.id])
    return lines


def _activity_warnings(
    where: str, weights: Mapping[str, float], names: Mapping[str, str]
) -> list[str]:
    """The lines for an activity without exactly one main role, with too many side roles, or
    with a weight other than 1 and 0,5."""
    lines: list[str] = []
    main = [r for r, w in weights.items() if w == MAIN]
    side = [r for r, w in weights.items() if w == SIDE]
    other = [r for r, w in weights.items() if w not in (MAIN, SIDE)]
    if len(main) != 1:
        lines.append(
            f"{where}: heeft {len(main)} rollen met gewicht 1; geef precies één rol "
            "gewicht 1 (de rol waarvoor dit werk de kern is)"
        )
    if len(side) > MAX_SIDE_ROLES:
        lines.append(
            f"{where}: weegt met 0,5 bij {len(side)} rollen; hoogstens "
            f"{MAX_SIDE_ROLES}, anders zegt het antwoord over te veel rollen iets"
        )
    if other:
        lines.append(
            f"{where}: gebruik alleen de gewichten 1 en 0,5 (niet bij "
            f"{', '.join(names.get(r, r) for r in other)})"
        )
    return lines


def _role_warnings(role_id: str, areas: Mapping[str, float]) -> list[str]:
    """The lines for a role that draws on too few areas, or too much on one (``areas``: the
    role's summed activity weight per area)."""
    lines: list[str] = []
    total = sum(areas.values())
    if len(areas) < MIN_AREAS:
        lines.append(
            f"roles.yaml: rol '{role_id}': put uit {len(areas)} werkzaamheden; geef haar "
            f"gewicht in minstens {MIN_AREAS}, zodat één werkzaamheid de rol niet bepaalt"
        )
    for task_id, weight in areas.items():
        if total and weight / total > MAX_AREA_SHARE + 1e-9:
            lines.append(
                f"roles.yaml: rol '{role_id}': werkzaamheid '{task_id}' draagt "
                f"{_share(weight / total)} van het gewicht van de rol; hoogstens "
                f"{_share(MAX_AREA_SHARE)}: geef haar in andere werkzaamheden meer gewicht, of "
                "in deze minder"
            )
    return lines
