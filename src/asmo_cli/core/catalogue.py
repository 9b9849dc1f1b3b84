"""The catalogue as frozen types: the rating scale, task areas, roles, levels, competencies.

Loading and checking the YAML files is storage's work (``storage/catalogue.py``); these
types only hold what was checked. Lookups by id all behave alike: a KeyError for an id the
catalogue does not know (ids come from this catalogue, so that is a bug, not a user error);
``find_role`` is the one forgiving lookup, for what a person types.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from asmo_cli.core.council import NEUTRAL, Council

KINDS = ("kennis", "vaardigheid", "gedrag")
DEV_KINDS = ("opleiding", "masterclass", "intervisie", "netwerk", "praktijk", "dienst")
DEV_KIND_NAMES = {
    "opleiding": "opleiding",
    "masterclass": "masterclass",
    "intervisie": "intervisie",
    "netwerk": "netwerk en vereniging",
    "praktijk": "opdracht in de praktijk",
    "dienst": "steun",
}
SUPPORT = "dienst"  # a service to call on (the advieslijn): support, never a goal or a step
# development.yaml 'stage': for whom an activity is meant besides its roles
START, DEEPEN = "start", "deepen"  # a starting AS (the first level); one at or above target
DEV_STAGES = (START, DEEPEN)
_V = TypeVar("_V")


def frozen(values: Mapping[str, _V]) -> Mapping[str, _V]:
    """Return a read-only copy of a mapping, for the fields of these frozen types."""
    return MappingProxyType(dict(values))


@dataclass(frozen=True, slots=True)
class ScaleLevel:
    stars: int
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class Activity:
    id: str
    name: str
    # role id → weight for this activity alone (tasks.yaml); None: the area's row (roles.yaml)
    weights: Mapping[str, float] | None = None
    # the questionnaire version that first asked it (tasks.yaml 'since'); None: always asked
    since: str | None = None


@dataclass(frozen=True, slots=True)
class TaskArea:
    id: str
    name: str
    description: str
    activities: tuple[Activity, ...]


@dataclass(frozen=True, slots=True)
class Feed:
    """One activity weighing on one role (weight above 0)."""

    task: TaskArea
    activity: Activity
    role_id: str
    weight: float
    core: bool  # the role is the activity's main role (its highest weight): a core activity


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    name: str
    summary: str
    description: str
    competencies: tuple[str, ...]
    weights: Mapping[str, float]  # task id → weight; read-only


@dataclass(frozen=True, slots=True)
class Level:
    id: str
    name: str
    description: str
    profile: Mapping[str, float]  # role id → target score; read-only, may be empty


@dataclass(frozen=True, slots=True)
class Competency:
    id: str
    name: str
    kind: str  # one of KINDS
    basic: bool
    table: int | None
    description: str
    levels: Mapping[str, str]  # level id → behaviour text; read-only


@dataclass(frozen=True, slots=True)
class DevActivity:
    id: str
    name: str
    description: str
    kind: str
    roles: tuple[str, ...]
    competencies: tuple[str, ...]
    # the task areas whose work it trains (development.yaml 'areas'; may be empty): a goal on
    # an activity of such an area takes it as its first step
    areas: tuple[str, ...] = ()
    stage: str | None = None  # START or DEEPEN (development.yaml 'stage'), else for anyone
    # the activities (of tasks.yaml) it trains, more precise than an area: a goal on such an
    # activity takes it as its first step before anything that trains the area
    activities: tuple[str, ...] = ()
    duration: str | None = None  # as the provider states it ("2 dagen"), when known
    provider: str | None = None  # who offers it, when the catalogue names one

    @property
    def is_support(self) -> bool:
        """A service she can call on (support), not something to learn or do."""
        return self.kind == SUPPORT


@dataclass(frozen=True, slots=True)
class Catalogue:
    tasks_version: str
    roles_version: str
    competencies_version: str
    scale: tuple[ScaleLevel, ...]
    tasks: tuple[TaskArea, ...]
    roles: tuple[Role, ...]
    levels: tuple[Level, ...]
    competencies: tuple[Competency, ...]
    development: tuple[DevActivity, ...] | None = None  # None: development.yaml not loaded
    # per role the ids of its development activities, most fitting first (development.yaml)
    development_order: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    # the questionnaire version from which the stars mean what they mean now (tasks.yaml)
    scale_since: str | None = None
    # whose words its texts are in (core/council.py); the ids and weights are the same for all
    council: Council = NEUTRAL

    def activity_weights(self, task: TaskArea, activity: Activity) -> Mapping[str, float]:
        """Role id → weight (above 0) of one activity: its own weights, else its area's row."""
        if activity.weights is not None:
            return {r: w for r, w in activity.weights.items() if w > 0}
        return {r.id: w for r in self.roles if (w := r.weights.get(task.id, 0.0)) > 0}

    def feeds(self, role_id: str | None = None) -> Iterator[Feed]:
        """Every activity-role pair with a weight above 0 (of one role, if given), in
        catalogue order. The one place that says what a core activity is."""
        for task in self.tasks:
            for activity in task.activities:
                weights = self.activity_weights(task, activity)
                top = max(weights.values(), default=0.0)
                for rid, weight in weights.items():
                    if role_id is None or rid == role_id:
                        yield Feed(task, activity, rid, weight, weight >= top)

    def area_weight(self, role_id: str, task: TaskArea) -> float:
        """The mean weight of a role over an area's activities (for hours and overviews)."""
        weights = [self.activity_weights(task, a).get(role_id, 0.0) for a in task.activities]
        return sum(weights) / len(weights) if weights else 0.0

    def task(self, task_id: str) -> TaskArea:
        return _by_id(self.tasks, task_id)

    def role(self, role_id: str) -> Role:
        return _by_id(self.roles, role_id)

    def competency(self, competency_id: str) -> Competency:
        return _by_id(self.competencies, competency_id)

    def level(self, level_id: str) -> Level:
        return _by_id(self.levels, level_id)

    def has_level(self, level_id: str) -> bool:
        return any(level.id == level_id for level in self.levels)

    def find_role(self, text: str) -> Role | None:
        """Return the role whose id or name is ``text`` (any case), or None."""
        wanted = text.strip().casefold()
        return next((r for r in self.roles if wanted in (r.id.casefold(), r.name.casefold())), None)

    def scale_level(self, stars: int) -> ScaleLevel:
        return self.scale[stars - 1]


_Item = TypeVar("_Item", TaskArea, Role, Competency, Level)


def _by_id(items: tuple[_Item, ...], ident: str) -> _Item:
    for item in items:
        if item.id == ident:
            return item
    raise KeyError(ident)
