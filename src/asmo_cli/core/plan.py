"""The development plan, pure: from her ambition to focus roles, goals and what to do.

- Target (``plan_target``): her ambition decides it. Grow in her function (the default): her
  own level, or with no level on the record the level her profile fits best (``fitted``).
  Another level: that level ("Streefniveau" only then). Specialise in a role: her own level,
  and that role towards SPECIALIST_TARGET (the top of the scale), first among the focus roles.
- Focus roles: at most MAX_FOCUS roles with enough data whose score is at least MIN_GAP
  below the target level's profile, on the figures shown (one decimal), the largest gap
  first. Measured against the target level, they can differ from the report's roles to
  develop. With feedback from others, a role that is also a blind spot (others score it at
  least 1,0 lower than she did, core/feedback.py) comes first. A role the others rate at or
  above the target while she rates herself below it is no focus role but a conversation
  point (``Conversation``).
- Goals: per focus role her lowest-rated activities that feed it (``plan_goals``).
- Something for every level: a starting AS (at the catalogue's first level) gets the
  activities of ``stage: start``; one without focus roles, or who specialises, those of
  ``stage: deepen``. Services (``kind: dienst``) are support, never a goal or a step.
- Competencies: each once, with the focus roles that need it, in the order of the roles.
  The tool's basic competencies (``basic: true``) are assumed present, never to develop; nor
  is one she already shows (core/evidence.py), which ``shown`` names with the reason.
- Level text: only where the target level's behaviour differs from the current level's
  (the record's level, else the level the profile resembles most).
- Activities: per focus role two or three, in the order of ``development.yaml`` for that
  role; activities that share its competencies only fill up. None is proposed twice.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from asmo_cli.core.ambition import DEFAULT, LEVEL, SPECIALISE, Ambition
from asmo_cli.core.catalogue import (
    DEEPEN,
    START,
    Activity,
    Catalogue,
    Competency,
    DevActivity,
    Level,
    Role,
    TaskArea,
)
from asmo_cli.core.evidence import shown_competencies
from asmo_cli.core.levels import Gap, closest_level, gaps, has_profiles
from asmo_cli.core.result import Result, below_own_level
from asmo_cli.core.scoring import RoleScore
from asmo_cli.core.text import plural, shown

MAX_FOCUS = 3
MAX_COMPETENCIES = 3  # the plan's list of competencies to develop stays short
MIN_GAP = 0.5
MIN_ACTIVITIES, MAX_ACTIVITIES = 2, 2  # per focus role; her goals name a first step too
MIN_ROLES_FOR_A_PICTURE = 3  # fewer roles with enough data: the plan says it rests on little
SPECIALIST_TARGET = 5.0  # to specialise in a role: towards the top of the scale
MAX_DEEPENING = 3  # one less beside focus roles
SPECIALISE_BELOW = 5  # specialising: every activity of the role below 5 stars can be a goal


def few_roles(count: int) -> str:
    """The caution when the plan rests on fewer than MIN_ROLES_FOR_A_PICTURE roles."""
    return (
        f"Let op: dit plan rust op maar {plural(count, 'rol', 'rollen')} met genoeg "
        "gegevens; met meer ingevulde werkzaamheden wordt het beeld betrouwbaarder."
    )


@dataclass(frozen=True)
class PlanCompetency:
    competency: Competency
    roles: tuple[Role, ...]  # the focus roles that need it
    target_text: str | None  # the target level's behaviour, only when it differs from now


@dataclass(frozen=True)
class Goal:
    """A goal from her own answers: an activity of a focus role she rated low, and where to."""

    task: TaskArea
    activity: Activity
    stars: int  # her own stars now
    target_stars: int  # one level of the scale she aims for
    role: Role  # the focus role it feeds
    step: DevActivity | None  # a suggested next step (development.yaml)


@dataclass(frozen=True)
class Conversation:
    """A role the others rate at or above the target while she rates herself below it: a point
    to talk about with them, not a focus role."""

    role: Role
    own: float
    others: float
    target: float
    chair_only: bool  # every giver is her voorzitter


MAX_GOALS = 3
LOW_STARS = 2  # 1-2 stars: a clear next step; without any, the 3-star ones


def plan_goals(
    catalogue: Catalogue,
    result: Result,
    focus: tuple[Gap, ...],
    activities: tuple[tuple[Role, tuple[DevActivity, ...]], ...],
    specialism: Role | None = None,
) -> tuple[Goal, ...]:
    """Two or three goals from her own answers: per focus role (in order) her lowest-rated
    activity that feeds it (1-2 stars; when she has none, 3; for the role she specialises
    in, any below 5), the heaviest for the role first; then more of the same until
    MAX_GOALS."""
    steps = {role.id: acts for role, acts in activities}
    per_role = [_low_answers(catalogue, result, gap, specialism) for gap in focus]
    goals: list[Goal] = []
    seen: set[str] = set()
    for depth in range(MAX_GOALS):
        for found in per_role:
            if (
                depth < len(found)
                and len(goals) < MAX_GOALS
                and found[depth].activity.id not in seen
            ):
                goals.append(found[depth])
                seen.add(found[depth].activity.id)
    # no step twice: a later goal takes the next activity that trains its area
    taken: set[str] = set()
    for i, goal in enumerate(goals):
        own = steps.get(goal.role.id, ())
        deepen = specialism is not None and goal.role.id == specialism.id
        step = first_step(
            catalogue,
            goal.task,
            goal.role,
            own,
            frozenset(taken),
            deepen=deepen,
            activity=goal.activity.id,
        )
        goals[i] = replace(goal, step=step)
        if step is not None:
            taken.add(step.id)
    return tuple(goals)


def _low_answers(
    catalogue: Catalogue, result: Result, gap: Gap, specialism: Role | None
) -> list[Goal]:
    """Her lowest-rated activities that feed a focus role, the lowest and heaviest first."""
    rated = []
    for task in catalogue.tasks:
        for activity in task.activities:
            stars = result.ratings.get(task.id, {}).get(activity.id)
            weight = catalogue.activity_weights(task, activity).get(gap.role.id, 0.0)
            if stars is not None and weight > 0:
                rated.append((stars, -weight, task, activity))
    if specialism is not None and gap.role.id == specialism.id:
        low = [r for r in rated if r[0] < SPECIALISE_BELOW]
    else:
        low = [r for r in rated if r[0] <= LOW_STARS] or [r for r in rated if r[0] == LOW_STARS + 1]
    low.sort(key=lambda r: (r[0], r[1]))
    return [
        Goal(task, activity, stars, min(5, max(stars + 1, LOW_STARS + 1)), gap.role, None)
        for stars, _, task, activity in low
    ]


def first_step(
    catalogue: Catalogue,
    task: TaskArea,
    role: Role,
    suggested: tuple[DevActivity, ...],
    taken: frozenset[str] = frozenset(),
    *,
    deepen: bool = False,
    activity: str | None = None,
) -> DevActivity | None:
    """The step for a goal in ``task``: a development activity that trains that area (one
    for the role first), else the role's first suggestion, else none; one that another goal
    already ``taken`` only when there is no other. Never a service; deepening only when she
    specialises in the role (``deepen``). One that names the goal's ``activity`` comes first."""
    trains = [
        a
        for a in catalogue.development or ()
        if (task.id in a.areas or (activity is not None and activity in a.activities))
        and for_everyone(a, deepen)
    ]
    # one that names her very activity first, then one for the role (stable: the file's order)
    trains.sort(key=lambda a: (activity not in a.activities, role.id not in a.roles))
    options = [*trains, *(a for a in suggested if a not in trains)]
    fresh = [a for a in options if a.id not in taken]
    chosen = fresh or options
    return chosen[0] if chosen else None


def for_everyone(activity: DevActivity, deepen: bool = False) -> bool:
    """True for an activity a plan may propose to anyone as a step: not a service, not one
    meant for a starting AS only, deepening only when asked for."""
    if activity.is_support or activity.stage == START:
        return False
    return deepen or activity.stage != DEEPEN


@dataclass(frozen=True)
class Plan:
    result: Result
    current: Level | None  # the level now: the record's, else the closest
    target: Level | None
    focus: tuple[Gap, ...]
    competencies: tuple[PlanCompetency, ...]
    activities: tuple[tuple[Role, tuple[DevActivity, ...]], ...]
    basic: tuple[Competency, ...]  # assumed present
    ambition: Ambition = DEFAULT
    shown: tuple[str, ...] = ()  # per competency of a focus role left out: why she shows it
    goals: tuple[Goal, ...] = ()  # from her own answers, for the focus roles
    fitted: bool = False  # the target is the level her profile fits best (no level given)
    specialism: Role | None = None  # the role she specialises in (first focus role)
    conversation: tuple[Conversation, ...] = ()  # others rate her at or above the target
    basis: tuple[DevActivity, ...] = ()  # for a starting AS
    deepening: tuple[DevActivity, ...] = ()  # at or above the target, or specialising
    support: tuple[DevActivity, ...] = ()  # services she can call on

    @property
    def other_level(self) -> bool:
        """True when she chose a level other than her own: only then is it a 'Streefniveau'."""
        return (
            self.ambition.kind is LEVEL and self.target is not None and self.target != self.current
        )

    @property
    def evaluation(self) -> date:
        """Six months after the measurement: then a new measurement shows what changed."""
        made = self.result.record.created.date()
        year, month = made.year + (made.month + 5) // 12, (made.month + 5) % 12 + 1
        return date(year, month, min(made.day, calendar.monthrange(year, month)[1]))

    @property
    def further_activities(self) -> tuple[tuple[Role, tuple[DevActivity, ...]], ...]:
        """The suggestions per focus role that are not already a goal's first step."""
        steps = {goal.step.id for goal in self.goals if goal.step is not None}
        found = [(r, tuple(a for a in acts if a.id not in steps)) for r, acts in self.activities]
        return tuple((role, acts) for role, acts in found if acts)

    @property
    def at_the_top(self) -> bool:
        """True when her own level is the highest: there is no level above it."""
        return self.current is not None and self.current == self.levels_top

    levels_top: Level | None = None  # the catalogue's highest level

    @property
    def unmeasured(self) -> tuple[str, ...]:
        """The names of the roles of the target's profile without enough data: the plan can
        say nothing about them (not even that she is near the profile)."""
        if self.target is None:
            return ()
        return tuple(
            r.name
            for r in self.result.scores.roles
            if r.role_id in self.target.profile and not r.enough_data
        )

    @property
    def blind_first(self) -> tuple[Role, ...]:
        """The focus roles put first because they are blind spots."""
        blind = blind_spots(self.result)
        return tuple(g.role for g in self.focus if g.role.id in blind)


def blind_spots(result: Result) -> frozenset[str]:
    """Return the ids of the roles others score at least 1,0 lower (none without feedback)."""
    others = result.others
    return frozenset(g.role_id for g in others.blind_spots) if others else frozenset()


def focus_roles(
    catalogue: Catalogue, result: Result, target: Level, specialism: Role | None = None
) -> tuple[tuple[Gap, ...], tuple[Conversation, ...]]:
    """Return the focus roles and the conversation points.

    Focus: enough data, at least MIN_GAP below target on the figures shown, largest first;
    blind spots among them before the rest (each part keeps the largest gap first); the role
    she specialises in first of all, towards SPECIALIST_TARGET. A role the others rate at or
    above the target while she rates herself lower is a conversation point instead.
    """
    found = [
        g
        for g in gaps(catalogue, result.scores, target)
        if shown(g.target) - shown(g.score) >= MIN_GAP - 1e-9
        and (specialism is None or g.role.id != specialism.id)
    ]
    conversation: list[Conversation] = []
    others = result.others
    if others is not None:
        for gap in list(found):
            theirs = others.role(gap.role.id)
            if (
                theirs
                and theirs.enough_data
                and theirs.score is not None
                and shown(theirs.score) >= shown(gap.target)
            ):
                found.remove(gap)
                conversation.append(
                    Conversation(gap.role, gap.score, theirs.score, gap.target, others.chair_only)
                )
    blind = blind_spots(result)
    found.sort(key=lambda g: g.role.id not in blind)  # stable: the largest gap first in each
    first: list[Gap] = []
    if specialism is not None:
        own = result.scores.role(specialism.id)
        first.append(Gap(specialism, (own.score if own else None) or 0.0, SPECIALIST_TARGET))
    return tuple([*first, *found][:MAX_FOCUS]), tuple(conversation)


def plan_target(
    catalogue: Catalogue, result: Result, ambition: Ambition
) -> tuple[Level | None, bool]:
    """The target level of her ambition, and whether it is the level her profile fits best
    (grow or specialise with no level on the record). None without profiles."""
    if not has_profiles(catalogue):
        return None, False
    if ambition.kind is LEVEL and ambition.level and catalogue.has_level(ambition.level):
        return catalogue.level(ambition.level), False
    level_id = result.record.level
    if level_id and catalogue.has_level(level_id):
        return catalogue.level(level_id), False
    closest = closest_level(list(result.fits))
    return closest, closest is not None


def current_level(catalogue: Catalogue, result: Result) -> Level | None:
    """Return the record's level, else the level the profile resembles most."""
    level_id = result.record.level
    if level_id and catalogue.has_level(level_id):
        return catalogue.level(level_id)
    return closest_level(list(result.fits))


def plan_competencies(
    catalogue: Catalogue,
    focus: tuple[Gap, ...],
    current: Level | None,
    target: Level,
    shown: Mapping[str, str] | None = None,
) -> tuple[PlanCompetency, ...]:
    """Return the competencies of the focus roles to develop (not basic, not one she already
    shows), each once with the roles that need it: at most MAX_COMPETENCIES, those most
    focus roles need."""
    order: list[str] = []
    needed_by: dict[str, list[Role]] = {}
    for gap in focus:
        for comp_id in gap.role.competencies:
            if catalogue.competency(comp_id).basic or comp_id in (shown or {}):
                continue
            if comp_id not in needed_by:
                order.append(comp_id)
                needed_by[comp_id] = []
            needed_by[comp_id].append(gap.role)
    # a short list: the competencies most focus roles need (then the first role's)
    kept = sorted(order, key=lambda c: (-len(needed_by[c]), order.index(c)))[:MAX_COMPETENCIES]
    result = []
    for comp_id in (c for c in order if c in kept):
        comp = catalogue.competency(comp_id)
        text = comp.levels.get(target.id)
        now = comp.levels.get(current.id) if current else None
        differs = text is not None and (now is None or text.strip() != now.strip())
        result.append(PlanCompetency(comp, tuple(needed_by[comp_id]), text if differs else None))
    return tuple(result)


def plan_activities(
    catalogue: Catalogue, focus: tuple[Gap, ...], specialism: Role | None = None
) -> tuple[tuple[Role, tuple[DevActivity, ...]], ...]:
    """Return per focus role its activities: the explicit order first, then shared ones.
    Services and activities meant for one stage are not among them (see ``for_everyone``),
    except deepening for the role she specialises in."""
    if not catalogue.development:
        return tuple((gap.role, ()) for gap in focus)
    by_id = {a.id: a for a in catalogue.development}
    used: set[str] = set()
    result = []
    for gap in focus:
        role = gap.role
        deepen = specialism is not None and role.id == specialism.id
        chosen = [
            by_id[i]
            for i in catalogue.development_order.get(role.id, ())
            if i in by_id and i not in used and for_everyone(by_id[i], deepen)
        ][:MAX_ACTIVITIES]
        if len(chosen) < MIN_ACTIVITIES:
            wanted = set(role.competencies)
            others = sorted(
                (
                    a
                    for a in catalogue.development
                    if role.id in a.roles
                    and a.id not in used
                    and a not in chosen
                    and for_everyone(a, deepen)
                ),
                key=lambda a: (
                    a.stage != DEEPEN if deepen else False,
                    -len(wanted & set(a.competencies)),
                ),
            )
            chosen += others[: MIN_ACTIVITIES - len(chosen)]
        used |= {a.id for a in chosen}
        result.append((role, tuple(chosen)))
    return tuple(result)


def staged(
    catalogue: Catalogue, stage: str, roles: tuple[str, ...], taken: frozenset[str] = frozenset()
) -> tuple[DevActivity, ...]:
    """The activities of a stage (start, deepen), those for ``roles`` first (in their order),
    none already ``taken``."""
    found = [a for a in catalogue.development or () if a.stage == stage and a.id not in taken]
    rank = {role: i for i, role in enumerate(roles)}
    found.sort(key=lambda a: min((rank[r] for r in a.roles if r in rank), default=len(rank)))
    return tuple(found)


def make_plan(catalogue: Catalogue, result: Result, ambition: Ambition = DEFAULT) -> Plan:
    """Derive the development plan from a result and her ambition."""
    target, fitted = plan_target(catalogue, result, ambition)
    current = current_level(catalogue, result)
    specialism = (
        catalogue.role(ambition.role or "")
        if ambition.kind is SPECIALISE and any(r.id == ambition.role for r in catalogue.roles)
        else None
    )
    focus, conversation = focus_roles(catalogue, result, target, specialism) if target else ((), ())

    # a strong role that is 0,5 or more below the target (a focus role, or one past the cap of
    # three) shows nothing the plan could leave out: "you already show it as X" while X is to
    # grow; the same for one below her own level's profile
    def below(role: RoleScore) -> bool:
        return below_own_level(role, target) or below_own_level(role, current)

    strong = [s for s in result.ranking.strongest if not below(s)]
    shown_comps = shown_competencies(catalogue, result.ratings, strong, in_her_words=True)
    competencies = (
        plan_competencies(catalogue, focus, current, target, shown_comps) if target else ()
    )
    basic = tuple(c for c in catalogue.competencies if c.basic)
    activities = plan_activities(catalogue, focus, specialism)
    left_out = dict.fromkeys(
        shown_comps[c] for gap in focus for c in gap.role.competencies if c in shown_comps
    )
    goals = plan_goals(catalogue, result, focus, activities, specialism)
    taken = frozenset(
        [a.id for _, acts in activities for a in acts]
        + [g.step.id for g in goals if g.step is not None]
    )
    first_level = catalogue.levels[0] if catalogue.levels else None
    basis = staged(catalogue, START, (), taken) if current and current == first_level else ()
    strongest = tuple(r.role_id for r in result.ranking.strongest)
    top = catalogue.levels[-1] if catalogue.levels else None  # Plan.levels_top
    # deepening: when she specialises, works at the top level, or sits at or above her
    # target; never for a starting AS (mentoring a starter or leading intervisie is not hers)
    starting = bool(basis)
    wants_depth = specialism is not None or (
        not starting
        and (
            (current is not None and current == top)
            or (target is not None and not focus and not conversation)
        )
    )
    deepening: tuple[DevActivity, ...] = ()
    if wants_depth:
        roles = ((specialism.id,) if specialism else ()) + strongest
        deepening = staged(catalogue, DEEPEN, roles, taken)[: MAX_DEEPENING - bool(focus)]
    support = tuple(a for a in catalogue.development or () if a.is_support)  # for anyone
    return Plan(
        result,
        current,
        target,
        focus,
        competencies,
        activities,
        basic,
        ambition,
        tuple(left_out),
        goals,
        fitted=fitted,
        specialism=specialism,
        conversation=conversation,
        basis=basis,
        deepening=deepening,
        support=support,
        levels_top=top,
    )
