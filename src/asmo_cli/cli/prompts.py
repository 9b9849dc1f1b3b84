"""The interactive questions of ``asmo assess``: the only module that imports questionary.

``run_flow`` walks: select task areas → rate each activity (digits answer at once, 0 is n.v.t.,
t goes back) → done. Every answer is handed to ``save`` at once. ``input``/``output`` let tests
drive it with prompt_toolkit's pipe input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings
from questionary import Choice
from questionary.prompts.common import InquirerControl
from rich.console import Console
from rich.table import Table
from rich.text import Text

from asmo_cli.core.catalogue import Activity, Catalogue, Task
from asmo_cli.core.record import RatingMap
from asmo_cli.core.text import clean, number, stars

BACK = "terug"
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
    ]
)

Io = dict[str, Any]
KEYS_HELP = "Toets 1-5 voor sterren, 0 = n.v.t., t = terug (of pijltjes en Enter)."


def show_intro(console: Console, catalogue: Catalogue) -> None:
    """Explain the tool once, with the rating scale from tasks.yaml."""
    count = len(catalogue.tasks)
    console.print(Text("Zelfassessment ambtelijk secretaris", style="bold"))
    console.print(
        f"Je kiest welke van de {count} werkzaamheden jij doet en geeft per activiteit 1 tot 5 "
        "sterren. Daarna zie je je scores op de rollen van de AS, met een spindiagram en een "
        "rapport. Het kost 10 tot 20 minuten. Je antwoorden blijven op deze computer en worden "
        "na elk antwoord bewaard: stoppen mag altijd (Ctrl-C), je gaat later verder waar je was."
    )
    table = Table(title="De sterren", title_justify="left", show_header=False, box=None)
    for level in catalogue.scale:
        table.add_row(
            f"{level.stars} {stars(level.stars)}",
            Text(clean(level.label)),
            Text(clean(level.description)),
        )
    console.print(table)


def ask_name(io: Io) -> str | None:
    answer = questionary.text(
        "Je naam (komt op het rapport; Enter slaat over):", qmark="?", style=STYLE, **io
    ).unsafe_ask()
    return str(answer).strip() or None


def ask_level(catalogue: Catalogue, io: Io) -> str | None:
    choices = [Choice(level.name, value=level.id) for level in catalogue.levels]
    choices.append(Choice("Weet ik niet / zeg ik liever niet", value=""))
    answer = questionary.select(
        "Op welk functieniveau werk je?",
        choices=choices,
        instruction="(pijltjes + Enter)",
        style=STYLE,
        **io,
    ).unsafe_ask()
    return str(answer) or None


def _choose(message: str, first: str, second: str, io: Io) -> bool:
    """Ask a choice between two answers (Enter takes the first); True for the second."""
    answer = questionary.select(
        message,
        choices=[Choice(first, value="first"), Choice(second, value="second")],
        instruction=" ",
        style=STYLE,
        **io,
    ).unsafe_ask()
    return bool(answer == "second")


def ask_resume(summary: str, io: Io) -> bool:
    return not _choose(
        f"Je hebt een onafgeronde meting ({summary}). Wat wil je doen?",
        "Verdergaan waar ik was",
        "Opnieuw beginnen",
        io,
    )


def ask_want_hours(io: Io) -> bool:
    return _choose(
        "Wil je ook je tijdsbesteding invullen?",
        "Nee, nu niet (kan later met: asmo hours)",
        "Ja, uren per week per werkzaamheid",
        io,
    )


def parse_hours_text(text: str, *, positive: bool = False) -> float | None:
    """Read '4', '4,5' or '4.5' as a number of hours; None when it is not a valid amount."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    if value != value or value < 0 or (positive and value == 0) or value > 168:
        return None
    return value


def ask_hours(
    tasks: list[Task], hours: dict[str, float], contract: float | None, io: Io
) -> tuple[dict[str, float], float]:
    """Ask the average hours per week for each task and the contracted hours."""

    def check(positive: bool) -> Callable[[str], bool | str]:
        def validate(text: str) -> bool | str:
            if parse_hours_text(text, positive=positive) is not None:
                return True
            return "Typ een aantal uren, bijvoorbeeld 4 of 2,5" + (
                " (meer dan 0)" if positive else ""
            )

        return validate

    result: dict[str, float] = {}
    for task in tasks:
        current = hours.get(task.id)
        answer = questionary.text(
            f"{task.name}: uren per week gemiddeld?",
            default="" if current is None else number(current, 2, trim=True),
            validate=check(False),
            style=STYLE,
            **io,
        ).unsafe_ask()
        value = parse_hours_text(str(answer))
        assert value is not None
        result[task.id] = value
    answer = questionary.text(
        "Je formatie: hoeveel uur per week heb je volgens je contract voor dit werk?",
        default="" if contract is None else number(contract, 2, trim=True),
        validate=check(True),
        style=STYLE,
        **io,
    ).unsafe_ask()
    formatie = parse_hours_text(str(answer), positive=True)
    assert formatie is not None
    return result, formatie


def select_tasks(catalogue: Catalogue, selected: list[str], io: Io) -> list[str]:
    """Ask which task areas the user does; at least one."""
    choices = [
        Choice(f"{i:>2}. {task.name}", value=task.id, checked=task.id in selected)
        for i, task in enumerate(catalogue.tasks, start=1)
    ]
    answer = questionary.checkbox(
        "Welke werkzaamheden doe jij?",
        choices=choices,
        validate=lambda values: bool(values) or "Kies minstens één werkzaamheid (spatiebalk).",
        instruction="(spatie = aan/uit, a = alles, Enter = klaar)",
        style=STYLE,
        erase_when_done=True,  # questionary's own summary is English; we print ours
        **io,
    ).unsafe_ask()
    return [str(v) for v in answer]


def rate_activity(
    catalogue: Catalogue, activity: Activity, number: str, default: int | str | None, io: Io
) -> int | str | None:
    """Ask the stars for one activity: 1-5, None for n.v.t., or BACK."""
    choices = [
        Choice(f"{stars(lv.stars)}  {lv.stars} {lv.label}", value=str(lv.stars))
        for lv in catalogue.scale
    ]
    choices.append(Choice("n.v.t. / doe ik niet (0)", value=NOT_APPLICABLE))
    choices.append(Choice("← terug (t)", value=BACK))
    initial = None if default == "" else (NOT_APPLICABLE if default is None else str(default))
    question = questionary.select(
        f"{number} {activity.name}",
        choices=choices,
        default=initial,
        instruction=" ",  # the keys are named once per area, in the heading
        style=STYLE,
        **io,
    )
    _bind_answer_keys(question)
    answer = question.unsafe_ask()
    if answer == BACK:
        return BACK
    return None if answer == NOT_APPLICABLE else int(answer)


def _short_answer(value: str) -> str:
    """The answer line after a rating, short enough to stay on one line at 80 columns."""
    if value == BACK:
        return "← terug"
    if value == NOT_APPLICABLE:
        return "n.v.t."
    return f"{stars(int(value))} {value}"


def _bind_answer_keys(question: questionary.Question) -> None:
    """Let a digit (or t / Backspace) answer at once; questionary's shortcuts only move.

    Every way of answering (these keys and Enter) leaves a short answer line behind.
    """
    app = question.application
    control = next(
        w.content for w in app.layout.find_all_windows() if isinstance(w.content, InquirerControl)
    )
    values = [str(c.value) for c in control.choices]
    bindings = app.key_bindings
    assert isinstance(bindings, KeyBindings)

    def finish(event: Any, index: int) -> None:
        control.pointed_at = index
        control.choices[index].title = _short_answer(values[index])
        control.is_answered = True
        event.app.exit(result=values[index])

    def answer_with(value: str) -> Callable[[Any], None]:
        def handler(event: Any) -> None:
            finish(event, values.index(value))

        return handler

    @bindings.add("enter", eager=True)
    def enter(event: Any) -> None:
        finish(event, control.pointed_at)

    for key in ("0", "1", "2", "3", "4", "5"):
        if key in values:
            bindings.add(key, eager=True)(answer_with(key))
    for key in ("t", "backspace"):
        bindings.add(key, eager=True)(answer_with(BACK))


def run_flow(
    console: Console,
    catalogue: Catalogue,
    ratings: RatingMap,
    save: Callable[[], None],
    *,
    start: int = SELECTION,
    io: Io | None = None,
) -> None:
    """Ask until every activity of the selected areas is answered; ``ratings`` is updated."""
    io = io or {}
    position = start
    shown_task: str | None = None
    while True:
        items = _items(catalogue, ratings)
        if position == SELECTION or not items:
            known = [t.id for t in catalogue.tasks if t.id in ratings]
            chosen = select_tasks(catalogue, known, io)
            console.print(
                f"[bold]Gekozen werkzaamheden:[/] {len(chosen)} van {len(catalogue.tasks)}"
            )
            for task_id in known:
                if task_id not in chosen:
                    del ratings[task_id]
            for task_id in chosen:
                ratings.setdefault(task_id, {})
            save()
            position, shown_task = 0, None
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
        selected = [t for t in catalogue.tasks if t.id in ratings]
        if task.id != shown_task:
            _heading(console, selected.index(task) + 1, len(selected), task)
            shown_task = task.id
        index = task.activities.index(activity) + 1
        default = ratings[task.id].get(activity.id, "")
        answer = rate_activity(
            catalogue, activity, f"({index}/{len(task.activities)})", default, io
        )
        if answer == BACK:
            position -= 1
            if position >= 0 and items[position][0].id != task.id:
                shown_task = None
            continue
        ratings[task.id][activity.id] = answer if answer is None else int(answer)
        save()
        position += 1


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


def _items(catalogue: Catalogue, ratings: RatingMap) -> list[tuple[Task, Activity]]:
    return [(t, a) for t in catalogue.tasks if t.id in ratings for a in t.activities]


def _heading(console: Console, number: int, count: int, task: Task) -> None:
    console.print()
    console.print(
        Text(clean(f"Werkzaamheid {number} van {count}: {task.name}"), style="bold underline")
    )
    console.print(Text(clean(task.description), style="dim"))
    console.print(Text(KEYS_HELP, style="dim"))
