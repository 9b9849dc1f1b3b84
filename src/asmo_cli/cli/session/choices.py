"""One way to ask a choice from a list (arrows and Enter, a short answer line after it), one
way to ask yes or no (one key: j or n), and one way to ask a line of text. On a terminal that
cannot move its cursor each is asked as plain lines (``plain``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.document import Document
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.keys import Keys

from asmo_cli.cli.session import plain
from asmo_cli.cli.session.layout import POINTER, columns, wrap_choice
from asmo_cli.cli.session.questions import STYLE, TERMINAL, PromptIO
from asmo_cli.cli.session.select import ask_list
from asmo_cli.core.text import clean
from asmo_cli.render.terminal import fit_message


def pick(
    message: str,
    titles: dict[str, str],
    short: dict[str, str],
    io: PromptIO = TERMINAL,
    *,
    instruction: str = " ",
    default: str | None = None,
    hint: str | None = None,
    keys: dict[str, str] | None = None,
) -> str:
    """Ask one of ``titles`` (value → text, in order) and return its value.

    ``message`` is already wrapped for the terminal; the answer line shows ``short[value]``.
    ``hint``: without a ``default`` Enter alone chooses nothing and says this instead (as
    does a key that is no answer); ``keys`` maps a key to the value it answers at once.
    """
    choices = [
        (wrap_choice(clean(title), POINTER, POINTER + 2), value) for value, title in titles.items()
    ]
    return ask_list(
        message,
        choices,
        short,
        style=STYLE,
        instruction=instruction,
        default=default,
        hint=hint,
        keys=keys,
        io=io.kwargs(),
    )


YES_NO = "Typ j (ja) of n (nee)"


def yes_no(message: str, io: PromptIO = TERMINAL, *, how: str = YES_NO) -> bool:
    """Ask a yes/no question that only j or n answers, at once (no Enter needed); any other
    key, Enter included, types nothing and Enter alone shows ``how``. ``message`` is already
    wrapped for the terminal and ends with "(j/n)"."""
    if plain.wanted(io.kwargs()):
        return plain.ask_yes_no(message, how)
    bindings = KeyBindings()

    def answer_with(text: str, result: bool) -> Any:
        def handler(event: Any) -> None:
            event.app.current_buffer.set_document(Document(text), bypass_readonly=True)
            event.app.exit(result=result)

        return handler

    for keys, text, result in (("jJ", "ja", True), ("nN", "nee", False)):
        for key in keys:
            bindings.add(key, eager=True)(answer_with(text, result))

    @bindings.add(Keys.Any)
    def ignore(event: Any) -> None:
        """Other keys type nothing: only j or n is an answer."""

    answer = questionary.text(
        message,
        validate=lambda text: how,
        style=STYLE,
        key_bindings=bindings,
        **io.kwargs(),
    ).unsafe_ask()
    return bool(answer is True)


def ask_line(
    message: str,
    io: PromptIO = TERMINAL,
    *,
    default: str = "",
    validate: Callable[[str], bool | str] | None = None,
) -> str:
    """Ask a line of text (Enter keeps ``default``), the question wrapped at words; the typing
    starts on the next line when there is no room behind the question. Returns it stripped."""
    message = fit_message(message, reserve=0)
    if plain.wanted(io.kwargs()):
        return plain.ask_text(message, default, validate).strip()
    if len(message.rsplit("\n", 1)[-1]) + 30 > columns():  # no room to type behind it
        message += "\n "
    answer = questionary.text(
        message,
        default=default,
        qmark="?",
        style=STYLE,
        validate=validate,
        **io.kwargs(),
    ).unsafe_ask()
    return str(answer).strip()
