"""The catalogue: tasks.yaml, roles.yaml and competencies.yaml as frozen, checked models.

The types live in ``core/catalogue.py``; this module reads, checks and builds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asmo_cli.core.catalogue import (
    Activity,
    Catalogue,
    Role,
    ScaleLevel,
    TaskArea,
    frozen,
)
from asmo_cli.core.checks import Problems, describe, file_version, label, version_problem
from asmo_cli.core.council import NEUTRAL, TERMS, Council, resolve, unknown_terms
from asmo_cli.core.errors import CatalogueError
from asmo_cli.core.versions import version_key
from asmo_cli.storage.competencies import COMPETENCIES_FILE, check_profiles, read_competencies
from asmo_cli.storage.development import DEVELOPMENT_FILE, parse_development
from asmo_cli.storage.files import MAX_PATH_CHARS
from asmo_cli.storage.weights import check_activity_roles, check_every_activity_weighs, weight_map
from asmo_cli.storage.yamlio import YamlProblem, read_yaml

TASKS_FILE = "tasks.yaml"
ROLES_FILE = "roles.yaml"
MIN_ROLES = 3


def load_catalogue(
    folder: Path, *, with_development: bool = True, council: Council = NEUTRAL
) -> Catalogue:
    """Load and check the catalogue files; raise CatalogueError with every problem.

    ``with_development=False`` skips the optional development.yaml (``development`` is then
    None), for commands that never use it and should start fast. Every text reads in the
    words of ``council`` (its terms, ``((raad))``, replaced; core/council.py).
    """
    problems: list[str] = []
    catalogue = _build(folder, problems, with_development=with_development, council=council)
    if problems or catalogue is None:
        raise CatalogueError(problems)
    return catalogue


def check_catalogue(folder: Path) -> list[str]:
    """Return every problem in the catalogue folder (empty when it is clean)."""
    problems: list[str] = []
    _build(folder, problems)
    return problems


def _read(
    folder: Path, name: str, problems: list[str], council: Council = NEUTRAL
) -> dict[str, Any] | None:
    try:
        data = read_yaml(folder / name)
    except YamlProblem as exc:
        problems.append(exc.message)
        return None
    if not isinstance(data, dict):
        problems.append(f"{name}: de bovenste laag moet een mapping zijn, niet {describe(data)}")
        return None
    worded = _in_words_of(data, council, name, "", problems)
    assert isinstance(worded, dict)
    return worded


_KNOWN = ", ".join(f"(({t}))" for t in sorted(TERMS))


def _in_words_of(value: Any, council: Council, name: str, where: str, problems: list[str]) -> Any:
    """``value`` (parsed YAML) with every term in its texts in the council's words; an
    unknown term is a problem that names the file and the item."""
    if isinstance(value, str):
        for bad in unknown_terms(value):
            what = f"'{bad}' staat los" if bad.startswith(("((", "))")) else f"'(({bad}))'"
            problems.append(
                f"{name}: {where}: {what}; dat is geen term van asmo. Termen staan tussen "
                f"dubbele haakjes en zijn er alleen deze: {_KNOWN} (met een hoofdletter aan "
                "het begin van een zin); schrijf anders gewone tekst"
            )
        return resolve(value, council)
    if isinstance(value, dict):
        return {
            k: _in_words_of(v, council, name, f"{where} › {k}" if where else str(k), problems)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [
            _in_words_of(v, council, name, f"{where} › {label(v, i, '')}".strip(), problems)
            for i, v in enumerate(value)
        ]
    return value


def _build(
    folder: Path,
    problems: list[str],
    *,
    with_development: bool = True,
    council: Council = NEUTRAL,
) -> Catalogue | None:
    if not _is_dir(folder):
        problems.append(f"catalogusmap niet gevonden: {folder}")
        return None
    raw_tasks = _read(folder, TASKS_FILE, problems, council)
    raw_roles = _read(folder, ROLES_FILE, problems, council)
    raw_comps = _read(folder, COMPETENCIES_FILE, problems, council)
    tasks = _tasks(raw_tasks, problems) if raw_tasks is not None else None
    comps = read_competencies(raw_comps, problems) if raw_comps is not None else None
    task_ids = [t.id for t in tasks.tasks] if tasks else None
    comp_ids = [c.id for c in comps.competencies] if comps else None
    roles = _roles(raw_roles, task_ids, comp_ids, problems) if raw_roles is not None else None
    if problems or not (tasks and comps and roles):
        return None
    role_ids = [r.id for r in roles.roles]
    problems += check_activity_roles(tasks.tasks, role_ids, TASKS_FILE)
    problems += check_every_activity_weighs(tasks.tasks, roles.roles)
    check_profiles(comps.levels, role_ids, problems)
    development = None
    order: dict[str, tuple[str, ...]] = {}
    if with_development and (folder / DEVELOPMENT_FILE).exists():
        raw_dev = _read(folder, DEVELOPMENT_FILE, problems, council)
        parsed = (
            parse_development(
                raw_dev,
                role_ids,
                comp_ids or [],
                problems,
                task_ids,
                [a.id for t in tasks.tasks for a in t.activities],
            )
            if raw_dev is not None
            else None
        )
        if parsed is not None:
            development, order = parsed
    if problems:
        return None
    return Catalogue(
        tasks_version=tasks.version,
        roles_version=roles.version,
        competencies_version=comps.version,
        scale=tasks.scale,
        tasks=tasks.tasks,
        roles=roles.roles,
        levels=comps.levels,
        competencies=comps.competencies,
        development=development,
        development_order=frozen(order),
        scale_since=tasks.scale_since,
        council=council,
    )


@dataclass(frozen=True)
class _Tasks:
    version: str
    scale: tuple[ScaleLevel, ...]
    tasks: tuple[TaskArea, ...]
    scale_since: str | None


@dataclass(frozen=True)
class _Roles:
    version: str
    roles: tuple[Role, ...]


def _is_dir(folder: Path) -> bool:
    try:
        return len(str(folder)) <= MAX_PATH_CHARS and folder.is_dir()
    except (OSError, ValueError):
        return False


def _tasks(data: dict[str, Any], problems: list[str]) -> _Tasks | None:
    p = Problems(TASKS_FILE)
    p.fields(data, "", ("version", "scale", "tasks"), ("scale_since",))
    version = file_version(data, p)
    scale_since = _scale_since(data.get("scale_since"), version, p)
    scale = _scale(data.get("scale"), p) if "scale" in data else ()
    tasks: list[TaskArea] = []
    raw_tasks = data.get("tasks") if isinstance(data.get("tasks"), list) else None
    for item, obj in p.entries(data, "tasks", "werkzaamheid", "een werkzaamheid"):
        p.fields(obj, item, ("id", "name", "description", "activities"))
        ident, name = p.slug(obj, "id", item), p.text(obj, "name", item)
        description = p.text(obj, "description", item)
        activities = (
            _activities(obj.get("activities"), item, p, version) if "activities" in obj else ()
        )
        if ident and name and description and activities:
            tasks.append(TaskArea(ident, name, description, activities))
    if raw_tasks is not None and not raw_tasks:
        p.add("", "'tasks' is leeg; geef minstens één werkzaamheid")
    p.unique((t.id for t in tasks), "werkzaamheid")
    p.unique((a.id for t in tasks for a in t.activities), "activiteit")
    problems.extend(p.lines)
    return _Tasks(version, scale, tuple(tasks), scale_since) if not p.lines else None


def _scale_since(value: Any, version: str, p: Problems) -> str | None:
    """The version from which the stars mean what they mean now (optional): a version like
    'version', and not later than it."""
    if value is None:
        return None
    if problem := version_problem(value, "scale_since"):
        p.add("", problem)
        return None
    since = str(value)
    if version and version_key(since) > version_key(version):
        p.add(
            "",
            f"'scale_since' ({since}) ligt na 'version' ({version}); geef de versie vanaf "
            'wanneer de sterren betekenen wat ze nu betekenen, zoals "2026.2"',
        )
        return None
    return since


def _activities(value: Any, item: str, p: Problems, version: str) -> tuple[Activity, ...]:
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
        p.fields(obj, sub, ("id", "name"), ("weights", "since"))
        ident, name = p.slug(obj, "id", sub), p.text(obj, "name", sub)
        since = _since(obj.get("since"), version, sub, p)
        weights = None
        if obj.get("weights") is not None:
            weights = weight_map(obj["weights"], sub, None, "rol", p)
            if weights is None:
                continue
        if ident and name:
            shared = frozen(weights) if weights is not None else None
            result.append(Activity(ident, name, shared, since))
    return tuple(result)


def _since(value: Any, version: str, item: str, p: Problems) -> str | None:
    """The version that first asked an activity (optional; a record of an earlier version
    was never asked it): a version like 'version', and not later than it."""
    if value is None:
        return None
    if problem := version_problem(value, "since"):
        p.add(item, problem)
        return None
    since = str(value)
    if version and version_key(since) > version_key(version):
        p.add(
            item,
            f"'since' ({since}) ligt na 'version' ({version}); geef de versie die deze "
            'activiteit voor het eerst vroeg, zoals "2026.3"',
        )
        return None
    return since


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
) -> _Roles | None:
    p = Problems(ROLES_FILE)
    p.fields(data, "", ("version", "roles"))
    version = file_version(data, p)
    roles: list[Role] = []
    raw_roles = data.get("roles") if isinstance(data.get("roles"), list) else None
    for item, obj in p.entries(data, "roles", "rol", "een rol"):
        p.fields(obj, item, ("id", "name", "summary", "description", "competencies", "weights"))
        ident, name = p.slug(obj, "id", item), p.text(obj, "name", item)
        summary, description = p.text(obj, "summary", item), p.text(obj, "description", item)
        comps = p.id_list(obj.get("competencies"), item, "competencies", "competentie", comp_ids)
        weights = (
            weight_map(obj.get("weights"), item, task_ids, "werkzaamheid", p)
            if "weights" in obj
            else None
        )
        if ident and name and summary and description and comps is not None and weights is not None:
            roles.append(Role(ident, name, summary, description, comps, frozen(weights)))
    if raw_roles is not None and len(raw_roles) < MIN_ROLES:
        p.add("", f"er zijn {len(raw_roles)} rollen; een radar heeft er minstens {MIN_ROLES} nodig")
    p.unique((r.id for r in roles), "rol")
    problems.extend(p.lines)
    return _Roles(version, tuple(roles)) if not p.lines else None
