"""The interactive questions of ``asmo assess``: the only module that imports questionary.

``run_flow`` walks: select task areas → rate each activity (digits answer at once, 0 is n.v.t.,
t goes back) → done. Every answer is handed to ``save`` at once. ``input``/``output`` let tests
drive it with prompt_toolkit's pipe input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import questionary
from questionary import Choice
from rich.console import Console
from rich.text import Text

from asmo_cli.cli.session import plain
from asmo_cli.cli.session.layout import MARK, POINTER, hanging, split_instruction, wrap_choice
from asmo_cli.cli.session.select import ask_list
from asmo_cli.core.catalogue import Activity, Catalogue, TaskArea
from asmo_cli.core.record import RatingMap
from asmo_cli.core.text import clean, stars
from asmo_cli.render.terminal import fit_message

BACK = "terug"  # the choice values of the rating question
NOT_APPLICABLE = "0"
SELECTION = -1
STYLE = questionary.Style(
    [
        ("qmark", "fg:#1f5fa8 bold"),
        ("question", "bold"),
        ("answer", "fg:#1f5fa8 bold"),
        ("pointer", "fg:#1f5fa8 bold"),
        ("highlighted", "fg:#1f5fa8 bold"),
        ("instruction", "fg:#808080"),
        ("hint", "fg:#b35900 bold"),  # said when Enter alone is no answer
    ]
)


@dataclass(frozen=True)
class PromptIO:
    """Where prompts read and write: the terminal (the default), or a test's pipe."""

    input: Any = None
    output: Any = None

    def kwargs(self) -> dict[str, Any]:
        return {k: v for k, v in (("input", self.input), ("output", self.output)) if v is not None}


TERMINAL = PromptIO()


class Mark(Enum):
    """An answer that is not a number of stars."""

    UNANSWERED = "unanswered"  # not asked yet (n.v.t. is None)
    BACK = "back"  # go back one step


KEYS_HELP = "Toets 1-5 voor sterren, 0 = n.v.t., t = terug (of pijltjes en Enter)."
PLAIN_KEYS_HELP = "Typ 1-5 voor sterren, 0 = n.v.t. of t = terug, en dan Enter."


def rating_hint(skip: str) -> str:
    """What Enter alone says on an activity without an answer: the keys that answer."""
    return f"(kies 1–5, 0 = {skip})"


def choice(title: str, value: str) -> Choice:
    """A choice of a list, wrapped at words under its first word."""
    return Choice(wrap_choice(clean(title), POINTER, POINTER + 2), value=value)


def select_tasks(catalogue: Catalogue, selected: list[str], io: PromptIO = TERMINAL) -> list[str]:
    """Ask which task areas the user does; at least one.

    A long name wraps under its first word, the mark stays on its first line.
    """
    start = POINTER + MARK + 4  # "○ " and " 1. " before the name
    choices = [
        Choice(
            f"{i:>2}. {wrap_choice(clean(task.name), start, start)}",
            value=task.id,
            checked=task.id in selected,
        )
        for i, task in enumerate(catalogue.tasks, start=1)
    ]
    empty = "Kies minstens één werkzaamheid"
    if plain.wanted(io.kwargs()):
        start = 9  # "  1. [x] " before the name
        titles = [(wrap_choice(clean(t.name), start, start), t.id) for t in catalogue.tasks]
        return plain.ask_many("Welke werkzaamheden doe jij?", titles, selected, f"{empty}.")
    message, instruction = split_instruction(
        "Welke werkzaamheden doe jij?", "(spatie = aan/uit, a = alles, Enter = klaar)"
    )
    answer = questionary.checkbox(
        message,
        choices=choices,
        validate=lambda values: bool(values) or f"{empty} (spatiebalk).",
        instruction=instruction,
        style=STYLE,
        erase_when_done=True,  # questionary's own summary is English; we print ours
        **io.kwargs(),
    ).unsafe_ask()
    return [str(v) for v in answer]


def rate_activity(
    catalogue: Catalogue,
    activity: Activity,
    number: str,
    current: int | Mark | None,
    io: PromptIO = TERMINAL,
    skip: tuple[str, str] = ("n.v.t. / doe ik niet", "n.v.t."),
) -> int | Mark | None:
    """Ask the stars for one activity: 1-5, None for ``skip`` (n.v.t.), or Mark.BACK.

    ``skip`` is the 0 answer's text in the list and on the answer line. Not answered yet:
    Enter alone answers nothing (no silent lowest score) and says which keys do; answered:
    the pointer is on that answer and Enter keeps it.
    """
    choices = [
        (f"{stars(lv.stars)}  {lv.stars} {lv.label}", str(lv.stars)) for lv in catalogue.scale
    ]
    choices.append((f"{skip[0]} (0)", NOT_APPLICABLE))
    choices.append(("← terug (t)", BACK))
    initial = (
        None if current is Mark.UNANSWERED else NOT_APPLICABLE if current is None else str(current)
    )
    values = [value for _, value in choices]
    keys: dict[str, str] = {key: key for key in ("0", "1", "2", "3", "4", "5") if key in values}
    keys |= {"t": BACK, "backspace": BACK}
    answer = ask_list(
        fit_message(f"{number} {activity.name}"),
        choices,
        {value: _short_answer(value, skip[1]) for value in values},
        style=STYLE,
        instruction=" ",  # the keys are named once per area, in the heading
        default=initial,
        keys=keys,
        hint=rating_hint(skip[1]),
        listed=False,  # a plain terminal: the keys are in the heading, not seven lines a time
        io=io.kwargs(),
    )
    if answer == BACK:
        return Mark.BACK
    return None if answer == NOT_APPLICABLE else int(answer)


def _short_answer(value: str, skip: str) -> str:
    """The answer line after a rating, short enough to stay on one line at 80 columns."""
    if value == BACK:
        return "← terug"
    if value == NOT_APPLICABLE:
        return skip
    return f"{stars(int(value))} {value}"


def run_flow(
    console: Console,
    catalogue: Catalogue,
    ratings: RatingMap,
    save: Callable[[], None],
    *,
    start: int = SELECTION,
    io: PromptIO = TERMINAL,
) -> None:
    """Ask until every activity of the selected areas is answered; ``ratings`` is updated."""
    position = start
    shown_task: str | None = None
    while True:
        items = _items(catalogue, ratings)
        if position == SELECTION or not items:
            _choose_tasks(console, catalogue, ratings, io)
            save()
            position, shown_task = _after_selection(catalogue, ratings), None
            continue
        if position >= len(items):
            if any(ratings[t.id].get(a.id) is not None for t, a in items):
                return
            console.print(
                "[yellow]Je gaf nog nergens sterren. Geef minstens één activiteit 1 tot 5 "
                "sterren, of kies andere werkzaamheden.[/]"
            )
            position = SELECTION
            continue
        task, activity = items[position]
        if task.id != shown_task:
            selected = [t for t in catalogue.tasks if t.id in ratings]
            _heading(console, selected.index(task) + 1, len(selected), task, io)
            shown_task = task.id
        index = task.activities.index(activity) + 1
        current = ratings[task.id].get(activity.id, Mark.UNANSWERED)
        answer = rate_activity(
            catalogue, activity, f"({index}/{len(task.activities)})", current, io
        )
        if answer is Mark.BACK:
            position -= 1
            if position >= 0 and items[position][0].id != task.id:
                shown_task = None
            continue
        assert answer is not Mark.UNANSWERED  # only ever asked, never answered
        ratings[task.id][activity.id] = answer
        save()
        position += 1


def _choose_tasks(console: Console, catalogue: Catalogue, ratings: RatingMap, io: PromptIO) -> None:
    """Ask which areas she does; areas she drops lose their answers, new ones start empty."""
    known = [t.id for t in catalogue.tasks if t.id in ratings]
    chosen = select_tasks(catalogue, known, io)
    console.print(f"[bold]Gekozen werkzaamheden:[/] {len(chosen)} van {len(catalogue.tasks)}")
    for task_id in known:
        if task_id not in chosen:
            del ratings[task_id]
    for task_id in chosen:
        ratings.setdefault(task_id, {})


def _after_selection(catalogue: Catalogue, ratings: RatingMap) -> int:
    """Where to go on after choosing areas: the first activity not answered yet; all
    answered: walk them again from the first."""
    position = first_open_position(catalogue, ratings)
    return 0 if position >= len(_items(catalogue, ratings)) else position


def first_open_position(catalogue: Catalogue, ratings: RatingMap) -> int:
    """Return where to resume: the first unanswered activity.

    Nothing selected yet: the selection. Everything answered (stopped just before the end):
    past the last activity, so the flow finishes at once.
    """
    items = _items(catalogue, ratings)
    for i, (task, activity) in enumerate(items):
        if activity.id not in ratings[task.id]:
            return i
    return len(items) if items else SELECTION


def _items(catalogue: Catalogue, ratings: RatingMap) -> list[tuple[TaskArea, Activity]]:
    return [(t, a) for t in catalogue.tasks if t.id in ratings for a in t.activities]


def _heading(console: Console, number: int, count: int, task: TaskArea, io: PromptIO) -> None:
    console.print()
    title = f"Werkzaamheid {number} van {count}: {task.name}"
    console.print(hanging(clean(title), console.width - 1, style="bold underline"))
    console.print(Text(clean(task.description), style="dim"))
    console.print(Text(PLAIN_KEYS_HELP if plain.wanted(io.kwargs()) else KEYS_HELP, style="dim"))
