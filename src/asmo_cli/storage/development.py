"""``development.yaml``: the development activities that a plan can propose (optional file)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from asmo_cli.core.catalogue import DEV_KINDS as KINDS
from asmo_cli.core.catalogue import DEV_STAGES, DevActivity
from asmo_cli.core.checks import Problems, label

DEVELOPMENT_FILE = "development.yaml"


def parse_development(
    data: dict[str, Any],
    role_ids: Collection[str],
    comp_ids: Collection[str],
    problems: list[str],
    task_ids: Collection[str] | None = None,
    activity_ids: Collection[str] | None = None,
) -> tuple[tuple[DevActivity, ...], dict[str, tuple[str, ...]]] | None:
    """Check development.yaml's content against the known role and competency ids.

    Returns the activities and ``order``: per role the activity ids in the order a plan
    proposes them.
    """
    p = Problems(DEVELOPMENT_FILE)
    p.fields(data, "", ("version", "activities"), ("order",))
    version = data.get("version")
    if version is None or isinstance(version, bool | list | dict):
        p.add("", "verplicht veld 'version' ontbreekt of is geen tekst")
    result: list[DevActivity] = []
    raw_list = (
        p.sequence(data.get("activities"), "", "'activities'") if "activities" in data else []
    )
    for i, raw in enumerate(raw_list or []):
        item = label(raw, i, "activiteit")
        obj = p.mapping(raw, item, "een activiteit")
        if obj is None:
            continue
        p.fields(
            obj,
            item,
            ("id", "name", "description", "kind", "roles", "competencies"),
            ("areas", "activities", "stage", "duration", "provider"),
        )
        ident, name = p.slug(obj, "id", item), p.text(obj, "name", item)
        description, kind = p.text(obj, "description", item), obj.get("kind")
        if kind is not None and kind not in KINDS:
            p.add(item, f"onbekende soort '{kind}' in kind (kies uit: {', '.join(KINDS)})")
        roles = p.id_list(obj.get("roles"), item, "roles", "rol", role_ids)
        comps = p.id_list(obj.get("competencies"), item, "competencies", "competentie", comp_ids)
        areas = p.id_list(obj.get("areas", []), item, "areas", "werkzaamheid", task_ids) or ()
        trains = (
            p.id_list(obj.get("activities", []), item, "activities", "activiteit", activity_ids)
            or ()
        )
        stage = obj.get("stage")
        if stage is not None and stage not in DEV_STAGES:
            p.add(
                item,
                f"onbekende fase '{stage}' in stage (kies uit: {', '.join(DEV_STAGES)}, of laat "
                "het veld weg)",
            )
            stage = None
        duration = p.text(obj, "duration", item) if "duration" in obj else None
        provider = p.text(obj, "provider", item) if "provider" in obj else None
        if (
            ident
            and name
            and description
            and kind in KINDS
            and roles is not None
            and comps is not None
        ):
            result.append(
                DevActivity(
                    ident,
                    name,
                    description,
                    str(kind),
                    roles,
                    comps,
                    areas,
                    stage=None if stage is None else str(stage),
                    activities=trains,
                    duration=duration,
                    provider=provider,
                )
            )
    p.unique((a.id for a in result), "activiteit")
    order = _order(data.get("order", {}), role_ids, [a.id for a in result], p)
    problems.extend(p.lines)
    return (tuple(result), order) if not p.lines else None


def _order(
    value: Any, role_ids: Collection[str], activity_ids: Collection[str], p: Problems
) -> dict[str, tuple[str, ...]]:
    """Check ``order``: role id → the ids of its activities, most fitting first."""
    obj = p.mapping(value, "order", "'order'")
    order: dict[str, tuple[str, ...]] = {}
    for role_id, ids in (obj or {}).items():
        item = f"order, rol '{role_id}'"
        if role_id not in role_ids:
            p.add("order", f"onbekende rol '{role_id}'")
            continue
        listed = p.id_list(ids, item, "order", "activiteit", activity_ids)
        if listed is not None:
            order[str(role_id)] = listed
    return order
