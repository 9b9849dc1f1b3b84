"""The questions on a terminal that cannot move its cursor (``TERM=dumb``, Emacs' shell):
plain numbered lines read with ``input()``, nothing redrawn, no escape code printed.

Each function is the plain twin of a question of ``select``, ``choices``, ``questions`` or
``hours_questions``, with the same answers: a value of the list, the values ticked, a line of
text, j or n. Ctrl-C and a closed input stop as everywhere (KeyboardInterrupt).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from asmo_cli.cli.streams import has_cursor_control
from asmo_cli.core.text import clean

ALL = "a"
REMOVE = "-"


def wanted(io: Mapping[str, Any]) -> bool:
    """True when a question is asked on this terminal (not a test's pipe) and it cannot move
    its cursor."""
    return not io and not has_cursor_control()


def say(text: str = "") -> None:
    print(text, flush=True)


def read(prompt: str) -> str:
    """One typed line, without surrounding spaces; Ctrl-D or a closed input stops like Ctrl-C."""
    try:
        return clean(input(prompt)).strip()
    except EOFError:
        say()
        raise KeyboardInterrupt from None


def labels(values: Sequence[str], keys: Mapping[str, str]) -> dict[str, str]:
    """What to type for each value: its own key (a digit, t), else a number not taken."""
    by_value: dict[str, str] = {}
    for key, value in keys.items():
        if len(key) == 1:
            by_value.setdefault(value, key)
    taken = set(by_value.values())
    numbers = (str(n) for n in range(1, 2 * len(values) + 2) if str(n) not in taken)
    return {value: by_value.get(value) or next(numbers) for value in values}


def ask_list(
    message: str,
    choices: Sequence[tuple[str, str]],
    *,
    default: str | None = None,
    keys: Mapping[str, str] | None = None,
    hint: str | None = None,
    listed: bool = True,
) -> str:
    """Ask one of ``choices`` ((title, value)) by typing its number or key; Enter alone takes
    ``default``, else the first, as the pointer of the list question (with a ``hint``: none,
    it says the hint and asks again). ``listed``: print the choices."""
    values = [value for _, value in choices]
    if default not in values:
        default = None if hint is not None else values[0]
    label = labels(values, keys or {})
    by_label = {text.lower(): value for value, text in label.items()}
    say(f"? {message}")  # no instruction (it names arrows): the line below says what to type
    if listed:
        for title, value in choices:
            say(f"{label[value]:>3}. {title}")
    hint = hint.strip("()") if hint else None  # on a line of its own: no brackets
    ask = hint or "typ het nummer van je keuze"
    if default is not None:
        ask += f"; Enter = {label[default]}"
    while True:
        typed = read(f"  {ask}: ").lower()
        if not typed and default is not None:
            return default
        if typed in by_label:
            return by_label[typed]
        if hint is None:  # with a hint, asking again says it once more
            say(f"  Typ een van: {', '.join(label.values())}")


def ask_many(
    message: str, titles: Sequence[tuple[str, str]], selected: Sequence[str], empty: str
) -> list[str]:
    """Ask which of ``titles`` ((title, value)) apply: their numbers, or a for all; Enter
    alone keeps ``selected`` (none: says ``empty``)."""
    say(f"? {message}")
    for number, (title, value) in enumerate(titles, start=1):
        say(f"{number:>3}. [{'x' if value in selected else ' '}] {title}")
    ask = "typ de nummers met een spatie ertussen (a = alles)"
    if selected:
        ask += "; Enter houdt de aangekruiste"
    while True:
        typed = read(f"  {ask}: ").lower().replace(",", " ").split()
        if not typed:
            if selected:
                return list(selected)
            say(f"  {empty}")
            continue
        if typed == [ALL]:
            return [value for _, value in titles]
        numbers = [int(word) for word in typed if word.isdigit()]
        if len(numbers) == len(typed) and all(1 <= n <= len(titles) for n in numbers):
            chosen = {titles[n - 1][1] for n in numbers}
            return [value for _, value in titles if value in chosen]
        say(f"  Typ nummers van 1 tot en met {len(titles)}, zoals 3 4 13, of a voor alles.")


def ask_text(
    message: str, default: str = "", validate: Callable[[str], bool | str] | None = None
) -> str:
    """Ask a line of text; Enter alone keeps ``default``, and - removes it."""
    if default:
        message += f"\n  Nu: {default} (Enter houdt dit, {REMOVE} haalt het weg)"
    while True:
        typed = read(f"? {message} ")
        text = default if not typed else "" if typed == REMOVE and default else typed
        problem = True if validate is None else validate(text)
        if problem is True:
            return text
        say(f"  {problem}")


def ask_yes_no(message: str, how: str) -> bool:
    """Ask j or n (and Enter); anything else says ``how`` and asks again."""
    say(f"? {message}")
    while True:
        typed = read("  j/n: ").lower()
        if typed in ("j", "ja"):
            return True
        if typed in ("n", "nee"):
            return False
        say(f"  {how}")


def ask_amount(
    message: str,
    default: str | None,
    *,
    back: str | None,
    validate: Callable[[str], bool | str],
) -> str:
    """Ask an amount; Enter alone keeps ``default``, t returns ``back`` (None: t is no answer)."""
    ask = "t = terug" if back is not None else ""
    if default is not None:
        ask = f"Enter = {default}" + (f", {ask}" if ask else "")
    while True:
        typed = read(f"? {message}" + (f" ({ask})" if ask else "") + " ")
        if not typed and default is not None:
            typed = default
        if back is not None and typed.lower() == "t":
            return back
        problem = validate(typed)
        if problem is True:
            return typed
        say(f"  {problem}")
