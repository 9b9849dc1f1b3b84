"""The hours questions at the end of ``asmo assess`` and in ``asmo hours``.

Like the rating step: progress "(3/6)" in every question, t goes back, an earlier answer stays
as the default (grey where typing starts; Enter keeps it, typing replaces it). The hours are
handed back only when all are given and, when they are much more than the formatie, the user
said they are right (j); after n the user picks the answer to change and goes on from there.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import questionary
from prompt_toolkit.application import get_app
from prompt_toolkit.document import Document
from prompt_toolkit.key_binding import KeyBindings
from rich.console import Console
from rich.text import Text

from asmo_cli.cli.session import plain
from asmo_cli.cli.session.choices import pick, yes_no
from asmo_cli.cli.session.questions import STYLE, TERMINAL, PromptIO
from asmo_cli.cli.session.record_questions import choose
from asmo_cli.core.catalogue import TaskArea
from asmo_cli.core.hours import over_contract_warning, parse_hours_value
from asmo_cli.core.text import number, program
from asmo_cli.render.terminal import fit_message

BACK = "← terug"
HOURS_HELP = (
    "Typ de uren per week, gemiddeld over het jaar (0 tot en met 168; 2,5 mag ook). "
    "Enter houdt het getal dat er al staat; met t ga je terug."
)
HOURS_ERROR = "Typ een aantal uren van 0 tot en met 168, zoals 4 of 2,5"
FORMATIE_ERROR = "Typ een aantal uren van meer dan 0 tot en met 168"
YES_NO_ERROR = "Typ j (ja, het klopt) of n (nee, aanpassen)"


def ask_want_hours(io: PromptIO = TERMINAL) -> bool:
    return choose(
        "Wil je ook je tijdsbesteding invullen?",
        f"Nee, nu niet (kan later met: {program()} hours)",
        "Ja, uren per week per werkzaamheid",
        io,
    )


def parse_hours_text(text: str, *, positive: bool = False) -> float | None:
    """Read '4', '4,5' or '4.5' as a number of hours (the rule of the hours file too); None
    when it is not a valid amount."""
    return parse_hours_value(text, positive=positive)


def ask_hours(
    tasks: list[TaskArea],
    hours: dict[str, float],
    contract: float | None,
    io: PromptIO = TERMINAL,
    console: Console | None = None,
) -> tuple[dict[str, float], float]:
    """Ask the average hours per week for each task and the contracted hours."""
    answer = ask_hours_or_leave(tasks, hours, contract, io, console, can_leave=False)
    assert answer is not None
    return answer


def ask_hours_or_leave(
    tasks: list[TaskArea],
    hours: dict[str, float],
    contract: float | None,
    io: PromptIO = TERMINAL,
    console: Console | None = None,
    *,
    can_leave: bool = True,
) -> tuple[dict[str, float], float] | None:
    """Ask the hours; None when the user goes back (t) from the first question."""
    console = console or Console(quiet=True)
    console.print(Text(HOURS_HELP, style="dim"))
    count = len(tasks) + 1  # the areas, then the formatie
    given = [hours.get(task.id) for task in tasks] + [contract]
    texts = [None if value is None else _text(value) for value in given]
    position = 0
    while True:
        if position == count:
            result = {task.id: _parse(texts[i]) for i, task in enumerate(tasks)}
            contract = _parse(texts[-1], positive=True)
            warning = over_contract_warning(result, contract)
            if warning is None or _confirm(f"Let op: {warning}", io):
                return result, contract
            position = _ask_which(tasks, result, contract, io)
            continue
        contract_question = position == count - 1
        if contract_question:
            question = "Je formatie: hoeveel uur per week heb je volgens je contract voor dit werk?"
        else:
            question = f"{tasks[position].name}: uren per week gemiddeld?"
        answer, typed = _ask_amount(
            fit_message(f"({position + 1}/{count}) {question}", reserve=6),
            texts[position],
            positive=contract_question,
            can_go_back=position > 0 or can_leave,
            io=io,
        )
        if answer == BACK:
            if typed is not None:  # keep what was typed for when the user comes back
                texts[position] = typed
            if position == 0:
                return None
            position -= 1
            continue
        texts[position] = answer
        position += 1


def _ask_which(
    tasks: list[TaskArea], hours: dict[str, float], contract: float, io: PromptIO
) -> int:
    """Ask which answer to change: the question's number (from 0), the contract last.

    The pointer starts at the likeliest slip: the area with the most hours when the others
    alone fit the contract (60 typed for 6), else the contract (2 typed for 24).
    """
    titles = {str(i): f"{t.name}: {_text(hours[t.id])} uur" for i, t in enumerate(tasks)}
    titles[str(len(tasks))] = f"Je formatie: {_text(contract)} uur"
    most = max(range(len(tasks)), key=lambda i: hours[tasks[i].id])
    others = {k: v for k, v in hours.items() if k != tasks[most].id}
    likeliest = len(tasks) if over_contract_warning(others, contract) else most
    message = fit_message("Wat wil je aanpassen? (Enter houdt daarna de andere getallen)")
    short = {v: t.split(":")[0] for v, t in titles.items()}
    return int(pick(message, titles, short, io, default=str(likeliest)))


def _text(value: float) -> str:
    return number(value, 2, trim=True)


def _parse(text: str | None, *, positive: bool = False) -> float:
    value = None if text is None else parse_hours_text(text, positive=positive)
    assert value is not None  # every answer was checked when given
    return value


def _ask_amount(
    message: str, default: str | None, *, positive: bool, can_go_back: bool, io: PromptIO
) -> tuple[str, str | None]:
    """Ask one amount of hours: (the amount as typed, None), or (BACK, a valid amount typed)."""
    if plain.wanted(io.kwargs()):
        valid = partial(_valid, positive=positive)
        leave = BACK if can_go_back else None
        return plain.ask_amount(message, default, back=leave, validate=valid), None
    bindings = KeyBindings()

    @bindings.add("enter", eager=True)
    def enter(event: Any) -> None:
        buffer = event.app.current_buffer
        if not buffer.text.strip() and default is not None:
            buffer.set_document(Document(default))
        buffer.validate_and_handle()

    @bindings.add("t", eager=True)
    @bindings.add("T", eager=True)
    def back(event: Any) -> None:
        """Go back a question, keeping a valid amount typed; the first one: nothing to do."""
        if can_go_back:
            buffer = event.app.current_buffer
            typed = buffer.text.strip()
            valid = parse_hours_text(typed, positive=positive) is not None
            buffer.set_document(Document(BACK), bypass_readonly=True)
            event.app.exit(result=(BACK, typed if valid else None))

    answer = questionary.text(
        message,
        validate=lambda text: _valid(text, positive=positive),
        style=STYLE,
        placeholder=lambda: (
            [] if default is None or get_app().is_done else [("class:instruction", default)]
        ),
        key_bindings=bindings,
        **io.kwargs(),
    ).unsafe_ask()
    if isinstance(answer, tuple):
        return str(answer[0]), answer[1]
    return str(answer).strip(), None


def _valid(text: str, *, positive: bool) -> bool | str:
    """True for an amount of hours, else what to type instead."""
    if parse_hours_text(text, positive=positive) is not None:
        return True
    return FORMATIE_ERROR if positive else HOURS_ERROR


def _confirm(message: str, io: PromptIO) -> bool:
    """Ask whether the hours are right: the one j/n question of asmo."""
    return yes_no(fit_message(f"{message} (j/n)", reserve=4), io, how=YES_NO_ERROR)
