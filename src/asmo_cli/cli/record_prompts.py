"""Questions about unfinished records: which to go on with, and what to do when starting anew."""

from __future__ import annotations

import questionary
from questionary import Choice

from asmo_cli.cli.prompts import STYLE, TERMINAL, PromptIO, choose
from asmo_cli.render.terminal import fit_message


def ask_delete_unfinished(count: int, io: PromptIO = TERMINAL) -> bool:
    """Ask whether to delete the unfinished records when beginning anew (Enter keeps them)."""
    which = "de onafgeronde meting" if count == 1 else f"de {count} onafgeronde metingen"
    return choose(
        fit_message(f"Je begint opnieuw. Wat doe je met {which}?"),
        "Bewaren (later kun je er nog mee verder)",
        "Verwijderen, met alles wat asmo ervan maakte",
        io,
    )


def ask_resume(summaries: list[str], io: PromptIO = TERMINAL) -> int | None:
    """Ask which unfinished record to go on with (newest first); None to begin anew."""
    count = len(summaries)
    which = "een onafgeronde meting" if count == 1 else f"{count} onafgeronde metingen"
    choices = [
        Choice(f"Verdergaan waar ik was: {summary}", value=str(i))
        for i, summary in enumerate(summaries)
    ]
    choices.append(Choice("Opnieuw beginnen", value="new"))
    answer = questionary.select(
        fit_message(f"Je hebt {which}. Wat wil je doen?"),
        choices=choices,
        instruction=" ",
        style=STYLE,
        **io.kwargs(),
    ).unsafe_ask()
    return None if answer == "new" else int(answer)
