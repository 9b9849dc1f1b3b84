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
- Figures per giver only when MIN_GIVERS_FOR_DETAIL givers gave stars, and only the
  voorzitter's: every other giver counts only within a group of MIN_GROUP (``anonymous``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
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
        "commissielid": "commissielid",
        "leidinggevende": "hiërarchisch leidinggevende",
        "bestuurder-hr": "bestuurder of HR",
        "collega-as": "collega-AS",
        "anders": "anders",
    }
)  # role id → how it is written in a sentence ('leidinggevende' is the hiërarchisch one)
GIVER_ROLE_TITLES: Mapping[str, str] = MappingProxyType(
    {
        "voorzitter": "Voorzitter van de OR of het MZO (functioneel leidinggevende)",
        "or-lid": "Lid van de OR of het MZO",
        "commissielid": "Lid van een commissie van de OR of het MZO",
        "leidinggevende": "Hiërarchisch leidinggevende",
        "bestuurder-hr": "Bestuurder of HR",
        "collega-as": "Collega-ambtelijk secretaris",
        "anders": "Anders",
    }
)  # role id → how a giver reads it in a list to choose from (page, paper, prompt)
# Shown as hers: the voorzitter is one person, and the invitation tells her so. Every other
# group counts only from MIN_GROUP givers up, and per figure only where MIN_GROUP of them rated.
OPEN_ROLE = "voorzitter"
MIN_GROUP = 3


def anonymity_note(short: str) -> str:
    """What a giver reads on the page and the paper form about who can see what."""
    return (
        f"{short[:1].upper() + short[1:]} leest je antwoorden zelf: tegenover {short} ben je "
        f"dus niet anoniem. In het rapport dat {short} met anderen deelt, staan de antwoorden "
        "van de voorzitter als die van de voorzitter. Van elke andere groep (zoals OR-leden) "
        f"tellen antwoorden alleen mee als minstens {MIN_GROUP} mensen uit die groep "
        "antwoordden, en dan samen, als gemiddelde, zonder namen. Ben je de enige uit je groep "
        "(bijvoorbeeld de enige collega-AS), dan tellen je sterren niet mee in de cijfers."
    )


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
        "or": "Voorzitter van de OR (functioneel leidinggevende)",
        "mr": "Voorzitter van de MR (functioneel leidinggevende)",
        "cr": "Voorzitter van de cliëntenraad (functioneel leidinggevende)",
        "other": "Voorzitter van de OR of het MZO (functioneel leidinggevende)",
    }
)
_COMMITTEE: Mapping[Council, str] = MappingProxyType(
    {
        "or": "Lid van een commissie van de OR",
        "mr": "Lid van een commissie van de MR",
        "cr": "Lid van een commissie van de cliëntenraad",
        "other": "Lid van een commissie van de OR of het MZO",
    }
)


def giver_roles(council: Council) -> Mapping[str, str]:
    """Role id → how it is written in a sentence, in the words of her council (the ids stay
    the same for every council)."""
    return {**GIVER_ROLES, "or-lid": _MEMBER[council][0]}


def giver_role_titles(council: Council) -> Mapping[str, str]:
    """Role id → how a giver reads it in a list to choose from, for her council."""
    return {
        **GIVER_ROLE_TITLES,
        "voorzitter": _CHAIR[council],
        "or-lid": _MEMBER[council][2],
        "commissielid": _COMMITTEE[council],
    }


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
        article["bestuurder-hr"] = "de "
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
    # the voorzitters' own figures (shown as theirs, with --names); none with fewer than
    # MIN_GIVERS_FOR_DETAIL givers, never another giver's (they count only together)
    per_giver: tuple[GiverScores, ...]
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


@dataclass(frozen=True)
class Withheld:
    """What the anonymity rule left out of every figure, for the report to say.

    ``groups``: (giver role, givers) of a group with fewer than MIN_GROUP givers (other than
    the voorzitter): none of its answers or comments count. ``answers``: the stars left out,
    of those groups and, per activity, of a group of which fewer than MIN_GROUP rated it.
    ``comments``: the comments of the left-out groups, not shown.
    """

    groups: tuple[tuple[str, int], ...] = ()
    answers: int = 0
    comments: int = 0
    per_activity: int = 0  # of ``answers``: left out where too few of a counted group rated

    @property
    def anything(self) -> bool:
        return bool(self.groups or self.answers or self.comments)


def _stars_given(response: FeedbackResponse, selected: Mapping[str, object]) -> int:
    return sum(
        1
        for task_id, acts in response.ratings.items()
        if task_id in selected
        for v in acts.values()
        if v is not None
    )


def anonymous(
    feedback: Sequence[FeedbackResponse], selected: Mapping[str, object]
) -> tuple[list[FeedbackResponse], Withheld]:
    """Return the responses as they may count, and what was left out (see ``Withheld``).

    The voorzitter's answers count as they are (shown as hers). Another group counts only
    with MIN_GROUP givers or more, and then an activity's answers of that group only where
    MIN_GROUP of them rated it; no figure then rests on fewer than three givers of one group.
    Only the areas she selected count, as everywhere.
    """
    groups: dict[str, list[FeedbackResponse]] = {}
    for response in feedback:
        groups.setdefault(response.giver_role, []).append(response)
    counted: list[FeedbackResponse] = []
    small: list[tuple[str, int]] = []
    answers = comments = partial = 0
    for role in [*GIVER_ROLES, *(r for r in groups if r not in GIVER_ROLES)]:
        members = groups.get(role, [])
        if not members:
            continue
        if role == OPEN_ROLE:
            counted += members
        elif len(members) < MIN_GROUP:
            small.append((role, len(members)))
            answers += sum(_stars_given(r, selected) for r in members)
            comments += sum(
                1
                for r in members
                for t, text in r.comments.items()
                if t in selected and text.strip()
            )
        else:
            kept, dropped = _per_activity(members, selected)
            counted += kept
            answers += dropped
            partial += dropped
    return counted, Withheld(tuple(small), answers, comments, partial)


def _per_activity(
    members: Sequence[FeedbackResponse], selected: Mapping[str, object]
) -> tuple[list[FeedbackResponse], int]:
    """A group's responses without the activities fewer than MIN_GROUP of them rated (their
    answers there become absent), and how many stars that left out."""
    rated: dict[tuple[str, str], int] = {}
    for response in members:
        for task_id, acts in response.ratings.items():
            for activity, value in acts.items():
                if value is not None:
                    rated[(task_id, activity)] = rated.get((task_id, activity), 0) + 1
    too_few = {key for key, count in rated.items() if count < MIN_GROUP}
    kept, dropped = [], 0
    for response in members:
        ratings: dict[str, dict[str, int | None]] = {}
        for task_id, acts in response.ratings.items():
            ratings[task_id] = {}
            for activity, value in acts.items():
                if (task_id, activity) in too_few:
                    dropped += value is not None and task_id in selected
                else:
                    ratings[task_id][activity] = value
        kept.append(replace(response, ratings=ratings))
    return kept, dropped


def waiting_groups(feedback: Sequence[FeedbackResponse], council: Council = NEUTRAL) -> str | None:
    """'Nog niet meegeteld (…): OR-lid: 2, er zijn er 3 nodig.' for the groups that have
    answered but are still too small to count; None when every group counts."""
    counts: dict[str, int] = {}
    for response in feedback:
        counts[response.giver_role] = counts.get(response.giver_role, 0) + 1
    words = giver_roles(council)
    small = [
        f"{words.get(role, role)}: {n}, er zijn er {MIN_GROUP} nodig"
        for role, n in counts.items()
        if role != OPEN_ROLE and n < MIN_GROUP
    ]
    if not small:
        return None
    return (
        f"Nog niet meegeteld (een groep telt mee vanaf {MIN_GROUP} mensen, zodat niemand aan "
        f"zijn antwoorden te herkennen is; de voorzitter telt altijd): {'; '.join(small)}."
    )


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
    """Return what the givers together say beside the own scores; None without feedback
    that may count (``anonymous``: the caller says what was left out)."""
    feedback, _ = anonymous(feedback, own_ratings)
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
            if r.giver_role == OPEN_ROLE  # only the voorzitter is shown as herself
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
