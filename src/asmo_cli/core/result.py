"""THE result of one assessment, computed once; every output reads it and decides nothing.

From catalogue + record (+ an earlier record, + a target level, + feedback from others): per
role the score, the coverage and whether that is *enough data*; the ranking; the comparison;
the level fit; what others say (``others``, see core/feedback.py).

The ranking, exactly: only roles with enough data take part. With n such roles,
k = min(3, n // 2). They are sorted by unrounded score (ties: higher coverage first, then
catalogue order). *Strongest* are the first k, *to develop* the last k, lowest first; the two
lists never overlap. When n < 2, or the highest and lowest of these scores differ by less
than CLOSE_SCORES, both lists are empty and ``no_ranking`` says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from asmo_cli.core.catalogue import Catalogue, Level
from asmo_cli.core.feedback import FeedbackResponse, Others, compute_others
from asmo_cli.core.levels import LevelFit, level_fits
from asmo_cli.core.record import RatingMap, Record, known_ratings
from asmo_cli.core.scoring import ENOUGH_COVERAGE, RoleScore, Scores, score_assessment

CLOSE_SCORES = 0.25
MAX_LISTED = 3


class NoRanking(Enum):
    """Why there are no strongest roles and no roles to develop."""

    TOO_FEW = "too_few_roles"
    CLOSE = "scores_close"

    @property
    def text(self) -> str:
        if self is NoRanking.TOO_FEW:
            return (
                "asmo wijst nu geen sterkste rollen en geen rollen om verder uit te bouwen aan: "
                "te weinig rollen met genoeg gegevens (minstens twee rollen waarvan je een "
                "derde of meer hebt ingevuld)."
            )
        return (
            "asmo wijst nu geen sterkste rollen en geen rollen om verder uit te bouwen aan: je "
            f"scores liggen dicht bij elkaar (minder dan {str(CLOSE_SCORES).replace('.', ',')} "
            "verschil tussen de hoogste en de laagste)."
        )


@dataclass(frozen=True)
class Ranking:
    strongest: tuple[RoleScore, ...]
    to_develop: tuple[RoleScore, ...]  # lowest first
    no_ranking: NoRanking | None


@dataclass(frozen=True)
class Comparison:
    """The same roles in an earlier record; a delta only where both have enough data."""

    earlier: Record
    scores: Scores
    deltas: dict[str, float | None]  # role id → change as shown (one decimal), or None


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
    others: Others | None = None  # feedback from others (core/feedback.py), when there is any

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


def rank(scores: Scores) -> Ranking:
    """Return the strongest roles and the roles to develop (see the module docstring)."""
    order = {r.role_id: i for i, r in enumerate(scores.roles)}
    eligible = sorted(
        (r for r in scores.roles if r.enough_data),
        key=lambda r: (-(r.score or 0.0), -r.coverage, order[r.role_id]),
    )
    if len(eligible) < 2:
        return Ranking((), (), NoRanking.TOO_FEW)
    if (eligible[0].score or 0.0) - (eligible[-1].score or 0.0) < CLOSE_SCORES:
        return Ranking((), (), NoRanking.CLOSE)
    count = min(MAX_LISTED, len(eligible) // 2)
    return Ranking(tuple(eligible[:count]), tuple(reversed(eligible[-count:])), None)


def shown_delta(before: RoleScore | None, after: RoleScore | None) -> float | None:
    """Return the change between two role scores as shown (each to one decimal), or None.

    None unless both have enough data: a change resting on a thin score says nothing.
    """
    if before is None or after is None or not (before.enough_data and after.enough_data):
        return None
    assert before.score is not None and after.score is not None
    return round(round(after.score, 1) - round(before.score, 1), 1)


def compare(scores: Scores, earlier: Record, earlier_scores: Scores) -> Comparison:
    deltas = {r.role_id: shown_delta(earlier_scores.role(r.role_id), r) for r in scores.roles}
    return Comparison(earlier, earlier_scores, deltas)


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
    scores = score_assessment(catalogue, ratings)
    comparison = None
    if earlier is not None:
        earlier_ratings, earlier_warnings = known_ratings(earlier, catalogue)
        warnings += earlier_warnings
        comparison = compare(scores, earlier, score_assessment(catalogue, earlier_ratings))
    return Result(
        record=record,
        ratings=ratings,
        scores=scores,
        ranking=rank(scores),
        fits=tuple(level_fits(catalogue, scores)),
        warnings=tuple(warnings),
        comparison=comparison,
        target=target,
        others=compute_others(catalogue, scores, ratings, feedback),
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
