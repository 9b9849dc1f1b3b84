"""Her ambition, which the development plan starts from: grow in her function (the default),
move to another level, or specialise in one role; in her own words too, if she gives them.

Kept with the record (``ambition`` in its YAML), so that the next plan starts from the same
choice. The target profile follows from it (core/plan.py ``plan_target``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AmbitionKind(StrEnum):
    GROW = "grow"  # groeien in mijn huidige functie: the target is her own level
    LEVEL = "level"  # naar een ander functieniveau: the target is that level
    SPECIALISE = "specialise"  # me specialiseren in één rol: that role towards the top


GROW, LEVEL, SPECIALISE = AmbitionKind.GROW, AmbitionKind.LEVEL, AmbitionKind.SPECIALISE
KINDS = tuple(kind.value for kind in AmbitionKind)


@dataclass(frozen=True)
class Ambition:
    kind: AmbitionKind = GROW
    level: str | None = None  # the level id, with LEVEL
    role: str | None = None  # the role id, with SPECIALISE
    text: str | None = None  # her own words (``--ambition``)

    def __post_init__(self) -> None:
        if (self.kind is LEVEL) != (self.level is not None):
            raise ValueError("een ambitie voor een ander niveau noemt dat niveau, en alleen dan")
        if (self.kind is SPECIALISE) != (self.role is not None):
            raise ValueError("een ambitie om te specialiseren noemt de rol, en alleen dan")


DEFAULT = Ambition()


def described(ambition: Ambition, level_name: str | None, role_name: str | None) -> str:
    """The choice in her words, for the plan's header and 'Mijn ambitie'."""
    if ambition.kind is LEVEL and level_name:
        return f"Doorgroeien naar {level_name.lower()}"
    if ambition.kind is SPECIALISE and role_name:
        return f"Me specialiseren als {role_name}"
    return "Groeien in mijn huidige functie"
