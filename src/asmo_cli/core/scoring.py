"""Pure scoring: ratings and catalogue in, task and role scores out. No I/O, no printing.

Every activity weighs on roles: its own ``weights`` in tasks.yaml, else its area's row in
roles.yaml (``Catalogue.activity_weights``). An activity *feeds* a role when its weight is
above 0 (0,5 included); the role with its highest weight is its *main role* (1,0 in the
shipped catalogue): for that role it is a *core activity* (kernactiviteit).

- TaskArea score s_t: the mean of the stars of t's rated activities (None when none is rated).
- Role score S_r = sum(w(a,r) * stars(a)) / sum(w(a,r)) over the activities rated 1 to 5
  that feed r; None ("n.v.t.") when none does. An area with more rated activities counts more.
- Coverage C_r = sum(w(a,r)) over those rated activities / sum(w(a,r)) over all activities.
- Enough data (``thin_reason`` is None): a coverage of at least ENOUGH_COVERAGE, at least
  MIN_RATED rated activities that feed the role, and at least one of them a core activity.
  A role with less rests on too little of its work to call it strong or weak; every output
  shows it as thin, with the reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from asmo_cli.core.catalogue import Catalogue, TaskArea
from asmo_cli.core.text import percent, plural

Ratings = Mapping[str, Mapping[str, int | None]]  # a person's own stars: whole numbers
# what is scored: a person's stars, or others' mean stars per activity (core/feedback.py)
Values = Mapping[str, Mapping[str, float | None]]
ENOUGH_COVERAGE = 1 / 3
MIN_RATED = 3  # rated activities that feed a role, one of them a core activity


def activities_text(count: int) -> str:
    return plural(count, "activiteit", "activiteiten")


def thin_reason(rated: int, core: int, coverage: float) -> str | None:
    """Why a role's score rests on too little (None: enough data). The one rule for it."""
    if rated == 0:
        return "geen activiteit van deze rol beoordeeld"
    if rated < MIN_RATED:
        return (
            f"{activities_text(rated)} beoordeeld; minstens {MIN_RATED} nodig, waarvan één "
            "kernactiviteit"
        )
    if core == 0:
        return (
            f"{activities_text(rated)} beoordeeld, maar geen kernactiviteit van deze rol; "
            "minstens één nodig"
        )
    if coverage < ENOUGH_COVERAGE - 1e-9:
        return f"{percent(coverage)} van het werk van deze rol beoordeeld; minstens een derde nodig"
    return None


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
    rated: int  # rated activities that feed the role
    core: int  # of which the role is the main role

    @property
    def thin_reason(self) -> str | None:
        """Why the score rests on too little; None when it has enough data (or no score)."""
        if self.score is None:
            return None
        return thin_reason(self.rated, self.core, self.coverage)

    @property
    def enough_data(self) -> bool:
        return self.score is not None and self.thin_reason is None


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


@dataclass
class _Sums:
    weighted: float = 0.0  # sum of w * stars over rated activities
    rated_weight: float = 0.0
    all_weight: float = 0.0
    rated: int = 0
    core: int = 0


def score_record(catalogue: Catalogue, ratings: Values) -> Scores:
    """Score ratings against the catalogue; ids the catalogue does not know are ignored."""
    tasks: list[TaskScore] = []
    for task in catalogue.tasks:
        given = ratings.get(task.id, {})
        known = {a.id: given[a.id] for a in task.activities if a.id in given}
        rated = sum(1 for v in known.values() if v is not None)
        tasks.append(TaskScore(task.id, task.name, task_score(known), rated, len(task.activities)))
    sums = {role.id: _Sums() for role in catalogue.roles}
    for feed in catalogue.feeds():
        if (acc := sums.get(feed.role_id)) is None:
            continue
        acc.all_weight += feed.weight
        stars = ratings.get(feed.task.id, {}).get(feed.activity.id)
        if stars is not None:
            acc.weighted += feed.weight * stars
            acc.rated_weight += feed.weight
            acc.rated += 1
            acc.core += feed.core
    roles = []
    for role in catalogue.roles:
        acc = sums[role.id]
        score = acc.weighted / acc.rated_weight if acc.rated else None
        coverage = acc.rated_weight / acc.all_weight if acc.all_weight > 0 else 0.0
        roles.append(RoleScore(role.id, role.name, score, coverage, acc.rated, acc.core))
    return Scores(tuple(tasks), tuple(roles))


def area_to_add(catalogue: Catalogue, ratings: Values, role_id: str) -> TaskArea | None:
    """The area she did not choose that holds most core activities of a role (for more data
    on it), or None."""
    counts: dict[str, int] = {}
    for feed in catalogue.feeds(role_id):
        if feed.core and feed.task.id not in ratings:
            counts[feed.task.id] = counts.get(feed.task.id, 0) + 1
    best = max(counts, key=lambda t: counts[t], default=None)  # the first of equals
    return catalogue.task(best) if best else None
