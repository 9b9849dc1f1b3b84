"""The team profile, pure: who counts (once), and per role the mean, range and counts.

Anonymous by default: the min–max band appears only from MIN_FOR_BAND members up, so that no
individual score can be read off. A member's role score counts only with enough data. A member
counts as strong on a role when her score as she reads it in her own report (rounded half up
to one decimal) is STRONG or more: 3,96 is 4,0 there, so it counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.text import plural, shown

STRONG = 4.0
MIN_FOR_BAND = 3


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


def same_record_key(
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
                sum(1 for v in values if shown(v) >= STRONG),
            )
        )
    return result


def members_text(count: int) -> str:
    """Return '1 lid' or '3 leden'."""
    return plural(count, "lid", "leden")
