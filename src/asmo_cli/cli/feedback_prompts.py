"""The questions for typing in a paper feedback form: which form, the giver, a comment."""

from __future__ import annotations

import questionary

from asmo_cli.cli.prompts import STYLE, TERMINAL, PromptIO, bind_answers, choice
from asmo_cli.core.feedback import GIVER_ROLES
from asmo_cli.render.terminal import fit_message

ROLE_TITLES = {
    "voorzitter": "Voorzitter van de OR of het MZO",
    "or-lid": "Lid van de OR of het MZO",
    "leidinggevende": "Leidinggevende",
    "collega-as": "Collega-ambtelijk secretaris",
    "anders": "Anders",
}


def ask_draft(summaries: list[str], io: PromptIO = TERMINAL) -> int | None:
    """Ask which half-typed form to go on with (newest first); None for a new form."""
    titles = {str(i): f"Verder met het formulier van {s}" for i, s in enumerate(summaries)}
    titles["new"] = "Een nieuw formulier intypen"
    message = fit_message("Je was al begonnen met een papieren formulier. Wat wil je doen?", 0)
    question = questionary.select(
        message,
        choices=[choice(title, value) for value, title in titles.items()],
        instruction=" ",
        style=STYLE,
        **io.kwargs(),
    )
    short = {v: "Verder" if v != "new" else "Nieuw formulier" for v in titles}
    bind_answers(question, message, short)
    answer = question.unsafe_ask()
    return None if answer == "new" else int(answer)


def ask_giver_role(io: PromptIO = TERMINAL) -> str:
    """Ask the giver's role as ticked on the form."""
    titles = {role: ROLE_TITLES.get(role, role) for role in GIVER_ROLES}
    message = fit_message("Welke rol kruiste de gever aan?", 0)
    question = questionary.select(
        message,
        choices=[choice(title, value) for value, title in titles.items()],
        instruction=" ",
        style=STYLE,
        **io.kwargs(),
    )
    bind_answers(question, message, titles)
    return str(question.unsafe_ask())


def ask_text(message: str, default: str = "", io: PromptIO = TERMINAL) -> str | None:
    """Ask a line of text that may stay empty (Enter); the typing starts on the next line
    when there is no room behind the question."""
    message = fit_message(message, reserve=30)  # wrapped at words, room to type behind it
    answer = questionary.text(
        message, default=default, qmark="?", style=STYLE, **io.kwargs()
    ).unsafe_ask()
    return " ".join(str(answer).split()) or None
