"""Pure scoring: ratings and catalogue in, task and role scores out. No I/O, no printing.

- Task score s_t: the mean of the ratings of t's rated activities; a task counts only when at
  least one of its activities is rated.
- Role score S_r = sum(w(t,r) * s_t) / sum(w(t,r)) over counted tasks with w(t,r) > 0; None
  ("n.v.t.") when no counted task weighs on r.
- Coverage C_r = sum(w(t,r)) over counted tasks / sum(w(t,r)) over all tasks of the catalogue.
- Enough data: a score and a coverage of at least ENOUGH_COVERAGE. A role with less rests on
  too little of its work to call it strong or weak; every output shows it as thin.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from asmo_cli.core.catalogue import Catalogue

Ratings = Mapping[str, Mapping[str, int | None]]  # a person's own stars: whole numbers
# what is scored: a person's stars, or others' mean stars per activity (core/feedback.py)
Values = Mapping[str, Mapping[str, float | None]]
ENOUGH_COVERAGE = 1 / 3


@dataclass(frozen=True)
class TaskScore:
    task_id: str
    name: str
    score: float | None
    rated: int
    total: int


@dataclass(frozen=True)
class RoleScore:
    role_id: str
    name: str
    score: float | None
    coverage: float

    @property
    def enough_data(self) -> bool:
        """True when the score rests on at least a third of the role's weight."""
        return self.score is not None and self.coverage >= ENOUGH_COVERAGE - 1e-9


@dataclass(frozen=True)
class Scores:
    tasks: tuple[TaskScore, ...]
    roles: tuple[RoleScore, ...]

    def role(self, role_id: str) -> RoleScore | None:
        return next((r for r in self.roles if r.role_id == role_id), None)


def task_score(ratings: Mapping[str, float | None]) -> float | None:
    """Return the mean of the given ratings, ignoring n.v.t. (None); None when none is rated."""
    values = [v for v in ratings.values() if v is not None]
    return sum(values) / len(values) if values else None


def role_score(
    weights: Mapping[str, float], task_scores: Mapping[str, float]
) -> tuple[float | None, float]:
    """Return (score, coverage) of one role from its task weights and the counted task scores."""
    total = sum(w for w in weights.values() if w > 0)
    counted = {t: w for t, w in weights.items() if w > 0 and t in task_scores}
    weight = sum(counted.values())
    score = sum(w * task_scores[t] for t, w in counted.items()) / weight if counted else None
    coverage = weight / total if total > 0 else 0.0
    return score, coverage


def score_assessment(catalogue: Catalogue, ratings: Values) -> Scores:
    """Score ratings against the catalogue; ids the catalogue does not know are ignored."""
    tasks: list[TaskScore] = []
    counted: dict[str, float] = {}
    for task in catalogue.tasks:
        given = ratings.get(task.id, {})
        known = {a.id: given[a.id] for a in task.activities if a.id in given}
        score = task_score(known)
        if score is not None:
            counted[task.id] = score
        rated = sum(1 for v in known.values() if v is not None)
        tasks.append(TaskScore(task.id, task.name, score, rated, len(task.activities)))
    roles = []
    for role in catalogue.roles:
        score, coverage = role_score(role.weights, counted)
        roles.append(RoleScore(role.id, role.name, score, coverage))
    return Scores(tuple(tasks), tuple(roles))
