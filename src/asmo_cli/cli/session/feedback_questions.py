"""The questions for typing in a paper feedback form: which form, the giver, a comment."""

from __future__ import annotations

from asmo_cli.cli.session.choices import ask_line, pick
from asmo_cli.cli.session.layout import split_instruction
from asmo_cli.cli.session.questions import TERMINAL, PromptIO
from asmo_cli.core.council import NEUTRAL, Council
from asmo_cli.core.feedback import giver_role_titles
from asmo_cli.render.terminal import fit_message

GO_ON, WRITE, BACK = "verder", "opmerking", "terug"  # the answers of the comment step
COMMENT_KEYS = "o = opmerking typen, Enter = verder, t = terug"


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
    return " ".join(ask_line(message, io, default=default).split()) or None


def ask_comment_step(area: str, comment: str | None, io: PromptIO = TERMINAL) -> str:
    """After the last rating of an area: GO_ON (Enter), WRITE (o: type a comment) or BACK (t).

    A text box only opens after o, so a digit typed in the rhythm of the ratings can never
    become a comment: here it answers nothing and says which keys do.
    """
    if comment:
        message = f"Opmerking bij {area}: “{comment}”"
        titles = {GO_ON: "Verder, de opmerking blijft (Enter)", WRITE: "Opmerking wijzigen (o)"}
    else:
        message = f"Opmerking bij {area}?"
        titles = {GO_ON: "Verder zonder opmerking (Enter)", WRITE: "Opmerking typen (o)"}
    titles[BACK] = "← terug (t)"
    short = {GO_ON: "verder" if comment else "geen", WRITE: "typen", BACK: "← terug"}
    question, instruction = split_instruction(message, f"({COMMENT_KEYS})")
    keys = {"o": WRITE, "O": WRITE, "t": BACK, "T": BACK, "backspace": BACK}
    hint = f"(hier geen sterren: {COMMENT_KEYS})"
    return pick(
        question, titles, short, io, instruction=instruction, default=GO_ON, hint=hint, keys=keys
    )
