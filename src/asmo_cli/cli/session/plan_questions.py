"""``asmo plan`` on a terminal: what her plan starts from (grow, another level, specialise)."""

from __future__ import annotations

from asmo_cli.cli.session.choices import pick
from asmo_cli.cli.session.layout import split_instruction
from asmo_cli.cli.session.questions import TERMINAL, PromptIO
from asmo_cli.core.ambition import GROW, LEVEL, SPECIALISE, Ambition
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import Record
from asmo_cli.core.result import compute_result
from asmo_cli.core.text import format_score

SPECIALISE_VALUE = "specialise"


def ask_ambition(
    catalogue: Catalogue, record: Record, last: Ambition, io: PromptIO = TERMINAL
) -> Ambition:
    """Ask her ambition (Enter keeps ``last``); specialising asks the role next."""
    own = (
        catalogue.level(record.level)
        if record.level and catalogue.has_level(record.level)
        else None
    )
    titles = {
        GROW.value: "Groeien in mijn huidige functie" + (f" ({own.name.lower()})" if own else "")
    }
    above = catalogue.levels[catalogue.levels.index(own) + 1 :] if own else catalogue.levels
    for level in above:  # a level below hers: only with --target
        if level.profile:
            titles[f"{LEVEL.value}:{level.id}"] = f"Doorgroeien naar {level.name.lower()}"
    titles[SPECIALISE_VALUE] = "Me specialiseren in één rol"
    short = {value: title.split(" (")[0] for value, title in titles.items()}
    default = {
        GROW: GROW.value,
        LEVEL: f"{LEVEL.value}:{last.level}",
        SPECIALISE: SPECIALISE_VALUE,
    }[last.kind]
    message, instruction = split_instruction(
        "Waar werk je naartoe met dit plan?", "(pijltjes + Enter)"
    )
    answer = pick(
        message,
        titles,
        short,
        io,
        instruction=instruction,
        default=default if default in titles else None,
    )
    if answer == SPECIALISE_VALUE:
        return Ambition(SPECIALISE, role=ask_role(catalogue, record, last.role, io))
    if answer.startswith(f"{LEVEL.value}:"):
        return Ambition(LEVEL, level=answer.split(":", 1)[1])
    return Ambition(GROW)


def ask_role(
    catalogue: Catalogue, record: Record, last: str | None, io: PromptIO = TERMINAL
) -> str:
    """Ask the role to specialise in: the roles with enough data, highest score first."""
    scores = compute_result(catalogue, record).scores.roles
    ranked = sorted(scores, key=lambda r: (not r.enough_data, -(r.score or 0.0)))
    titles = {
        r.role_id: r.name
        + (f" ({format_score(r.score)})" if r.enough_data and r.score else " (te weinig ingevuld)")
        for r in ranked
    }
    short = {r.role_id: r.name for r in ranked}
    message, instruction = split_instruction(
        "In welke rol wil je je specialiseren?", "(pijltjes + Enter)"
    )
    return pick(
        message,
        titles,
        short,
        io,
        instruction=instruction,
        default=last if last in titles else None,
    )
