"""``asmo feedback add --interactive``: type in a paper feedback form, like ``asmo assess``.

The giver's role and (optional) name first, then every activity of the record's werkzaamheden
with the rating prompt of ``assess`` (1-5, 0 for "kan ik niet beoordelen", t for back) and,
after the last activity of each werkzaamheid, a step for its comment: Enter goes on, o opens
the text, t goes back. A digit there answers nothing, so a rating typed in the rhythm of the
one-key answers never lands in a comment. What is typed is kept after every answer as one more
response of the record (the same as an imported answers file), so Ctrl-C loses nothing; a form
with activities still open is offered again next time.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text

from asmo_cli.cli.session.layout import hanging
from asmo_cli.core.catalogue import Activity, Catalogue, TaskArea
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.paper import PAPER, is_draft, open_activities
from asmo_cli.core.record import Record
from asmo_cli.core.text import clean

if TYPE_CHECKING:
    from rich.console import Console

    from asmo_cli.cli.session.questions import PromptIO

CANNOT_JUDGE = ("kan ik niet beoordelen", "kan ik niet beoordelen")
KEYS = (
    "Toets 1-5 voor sterren, 0 = kan ik niet beoordelen, t = terug (of pijltjes en Enter). "
    "Na de laatste activiteit: o = opmerking typen, Enter = verder."
)
PLAIN_KEYS = (
    "Typ 1-5 voor sterren, 0 = kan ik niet beoordelen of t = terug, en dan Enter. "
    "Na de laatste activiteit: o = opmerking typen, Enter = verder."
)


def drafts(
    catalogue: Catalogue, record: Record, kept: list[FeedbackResponse]
) -> list[FeedbackResponse]:
    """The forms typed in by hand that still have open activities, newest first."""
    return [r for r in kept if is_draft(catalogue, record.ratings, r)][::-1]


def enter_form(
    console: Console,
    catalogue: Catalogue,
    record: Record,
    kept: list[FeedbackResponse],
    store: Callable[[FeedbackResponse], None],
    io: PromptIO | None = None,
) -> FeedbackResponse:
    """Ask a paper form's answers; ``store`` keeps the response after every answer that
    leaves something to keep (stars or a comment). Return the response.
    """
    from asmo_cli.cli.session import feedback_questions as ask
    from asmo_cli.cli.session.questions import TERMINAL, Mark, rate_activity

    io = io or TERMINAL
    open_forms = drafts(catalogue, record, kept)
    chosen = None
    if open_forms:
        summaries = [
            f"{r.giver_for(catalogue.council)}, nog "
            f"{open_activities(catalogue, record.ratings, r)} activiteiten open"
            for r in open_forms
        ]
        index = ask.ask_draft(summaries, io)
        chosen = None if index is None else open_forms[index]
    if chosen is None:
        role = ask.ask_giver_role(io, catalogue.council)
        name = ask.ask_text("Naam van de gever (mag leeg; Enter slaat over):", io=io)
        chosen = FeedbackResponse(f"{PAPER}{secrets.token_hex(8)}", role, name, {}, {})
    ratings = {t: dict(a) for t, a in chosen.ratings.items()}
    comments = dict(chosen.comments)

    def keep() -> FeedbackResponse:
        response = FeedbackResponse(
            chosen.response_id, chosen.giver_role, chosen.name, ratings, comments
        )
        if response.says_something:
            store(response)
        return response

    steps = _steps(catalogue, record)
    position = next(
        (i for i, (t, a) in enumerate(steps) if a and a.id not in ratings.get(t.id, {})),
        len(steps),
    )
    shown: str | None = None
    selected = [t for t in catalogue.tasks if t.id in record.ratings]
    while position < len(steps):
        task, activity = steps[position]
        if task.id != shown:
            _heading(console, selected.index(task) + 1, len(selected), task, io)
            shown = task.id
        if activity is None:  # the area's comment, after its last rating
            step = ask.ask_comment_step(clean(task.name), comments.get(task.id), io)
            if step == ask.WRITE:
                _type_comment(task, comments, io)
                keep()
            position += -1 if step == ask.BACK else 1
            continue
        current = ratings.get(task.id, {}).get(activity.id, Mark.UNANSWERED)
        number = f"({task.activities.index(activity) + 1}/{len(task.activities)})"
        answer = rate_activity(catalogue, activity, number, current, io, skip=CANNOT_JUDGE)
        if answer is Mark.BACK:
            position = max(0, position - 1)
            shown = None if steps[position][0].id != task.id else shown
            continue
        assert answer is not Mark.UNANSWERED
        ratings.setdefault(task.id, {})[activity.id] = answer
        keep()
        position += 1
    return keep()


def _steps(catalogue: Catalogue, record: Record) -> list[tuple[TaskArea, Activity | None]]:
    """What is asked, in order: every activity of an area, then its comment (None)."""
    steps: list[tuple[TaskArea, Activity | None]] = []
    for task in catalogue.tasks:
        if task.id in record.ratings:
            steps += [(task, activity) for activity in task.activities]
            steps.append((task, None))
    return steps


def _type_comment(task: TaskArea, comments: dict[str, str], io: PromptIO) -> None:
    """Ask the comment of an area (after o); empty removes it."""
    from asmo_cli.cli.session import feedback_questions as ask

    text = ask.ask_text(
        f"Opmerking bij {clean(task.name)} (Enter = klaar; leeg = geen opmerking):",
        comments.get(task.id, ""),
        io,
    )
    if text:
        comments[task.id] = text
    else:
        comments.pop(task.id, None)


def _heading(console: Console, number: int, count: int, task: TaskArea, io: PromptIO) -> None:
    from asmo_cli.cli.session import plain

    console.print()
    title = f"Werkzaamheid {number} van {count}: {task.name}"
    console.print(hanging(clean(title), console.width - 1, style="bold underline"))
    console.print(Text(PLAIN_KEYS if plain.wanted(io.kwargs()) else KEYS, style="dim"))
