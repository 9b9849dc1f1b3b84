"""Competencies from the evidence: what she already shows is never proposed to develop.

A competency (not one of the tool's basic ones, which are assumed) is *shown* when
- it belongs to one of her strongest roles ("Communiceren laat je al zien als Penvoerder"), or
- the plain mean of her stars over the rated activities that feed a role listing it is
  SHOWN_MEAN or higher, over at least MIN_RATED such activities (fewer say too little).

The report's roles to develop and the plan propose only competencies that are not shown, and
say in one line per shown competency why it is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from asmo_cli.core.catalogue import Catalogue, Competency
from asmo_cli.core.scoring import MIN_RATED, RoleScore, Values, activities_text
from asmo_cli.core.text import number

SHOWN_MEAN = 4.0


def _stars(value: float) -> str:
    return number(value)


def shown_competencies(
    catalogue: Catalogue,
    ratings: Values,
    strongest: Sequence[RoleScore],
    *,
    in_her_words: bool = False,
) -> dict[str, str]:
    """Competency id → the line that says why she already shows it (see the docstring);
    ``in_her_words``: in the first person, as the development plan speaks ("laat ik")."""
    shown: dict[str, str] = {}
    shows = "laat ik al zien" if in_her_words else "laat je al zien"
    for comp in catalogue.competencies:
        if comp.basic:
            continue
        listing = {r.id for r in catalogue.roles if comp.id in r.competencies}
        strong = next((s for s in strongest if s.role_id in listing), None)
        if strong is not None:
            shown[comp.id] = f"{comp.name} {shows} als {strong.name}."
            continue
        values = [
            value
            for task in catalogue.tasks
            for activity in task.activities
            if (value := ratings.get(task.id, {}).get(activity.id)) is not None
            and listing & set(catalogue.activity_weights(task, activity))
        ]
        if len(values) >= MIN_RATED and sum(values) / len(values) >= SHOWN_MEAN - 1e-9:
            mean = sum(values) / len(values)
            shown[comp.id] = (
                f"{comp.name} {shows}: gemiddeld {_stars(mean)} sterren op de "
                f"{activities_text(len(values))} waarin het nodig is."
            )
    return shown


def to_develop_for(
    catalogue: Catalogue, role_id: str, shown: Mapping[str, str]
) -> tuple[list[Competency], list[str]]:
    """A role's competencies to develop (not basic, not shown), and the lines for the ones
    left out because she already shows them."""
    develop, lines = [], []
    for comp_id in catalogue.role(role_id).competencies:
        comp = catalogue.competency(comp_id)
        if comp.basic:
            continue
        if comp_id in shown:
            lines.append(shown[comp_id])
        else:
            develop.append(comp)
    return develop, lines
