"""One way to ask a choice from a list: arrows and Enter, and a short answer line after it."""

from __future__ import annotations

import questionary

from asmo_cli.cli.session.questions import STYLE, TERMINAL, PromptIO, bind_answers, choice


def pick(
    message: str,
    titles: dict[str, str],
    short: dict[str, str],
    io: PromptIO = TERMINAL,
    *,
    instruction: str = " ",
    default: str | None = None,
) -> str:
    """Ask one of ``titles`` (value → text, in order) and return its value.

    ``message`` is already wrapped for the terminal; the answer line shows ``short[value]``.
    """
    question = questionary.select(
        message,
        choices=[choice(title, value) for value, title in titles.items()],
        default=default,
        instruction=instruction,
        style=STYLE,
        **io.kwargs(),
    )
    bind_answers(question, message, short)
    return str(question.unsafe_ask())
