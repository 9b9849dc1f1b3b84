"""Feedback from others, pure: the givers' answers, and what they say beside the self-scores.

- Per activity the mean over the givers who rated it; null (*kan ik niet beoordelen*) does not
  count. From those means the others' task and role scores, coverage and enough data, by
  scoring.py's formula: exactly the same as the self-scores.
- Only the areas the record itself chose count, so that self and others score the same work.
- A *verborgen kracht* (hidden strength) is a role others score at least DIFFERENCE higher
  than the person did, a *blinde vlek* (blind spot) one they score at least DIFFERENCE lower;
  judged on the two scores as shown (each rounded half up to one decimal), so that the table
  and the list below it always agree, and only when both scores have enough data. Largest
  difference (as shown) first; ties keep catalogue order.
- The activities with the largest differences: own stars against the others' mean as shown
  (one decimal), both present, at least DIFFERENCE apart; largest first (ties: catalogue
  order), at most MAX_DIFFERENCES; never a mean that is one giver's answer among several
  givers.
- Comments per area, without names and sorted alphabetically (not in the order they came in).
- Figures per giver only when MIN_GIVERS_FOR_DETAIL givers gave stars; else none to show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.council import NEUTRAL, Council
from asmo_cli.core.record import person
from asmo_cli.core.scoring import Ratings, RoleScore, Scores, score_record
from asmo_cli.core.text import difference

GIVER_ROLES: Mapping[str, str] = MappingProxyType(
    {
        "voorzitter": "voorzitter",
        "or-lid": "OR-lid",
        "leidinggevende": "leidinggevende",
        "collega-as": "collega-AS",
        "anders": "anders",
    }
)  # role id → how it is written in a sentence
GIVER_ROLE_TITLES: Mapping[str, str] = MappingProxyType(
    {
        "voorzitter": "Voorzitter van de OR of het MZO",
        "or-lid": "Lid van de OR of het MZO",
        "leidinggevende": "Leidinggevende",
        "collega-as": "Collega-ambtelijk secretaris",
        "anders": "Anders",
    }
)  # role id → how a giver reads it in a list to choose from (page, paper, prompt)
# a member of the council, per council: in a sentence, several, and as a title to choose
_MEMBER: Mapping[Council, tuple[str, str, str]] = MappingProxyType(
    {
        "or": ("OR-lid", "OR-leden", "Lid van de OR"),
        "mr": ("MR-lid", "MR-leden", "Lid van de MR"),
        "cr": ("lid van de cliëntenraad", "leden van de cliëntenraad", "Lid van de cliëntenraad"),
        "other": ("OR-lid", "OR-leden", "Lid van de OR of het MZO"),
    }
)
_CHAIR: Mapping[Council, str] = MappingProxyType(
    {
        "or": "Voorzitter van de OR",
        "mr": "Voorzitter van de MR",
        "cr": "Voorzitter van de cliëntenraad",
        "other": "Voorzitter van de OR of het MZO",
    }
)


def giver_roles(council: Council) -> Mapping[str, str]:
    """Role id → how it is written in a sentence, in the words of her council (the ids stay
    the same for every council)."""
    return {**GIVER_ROLES, "or-lid": _MEMBER[council][0]}


def giver_role_titles(council: Council) -> Mapping[str, str]:
    """Role id → how a giver reads it in a list to choose from, for her council."""
    return {**GIVER_ROLE_TITLES, "voorzitter": _CHAIR[council], "or-lid": _MEMBER[council][2]}


def members_word(council: Council) -> str:
    """'OR-leden', 'MR-leden', 'leden van de cliëntenraad': several members of her council."""
    return _MEMBER[council][1]


ANSWERS_FORMAT = 1  # "asmo_feedback" in an answers file (the page writes it, add reads it)
MIN_GIVERS_FOR_DETAIL = 3
DIFFERENCE = 1.0
MAX_DIFFERENCES = 5

Means = Mapping[str, Mapping[str, float | None]]


@dataclass(frozen=True)
class FeedbackResponse:
    """One giver's answers: task → activity → 1–5 or None (kan ik niet beoordelen)."""

    response_id: str
    giver_role: str  # one of GIVER_ROLES
    name: str | None
    ratings: Ratings
    comments: Mapping[str, str]  # task id → text

    @property
    def label(self) -> str:
        """'voorzitter' or 'voorzitter (Jan)': who gave this feedback, in a sentence."""
        return self.label_for(NEUTRAL)

    def label_for(self, council: Council) -> str:
        """``label`` in the words of her council ('MR-lid (Jan)')."""
        role = giver_roles(council).get(self.giver_role, self.giver_role)
        return f"{role} ({self.name})" if self.name else role

    @property
    def giver(self) -> str:
        """'de voorzitter (Jan)', 'een OR-lid', 'iemand anders': after 'feedback van'."""
        return self.giver_for(NEUTRAL)

    def giver_for(self, council: Council) -> str:
        """``giver`` in the words of her council ('een MR-lid')."""
        article = {"voorzitter": "de ", "leidinggevende": "de ", "anders": "iemand "}
        role = giver_roles(council).get(self.giver_role, self.giver_role)
        who = f"{article.get(self.giver_role, 'een ')}{role}"
        return f"{who} ({self.name})" if self.name else who

    @property
    def has_stars(self) -> bool:
        """True when some activity has stars (not only 'kan ik niet beoordelen')."""
        return any(v is not None for acts in self.ratings.values() for v in acts.values())

    @property
    def says_something(self) -> bool:
        """True when there is something to keep: stars or a comment."""
        return self.has_stars or bool(self.comments)

    def same_giver(self, other: FeedbackResponse) -> bool:
        """True when another response has this one's role and (given) name: perhaps the same
        person who filled in a page twice (each page opened gets a new response_id)."""
        return (
            bool(self.name)
            and other.response_id != self.response_id
            and other.giver_role == self.giver_role
            and person(other.name) == person(self.name)
        )


@dataclass(frozen=True)
class RoleGap:
    """A role where the others' score differs from the own score by at least DIFFERENCE."""

    role_id: str
    name: str
    own: float
    others: float

    @property
    def difference(self) -> float:
        """Others minus own, unrounded: positive for a hidden strength."""
        return self.others - self.own

    @property
    def shown_difference(self) -> float:
        """Others minus own as the reader computes it from the shown scores (4,1 − 3,1 =
        +1,0): what the rule judges and the report shows."""
        return difference(self.others, self.own)


@dataclass(frozen=True)
class ActivityGap:
    """One activity: own stars against the mean of the givers who rated it."""

    task_id: str
    task_name: str
    activity_id: str
    activity_name: str
    own: int
    others: float
    raters: int

    @property
    def difference(self) -> float:
        return self.others - self.own

    @property
    def shown_difference(self) -> float:
        """The others' mean as shown (one decimal) minus the own whole stars."""
        return difference(self.others, self.own)


@dataclass(frozen=True)
class TaskComments:
    task_id: str
    name: str
    texts: tuple[str, ...]  # without names, sorted alphabetically


@dataclass(frozen=True)
class GiverScores:
    """One giver's own task and role scores (for a view with names)."""

    giver_role: str
    name: str | None
    label: str
    scores: Scores


@dataclass(frozen=True)
class Others:
    """What the givers together say, beside the self-scores."""

    givers: int
    scores: Scores  # the others' task and role scores, from the activity means
    means: Means  # task → activity → mean, or None when no giver could judge it
    raters: Mapping[str, Mapping[str, int]]  # task → activity → givers who rated it
    hidden_strengths: tuple[RoleGap, ...]
    blind_spots: tuple[RoleGap, ...]
    differences: tuple[ActivityGap, ...]
    comments: tuple[TaskComments, ...]  # catalogue order; only areas with a comment
    giver_roles: tuple[tuple[str, int], ...]  # (giver role, how many), in GIVER_ROLES order
    per_giver: tuple[GiverScores, ...]  # empty with fewer than MIN_GIVERS_FOR_DETAIL givers
    rating_givers: int = 0  # the givers who gave stars somewhere: they make the figures

    @property
    def chair_only(self) -> bool:
        """True when every giver is her voorzitter (the feedback is then the voorzitter's)."""
        return all(role == "voorzitter" for role, _ in self.giver_roles)

    @property
    def show_per_giver(self) -> bool:
        """True when figures per giver may be shown: MIN_GIVERS_FOR_DETAIL givers or more gave
        stars (a giver with only comments adds no figure to hide behind)."""
        return self.rating_givers >= MIN_GIVERS_FOR_DETAIL

    def role(self, role_id: str) -> RoleScore | None:
        return self.scores.role(role_id)


def activity_means(
    catalogue: Catalogue, selected: Mapping[str, object], feedback: Sequence[FeedbackResponse]
) -> tuple[dict[str, dict[str, float | None]], dict[str, dict[str, int]]]:
    """Return per activity of the selected areas the givers' mean and how many rated it.

    An activity no giver answered is left out; one answered only with null has mean None.
    """
    means: dict[str, dict[str, float | None]] = {}
    raters: dict[str, dict[str, int]] = {}
    for task in catalogue.tasks:
        if task.id not in selected:
            continue
        answers = [r.ratings.get(task.id, {}) for r in feedback]
        means[task.id], raters[task.id] = {}, {}
        for activity in task.activities:
            given = [a[activity.id] for a in answers if activity.id in a]
            if not given:
                continue
            values = [v for v in given if v is not None]
            means[task.id][activity.id] = sum(values) / len(values) if values else None
            raters[task.id][activity.id] = len(values)
    return means, raters


def score_means(catalogue: Catalogue, means: Means) -> Scores:
    """Score activity means with the self-scores' own formula (scoring.score_record)."""
    return score_record(catalogue, means)


def role_gaps(own: Scores, others: Scores) -> tuple[tuple[RoleGap, ...], tuple[RoleGap, ...]]:
    """Return (hidden strengths, blind spots): roles with enough data on both sides."""
    gaps = []
    for role in own.roles:
        theirs = others.role(role.role_id)
        if theirs is None or not (role.enough_data and theirs.enough_data):
            continue
        assert role.score is not None and theirs.score is not None
        gaps.append(RoleGap(role.role_id, role.name, role.score, theirs.score))
    gaps.sort(key=lambda g: -abs(g.shown_difference))  # stable: ties keep catalogue order
    return (
        tuple(g for g in gaps if g.shown_difference >= DIFFERENCE),
        tuple(g for g in gaps if g.shown_difference <= -DIFFERENCE),
    )


def activity_gaps(
    catalogue: Catalogue,
    own: Ratings,
    means: Means,
    raters: Mapping[str, Mapping[str, int]],
    givers: int,
) -> tuple[ActivityGap, ...]:
    """Return the activities where own stars and others' mean differ most (see the docstring).

    A mean is never one giver's own answer among several givers: with two givers or more,
    an activity only one of them rated is left out.
    """
    needed = min(givers, 2)
    gaps = []
    for task in catalogue.tasks:
        for activity in task.activities:
            mine = own.get(task.id, {}).get(activity.id)
            theirs = means.get(task.id, {}).get(activity.id)
            if mine is None or theirs is None or abs(difference(theirs, mine)) < DIFFERENCE:
                continue
            count = raters[task.id][activity.id]
            if count < needed:
                continue
            gaps.append(
                ActivityGap(task.id, task.name, activity.id, activity.name, mine, theirs, count)
            )
    gaps.sort(key=lambda g: -abs(g.shown_difference))
    return tuple(gaps[:MAX_DIFFERENCES])


def task_comments(
    catalogue: Catalogue, selected: Mapping[str, object], feedback: Sequence[FeedbackResponse]
) -> tuple[TaskComments, ...]:
    found = []
    for task in catalogue.tasks:
        if task.id not in selected:
            continue
        texts = [r.comments[task.id].strip() for r in feedback if task.id in r.comments]
        kept = sorted((t for t in texts if t), key=lambda t: (t.casefold(), t))
        if kept:
            found.append(TaskComments(task.id, task.name, tuple(kept)))
    return tuple(found)


def compute_others(
    catalogue: Catalogue, own: Scores, own_ratings: Ratings, feedback: Sequence[FeedbackResponse]
) -> Others | None:
    """Return what the givers together say beside the own scores; None without feedback."""
    if not feedback:
        return None
    means, raters = activity_means(catalogue, own_ratings, feedback)
    scores = score_means(catalogue, means)
    hidden, blind = role_gaps(own, scores)
    counts = {role: sum(1 for r in feedback if r.giver_role == role) for role in GIVER_ROLES}
    rating = sum(1 for r in feedback if r.has_stars)
    per_giver: tuple[GiverScores, ...] = ()
    if rating >= MIN_GIVERS_FOR_DETAIL:
        per_giver = tuple(
            GiverScores(
                r.giver_role,
                r.name,
                r.label_for(catalogue.council),
                score_record(catalogue, {t: a for t, a in r.ratings.items() if t in own_ratings}),
            )
            for r in feedback
        )
    return Others(
        givers=len(feedback),
        scores=scores,
        means=means,
        raters=raters,
        hidden_strengths=hidden,
        blind_spots=blind,
        differences=activity_gaps(catalogue, own_ratings, means, raters, rating),
        comments=task_comments(catalogue, own_ratings, feedback),
        giver_roles=tuple((role, n) for role, n in counts.items() if n),
        per_giver=per_giver,
        rating_givers=rating,
    )
