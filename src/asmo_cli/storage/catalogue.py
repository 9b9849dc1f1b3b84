"""The catalogue: tasks.yaml, roles.yaml and competencies.yaml as frozen, checked models.

The models are NamedTuples rather than frozen dataclasses: just as immutable and typed, and
several times cheaper to define, which keeps ``asmo roles`` quick to start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from asmo_cli.core.checks import Problems, describe, label
from asmo_cli.core.errors import CatalogueError
from asmo_cli.storage.development import DEVELOPMENT_FILE, DevActivity, parse_development
from asmo_cli.storage.files import MAX_PATH_CHARS
from asmo_cli.storage.yamlio import YamlProblem, read_yaml

TASKS_FILE = "tasks.yaml"
ROLES_FILE = "roles.yaml"
COMPETENCIES_FILE = "competencies.yaml"
KINDS = ("kennis", "vaardigheid", "gedrag")
MIN_ROLES = 3
MAX_WEIGHT = 10.0


class ScaleLevel(NamedTuple):
    stars: int
    label: str
    description: str


class Activity(NamedTuple):
    id: str
    name: str


class Task(NamedTuple):
    id: str
    name: str
    description: str
    activities: tuple[Activity, ...]


class Role(NamedTuple):
    id: str
    name: str
    summary: str
    description: str
    competencies: tuple[str, ...]
    weights: dict[str, float]


class Level(NamedTuple):
    id: str
    name: str
    description: str
    profile: dict[str, float]


class Competency(NamedTuple):
    id: str
    name: str
    kind: str
    basic: bool
    table: int | None
    description: str
    levels: dict[str, str]


class Catalogue(NamedTuple):
    folder: Path
    tasks_version: str
    roles_version: str
    competencies_version: str
    scale: tuple[ScaleLevel, ...]
    tasks: tuple[Task, ...]
    roles: tuple[Role, ...]
    levels: tuple[Level, ...]
    competencies: tuple[Competency, ...]
    development: tuple[DevActivity, ...] | None = None

    def task(self, task_id: str) -> Task:
        return next(t for t in self.tasks if t.id == task_id)

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def competency(self, competency_id: str) -> Competency:
        return next(c for c in self.competencies if c.id == competency_id)

    def level(self, level_id: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def scale_level(self, stars: int) -> ScaleLevel:
        return self.scale[stars - 1]


def load_catalogue(folder: Path, *, with_development: bool = True) -> Catalogue:
    """Load and check the catalogue files; raise CatalogueError with every problem.

    ``with_development=False`` skips the optional development.yaml (``development`` is then
    None), for commands that never use it and should start fast.
    """
    problems: list[str] = []
    catalogue = _build(folder, problems, with_development=with_development)
    if problems or catalogue is None:
        raise CatalogueError(problems)
    return catalogue


def check_catalogue(folder: Path) -> list[str]:
    """Return every problem in the catalogue folder (empty when it is clean)."""
    problems: list[str] = []
    _build(folder, problems)
    return problems


def _read(folder: Path, name: str, problems: list[str]) -> dict[str, Any] | None:
    try:
        data = read_yaml(folder / name)
    except YamlProblem as exc:
        problems.append(exc.message)
        return None
    if not isinstance(data, dict):
        problems.append(f"{name}: de bovenste laag moet een mapping zijn, niet {describe(data)}")
        return None
    return data


def _build(folder: Path, problems: list[str], *, with_development: bool = True) -> Catalogue | None:
    if not _is_dir(folder):
        problems.append(f"catalogusmap niet gevonden: {folder}")
        return None
    raw_tasks = _read(folder, TASKS_FILE, problems)
    raw_roles = _read(folder, ROLES_FILE, problems)
    raw_comps = _read(folder, COMPETENCIES_FILE, problems)
    tasks_part = _tasks(raw_tasks, problems) if raw_tasks is not None else None
    comps_part = _competencies(raw_comps, problems) if raw_comps is not None else None
    task_ids = [t.id for t in tasks_part[2]] if tasks_part else None
    comp_ids = [c.id for c in comps_part[2]] if comps_part else None
    roles_part = _roles(raw_roles, task_ids, comp_ids, problems) if raw_roles is not None else None
    if problems or not (tasks_part and comps_part and roles_part):
        return None
    role_ids = [r.id for r in roles_part[1]]
    _check_profiles(comps_part[1], role_ids, problems)
    development = None
    if with_development and (folder / DEVELOPMENT_FILE).exists():
        raw_dev = _read(folder, DEVELOPMENT_FILE, problems)
        parsed = parse_development(raw_dev, role_ids, comp_ids or [], problems) if raw_dev else None
        development = parsed[1] if parsed else None
    if problems:
        return None
    return Catalogue(
        folder=folder,
        tasks_version=tasks_part[0],
        roles_version=roles_part[0],
        competencies_version=comps_part[0],
        scale=tasks_part[1],
        tasks=tasks_part[2],
        roles=roles_part[1],
        levels=comps_part[1],
        competencies=comps_part[2],
        development=development,
    )


def _is_dir(folder: Path) -> bool:
    try:
        return len(str(folder)) <= MAX_PATH_CHARS and folder.is_dir()
    except (OSError, ValueError):
        return False


def _check_profiles(levels: tuple[Level, ...], role_ids: list[str], problems: list[str]) -> None:
    p = Problems(COMPETENCIES_FILE)
    for level in levels:
        for role_id in level.profile:
            if role_id not in role_ids:
                p.add(f"niveau '{level.id}'", f"onbekende rol '{role_id}' in profile")
    problems.extend(p.lines)


def _version(data: dict[str, Any], p: Problems) -> str:
    value = data.get("version")
    if value is None:
        p.add("", "verplicht veld 'version' ontbreekt (bijvoorbeeld version: \"1\")")
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        p.add("", f"'version' moet tekst zijn, niet {describe(value)}")
        return ""
    return str(value)


def _tasks(
    data: dict[str, Any], problems: list[str]
) -> tuple[str, tuple[ScaleLevel, ...], tuple[Task, ...]] | None:
    p = Problems(TASKS_FILE)
    p.fields(data, "", ("version", "scale", "tasks"))
    version = _version(data, p)
    scale = _scale(data.get("scale"), p) if "scale" in data else ()
    tasks: list[Task] = []
    raw_tasks = data.get("tasks") if isinstance(data.get("tasks"), list) else None
    for item, obj in p.entries(data, "tasks", "taak", "een taak"):
        p.fields(obj, item, ("id", "name", "description", "activities"))
        ident, name = p.slug(obj, "id", item), p.text(obj, "name", item)
        description = p.text(obj, "description", item)
        activities = _activities(obj.get("activities"), item, p) if "activities" in obj else ()
        if ident and name and description and activities:
            tasks.append(Task(ident, name, description, activities))
    if raw_tasks is not None and not raw_tasks:
        p.add("", "'tasks' is leeg; geef minstens één taak")
    p.unique((t.id for t in tasks), "taak")
    p.unique((a.id for t in tasks for a in t.activities), "activiteit")
    problems.extend(p.lines)
    return (version, scale, tuple(tasks)) if not p.lines else None


def _activities(value: Any, item: str, p: Problems) -> tuple[Activity, ...]:
    raw_list = p.sequence(value, item, "'activities'")
    if raw_list is None:
        return ()
    if not raw_list:
        p.add(item, "heeft geen activiteiten; geef er minstens één")
        return ()
    result = []
    for j, raw in enumerate(raw_list):
        sub = f"{item}, {label(raw, j, 'activiteit')}"
        obj = p.mapping(raw, sub, "een activiteit")
        if obj is None:
            continue
        p.fields(obj, sub, ("id", "name"))
        ident, name = p.slug(obj, "id", sub), p.text(obj, "name", sub)
        if ident and name:
            result.append(Activity(ident, name))
    return tuple(result)


def _scale(value: Any, p: Problems) -> tuple[ScaleLevel, ...]:
    raw_list = p.sequence(value, "scale", "'scale'")
    if raw_list is None:
        return ()
    if len(raw_list) != 5:
        p.add(
            "scale",
            f"moet precies vijf niveaus hebben (1 tot en met 5 sterren), niet {len(raw_list)}",
        )
        return ()
    levels = []
    for i, raw in enumerate(raw_list):
        item = f"scale, niveau {i + 1}"
        obj = p.mapping(raw, item, "een niveau")
        if obj is None:
            continue
        p.fields(obj, item, ("stars", "label", "description"))
        stars = obj.get("stars")
        if stars != i + 1 or isinstance(stars, bool):
            p.add(item, f"'stars' moet {i + 1} zijn (de niveaus staan op volgorde van 1 tot 5)")
        lab, desc = p.text(obj, "label", item), p.text(obj, "description", item)
        if lab and desc:
            levels.append(ScaleLevel(i + 1, lab, desc))
    return tuple(levels)


def _roles(
    data: dict[str, Any],
    task_ids: list[str] | None,
    comp_ids: list[str] | None,
    problems: list[str],
) -> tuple[str, tuple[Role, ...]] | None:
    p = Problems(ROLES_FILE)
    p.fields(data, "", ("version", "roles"))
    version = _version(data, p)
    roles: list[Role] = []
    raw_roles = data.get("roles") if isinstance(data.get("roles"), list) else None
    for item, obj in p.entries(data, "roles", "rol", "een rol"):
        p.fields(obj, item, ("id", "name", "summary", "description", "competencies", "weights"))
        ident, name = p.slug(obj, "id", item), p.text(obj, "name", item)
        summary, description = p.text(obj, "summary", item), p.text(obj, "description", item)
        comps = p.id_list(obj.get("competencies"), item, "competencies", "competentie", comp_ids)
        weights = _weights(obj.get("weights"), item, task_ids, p) if "weights" in obj else None
        if ident and name and summary and description and comps is not None and weights is not None:
            roles.append(Role(ident, name, summary, description, comps, weights))
    if raw_roles is not None and len(raw_roles) < MIN_ROLES:
        p.add("", f"er zijn {len(raw_roles)} rollen; een radar heeft er minstens {MIN_ROLES} nodig")
    p.unique((r.id for r in roles), "rol")
    if task_ids is not None and raw_roles and not p.lines:
        for task_id in task_ids:
            if not any(r.weights.get(task_id, 0) > 0 for r in roles):
                p.add(
                    f"taak '{task_id}'",
                    "heeft bij geen enkele rol een gewicht; geef haar bij minstens één rol "
                    "een gewicht groter dan 0",
                )
    problems.extend(p.lines)
    return (version, tuple(roles)) if not p.lines else None


def _weights(
    value: Any, item: str, task_ids: list[str] | None, p: Problems
) -> dict[str, float] | None:
    obj = p.mapping(value, item, "'weights'")
    if obj is None:
        return None
    weights: dict[str, float] = {}
    ok = True
    for task_id, raw in obj.items():
        if task_ids is not None and task_id not in task_ids:
            p.add(item, f"onbekende taak '{task_id}' in weights")
            ok = False
            continue
        number = p.number(raw, item, f"het gewicht van '{task_id}'")
        if number is None:
            ok = False
        elif number < 0:
            p.add(item, f"het gewicht van '{task_id}' is negatief ({raw}); gebruik 0 of meer")
            ok = False
        elif number > MAX_WEIGHT:
            p.add(
                item,
                f"het gewicht van '{task_id}' is te groot ({raw}); gebruik hoogstens "
                f"{MAX_WEIGHT:g} (de gewichten zijn verhoudingen, zoals 1 en 0,5)",
            )
            ok = False
        else:
            weights[str(task_id)] = number
    if ok and not any(w > 0 for w in weights.values()):
        p.add(item, "heeft geen enkel gewicht groter dan 0; geef minstens één taak een gewicht")
        ok = False
    return weights if ok else None


def _competencies(
    data: dict[str, Any], problems: list[str]
) -> tuple[str, tuple[Level, ...], tuple[Competency, ...]] | None:
    p = Problems(COMPETENCIES_FILE)
    p.fields(data, "", ("version", "levels", "competencies"))
    version = _version(data, p)
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
            levels.append(Level(str(level_id), name, description, profile))
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
                Competency(ident, name, str(kind), basic is True, table, description, texts)
            )
    p.unique((c.id for c in comps), "competentie")
    problems.extend(p.lines)
    return (version, tuple(levels), tuple(comps)) if not p.lines else None


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
