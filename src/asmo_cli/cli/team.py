"""``asmo team``: the roles a bureau medezeggenschap covers well and where it is thin.

Each file is one member: a record (``<id>.yaml``) or a ``scores.json`` from ``asmo report``.
Anonymous by default: only per-role aggregates, and the min–max band only from three
members up, so that no individual score can be read off.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.checks import describe, shown
from asmo_cli.core.errors import AsmoError, RecordError
from asmo_cli.core.record import known_ratings
from asmo_cli.core.scoring import ENOUGH_COVERAGE, score_assessment
from asmo_cli.core.text import md, number
from asmo_cli.render.radar import TEAM, Series, draw_radar
from asmo_cli.storage.files import (
    check_path_length,
    ensure_dir,
    os_reason,
    read_input,
    write_private,
)
from asmo_cli.storage.records import load_record

STRONG = 4.0
MIN_FOR_BAND = 3
SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Member:
    source: Path
    name: str | None
    scores: dict[str, float | None]  # role id → score, for the roles this catalogue knows
    identity: tuple[object, ...]  # creation time, name and scores: the same assessment twice


@dataclass(frozen=True)
class RoleSummary:
    role_id: str
    name: str
    mean: float | None
    low: float | None
    high: float | None
    scored: int
    strong: int


@dataclass(frozen=True)
class Collected:
    members: tuple[Member, ...]
    notes: tuple[str, ...]  # skipped for a reason that is not an error (not complete, twice)
    errors: tuple[str, ...]  # bad or unreadable files, each named
    left_out: tuple[str, ...]  # role ids from other catalogue versions


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
                    found += sorted(
                        p for p in sub.iterdir() if p.is_file() and p.name == "scores.json"
                    )
                files += found
            elif path.exists():
                files.append(path)
            else:
                errors.append(f"{path}: bestand of map niet gevonden")
        except AsmoError as exc:
            errors.append(exc.message)
        except OSError as exc:
            errors.append(f"{path}: kan dit niet lezen ({os_reason(exc)})")
    return files, errors


def collect(catalogue: Catalogue, paths: list[Path]) -> Collected:
    """Read every member file; skip (and name) what cannot be used or was given twice."""
    files, errors = member_files(paths)
    members: list[Member] = []
    notes: list[str] = []
    left_out: set[str] = set()
    role_ids = {r.id for r in catalogue.roles}
    seen: dict[tuple[object, ...], Path] = {}
    for path in files:
        try:
            if path.suffix == ".json":
                member, unknown = _from_scores_json(path, role_ids)
                left_out |= unknown
            else:
                record = load_record(path)
                if not record.is_complete:
                    notes.append(f"{path}: overgeslagen, de meting is nog niet afgerond")
                    continue
                ratings, _ = known_ratings(record, catalogue)
                scores = score_assessment(catalogue, ratings)
                # a role counts for a member only with enough data behind the score
                counted = {r.role_id: r.score if r.enough_data else None for r in scores.roles}
                all_scores = {r.role_id: r.score for r in scores.roles}
                identity = _identity(record.created.isoformat(), record.name, all_scores)
                member = Member(path, record.name, counted, identity)
        except AsmoError as exc:
            errors.append(exc.message)
            continue
        if member.identity in seen:
            notes.append(f"{path}: dezelfde meting als {seen[member.identity]}; één keer meegeteld")
            continue
        seen[member.identity] = path
        members.append(member)
    return Collected(tuple(members), tuple(notes), tuple(errors), tuple(sorted(left_out)))


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _in_range(value: Any, low: float, high: float) -> bool:
    return (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and math.isfinite(value)
        and low <= value <= high
    )


def _from_scores_json(path: Path, role_ids: set[str]) -> tuple[Member, set[str]]:
    raw = read_input(path, str(path))
    try:
        data: Any = json.loads(
            raw.decode("utf-8"), parse_constant=_reject_constant, parse_float=_finite
        )
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise RecordError(
            f"{path}: geen leesbaar scores.json (ongeldige JSON, of NaN/oneindig als getal)"
        ) from None
    roles = data.get("roles") if isinstance(data, dict) else None
    if not isinstance(roles, list):
        raise RecordError(f"{path}: geen scores.json van asmo (de lijst 'roles' ontbreekt)")
    scores: dict[str, float | None] = {}
    all_scores: dict[str, float | None] = {}
    unknown: set[str] = set()
    for entry in roles:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise RecordError(f"{path}: een rol zonder id in 'roles'")
        role = shown(entry["id"])
        score = entry.get("score")
        if score is not None and not _in_range(score, 1, 5):
            raise RecordError(
                f"{path}: rol {role}: score moet een getal van 1 tot en met 5 zijn, of null; "
                f"niet {describe(score)}"
            )
        coverage = entry.get("coverage", 0.0)
        if not _in_range(coverage, 0, 1):
            raise RecordError(
                f"{path}: rol {role}: coverage moet een getal van 0 tot en met 1 zijn, "
                f"niet {describe(coverage)}"
            )
        enough = entry.get("enough_data")
        if enough is not None and not isinstance(enough, bool):
            raise RecordError(f"{path}: rol {role}: enough_data moet true of false zijn")
        if enough is None:  # scores.json of format 1: judge by the coverage, when given
            enough = "coverage" not in entry or coverage >= ENOUGH_COVERAGE - 1e-9
        all_scores[entry["id"]] = None if score is None else float(score)
        if entry["id"] in role_ids:
            scores[entry["id"]] = None if score is None or not enough else float(score)
        else:
            unknown.add(entry["id"])
    assessment = data.get("assessment")
    if not isinstance(assessment, dict):
        assessment = {}
    name = assessment.get("name") if isinstance(assessment.get("name"), str) else None
    created = assessment.get("created")
    identity = _identity(
        created if isinstance(created, str) else str(path.resolve()), name, all_scores
    )
    return Member(path, name, scores, identity), unknown


def _identity(
    created: str, name: str | None, scores: dict[str, float | None]
) -> tuple[object, ...]:
    """What makes two files the same assessment: its moment, its name and its scores.

    File names and ids are left out on purpose: a renamed copy is the same assessment, and two
    people who start in the same second (and so share an id) are not.
    """
    rounded = tuple(sorted((k, None if v is None else round(v, 6)) for k, v in scores.items()))
    return (created, name or "", rounded)


def summarise(catalogue: Catalogue, members: tuple[Member, ...]) -> list[RoleSummary]:
    """Return per role the mean, the range (from three scores up), and the counts."""
    result = []
    for role in catalogue.roles:
        values = [v for m in members if (v := m.scores.get(role.id)) is not None]
        mean = sum(values) / len(values) if values else None
        band = len(values) >= MIN_FOR_BAND
        result.append(
            RoleSummary(
                role.id,
                role.name,
                mean,
                min(values) if band else None,
                max(values) if band else None,
                len(values),
                sum(1 for v in values if v >= STRONG),
            )
        )
    return result


def members_text(count: int) -> str:
    """Return '1 lid' or '3 leden'."""
    return f"{count} {'lid' if count == 1 else 'leden'}"


def _fmt(value: float | None) -> str:
    return "–" if value is None else number(value)


def render_team_json(catalogue: Catalogue, found: Collected, *, with_names: bool) -> str:
    """Return team.json: the per-role aggregates (and, with names, the per-person scores)."""
    data: dict[str, Any] = {
        "members": len(found.members),
        "catalogue_version": catalogue.tasks_version,
        "roles": [
            {
                "id": s.role_id,
                "name": s.name,
                "mean": s.mean,
                "min": s.low,
                "max": s.high,
                "scored": s.scored,
                "strong": s.strong,
            }
            for s in summarise(catalogue, found.members)
        ],
        "left_out_roles": list(found.left_out),
    }
    if with_names:
        data["people"] = [
            {"name": m.name or m.source.stem, "scores": m.scores} for m in found.members
        ]
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def render_team_markdown(catalogue: Catalogue, found: Collected, *, with_names: bool) -> str:
    """Return team.md in Dutch: coverage per role, anonymous unless names are asked for."""
    count = len(found.members)
    lines = ["# Teamprofiel bureau medezeggenschap", ""]
    lines += [
        f"Gebaseerd op {count} afgeronde meting{'en' if count != 1 else ''}. Per rol het "
        "gemiddelde van het team, hoeveel leden een score op die rol hebben en hoeveel er 4 "
        f"of hoger scoren ({STRONG:g} = 'ervaren'). Een score telt alleen mee als dat lid "
        "genoeg van die rol heeft ingevuld (een derde dekking of meer).",
        "",
        "![Teamprofiel](team.png)",
        "",
        "| Rol | Gemiddeld | Laagste–hoogste | Leden met score | Leden met 4 of hoger |",
        "|---|---:|---:|---:|---:|",
    ]
    summaries = summarise(catalogue, found.members)
    for s in summaries:
        spread = f"{_fmt(s.low)}–{_fmt(s.high)}" if s.low is not None else "–"
        lines.append(f"| {md(s.name)} | {_fmt(s.mean)} | {spread} | {s.scored} | {s.strong} |")
    lines.append("")
    if count < MIN_FOR_BAND:
        lines += [
            f"Laagste en hoogste score staan er pas bij vanaf {MIN_FOR_BAND} leden met een "
            "score, zodat niemands eigen score af te lezen is.",
            "",
        ]
    thin = [md(s.name) for s in summaries if s.strong == 0]
    strong = [md(s.name) for s in summaries if s.scored and s.strong * 2 >= count]
    if strong:
        lines += ["**Goed gedekt** (minstens de helft scoort 4 of hoger): " + ", ".join(strong), ""]
    if thin:
        lines += ["**Dun bezet** (niemand scoort 4 of hoger): " + ", ".join(thin), ""]
    if found.left_out:
        lines += [
            "Niet vergeleken, want niet in deze catalogus (andere versie): "
            + ", ".join(md(r) for r in found.left_out),
            "",
        ]
    if with_names:
        names = [md(role.name) for role in catalogue.roles]
        lines += ["## Per persoon", "", "| Naam | " + " | ".join(names) + " |"]
        lines.append("|---|" + "---:|" * len(names))
        for m in found.members:
            cells = [_fmt(m.scores.get(role.id)) for role in catalogue.roles]
            lines.append(f"| {md(m.name or m.source.stem)} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def write_team(
    catalogue: Catalogue, found: Collected, out: Path, *, with_names: bool
) -> list[Path]:
    """Write team.md, team.png and team.json into ``out``."""
    check_path_length(out, "pad")
    ensure_dir(out)
    summaries = summarise(catalogue, found.members)
    count = len(found.members)
    mean = Series(f"teamgemiddelde ({members_text(count)})", [s.mean for s in summaries], TEAM)
    band = None
    if count >= MIN_FOR_BAND:
        band = ([s.low for s in summaries], [s.high for s in summaries], "laagste tot hoogste")
    chart = out / "team.png"
    (image,) = draw_radar(
        [s.name for s in summaries],
        [mean],
        f"Teamprofiel bureau medezeggenschap\n{members_text(count)} — {date.today():%d-%m-%Y}",
        ["png"],
        band,
    )
    write_private(chart, image)
    written = [out / "team.md", chart, out / "team.json"]
    for path, text in (
        (written[0], render_team_markdown(catalogue, found, with_names=with_names)),
        (written[2], render_team_json(catalogue, found, with_names=with_names)),
    ):
        write_private(path, text)
    return written
