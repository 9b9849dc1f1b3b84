"""Reading team members: records (``<id>.yaml``) and ``scores.json`` files, or folders of them.

A JSON file is a member when its content is a scores.json, whatever it is called; asmo's
other JSON files (team.json, the feedback kept with a record) are skipped without a word, so
``asmo team MAP --out MAP`` and ``asmo team`` over asmo's own records folder just work. One
person counts once, with her newest record (``core.team.one_per_person``).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.checks import describe, raise_problems, shown
from asmo_cli.core.errors import AsmoError, RecordError, os_reason
from asmo_cli.core.record import known_ratings
from asmo_cli.core.scoring import ENOUGH_COVERAGE, score_record
from asmo_cli.core.team import (
    Collected,
    Member,
    Skipped,
    moment,
    one_per_person,
    same_record_key,
)
from asmo_cli.storage.files import check_path_length, read_input
from asmo_cli.storage.jsonio import JsonProblem, load_json
from asmo_cli.storage.records import load_record

SUFFIXES = (".yaml", ".yml", ".json")


def member_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand folders (one level deep) into files; name paths that do not exist."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        try:
            check_path_length(path)
            if path.is_dir():
                found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in SUFFIXES)
                for sub in sorted(p for p in path.iterdir() if p.is_dir()):
                    found += sorted(p for p in sub.iterdir() if p.is_file() and p.suffix == ".json")
                files += found
            elif path.exists():
                files.append(path)
            else:
                errors.append(f"{path}: bestand of map niet gevonden")
        except AsmoError as exc:
            errors += [exc.message, *exc.details]
        except OSError as exc:
            errors.append(f"{path}: kan dit niet lezen ({os_reason(exc)})")
    return files, errors


def collect(catalogue: Catalogue, paths: list[Path]) -> Collected:
    """Read every member file; skip (and name) what cannot be used, was given twice or is an
    older record of a person who counts with her newest."""
    files, errors = member_files(paths)
    members: list[Member] = []
    notes: list[str] = []
    left_out: set[str] = set()
    role_ids = {r.id for r in catalogue.roles}
    seen: dict[tuple[object, ...], Path] = {}
    unfinished = copies = 0
    for path in files:
        try:
            if path.suffix == ".json":
                read = _from_scores_json(path, role_ids)
                if read is None:  # asmo's own team.json, feedback or list: not a member
                    continue
                member, unknown = read
                left_out |= unknown
            else:
                finished = _from_record(catalogue, path)
                if finished is None:
                    notes.append(f"{path}: overgeslagen, de meting is nog niet afgerond")
                    unfinished += 1
                    continue
                member = finished
        except AsmoError as exc:
            errors += [exc.message, *exc.details]
            continue
        if member.identity in seen:
            notes.append(f"{path}: dezelfde meting als {seen[member.identity]}; één keer meegeteld")
            copies += 1
            continue
        seen[member.identity] = path
        members.append(member)
    kept, dropped = one_per_person(members)
    for older, newer in dropped:
        notes.append(
            f"{older.source}: niet meegeteld, een oudere meting van dezelfde persoon als "
            f"{newer.source} (ieder telt één keer, met haar nieuwste meting)"
        )
    skipped = Skipped(unfinished=unfinished, copies=copies, older=len(dropped))
    return Collected(kept, tuple(notes), tuple(errors), tuple(sorted(left_out)), skipped)


def _from_record(catalogue: Catalogue, path: Path) -> Member | None:
    """Read a record as a member; None when it is not finished yet."""
    record = load_record(path)
    if not record.is_complete:
        return None
    ratings, _ = known_ratings(record, catalogue)
    scores = score_record(catalogue, ratings)
    # a role counts for a member only with enough data behind the score
    counted = {r.role_id: r.score if r.enough_data else None for r in scores.roles}
    all_scores = {r.role_id: r.score for r in scores.roles}
    identity = same_record_key(record.created.isoformat(), record.name, all_scores)
    return Member(path, record.name, counted, identity, moment(record.created))


def _in_range(value: Any, low: float, high: float) -> bool:
    return (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and math.isfinite(value)
        and low <= value <= high
    )


def is_other_asmo_file(data: object) -> bool:
    """True for JSON that asmo writes besides scores.json, recognised by its whole shape:
    team.json, the feedback kept with a record, a list of written files."""
    if not isinstance(data, dict):
        return False
    team = isinstance(data.get("members"), int) and "catalogue_version" in data
    feedback = isinstance(data.get("responses"), list) and "record" in data
    written = isinstance(data.get("files"), dict) and isinstance(data.get("folders"), list)
    return "assessment" not in data and (team or feedback or written)


def _from_scores_json(path: Path, role_ids: set[str]) -> tuple[Member, set[str]] | None:
    """Read a scores.json (whatever its name) as a member; None for asmo's other JSON files."""
    raw = read_input(path, str(path))
    try:
        data = load_json(raw)
    except JsonProblem:
        raise RecordError(
            f"{path}: geen leesbaar scores.json (ongeldige JSON, of NaN/oneindig als getal)"
        ) from None
    if is_other_asmo_file(data):
        return None
    roles = data.get("roles") if isinstance(data, dict) else None
    if not isinstance(roles, list):
        raise RecordError(f"{path}: geen scores.json van asmo (de lijst 'roles' ontbreekt)")
    scores, all_scores, unknown = _role_scores(path, roles, role_ids)
    assessment = data.get("assessment")
    if not isinstance(assessment, dict):
        assessment = {}
    name = assessment.get("name") if isinstance(assessment.get("name"), str) else None
    created = assessment.get("created")
    identity = same_record_key(
        created if isinstance(created, str) else str(path.resolve()), name, all_scores
    )
    when = moment(created) if isinstance(created, str) else None
    return Member(path, name, scores, identity, when), unknown


def _role_scores(
    path: Path, roles: list[Any], role_ids: set[str]
) -> tuple[dict[str, float | None], dict[str, float | None], set[str]]:
    """Return a scores.json's counted scores of the roles asmo knows (None: too little data),
    every score as given, and the role ids asmo does not know; RecordError with every bad entry.
    """
    scores: dict[str, float | None] = {}
    all_scores: dict[str, float | None] = {}
    unknown: set[str] = set()
    problems: list[str] = []
    for i, entry in enumerate(roles):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(f"{path}: rol {i + 1} in 'roles' heeft geen id")
            continue
        problems += _entry_problems(path, entry)
        if problems:
            continue
        score = entry.get("score")
        all_scores[entry["id"]] = None if score is None else float(score)
        if entry["id"] in role_ids:
            scores[entry["id"]] = None if score is None or not _enough(entry) else float(score)
        else:
            unknown.add(entry["id"])
    raise_problems(problems, RecordError)
    return scores, all_scores, unknown


def _entry_problems(path: Path, entry: dict[str, Any]) -> list[str]:
    """A line for a role's score, coverage or enough_data that a scores.json cannot have."""
    problems: list[str] = []
    role = shown(entry["id"])
    score = entry.get("score")
    coverage = entry.get("coverage", 0.0)
    enough = entry.get("enough_data")
    if score is not None and not _in_range(score, 1, 5):
        problems.append(
            f"{path}: rol {role}: score moet een getal van 1 tot en met 5 zijn, of null; "
            f"niet {describe(score)}"
        )
    if not _in_range(coverage, 0, 1):
        problems.append(
            f"{path}: rol {role}: coverage moet een getal van 0 tot en met 1 zijn, "
            f"niet {describe(coverage)}"
        )
    if enough is not None and not isinstance(enough, bool):
        problems.append(f"{path}: rol {role}: enough_data moet true of false zijn")
    return problems


def _enough(entry: dict[str, Any]) -> bool:
    """True when a (checked) role entry has enough data behind its score; a scores.json of
    format 1 has no enough_data: then judge by the coverage, when given."""
    enough = entry.get("enough_data")
    if enough is None:
        return "coverage" not in entry or entry["coverage"] >= ENOUGH_COVERAGE - 1e-9
    return bool(enough)
