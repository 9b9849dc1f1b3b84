"""Questions about the record (whose, which to go on with, which to delete) and ``choose``."""

from __future__ import annotations

from typing import Literal

from asmo_cli.cli.session.choices import ask_line, pick
from asmo_cli.cli.session.layout import split_instruction
from asmo_cli.cli.session.questions import TERMINAL, PromptIO
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


def ask_name(io: PromptIO = TERMINAL, default: str | None = None) -> str | None:
    """Ask her name (Enter skips it; with ``default``, her name so far, Enter keeps that)."""
    how = "Enter houdt hem" if default else "Enter slaat over"
    answer = ask_line(  # wrapped at words; typed on the next line when there is no room
        f"Je naam (komt op het rapport; {how}):",
        io,
        default=default or "",
        validate=lambda text: len(text.strip()) <= MAX_NAME_CHARS or NAME_TOO_LONG,
    )
    return answer or None


DONT_KNOW = "Weet ik niet / zeg ik liever niet"


def ask_level(
    catalogue: Catalogue, io: PromptIO = TERMINAL, default: str | None = None
) -> str | None:
    """Ask her level; the pointer starts on ``default`` (her level so far), else on "Weet ik
    niet", so that a stray Enter never claims a level."""
    titles = {level.id: level.name for level in catalogue.levels}
    titles[""] = DONT_KNOW
    message, instruction = split_instruction("Op welk functieniveau werk je?", "(pijltjes + Enter)")
    start = default if default in titles else ""
    return pick(message, titles, titles, io, instruction=instruction, default=start) or None


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


EDIT: Literal["edit"] = "edit"  # the resume question's answer: correct a finished record instead


def ask_resume(
    summaries: list[str], io: PromptIO = TERMINAL, *, can_edit: bool = False
) -> int | Literal["edit"] | None:
    """Ask which unfinished record to go on with (newest first); None to begin anew, EDIT
    (offered when ``can_edit``: she has a finished record) to correct a finished one."""
    count = len(summaries)
    which = "een onafgeronde meting" if count == 1 else f"{count} onafgeronde metingen"
    titles = {str(i): f"Verdergaan waar ik was: {summary}" for i, summary in enumerate(summaries)}
    if can_edit:
        titles[EDIT] = "Een afgeronde meting aanpassen"
    titles["new"] = "Opnieuw beginnen"
    message = fit_message(f"Je hebt {which}. Wat wil je doen?", reserve=0)
    answer = pick(message, titles, {v: t.split(":")[0] for v, t in titles.items()}, io)
    if answer == EDIT:
        return EDIT
    return None if answer == "new" else int(answer)


def finished_summary(record: Record) -> str:
    """A finished record as the question which one to correct names it."""
    who = f"{record.name}, " if record.name else ""
    text = f"{who}ingevuld {record.created:%d-%m-%Y %H:%M}"
    if record.edited:
        text += f", gewijzigd op {record.edited[-1]:%d-%m-%Y}"
    return text


def ask_which_finished(summaries: list[str], io: PromptIO = TERMINAL) -> int:
    """Ask which finished record to correct (newest first); return its index."""
    titles = {str(i): summary for i, summary in enumerate(summaries)}
    message, instruction = split_instruction(
        "Welke afgeronde meting wil je aanpassen?", "(pijltjes + Enter)"
    )
    return int(pick(message, titles, titles, io, instruction=instruction))


SELECTION = "selection"  # the start question's answer: begin at the choice of areas


def ask_start_area(areas: list[tuple[str, str]], io: PromptIO = TERMINAL) -> str:
    """Ask where to begin correcting: one of ``areas`` ((id, name), in order) or SELECTION,
    the choice of areas itself; return the id."""
    titles = dict(areas)
    titles[SELECTION] = "Andere werkzaamheden kiezen (aan of uit zetten)"
    short = dict(areas)
    short[SELECTION] = "andere werkzaamheden kiezen"
    message, instruction = split_instruction(
        "Bij welke werkzaamheid wil je beginnen?", "(pijltjes + Enter)"
    )
    return pick(message, titles, short, io, instruction=instruction)
