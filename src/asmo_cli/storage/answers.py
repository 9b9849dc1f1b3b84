"""The files a person writes for asmo: an answers file and an hours file, checked in Dutch."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.checks import MAX_NAME_CHARS, describe, raise_problems, shown
from asmo_cli.core.council import NEUTRAL, Council, parse_council
from asmo_cli.core.errors import RecordError
from asmo_cli.core.record import RatingMap, Record
from asmo_cli.storage.records import parse_hours, parse_ratings
from asmo_cli.storage.yamlio import YamlProblem, read_yaml

ANSWER_FIELDS = (
    "name",
    "level",
    "council",
    "council_name",
    "ratings",
    "hours_per_week",
    "contract_hours_per_week",
)


class Answers(NamedTuple):
    name: str | None
    level: str | None
    ratings: RatingMap
    hours: dict[str, float]
    contract: float | None
    council: Council = NEUTRAL  # a file without it: the neutral wording
    council_name: str | None = None


def check_answers(data: Any, catalogue: Catalogue, where: str) -> Answers:
    """Check an answers file's content; raise RecordError with one line per bad id or value."""
    if not isinstance(data, dict):
        raise RecordError(f"{where}: verwacht name, level en ratings, niet {describe(data)}")
    problems: list[str] = []
    for key in data:
        if key not in ANSWER_FIELDS:
            allowed = ", ".join(ANSWER_FIELDS)
            problems.append(f"{where}: onbekend veld '{key}' (toegestaan: {allowed})")
    name, level = _name_and_level(data, catalogue, where, problems)
    council, council_name = _council(data, where, problems)
    if "ratings" not in data:
        problems.append(f"{where}: verplicht veld 'ratings' ontbreekt")
    ratings = parse_ratings(data.get("ratings", {}), where, problems)
    filled = _filled(ratings, catalogue, where, problems)
    hours: dict[str, float] = {}
    contract = None
    try:
        hours, contract = check_hours(data, ratings, catalogue, where)
    except RecordError as exc:
        problems += [exc.message, *exc.details]
    if not problems and not any(v is not None for acts in filled.values() for v in acts.values()):
        problems.append(
            f"{where}: geen enkele activiteit heeft sterren; geef er minstens één 1 tot 5"
        )
    raise_problems(problems, RecordError)
    return Answers(name, level, filled, hours, contract, council, council_name)


def _council(
    data: Mapping[str, Any], where: str, problems: list[str]
) -> tuple[Council, str | None]:
    """The council given as ``council`` (or, mr, cr, other) and its own name, if any."""
    value, own = data.get("council"), data.get("council_name")
    council = parse_council(value) if value is not None else NEUTRAL
    if council is None:
        problems.append(
            f"{where}: onbekende raad {shown(value)} bij council; kies uit: or "
            "(ondernemingsraad), mr (medezeggenschapsraad of GMR), cr (cliëntenraad) of other"
        )
        council = NEUTRAL
    if own is not None and not isinstance(own, str):
        problems.append(f"{where}: 'council_name' moet tekst zijn, niet {describe(own)}")
        own = None
    elif isinstance(own, str) and len(own.strip()) > MAX_NAME_CHARS:
        problems.append(f"{where}: 'council_name' is langer dan {MAX_NAME_CHARS} tekens")
        own = None
    return council, (own or "").strip() or None


def _name_and_level(
    data: Mapping[str, Any], catalogue: Catalogue, where: str, problems: list[str]
) -> tuple[str | None, str | None]:
    """Return the name and level given (None when absent, or a name too long); add a line
    for a name that is no text or too long and for a level the catalogue does not know."""
    name, level = data.get("name"), data.get("level")
    if name is not None and not isinstance(name, str):
        problems.append(f"{where}: 'name' moet tekst zijn, niet {describe(name)}")
    elif isinstance(name, str) and len(name.strip()) > MAX_NAME_CHARS:
        problems.append(f"{where}: 'name' is langer dan {MAX_NAME_CHARS} tekens; maak hem korter")
        name = None
    if level is not None and (not isinstance(level, str) or not catalogue.has_level(level)):
        valid = ", ".join(lv.id for lv in catalogue.levels)
        problems.append(
            f"{where}: onbekend functieniveau {shown(level)} bij level; kies uit: {valid}"
        )
    return name or None, str(level) if level else None


def _filled(ratings: RatingMap, catalogue: Catalogue, where: str, problems: list[str]) -> RatingMap:
    """Return the ratings of the known areas with every activity (None: not answered); add a
    line for every unknown area or activity."""
    tasks = {t.id: t for t in catalogue.tasks}
    filled: RatingMap = {}
    for task_id, acts in ratings.items():
        task = tasks.get(task_id)
        if task is None:
            problems.append(f"{where}: onbekende werkzaamheid '{task_id}' in ratings")
            continue
        known = {a.id for a in task.activities}
        for act in acts:
            if act not in known:
                problems.append(f"{where}: werkzaamheid '{task_id}': onbekende activiteit '{act}'")
        filled[task_id] = {a.id: acts.get(a.id) for a in task.activities}
    return filled


def read_answers_file(path: Path, catalogue: Catalogue) -> Answers:
    """Read and check an answers file; RecordError with every problem."""
    try:
        data = read_yaml(path, label=str(path))
    except YamlProblem as exc:
        raise RecordError(exc.message) from None
    return check_answers(data, catalogue, str(path))


def check_hours(
    data: Mapping[str, Any], selected: Mapping[str, Any], catalogue: Catalogue, where: str
) -> tuple[dict[str, float], float | None]:
    """Check hours against the catalogue and the selected areas; RecordError lists every error."""
    problems: list[str] = []
    hours, contract = parse_hours(data, where, problems)
    known = {t.id for t in catalogue.tasks}
    for task_id in hours:
        if task_id not in known:
            problems.append(f"{where}: hours_per_week: onbekende werkzaamheid '{task_id}'")
        elif task_id not in selected:
            problems.append(
                f"{where}: hours_per_week: werkzaamheid '{task_id}' is niet gekozen in deze "
                "meting; geef alleen uren voor gekozen werkzaamheden"
            )
    raise_problems(problems, RecordError)
    return hours, contract


def read_hours_file(
    path: Path, record: Record, catalogue: Catalogue
) -> tuple[dict[str, float], float | None]:
    """Read and check an hours file (hours_per_week, contract_hours_per_week; one of them may
    be left out) for a record; return only what the file gives."""
    try:
        data = read_yaml(path, label=str(path))
    except YamlProblem as exc:
        raise RecordError(exc.message) from None
    if not isinstance(data, dict):
        raise RecordError(f"{path}: verwacht hours_per_week en contract_hours_per_week")
    problems = [
        f"{path}: onbekend veld {shown(key)} (toegestaan: hours_per_week, contract_hours_per_week)"
        for key in data
        if key not in ("hours_per_week", "contract_hours_per_week")
    ]
    if "hours_per_week" not in data and "contract_hours_per_week" not in data:
        problems.append(
            f"{path}: het bestand noemt geen uren; geef hours_per_week (uren per werkzaamheid), "
            "contract_hours_per_week (je formatie) of allebei"
        )
    try:
        hours, contract = check_hours(data, record.ratings, catalogue, str(path))
    except RecordError as exc:
        problems += [exc.message, *exc.details]
    raise_problems(problems, RecordError)
    return hours, contract
