"""The saved record of one assessment: its format, checks, atomic private saving and loading."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from asmo_cli.core.ambition import GROW, KINDS, Ambition, AmbitionKind
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.checks import (
    MAX_DESCRIPTION_CHARS as MAX_AMBITION_CHARS,
)
from asmo_cli.core.checks import MAX_NAME_CHARS, describe, raise_problems, shown, version_problem
from asmo_cli.core.clock import as_local
from asmo_cli.core.council import NEUTRAL, parse_council
from asmo_cli.core.errors import RecordError
from asmo_cli.core.hours import parse_hours_value
from asmo_cli.core.record import (
    FORMAT_VERSION,
    IN_PROGRESS,
    MAX_HOURS,
    RatingMap,
    Record,
    RecordStatus,
    is_rating,
)
from asmo_cli.core.versions import status_of
from asmo_cli.storage.yamlio import YamlProblem, read_yaml

# --- reading --------------------------------------------------------------------------------

_FIELDS = (
    "format_version",
    "catalogue_version",
    "created",
    "updated",
    "edited",
    "name",
    "level",
    "council",
    "council_name",
    "status",
    "ratings",
    "hours_per_week",
    "contract_hours_per_week",
    "ambition",
)


def _timestamp(value: Any, key: str, where: str, problems: list[str]) -> datetime | None:
    parsed: datetime | None = None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
    if parsed is None:
        if value is not None:
            problems.append(
                f"{where}: '{key}' is geen datum en tijd (ISO 8601), maar {describe(value)}"
            )
        return None
    if not 1970 <= parsed.year <= 9999:
        problems.append(f"{where}: '{key}' ligt in het jaar {parsed.year}; dat kan niet kloppen")
        return None
    try:
        return as_local(parsed)
    except (ValueError, OverflowError, OSError):
        problems.append(f"{where}: '{key}' is geen bruikbare datum en tijd")
        return None


def _edited(value: Any, where: str, problems: list[str]) -> tuple[datetime, ...]:
    """The moments a finished record was corrected (``edited``: a list of ISO moments)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(
            f"{where}: 'edited' moet een lijst van datums en tijden zijn, niet {describe(value)}"
        )
        return ()
    moments = []
    for index, item in enumerate(value, start=1):
        if item is None:
            problems.append(f"{where}: 'edited', regel {index}: geen datum en tijd")
            continue
        moment = _timestamp(item, f"edited, regel {index}", where, problems)
        if moment is not None:
            moments.append(moment)
    return tuple(sorted(moments))


def parse_ratings(value: Any, where: str, problems: list[str]) -> RatingMap:
    """Check a ratings mapping (task → activity → 1..5 or null); add a line per bad entry."""
    if not isinstance(value, dict):
        problems.append(f"{where}: 'ratings' moet een mapping zijn, niet {describe(value)}")
        return {}
    result: RatingMap = {}
    for task_id, acts in value.items():
        if acts is None:
            acts = {}
        if not isinstance(acts, dict):
            problems.append(
                f"{where}: werkzaamheid '{task_id}': verwacht activiteit: sterren, "
                f"niet {describe(acts)}"
            )
            continue
        result[str(task_id)] = {}
        for act, stars in acts.items():
            if stars is not None and not is_rating(stars):
                problems.append(
                    f"{where}: werkzaamheid '{task_id}', activiteit '{act}': {describe(stars)} "
                    "is geen geldig antwoord; gebruik een heel getal 1 tot en met 5, of null "
                    "voor n.v.t."
                )
                continue
            result[str(task_id)][str(act)] = stars
    return result


def parse_hours(
    data: Mapping[str, Any], where: str, problems: list[str]
) -> tuple[dict[str, float], float | None]:
    """Check ``hours_per_week`` (task → 0..168, at most 168 in all) and the formatie (0..168]."""
    hours: dict[str, float] = {}
    raw = data.get("hours_per_week")
    if raw is not None and not isinstance(raw, dict):
        problems.append(
            f"{where}: 'hours_per_week' moet werkzaamheid: uren zijn, niet {describe(raw)}"
        )
    for task_id, value in (raw or {}).items() if isinstance(raw, dict) else ():
        number = parse_hours_value(value)
        if number is None:
            problems.append(
                f"{where}: hours_per_week, werkzaamheid '{task_id}': {describe(value)} is geen "
                "geldig aantal uren per week; gebruik een getal van 0 tot en met 168"
            )
        else:
            hours[str(task_id)] = number
    if sum(hours.values()) > MAX_HOURS:
        problems.append(
            f"{where}: hours_per_week: samen {sum(hours.values()):g} uur; een week heeft er "
            "168, dus dat kan niet kloppen"
        )
    contract = None
    if data.get("contract_hours_per_week") is not None:
        value = data["contract_hours_per_week"]
        contract = parse_hours_value(value, positive=True)
        if contract is None:
            problems.append(
                f"{where}: contract_hours_per_week: {describe(value)} is geen geldige formatie; "
                "gebruik een getal groter dan 0 en hoogstens 168"
            )
            contract = None
    return hours, contract


def _shape_problems(data: Mapping[str, Any], where: str) -> list[str]:
    """A line for every unknown or missing field and for a format_version asmo cannot read."""
    problems = [f"{where}: onbekend veld {shown(k)}" for k in data if k not in _FIELDS]
    for key in ("format_version", "catalogue_version", "created", "status", "ratings"):
        if key not in data:
            problems.append(f"{where}: verplicht veld '{key}' ontbreekt")
    version = data.get("format_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.append(f"{where}: 'format_version' moet een geheel getal zijn")
    elif version > FORMAT_VERSION:
        problems.append(
            f"{where}: gemaakt met een nieuwere asmo (formaat {version}); werk asmo bij"
        )
    return problems


def _label_problems(data: Mapping[str, Any], where: str) -> list[str]:
    """A line for a status, catalogue_version, name or level that a record cannot have."""
    problems: list[str] = []
    status = data.get("status", IN_PROGRESS.value)
    if not isinstance(status, str) or status not in {s.value for s in RecordStatus}:
        problems.append(f"{where}: onbekende status {shown(status)} (in_progress of complete)")
    if "catalogue_version" in data and (
        problem := version_problem(data["catalogue_version"], "catalogue_version")
    ):
        problems.append(f"{where}: {problem}")
    council = data.get("council")
    if council is not None and parse_council(council) is None:
        problems.append(
            f"{where}: onbekende raad {shown(council)} bij council (or, mr, cr of other)"
        )
    for key in ("name", "level", "council_name"):
        if data.get(key) is not None and not isinstance(data[key], str):
            problems.append(f"{where}: '{key}' moet tekst zijn, niet {describe(data[key])}")
        elif isinstance(data.get(key), str) and len(data[key].strip()) > MAX_NAME_CHARS:
            problems.append(f"{where}: '{key}' is langer dan {MAX_NAME_CHARS} tekens")
    return problems


def parse_ambition(value: Any, where: str, problems: list[str]) -> Ambition | None:
    """The record's ``ambition`` (kind grow, level or specialise; level, role, text)."""
    if value is None:
        return None
    item = f"{where}: ambition"
    if not isinstance(value, dict):
        problems.append(f"{item} moet een mapping zijn (kind, level, role, text)")
        return None
    unknown = sorted(set(map(str, value)) - {"kind", "level", "role", "text"})
    if unknown:
        problems.append(f"{item}: onbekend veld {', '.join(unknown)} (kind, level, role, text)")
    kind = value.get("kind", GROW.value)
    if kind not in KINDS:
        problems.append(f"{item}: onbekende soort {shown(kind)} bij kind ({', '.join(KINDS)})")
        return None
    texts: dict[str, str | None] = {}
    for key in ("level", "role", "text"):
        found = value.get(key)
        if found is not None and not isinstance(found, str):
            problems.append(f"{item}: '{key}' moet tekst zijn, niet {describe(found)}")
            return None
        limit = MAX_AMBITION_CHARS if key == "text" else MAX_NAME_CHARS
        if isinstance(found, str) and len(found.strip()) > limit:
            problems.append(f"{item}: '{key}' is langer dan {limit} tekens")
            return None
        texts[key] = found.strip() if isinstance(found, str) and found.strip() else None
    try:
        return Ambition(AmbitionKind(kind), texts["level"], texts["role"], texts["text"])
    except ValueError:
        problems.append(
            f"{item}: kind level hoort bij een level, kind specialise bij een role (en alleen dan)"
        )
        return None


def ambition_data(ambition: Ambition) -> dict[str, str]:
    """The ``ambition`` mapping of a record file, without empty fields."""
    data = {"kind": ambition.kind.value}
    for key, value in (("level", ambition.level), ("role", ambition.role), ("text", ambition.text)):
        if value:
            data[key] = value
    return data


def record_from_data(data: Any, record_id: str, where: str) -> Record:
    """Build a Record from parsed YAML; RecordError with every problem, each naming ``where``."""
    if not isinstance(data, dict):
        raise RecordError(f"{where}: dit is geen meting van asmo (verwacht een mapping)")
    problems = _shape_problems(data, where) + _label_problems(data, where)
    ratings = parse_ratings(data.get("ratings", {}), where, problems)
    hours, contract = parse_hours(data, where, problems)
    ambition = parse_ambition(data.get("ambition"), where, problems)
    created = _timestamp(data.get("created"), "created", where, problems)
    updated = _timestamp(data.get("updated", data.get("created")), "updated", where, problems)
    edited = _edited(data.get("edited"), where, problems)
    raise_problems(problems, RecordError)
    assert created is not None and updated is not None
    return Record(
        id=record_id,
        created=created,
        updated=updated,
        catalogue_version=str(data.get("catalogue_version", "")),
        status=RecordStatus(data.get("status", IN_PROGRESS.value)),
        name=data.get("name") or None,
        level=data.get("level") or None,
        council=parse_council(data.get("council")) or NEUTRAL,
        council_name=(data.get("council_name") or "").strip() or None,
        ratings=ratings,
        hours_per_week=hours,
        contract_hours_per_week=contract,
        ambition=ambition,
        edited=edited,
        format_version=FORMAT_VERSION,
    )


# The catalogue that judges whether a record read now is finished (asmo_cli.Workspace sets it,
# lazily: a command that needs no catalogue never loads one); None: the file's word stands.
_JUDGE: ContextVar[Callable[[], Catalogue | None] | None] = ContextVar("asmo_judge", default=None)


@contextmanager
def judged_by(catalogue: Callable[[], Catalogue | None]) -> Iterator[None]:
    """Within the block, every record read gets its status from its answers (see
    core/versions.status_of), judged by the catalogue that ``catalogue`` returns."""
    token = _JUDGE.set(catalogue)
    try:
        yield
    finally:
        _JUDGE.reset(token)


def _judged(record: Record) -> Record:
    judge = _JUDGE.get()
    catalogue = judge() if judge is not None else None
    if catalogue is None:
        return record
    return replace(record, status=status_of(record, catalogue))


def load_record(path: Path) -> Record:
    """Read a record file; raise RecordError naming the file and the damage when it is bad.
    Its status comes from its answers when a catalogue judges (``judged_by``)."""
    try:
        data = read_yaml(path, label=str(path))
    except YamlProblem as exc:
        raise RecordError(
            f"beschadigde meting: {exc.message} (het bestand is niet aangepast)"
        ) from None
    try:
        record = record_from_data(data, path.stem, str(path))
        return _judged(replace(record, source=str(path)))
    except RecordError as exc:
        raise RecordError(f"beschadigde meting: {exc.message}", details=exc.details) from None


# --- writing --------------------------------------------------------------------------------


def record_to_yaml(record: Record) -> str:
    """Serialise a record in the documented field order."""
    data: dict[str, Any] = {
        "format_version": record.format_version,
        "catalogue_version": record.catalogue_version,
        "created": record.created.isoformat(),
        "updated": record.updated.isoformat(),
    }
    if record.edited:  # only a corrected record has it: older files stay as they were
        data["edited"] = [moment.isoformat() for moment in record.edited]
    if record.name:
        data["name"] = record.name
    if record.level:
        data["level"] = record.level
    if record.council != NEUTRAL:  # a record without it reads as 'other': older files stay
        data["council"] = record.council
    if record.council_name:
        data["council_name"] = record.council_name
    data["status"] = record.status.value
    data["ratings"] = record.ratings
    if record.hours_per_week:
        data["hours_per_week"] = record.hours_per_week
    if record.contract_hours_per_week is not None:
        data["contract_hours_per_week"] = record.contract_hours_per_week
    if record.ambition is not None:
        data["ambition"] = ambition_data(record.ambition)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
