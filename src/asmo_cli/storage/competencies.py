"""``competencies.yaml``: the function levels with their target profiles, and the competencies."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from asmo_cli.core.catalogue import KINDS, Competency, Level, frozen
from asmo_cli.core.checks import Problems, describe, file_version

COMPETENCIES_FILE = "competencies.yaml"


@dataclass(frozen=True)
class Competencies:
    version: str
    levels: tuple[Level, ...]
    competencies: tuple[Competency, ...]


def read_competencies(data: dict[str, Any], problems: list[str]) -> Competencies | None:
    """Check competencies.yaml's content: the levels (with profiles) and the competencies."""
    p = Problems(COMPETENCIES_FILE)
    p.fields(data, "", ("version", "levels", "competencies"))
    version = file_version(data, p)
    levels: list[Level] = []
    raw_levels = p.mapping(data.get("levels"), "", "'levels'") if "levels" in data else None
    for level_id, raw in (raw_levels or {}).items():
        item = f"niveau '{level_id}'"
        obj = p.mapping(raw, item, "een niveau")
        if obj is None:
            continue
        p.fields(obj, item, ("name", "description"), ("profile",))
        name, description = p.text(obj, "name", item), p.text(obj, "description", item)
        profile = _profile(obj.get("profile", {}), item, p)
        if p.slug({"id": level_id}, "id", item) and name and description and profile is not None:
            levels.append(Level(str(level_id), name, description, frozen(profile)))
    level_ids = {lv.id for lv in levels}
    comps: list[Competency] = []
    for item, obj in p.entries(data, "competencies", "competentie", "een competentie"):
        p.fields(obj, item, ("id", "name", "kind", "description"), ("basic", "table", "levels"))
        ident, name = p.slug(obj, "id", item), p.text(obj, "name", item)
        description, kind = p.text(obj, "description", item), obj.get("kind")
        if kind is not None and kind not in KINDS:
            p.add(item, f"onbekende soort '{kind}' in kind (kies uit: {', '.join(KINDS)})")
        basic = obj.get("basic", False)
        if not isinstance(basic, bool):
            p.add(item, f"'basic' moet true of false zijn, niet {describe(basic)}")
        table = obj.get("table")
        if table is not None and (isinstance(table, bool) or table not in (1, 2)):
            p.add(item, f"'table' moet 1 of 2 zijn, niet {describe(table)}")
        texts = _level_texts(obj.get("levels", {}), item, level_ids, p)
        if ident and name and description and kind in KINDS and texts is not None:
            comps.append(
                Competency(ident, name, str(kind), basic is True, table, description, frozen(texts))
            )
    p.unique((c.id for c in comps), "competentie")
    problems.extend(p.lines)
    return Competencies(version, tuple(levels), tuple(comps)) if not p.lines else None


def _profile(value: Any, item: str, p: Problems) -> dict[str, float] | None:
    obj = p.mapping(value, item, "'profile'")
    if obj is None:
        return None
    profile: dict[str, float] = {}
    for role_id, raw in obj.items():
        number = p.number(raw, item, f"het streefprofiel van '{role_id}'")
        if number is not None and not 1 <= number <= 5:
            p.add(item, f"het streefprofiel van '{role_id}' is {raw}; gebruik 1 tot en met 5")
        elif number is not None:
            profile[str(role_id)] = number
    return profile if len(profile) == len(obj) else None


def _level_texts(value: Any, item: str, level_ids: set[str], p: Problems) -> dict[str, str] | None:
    obj = p.mapping(value, item, "'levels'")
    if obj is None:
        return None
    texts: dict[str, str] = {}
    for level_id, text in obj.items():
        if level_id not in level_ids:
            p.add(item, f"onbekend niveau '{level_id}' in levels")
        elif not isinstance(text, str) or not text.strip():
            p.add(item, f"de tekst voor niveau '{level_id}' moet tekst zijn, niet {describe(text)}")
        else:
            texts[str(level_id)] = text.strip()
    return texts


def check_profiles(
    levels: tuple[Level, ...], role_ids: Collection[str], problems: list[str]
) -> None:
    """Name every role in a level's profile that roles.yaml does not have."""
    p = Problems(COMPETENCIES_FILE)
    for level in levels:
        for role_id in level.profile:
            if role_id not in role_ids:
                p.add(f"niveau '{level.id}'", f"onbekende rol '{role_id}' in profile")
    problems.extend(p.lines)
