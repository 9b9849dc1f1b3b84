"""The team profile, pure: who counts (once), and per role the mean, range and counts.

Anonymous per figure: a role's mean, range, strong count and whether it is thinly covered are
shown only when at least MIN_MEMBERS members have enough data on it ("te weinig leden"
otherwise), so that no figure rests on fewer than three people and no individual score can be
read off or worked out. A member's role score counts only with enough data. One person counts
once, with her newest record: records are matched by name, ignoring case, spaces and Unicode
form; records without a name are never merged. A member counts as strong on a role when her
score as she reads it in her own report (rounded half up to one decimal) is STRONG or more:
3,96 is 4,0 there, so it counts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.text import plural, shown

STRONG = 4.0
MIN_MEMBERS = 3  # a role's figures rest on at least this many members with enough data
MIN_FOR_BAND = MIN_MEMBERS  # the chart's band: the same rule (radar_geometry says so)
TOO_FEW = "te weinig leden"


@dataclass(frozen=True)
class Member:
    source: Path
    name: str | None
    scores: dict[str, float | None]  # role id → score, for the roles this catalogue knows
    identity: tuple[object, ...]  # creation time, name and scores: the same assessment twice
    created: float | None = None  # when the assessment was made (POSIX seconds); None: unknown


@dataclass(frozen=True)
class RoleSummary:
    """One role of the team: its figures are None when fewer than MIN_MEMBERS scored it."""

    role_id: str
    name: str
    mean: float | None
    low: float | None
    high: float | None
    scored: int  # members with enough data on this role
    strong: int | None  # of them, how many score STRONG or more

    @property
    def too_few(self) -> bool:
        """True when fewer than MIN_MEMBERS members have enough data: no figure is shown."""
        return self.scored < MIN_MEMBERS


@dataclass(frozen=True)
class Skipped:
    """How many files were read but not counted, and why (the profile says so)."""

    unfinished: int = 0  # records not finished yet
    copies: int = 0  # the same assessment a second time (a copy, or its scores.json)
    older: int = 0  # an older record of a person who counts with her newest

    @property
    def total(self) -> int:
        return self.unfinished + self.copies + self.older


@dataclass(frozen=True)
class Collected:
    members: tuple[Member, ...]  # one per person
    notes: tuple[str, ...]  # skipped for a reason that is not an error (not complete, twice)
    errors: tuple[str, ...]  # bad or unreadable files, each named
    left_out: tuple[str, ...]  # role ids from other catalogue versions
    skipped: Skipped = field(default_factory=Skipped)


def same_record_key(
    created: str, name: str | None, scores: dict[str, float | None]
) -> tuple[object, ...]:
    """What makes two files the same assessment: its moment, its name and its scores.

    File names and ids are left out on purpose: a renamed copy is the same assessment, and two
    people who start in the same second (and so share an id) are not.
    """
    rounded = tuple(sorted((k, None if v is None else round(v, 6)) for k, v in scores.items()))
    return (created, name or "", rounded)


def moment(created: datetime | str | None) -> float | None:
    """Return a creation time as POSIX seconds (a time without zone is local); None when it is
    missing or no date and time."""
    if isinstance(created, str):
        try:
            created = datetime.fromisoformat(created)
        except ValueError:
            return None
    if created is None:
        return None
    try:
        return created.timestamp()
    except (ValueError, OverflowError, OSError):
        return None


def person_key(name: str | None) -> str | None:
    """Return the name as compared to find one person's records: case, spaces (collapsed and
    stripped) and Unicode form (NFKC, casefold) ignored; None without a name."""
    if name is None:
        return None
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    key = " ".join(folded.split())
    return key or None


def one_per_person(
    members: Sequence[Member],
) -> tuple[tuple[Member, ...], tuple[tuple[Member, Member], ...]]:
    """Keep one record per person, her newest (an unknown moment counts as oldest; of two
    equally new, the one read last); return the kept members in their order and per record
    left out the pair (left out, kept instead). Records without a name are all kept."""
    newest: dict[str, int] = {}
    for index, member in enumerate(members):
        key = person_key(member.name)
        if key is None:
            continue
        best = newest.get(key)
        if best is None or _newness(member) >= _newness(members[best]):
            newest[key] = index
    kept: list[Member] = []
    dropped: list[tuple[Member, Member]] = []
    for index, member in enumerate(members):
        key = person_key(member.name)
        if key is None or newest[key] == index:
            kept.append(member)
        else:
            dropped.append((member, members[newest[key]]))
    return tuple(kept), tuple(dropped)


def _newness(member: Member) -> float:
    return float("-inf") if member.created is None else member.created


def summarise(catalogue: Catalogue, members: tuple[Member, ...]) -> list[RoleSummary]:
    """Return per role the mean, the range and the strong count (each only from MIN_MEMBERS
    members with enough data up; None below), and how many members have enough data."""
    result = []
    for role in catalogue.roles:
        values = [v for m in members if (v := m.scores.get(role.id)) is not None]
        if len(values) < MIN_MEMBERS:
            result.append(RoleSummary(role.id, role.name, None, None, None, len(values), None))
            continue
        result.append(
            RoleSummary(
                role.id,
                role.name,
                sum(values) / len(values),
                min(values),
                max(values),
                len(values),
                sum(1 for v in values if shown(v) >= STRONG),
            )
        )
    return result


def too_few_text(summaries: Sequence[RoleSummary], count: int) -> str | None:
    """Say which roles show no figure (te weinig leden) and why; None when every role has one.

    ``count`` is the number of members: below MIN_MEMBERS no role can have a figure.
    """
    why = "en geen punt in het diagram, zodat niemands eigen score af te lezen is"
    if count < MIN_MEMBERS:
        return (
            f"Te weinig leden voor cijfers per rol: het teamprofiel telt er minder dan "
            f"{MIN_MEMBERS}. Daarom staan er bij geen enkele rol cijfers {why}."
        )
    few = [s.name for s in summaries if s.too_few and s.scored]
    none = [s.name for s in summaries if not s.scored]
    if not few and not none:
        return None
    parts = []
    if few:
        parts.append(
            f"bij {', '.join(few)} (minder dan {MIN_MEMBERS} leden hebben genoeg van die rol "
            "ingevuld)"
        )
    if none:
        parts.append(f"bij {', '.join(none)} (geen enkel lid heeft genoeg ingevuld)")
    return f"Te weinig leden {' en '.join(parts)}. Daar staan geen cijfers {why}."


def skipped_lines(skipped: Skipped) -> list[str]:
    """Say how many files were read but not counted, and why, one sentence per reason."""
    found = []
    if skipped.older:
        found.append(
            f"{plural(skipped.older, 'oudere meting', 'oudere metingen')} van dezelfde persoon "
            "niet meegeteld: ieder telt één keer, met haar nieuwste meting (herkend aan de naam)."
        )
    if skipped.copies:
        found.append(
            f"{plural(skipped.copies, 'bestand', 'bestanden')} met een meting die er al in zat "
            "niet meegeteld: dezelfde meting telt één keer."
        )
    if skipped.unfinished:
        found.append(
            f"{plural(skipped.unfinished, 'meting', 'metingen')} nog niet afgerond: niet meegeteld."
        )
    return found


def members_text(count: int) -> str:
    """Return '1 lid' or '3 leden'."""
    return plural(count, "lid", "leden")
