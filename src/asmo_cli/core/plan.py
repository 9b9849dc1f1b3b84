"""The development plan, pure: focus roles, the competencies they need, what to do.

- Focus roles: at most MAX_FOCUS roles with enough data whose score is at least MIN_GAP
  (unrounded) below the target level's profile, the largest gap first. They are measured
  against the target level, so they can differ from the report's roles to develop. With
  feedback from others, a role that is also a blind spot (others score it at least 1,0 lower
  than the person did, core/feedback.py) comes first; otherwise the order is the same.
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

from asmo_cli.core.catalogue import (
    Activity,
    Catalogue,
    Competency,
    DevActivity,
    Level,
    Role,
    TaskArea,
)
from asmo_cli.core.evidence import shown_competencies
from asmo_cli.core.levels import Gap, closest_level, gaps
from asmo_cli.core.result import Result, below_own_level
from asmo_cli.core.scoring import RoleScore
from asmo_cli.core.text import plural

MAX_FOCUS = 3
MAX_COMPETENCIES = 3  # the plan's list of competencies to develop stays short
MIN_GAP = 0.5
MIN_ACTIVITIES, MAX_ACTIVITIES = 2, 2  # per focus role; her goals name a first step too
MIN_ROLES_FOR_A_PICTURE = 3  # fewer roles with enough data: the plan says it rests on little


def few_roles(count: int) -> str:
    """The caution when the plan rests on fewer than MIN_ROLES_FOR_A_PICTURE roles."""
    return (
        f"Let op: dit plan rust op maar {plural(count, 'rol', 'rollen')} met genoeg gegevens. "
        "Kies meer werkzaamheden (of vul ze verder in) voor een betrouwbaarder beeld."
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


MAX_GOALS = 3
LOW_STARS = 2  # 1-2 stars: a clear next step; without any, the 3-star ones


def plan_goals(
    catalogue: Catalogue,
    result: Result,
    focus: tuple[Gap, ...],
    activities: tuple[tuple[Role, tuple[DevActivity, ...]], ...],
) -> tuple[Goal, ...]:
    """Two or three goals from her own answers: per focus role (in order) her lowest-rated
    activity that feeds it (1-2 stars; when she has none, 3), the heaviest for the role
    first; then more of the same until MAX_GOALS."""
    steps = {role.id: acts for role, acts in activities}
    per_role: list[list[Goal]] = []
    for gap in focus:
        rated = []
        for task in catalogue.tasks:
            for activity in task.activities:
                stars = result.ratings.get(task.id, {}).get(activity.id)
                weight = catalogue.activity_weights(task, activity).get(gap.role.id, 0.0)
                if stars is not None and weight > 0:
                    rated.append((stars, -weight, task, activity))
        low = [r for r in rated if r[0] <= LOW_STARS] or [r for r in rated if r[0] == LOW_STARS + 1]
        low.sort(key=lambda r: (r[0], r[1]))
        per_role.append(
            [
                Goal(task, activity, stars, min(5, max(stars + 1, LOW_STARS + 1)), gap.role, None)
                for stars, _, task, activity in low
            ]
        )
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
        step = first_step(catalogue, goal.task, goal.role, own, frozenset(taken))
        goals[i] = replace(goal, step=step)
        if step is not None:
            taken.add(step.id)
    return tuple(goals)


def first_step(
    catalogue: Catalogue,
    task: TaskArea,
    role: Role,
    suggested: tuple[DevActivity, ...],
    taken: frozenset[str] = frozenset(),
) -> DevActivity | None:
    """The step for a goal in ``task``: a development activity that trains that area (one
    for the role first), else the role's first suggestion, else none; one that another goal
    already ``taken`` only when there is no other."""
    trains = [a for a in catalogue.development or () if task.id in a.areas]
    trains.sort(key=lambda a: role.id not in a.roles)  # stable: the file's order otherwise
    options = [*trains, *suggested]
    fresh = [a for a in options if a.id not in taken]
    chosen = fresh or options
    return chosen[0] if chosen else None


@dataclass(frozen=True)
class Plan:
    result: Result
    current: Level | None  # the level now: the record's, else the closest
    target: Level | None
    focus: tuple[Gap, ...]
    competencies: tuple[PlanCompetency, ...]
    activities: tuple[tuple[Role, tuple[DevActivity, ...]], ...]
    basic: tuple[Competency, ...]  # assumed present
    ambition: str | None = None
    shown: tuple[str, ...] = ()  # per competency of a focus role left out: why she shows it
    goals: tuple[Goal, ...] = ()  # from her own answers, for the focus roles

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
        """True when the target is her own level: there is no level above it."""
        return self.target is not None and self.target == self.current

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


def focus_roles(catalogue: Catalogue, result: Result, target: Level) -> tuple[Gap, ...]:
    """Return the focus roles: enough data, at least MIN_GAP below target, largest first;
    blind spots among them before the rest (each part keeps the largest gap first)."""
    found = [g for g in gaps(catalogue, result.scores, target) if g.size >= MIN_GAP - 1e-9]
    blind = blind_spots(result)
    found.sort(key=lambda g: g.role.id not in blind)  # stable: the largest gap first in each
    return tuple(found[:MAX_FOCUS])


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
    catalogue: Catalogue, focus: tuple[Gap, ...]
) -> tuple[tuple[Role, tuple[DevActivity, ...]], ...]:
    """Return per focus role its activities: the explicit order first, then shared ones."""
    if not catalogue.development:
        return tuple((gap.role, ()) for gap in focus)
    by_id = {a.id: a for a in catalogue.development}
    used: set[str] = set()
    result = []
    for gap in focus:
        role = gap.role
        chosen = [
            by_id[i]
            for i in catalogue.development_order.get(role.id, ())
            if i in by_id and i not in used
        ][:MAX_ACTIVITIES]
        if len(chosen) < MIN_ACTIVITIES:
            wanted = set(role.competencies)
            others = sorted(
                (
                    a
                    for a in catalogue.development
                    if role.id in a.roles and a.id not in used and a not in chosen
                ),
                key=lambda a: -len(wanted & set(a.competencies)),
            )
            chosen += others[: MIN_ACTIVITIES - len(chosen)]
        used |= {a.id for a in chosen}
        result.append((role, tuple(chosen)))
    return tuple(result)


def make_plan(
    catalogue: Catalogue, result: Result, target: Level | None, ambition: str | None = None
) -> Plan:
    """Derive the development plan from a result and a target level."""
    current = current_level(catalogue, result)
    focus = focus_roles(catalogue, result, target) if target else ()

    # a strong role that is 0,5 or more below the target (a focus role, or one past the cap of
    # three) shows nothing the plan could leave out: "you already show it as X" while X is to
    # grow; the same for one below her own level's profile
    def below(role: RoleScore) -> bool:
        return below_own_level(role, target) or below_own_level(role, current)

    strong = [s for s in result.ranking.strongest if not below(s)]
    shown = shown_competencies(catalogue, result.ratings, strong)
    competencies = plan_competencies(catalogue, focus, current, target, shown) if target else ()
    basic = tuple(c for c in catalogue.competencies if c.basic)
    activities = plan_activities(catalogue, focus)
    left_out = dict.fromkeys(shown[c] for gap in focus for c in gap.role.competencies if c in shown)
    goals = plan_goals(catalogue, result, focus, activities)
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
    )
