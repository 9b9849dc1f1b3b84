"""Where the words of a question go: choices and answers wrapped at words for this terminal.

prompt_toolkit breaks a line that is too long at the last column, in the middle of a word, and
cuts a choice that does not fit. These helpers break text at spaces (a word longer than a line
after a slash), with a hanging indent, so nothing the user has to read is split or cut (tested
at 40, 60, 80 and 100 columns).
"""

from __future__ import annotations

from rich.text import Text

from asmo_cli.render.terminal import columns, fill

__all__ = ["answer_text", "columns", "fill", "hanging", "split_instruction", "wrap_choice"]

POINTER = 3  # " » " before a choice of questionary's lists
MARK = 2  # "○ " after the pointer in a checkbox list


def wrap_choice(text: str, start: int, hang: int) -> str:
    """A choice title starting at column ``start``, its next lines indented to ``hang``."""
    width = columns()
    lines = fill(text, width - start, width - hang)
    return ("\n" + " " * hang).join(lines)


def answer_text(message: str, answer: str) -> str:
    """The answer as shown behind a question: wrapped so that no word crosses the edge.

    questionary prints "? message answer"; the message may already span several lines (made
    by ``fit_message``, the next lines indented by two).
    """
    last = message.split("\n")
    column = (2 + len(last[0]) if len(last) == 1 else len(last[-1])) + 1
    width = columns()
    lines = fill(answer, width - column, width - 2)
    if not lines[0]:
        lines.pop(0)
        return "\n  " + "\n  ".join(lines)
    return "\n  ".join(lines)


def split_instruction(message: str, instruction: str) -> tuple[str, str]:
    """Wrap a question and the instruction printed right behind it, both at words."""
    width = columns()
    text = "\n  ".join(fill(message, width - 2, width - 2))
    rest = answer_text(text, instruction)
    if "\n" in rest and len(instruction) <= width - 2:  # rather whole, on a line of its own
        rest = "\n  " + instruction
    return text, rest


def hanging(text: str, width: int, style: str = "") -> Text:
    """Text for rich, wrapped at words with a hanging indent that carries no style."""
    result = Text()
    for i, line in enumerate(fill(text, width, width - 2)):
        result.append("\n  " if i else "")
        result.append(line, style=style)
    return result
