"""The hours questions at the end of ``asmo assess`` and in ``asmo hours``."""

from __future__ import annotations

from collections.abc import Callable

import questionary

from asmo_cli.cli.prompts import STYLE, TERMINAL, PromptIO, choose
from asmo_cli.core.catalogue import Task
from asmo_cli.core.text import number, program
from asmo_cli.render.terminal import fit_message


def ask_want_hours(io: PromptIO = TERMINAL) -> bool:
    return choose(
        "Wil je ook je tijdsbesteding invullen?",
        f"Nee, nu niet (kan later met: {program()} hours)",
        "Ja, uren per week per werkzaamheid",
        io,
    )


def parse_hours_text(text: str, *, positive: bool = False) -> float | None:
    """Read '4', '4,5' or '4.5' as a number of hours; None when it is not a valid amount."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    if value != value or value < 0 or (positive and value == 0) or value > 168:
        return None
    return value


def ask_hours(
    tasks: list[Task], hours: dict[str, float], contract: float | None, io: PromptIO = TERMINAL
) -> tuple[dict[str, float], float]:
    """Ask the average hours per week for each task and the contracted hours."""

    def check(positive: bool) -> Callable[[str], bool | str]:
        def validate(text: str) -> bool | str:
            if parse_hours_text(text, positive=positive) is not None:
                return True
            return "Typ een aantal uren, bijvoorbeeld 4 of 2,5" + (
                " (meer dan 0)" if positive else ""
            )

        return validate

    result: dict[str, float] = {}
    for task in tasks:
        current = hours.get(task.id)
        answer = questionary.text(
            fit_message(f"{task.name}: uren per week gemiddeld?", reserve=6),
            default="" if current is None else number(current, 2, trim=True),
            validate=check(False),
            style=STYLE,
            **io.kwargs(),
        ).unsafe_ask()
        value = parse_hours_text(str(answer))
        assert value is not None
        result[task.id] = value
    answer = questionary.text(
        "Je formatie: hoeveel uur per week heb je volgens je contract voor dit werk?",
        default="" if contract is None else number(contract, 2, trim=True),
        validate=check(True),
        style=STYLE,
        **io.kwargs(),
    ).unsafe_ask()
    formatie = parse_hours_text(str(answer), positive=True)
    assert formatie is not None
    return result, formatie
