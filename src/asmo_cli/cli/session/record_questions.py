"""Questions about the record (whose, which to go on with, which to delete) and ``choose``."""

from __future__ import annotations

import questionary

from asmo_cli.cli.session.choices import pick
from asmo_cli.cli.session.layout import columns, split_instruction
from asmo_cli.cli.session.questions import STYLE, TERMINAL, PromptIO
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.checks import MAX_NAME_CHARS
from asmo_cli.core.council import CHOICES, NEUTRAL, Council, parse_council
from asmo_cli.core.record import Record
from asmo_cli.core.text import plural
from asmo_cli.render.terminal import fit_message


def choose(message: str, first: str, second: str, io: PromptIO = TERMINAL) -> bool:
    """Ask a choice between two answers (Enter takes the first); True for the second.

    The answer line keeps the words before the first comma or bracket ("Ja", "Bewaren").
    """
    titles = {"first": first, "second": second}
    short = {v: t.split(",")[0].split(" (")[0] for v, t in titles.items()}
    return pick(message, titles, short, io) == "second"


NAME_TOO_LONG = f"Hoogstens {MAX_NAME_CHARS} tekens"


def ask_name(io: PromptIO = TERMINAL) -> str | None:
    message = "Je naam (komt op het rapport; Enter slaat over):"
    if 2 + len(message) + 1 + 30 > columns():  # no room for a name: type it on the next line
        message += "\n "
    answer = questionary.text(
        message,
        qmark="?",
        style=STYLE,
        validate=lambda text: len(text.strip()) <= MAX_NAME_CHARS or NAME_TOO_LONG,
        **io.kwargs(),
    ).unsafe_ask()
    return str(answer).strip() or None


def ask_level(catalogue: Catalogue, io: PromptIO = TERMINAL) -> str | None:
    titles = {level.id: level.name for level in catalogue.levels}
    titles[""] = "Weet ik niet / zeg ik liever niet"
    message, instruction = split_instruction("Op welk functieniveau werk je?", "(pijltjes + Enter)")
    return pick(message, titles, titles, io, instruction=instruction) or None


def ask_council(default: Council = NEUTRAL, io: PromptIO = TERMINAL) -> Council:
    """Ask which kind of council she serves (Enter keeps ``default``: her newest record's)."""
    titles: dict[str, str] = {str(value): title for value, title in CHOICES.items()}
    short = {value: title.split(" (")[0].split(":")[0] for value, title in titles.items()}
    message, instruction = split_instruction(
        "Voor welke raad werk je? (asmo gebruikt de woorden en de wet daarvan)",
        "(pijltjes + Enter)",
    )
    answer = pick(message, titles, short, io, instruction=instruction, default=default)
    return parse_council(answer) or NEUTRAL


def ask_delete_unfinished(count: int, io: PromptIO = TERMINAL) -> bool:
    """Ask whether to delete the unfinished records when beginning anew (Enter keeps them)."""
    which = "de onafgeronde meting" if count == 1 else f"de {count} onafgeronde metingen"
    return choose(
        fit_message(f"Je begint opnieuw. Wat doe je met {which}?", reserve=0),
        "Bewaren (later kun je er nog mee verder)",
        "Verwijderen, met alles wat asmo ervan maakte",
        io,
    )


def summary(record: Record) -> str:
    """A record as the resume question names it: who, when begun, how many answers."""
    answered = sum(len(a) for a in record.ratings.values())
    who = f"{record.name}, " if record.name else ""
    answers = plural(answered, "antwoord", "antwoorden")
    return f"{who}begonnen {record.created:%d-%m-%Y %H:%M}, {answers}"


def ask_resume(summaries: list[str], io: PromptIO = TERMINAL) -> int | None:
    """Ask which unfinished record to go on with (newest first); None to begin anew."""
    count = len(summaries)
    which = "een onafgeronde meting" if count == 1 else f"{count} onafgeronde metingen"
    titles = {str(i): f"Verdergaan waar ik was: {summary}" for i, summary in enumerate(summaries)}
    titles["new"] = "Opnieuw beginnen"
    message = fit_message(f"Je hebt {which}. Wat wil je doen?", reserve=0)
    answer = pick(message, titles, {v: t.split(":")[0] for v, t in titles.items()}, io)
    return None if answer == "new" else int(answer)
