"""A list question on prompt_toolkit's public API: arrows and Enter, and keys that answer at
once (the digits of a rating, t for back). It looks like questionary's lists (the question
after '?', the pointer '»' before the chosen line) and, once answered, leaves one line: the
question with a short answer behind it, wrapped at words.

A question with a ``hint`` and no answer yet (a new activity) has no pointer: Enter answers
nothing until an arrow places the pointer or a key answers, and shows the hint instead, in the
place of the instruction. On a terminal that cannot move its cursor the same question is asked
as numbered lines (``plain.ask_list``).

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

from asmo_cli.cli.session import plain
from asmo_cli.cli.session.layout import answer_text


@dataclass
class _Pointer:
    """Where the pointer is (None: not placed yet), the answer once given, and whether the
    hint is shown (this question's own state)."""

    at: int | None
    answer: str | None = None
    hinted: bool = False

    def move(self, step: int, count: int) -> None:
        """One choice up (-1) or down (1), round; not placed yet: on the first or the last."""
        if self.at is None:
            self.at = 0 if step > 0 else count - 1
        else:
            self.at = (self.at + step) % count

    def pointed(self, values: Sequence[str]) -> str | None:
        """The value the pointer is on (None: not placed yet)."""
        return None if self.at is None else values[self.at]


def ask_list(
    message: str,
    choices: Sequence[tuple[str, str]],
    answers: Mapping[str, str],
    *,
    style: BaseStyle,
    instruction: str = " ",
    default: str | None = None,
    keys: Mapping[str, str] | None = None,
    hint: str | None = None,
    listed: bool = True,
    io: Mapping[str, Any] | None = None,
) -> str:
    """Ask one of ``choices`` ((title, value), titles already wrapped) and return its value.

    ``answers[value]`` is the short answer left behind the question; ``keys`` maps a key to
    the value it answers at once; ``hint``: without a ``default``, Enter waits for a choice
    and shows this; ``listed``: a plain terminal lists the choices (False: the keys are
    known). ``io`` holds prompt_toolkit's ``input``/``output`` (a test's pipe). Ctrl-C raises
    KeyboardInterrupt, as questionary's questions do.
    """
    if plain.wanted(io or {}):
        return plain.ask_list(
            message,
            choices,
            default=default,
            keys=keys,
            hint=hint,
            listed=listed,
        )
    values = [value for _, value in choices]
    waits = hint is not None and default not in values
    pointer = _Pointer(None if waits else values.index(default) if default in values else 0)

    def prompt() -> StyleAndTextTuples:
        tokens: StyleAndTextTuples = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if pointer.answer is not None:
            return [*tokens, ("class:answer", answer_text(message, answers[pointer.answer]))]
        if pointer.hinted and hint is not None:
            return [*tokens, ("class:hint", answer_text(message, hint))]
        return [*tokens, ("class:instruction", instruction)]

    def lines() -> StyleAndTextTuples:
        tokens: StyleAndTextTuples = []
        for index, (title, _) in enumerate(choices):
            if index == pointer.at:
                tokens += [("class:pointer", " » "), ("class:highlighted", title)]
            else:
                tokens += [("class:text", "   "), ("class:text", title)]
            tokens.append(("", "\n"))
        return tokens[:-1]

    bindings = _bindings(values, pointer, keys or {}, hints=hint is not None)
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


def _bindings(
    values: list[str], pointer: _Pointer, keys: Mapping[str, str], *, hints: bool
) -> KeyBindings:
    """Arrows move the pointer (the first arrow places it); Enter answers where it points
    (not placed: shows the hint), each of ``keys`` at once. ``hints``: a key that is no
    answer (a digit where digits answer nothing) shows the hint too."""
    bindings = KeyBindings()

    def move(step: int) -> Any:
        def handler(event: Any) -> None:
            pointer.move(step, len(values))

        return handler

    def answer_with(value: str | None) -> Any:
        def handler(event: Any) -> None:
            chosen = value if value is not None else pointer.pointed(values)
            if chosen is None:  # nothing chosen yet: Enter gives no silent answer
                pointer.hinted = True
                return
            pointer.at, pointer.answer = values.index(chosen), chosen
            event.app.exit(result=chosen)

        return handler

    def other(event: Any) -> None:
        """A key that is no answer moves nothing; a question with a hint shows it."""
        pointer.hinted = hints

    for key, step in (("up", -1), ("c-p", -1), ("down", 1), ("c-n", 1)):
        bindings.add(key, eager=True)(move(step))
    # c-j too: an Enter typed while the terminal was between two questions (not raw yet)
    # arrives as a line feed
    for key in ("enter", "c-j"):
        bindings.add(key, eager=True)(answer_with(None))
    for key, value in keys.items():
        bindings.add(key, eager=True)(answer_with(value))
    bindings.add(Keys.ControlC, eager=True)(_abort)
    bindings.add(Keys.Any)(other)  # other keys answer nothing, as in questionary's lists
    return bindings


def _abort(event: Any) -> None:
    event.app.exit(exception=KeyboardInterrupt, style="class:aborting")
