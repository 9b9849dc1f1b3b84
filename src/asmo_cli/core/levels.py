"""Pure planning: how the role scores fit each function level, and what to develop next.

Fit per level = the mean absolute difference between the role scores and the level's target
profile, over the roles that have enough data and a target. The closest level has the
smallest difference as shown (two decimals, rounded half up). Roles without a score or with
too little data are named, never counted.
"""

from __future__ import annotations

from typing import NamedTuple

from asmo_cli.core.catalogue import Catalogue, Level, Role
from asmo_cli.core.scoring import Scores
from asmo_cli.core.text import difference, shown


class LevelFit(NamedTuple):
    level: Level
    difference: float | None  # None when no role could be compared
    compared: tuple[str, ...]  # role ids with a score and a target


class Gap(NamedTuple):
    role: Role
    score: float
    target: float

    @property
    def size(self) -> float:
        return self.target - self.score

    @property
    def shown_size(self) -> float:
        """The gap as the reader subtracts the shown score from the shown target (one
        decimal each, rounded half up): what a table beside the two figures shows."""
        return difference(self.target, self.score)


def has_profiles(catalogue: Catalogue) -> bool:
    return any(level.profile for level in catalogue.levels)


def level_fits(catalogue: Catalogue, scores: Scores) -> list[LevelFit]:
    """Return the fit of the scores with every level that has a target profile."""
    fits = []
    for level in catalogue.levels:
        if not level.profile:
            continue
        pairs = [
            (r.role_id, abs(r.score - level.profile[r.role_id]))
            for r in scores.roles
            if r.score is not None and r.enough_data and r.role_id in level.profile
        ]
        mean = sum(d for _, d in pairs) / len(pairs) if pairs else None
        fits.append(LevelFit(level, mean, tuple(role_id for role_id, _ in pairs)))
    return fits


def closest_level(fits: list[LevelFit]) -> Level | None:
    """Return the level with the smallest difference as shown (two decimals, rounded half
    up); the lower level wins a tie."""
    judged = [f for f in fits if f.difference is not None]
    if not judged:
        return None
    return min(judged, key=lambda f: shown(f.difference or 0.0, 2)).level


# two levels whose differences (as shown, to two decimals) lie this close are no finding
CLEAR_DIFFERENCE = 0.15


def clear_closest(fits: list[LevelFit]) -> Level | None:
    """Return the closest level only when every other level is clearly further away: more
    than CLEAR_DIFFERENCE on the figures shown (each rounded half up to two decimals, else
    None: no clear difference)."""
    closest = closest_level(fits)
    if closest is None:
        return None
    figures = [shown(f.difference, 2) for f in fits if f.difference is not None]
    best = min(figures)
    near = [d for d in figures if difference(d, best, 2) <= CLEAR_DIFFERENCE]
    return closest if len(near) == 1 else None


def default_target(catalogue: Catalogue, own_level: str | None, fits: list[LevelFit]) -> Level:
    """Return the level above the record's level (or above the closest), at most the top."""
    ids = [lv.id for lv in catalogue.levels]
    start = own_level if own_level in ids else None
    if start is None:
        closest = closest_level(fits)
        start = closest.id if closest else ids[0]
    index = min(ids.index(start) + 1, len(ids) - 1)
    return catalogue.levels[index]


def gaps(catalogue: Catalogue, scores: Scores, target: Level) -> list[Gap]:
    """Return the roles with enough data below the target profile, the largest gap first."""
    result = []
    for score in scores.roles:
        role = catalogue.role(score.role_id)
        goal = target.profile.get(score.role_id)
        if (
            goal is not None
            and score.score is not None
            and score.enough_data
            and score.score < goal
        ):
            result.append(Gap(role, score.score, goal))
    return sorted(result, key=lambda g: -g.size)
