"""THE result of one assessment, computed once; every output reads it and decides nothing.

From catalogue + record (+ an earlier record, + a target level, + feedback from others): per
role the score, the coverage and whether that is *enough data*; the ranking; the comparison;
the level fit; what others say (``others``, see core/feedback.py).

The ranking, exactly: only roles with enough data take part. With n such roles,
k = min(3, n // 2). Every rule is judged on the figures she reads (each rounded half up to one
decimal, ``text.shown``), so that no list contradicts the table above it. They are sorted by
score as shown (ties: higher coverage first, then catalogue order). *Strongest* are the first
k. Of the last k (lowest first), *to develop* are only those with a gap: a shown score at least
MIN_GAP below the shown target profile of her own function level (the record's level, when the
catalogue has a profile for it and the role), else at least MIN_GAP below her own mean over the
roles with enough data (as shown). When none has a gap, ``to_develop`` is empty and ``no_gap``
says so plainly. The two lists never overlap. When n < 2, or the highest and lowest of these
shown scores differ by less than CLOSE_SCORES, both lists are empty and ``no_ranking`` says
why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from asmo_cli.core.catalogue import Catalogue, Level
from asmo_cli.core.evidence import shown_competencies
from asmo_cli.core.feedback import FeedbackResponse, Others, Withheld, anonymous, compute_others
from asmo_cli.core.levels import LevelFit, level_fits
from asmo_cli.core.record import RatingMap, Record, known_ratings
from asmo_cli.core.scoring import ENOUGH_COVERAGE, RoleScore, Scores, score_record
from asmo_cli.core.text import difference, format_score, number, shown
from asmo_cli.core.versions import scale_changed, version_notes

CLOSE_SCORES = 0.25
MAX_LISTED = 3
MIN_GAP = 0.5  # below the level's profile (or her own mean) to call a role one to develop


class NoRanking(Enum):
    """Why there are no strongest roles and no roles to develop."""

    TOO_FEW = "too_few_roles"
    CLOSE = "scores_close"

    @property
    def text(self) -> str:
        if self is NoRanking.TOO_FEW:
            return (
                "asmo wijst nu geen sterkste rollen en geen rollen om verder uit te bouwen aan: "
                "te weinig rollen met genoeg gegevens (daarvoor zijn minstens twee rollen nodig "
                "met elk minstens drie beoordeelde activiteiten, waarvan één kernactiviteit, en "
                "een derde dekking)."
            )
        return (
            "asmo wijst nu geen sterkste rollen en geen rollen om verder uit te bouwen aan: je "
            f"scores liggen dicht bij elkaar (minder dan {number(CLOSE_SCORES, 2)} "
            "verschil tussen de hoogste en de laagste)."
        )


@dataclass(frozen=True)
class Ranking:
    strongest: tuple[RoleScore, ...]
    to_develop: tuple[RoleScore, ...]  # lowest first
    no_ranking: NoRanking | None
    no_gap: str | None = None  # why no role is to develop although there is a ranking
    # role id → what each role to develop was held against: (her level's profile, or her own
    # mean over the roles with enough data) and the words for it
    held_against: Mapping[str, tuple[str, float]] = field(default_factory=dict)
    # when there are roles to develop: the strong roles that are still 0,5 or more below her
    # level's profile, said in one line (without roles to develop, no_gap says it)
    strong_below: str | None = None

    def develop_label(self, role: RoleScore) -> str:
        """'Penvoerder (3,1; profiel 4,0)': a role to develop with what it is below."""
        words, reference = self.held_against.get(role.role_id, ("", 0.0))
        against = f"; {words} {number(reference)}" if words else ""
        return f"{role.name} ({format_score(role.score)}{against})"


def _shown(role: RoleScore, target: float | None = None) -> str:
    """'Trainer (2,7; profiel 2,0)': a role's score as shown, with the profile it was held
    against."""
    against = "" if target is None else f"; profiel {number(target)}"
    return f"{role.name} ({format_score(role.score)}{against})"


GROW = "Bespreek of je daar wilt groeien of je wilt verdiepen in een sterke rol."


def no_gap_text(
    level: Level | None,
    mean: float,
    eligible: Sequence[RoleScore],
    strongest: Sequence[RoleScore],
    has_gap: Callable[[RoleScore], bool],
) -> str:
    """The plain sentence for a ranking whose lowest roles have no gap. It is true of every
    role with enough data: one that is still 0,5 or more below her level's profile (a strong
    role can be) is named. Otherwise it names the role nearest to (or furthest below) its
    profile, or without a level the lowest role, so she sees where she could grow without
    asmo calling it a gap."""
    if level is None:
        return (
            f"Je rollen liggen dicht bij je eigen gemiddelde ({number(mean)}): geen rol met "
            "genoeg gegevens ligt 0,5 of meer daaronder. Relatief het laagst: "
            f"{_shown(eligible[-1])}. {GROW}"
        )
    profile = level.profile
    below = [r for r in eligible if has_gap(r)]
    if below:
        strong = {r.role_id for r in strongest}
        named = ", ".join(_shown(r, profile[r.role_id]) for r in below)
        also = " (al hoort hij bij je sterkste rollen)" if below[0].role_id in strong else ""
        verb = "ligt" if len(below) == 1 else "liggen"
        return (
            "Je laagste rollen zitten op of boven het profiel van je niveau "
            f"({level.name}), of minder dan 0,5 eronder. Let op: {named} {verb} wel 0,5 of "
            f"meer onder dat profiel{also if len(below) == 1 else ''}."
        )
    held = [r for r in eligible if r.role_id in profile] or list(eligible)
    nearest = min(held, key=lambda r: (r.score or 0.0) - profile.get(r.role_id, mean))
    target = profile.get(nearest.role_id)
    below_by = 0.0 if target is None else difference(target, nearest.score or 0.0)
    where = "Het verst onder" if below_by > 0 else "Het dichtst bij"
    named = _shown(nearest, target)
    if below_by > 0:  # as the reader subtracts the two shown figures: never 0,5 here
        named = f"{named[:-1]}; {number(below_by)} eronder)"
    return (
        "Op elke rol met genoeg gegevens zit je op of boven het profiel van je niveau "
        f"({level.name}), of minder dan 0,5 eronder. {where} het profiel: {named}. {GROW}"
    )


@dataclass(frozen=True)
class Comparison:
    """The same roles in an earlier record; a delta only where both have enough data, and
    none at all across a change of what the stars mean (``scale_changed``)."""

    earlier: Record
    scores: Scores
    deltas: dict[str, float | None]  # role id → change as shown (one decimal), or None
    scale_changed: bool = False  # both profiles side by side, no difference


@dataclass(frozen=True)
class Result:
    """One record, scored against one catalogue, with everything the outputs show."""

    record: Record
    ratings: RatingMap  # the ratings this catalogue knows
    scores: Scores
    ranking: Ranking
    fits: tuple[LevelFit, ...]
    warnings: tuple[str, ...]
    comparison: Comparison | None = None
    target: Level | None = None
    others: Others | None = None  # feedback from others (core/feedback.py), when any counts
    withheld: Withheld = field(default_factory=Withheld)  # what the anonymity rule left out
    # competency id → why it is not proposed to develop: she already shows it (core/evidence)
    shown: Mapping[str, str] = field(default_factory=dict)

    @property
    def thin(self) -> tuple[RoleScore, ...]:
        """Roles with a score that rests on too little data."""
        return tuple(r for r in self.scores.roles if r.score is not None and not r.enough_data)

    @property
    def unscored(self) -> tuple[RoleScore, ...]:
        """Roles without a score (n.v.t.)."""
        return tuple(r for r in self.scores.roles if r.score is None)

    def role(self, role_id: str) -> RoleScore | None:
        return self.scores.role(role_id)


def rank(scores: Scores, level: Level | None = None) -> Ranking:
    """Return the strongest roles and the roles to develop (see the module docstring);
    ``level``: her own function level, whose target profile decides what is a gap."""
    order = {r.role_id: i for i, r in enumerate(scores.roles)}
    eligible = sorted(
        (r for r in scores.roles if r.enough_data),
        key=lambda r: (-shown(r.score or 0.0), -r.coverage, order[r.role_id]),
    )
    if len(eligible) < 2:
        return Ranking((), (), NoRanking.TOO_FEW)
    if difference(eligible[0].score or 0.0, eligible[-1].score or 0.0) < CLOSE_SCORES:
        return Ranking((), (), NoRanking.CLOSE)
    count = min(MAX_LISTED, len(eligible) // 2)
    mean = sum(r.score or 0.0 for r in eligible) / len(eligible)
    profile = level.profile if level is not None else {}

    def has_gap(role: RoleScore) -> bool:
        reference = profile.get(role.role_id, mean)
        return difference(reference, role.score or 0.0) >= MIN_GAP

    lowest = tuple(reversed(eligible[-count:]))
    develop = tuple(r for r in lowest if has_gap(r))
    strongest = tuple(eligible[:count])
    if develop:
        held = {
            r.role_id: ("profiel", profile[r.role_id])
            if r.role_id in profile
            else ("je gemiddelde", mean)
            for r in develop
        }
        below = [r for r in strongest if r.role_id in profile and has_gap(r)]
        note = _strong_below(below, level) if below and level is not None else None
        return Ranking(strongest, develop, None, held_against=held, strong_below=note)
    by_level = level if level is not None and profile else None
    no_gap = no_gap_text(by_level, mean, eligible, strongest, has_gap)
    return Ranking(strongest, develop, None, no_gap)


def _strong_below(below: Sequence[RoleScore], level: Level) -> str:
    """'Let op: Organisator (3,4; profiel 4,0) hoort bij je sterkste rollen, maar …'."""
    named = ", ".join(_shown(r, level.profile[r.role_id]) for r in below)
    one = len(below) == 1
    return (
        f"Let op: {named} {'hoort' if one else 'horen'} bij je sterkste rollen, maar "
        f"{'ligt' if one else 'liggen'} 0,5 of meer onder het profiel van je niveau "
        f"({level.name})."
    )


def below_own_level(role: RoleScore, level: Level | None) -> bool:
    """True when a role is 0,5 or more below the profile of her own level (as shown: the
    score and the profile each rounded half up to one decimal)."""
    if level is None or role.role_id not in level.profile or role.score is None:
        return False
    return difference(level.profile[role.role_id], role.score) >= MIN_GAP


def own_level(catalogue: Catalogue, record: Record) -> Level | None:
    """The record's own function level, when it gave one the catalogue knows."""
    if record.level and catalogue.has_level(record.level):
        return catalogue.level(record.level)
    return None


def shown_delta(before: RoleScore | None, after: RoleScore | None) -> float | None:
    """Return the change between two role scores as shown (each rounded half up to one
    decimal, and their difference too), or None.

    None unless both have enough data: a change resting on a thin score says nothing.
    """
    if before is None or after is None or not (before.enough_data and after.enough_data):
        return None
    assert before.score is not None and after.score is not None
    return difference(after.score, before.score)


def compare(
    scores: Scores, earlier: Record, earlier_scores: Scores, *, scale_changed: bool = False
) -> Comparison:
    deltas = {
        r.role_id: None if scale_changed else shown_delta(earlier_scores.role(r.role_id), r)
        for r in scores.roles
    }
    return Comparison(earlier, earlier_scores, deltas, scale_changed)


def compute_result(
    catalogue: Catalogue,
    record: Record,
    earlier: Record | None = None,
    target: Level | None = None,
    *,
    feedback: Sequence[FeedbackResponse] = (),
) -> Result:
    """Score a record and derive everything the outputs show, once (with feedback, if given)."""
    ratings, warnings = known_ratings(record, catalogue)
    warnings += version_notes(catalogue, record, earlier)
    scores = score_record(catalogue, ratings)
    comparison = None
    if earlier is not None:
        earlier_ratings, earlier_warnings = known_ratings(earlier, catalogue)
        warnings += earlier_warnings
        changed = scale_changed(catalogue, record, earlier)
        earlier_scores = score_record(catalogue, earlier_ratings)
        comparison = compare(scores, earlier, earlier_scores, scale_changed=changed)
    ranking = rank(scores, own_level(catalogue, record))
    return Result(
        record=record,
        ratings=ratings,
        scores=scores,
        ranking=ranking,
        fits=tuple(level_fits(catalogue, scores)),
        warnings=tuple(warnings),
        comparison=comparison,
        target=target,
        others=compute_others(catalogue, scores, ratings, feedback),
        withheld=anonymous(feedback, ratings)[1],
        # a strong role still 0,5 below her level's profile shows nothing to leave out
        shown=shown_competencies(
            catalogue,
            ratings,
            [r for r in ranking.strongest if not below_own_level(r, own_level(catalogue, record))],
        ),
    )


__all__ = [
    "CLOSE_SCORES",
    "ENOUGH_COVERAGE",
    "Comparison",
    "NoRanking",
    "Others",
    "Ranking",
    "Result",
    "compute_result",
    "rank",
    "shown_delta",
]
