"""The questions for typing in a paper feedback form: which form, the giver, a comment."""

from __future__ import annotations

import questionary

from asmo_cli.cli.session.choices import pick
from asmo_cli.cli.session.layout import columns
from asmo_cli.cli.session.questions import STYLE, TERMINAL, PromptIO
from asmo_cli.core.council import NEUTRAL, Council
from asmo_cli.core.feedback import giver_role_titles
from asmo_cli.render.terminal import fit_message


def ask_draft(summaries: list[str], io: PromptIO = TERMINAL) -> int | None:
    """Ask which half-typed form to go on with (newest first); None for a new form."""
    titles = {str(i): f"Verder met het formulier van {s}" for i, s in enumerate(summaries)}
    titles["new"] = "Een nieuw formulier intypen"
    short = {v: "Verder" if v != "new" else "Nieuw formulier" for v in titles}
    question = "Je was al begonnen met een papieren formulier. Wat wil je doen?"
    answer = pick(fit_message(question, 0), titles, short, io)
    return None if answer == "new" else int(answer)


def ask_giver_role(io: PromptIO = TERMINAL, council: Council = NEUTRAL) -> str:
    """Ask the giver's role as ticked on the form (its titles as the form of her council)."""
    titles = dict(giver_role_titles(council))
    return pick(fit_message("Welke rol kruiste de gever aan?", 0), titles, titles, io)


def ask_text(message: str, default: str = "", io: PromptIO = TERMINAL) -> str | None:
    """Ask a line of text that may stay empty (Enter); the typing starts on the next line
    when there is no room behind the question."""
    message = fit_message(message, reserve=0)  # wrapped at words
    if len(message.rsplit("\n", 1)[-1]) + 30 > columns():  # no room to type behind it
        message += "\n "
    answer = questionary.text(
        message, default=default, qmark="?", style=STYLE, **io.kwargs()
    ).unsafe_ask()
    return " ".join(str(answer).split()) or None
