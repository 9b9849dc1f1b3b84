"""A list question on prompt_toolkit's public API: arrows and Enter, and keys that answer at
once (the digits of a rating, t for back). It looks like questionary's lists (the question
after '?', the pointer '»' before the chosen line) and, once answered, leaves one line: the
question with a short answer behind it, wrapped at words.

questionary stays for the other questions (checkbox, text, confirm); this one is ours because
answering with one key meant writing into questionary's unexported list control.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prompt_toolkit.application import Application
from prompt_toolkit.filters import is_done
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.styles import BaseStyle

from asmo_cli.cli.session.layout import answer_text


@dataclass
class _Pointer:
    """Where the pointer is, and the answer once given (this question's own state)."""

    at: int
    answer: str | None = None


def ask_list(
    message: str,
    choices: Sequence[tuple[str, str]],
    answers: Mapping[str, str],
    *,
    style: BaseStyle,
    instruction: str = " ",
    default: str | None = None,
    keys: Mapping[str, str] | None = None,
    io: Mapping[str, Any] | None = None,
) -> str:
    """Ask one of ``choices`` ((title, value), titles already wrapped) and return its value.

    ``answers[value]`` is the short answer left behind the question; ``keys`` maps a key to
    the value it answers at once; ``io`` holds prompt_toolkit's ``input``/``output`` (a test's
    pipe). Ctrl-C raises KeyboardInterrupt, as questionary's questions do.
    """
    values = [value for _, value in choices]
    pointer = _Pointer(values.index(default) if default in values else 0)

    def prompt() -> StyleAndTextTuples:
        tokens: StyleAndTextTuples = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if pointer.answer is None:
            return [*tokens, ("class:instruction", instruction)]
        return [*tokens, ("class:answer", answer_text(message, answers[pointer.answer]))]

    def lines() -> StyleAndTextTuples:
        tokens: StyleAndTextTuples = []
        for index, (title, _) in enumerate(choices):
            if index == pointer.at:
                tokens += [("class:pointer", " » "), ("class:highlighted", title)]
            else:
                tokens += [("class:text", "   "), ("class:text", title)]
            tokens.append(("", "\n"))
        return tokens[:-1]

    bindings = _bindings(values, pointer, keys or {})
    layout = Layout(
        HSplit(
            [
                Window(FormattedTextControl(prompt), dont_extend_height=True, wrap_lines=True),
                ConditionalContainer(
                    Window(FormattedTextControl(lines, show_cursor=False), wrap_lines=True),
                    filter=~is_done,
                ),
            ]
        )
    )
    application: Application[str] = Application(
        layout=layout, key_bindings=bindings, style=style, **(io or {})
    )
    return application.run()


def _bindings(values: list[str], pointer: _Pointer, keys: Mapping[str, str]) -> KeyBindings:
    """Arrows move the pointer; Enter answers where it points, each of ``keys`` at once."""
    bindings = KeyBindings()

    def move(step: int) -> Any:
        def handler(event: Any) -> None:
            pointer.at = (pointer.at + step) % len(values)

        return handler

    def answer_with(value: str | None) -> Any:
        def handler(event: Any) -> None:
            chosen = values[pointer.at] if value is None else value
            pointer.at, pointer.answer = values.index(chosen), chosen
            event.app.exit(result=chosen)

        return handler

    for key, step in (("up", -1), ("c-p", -1), ("down", 1), ("c-n", 1)):
        bindings.add(key, eager=True)(move(step))
    bindings.add("enter", eager=True)(answer_with(None))
    for key, value in keys.items():
        bindings.add(key, eager=True)(answer_with(value))
    bindings.add(Keys.ControlC, eager=True)(_abort)
    bindings.add(Keys.Any)(_ignore)  # other keys do nothing, as in questionary's lists
    return bindings


def _abort(event: Any) -> None:
    event.app.exit(exception=KeyboardInterrupt, style="class:aborting")


def _ignore(event: Any) -> None:
    """A key that is no answer and moves nothing."""
